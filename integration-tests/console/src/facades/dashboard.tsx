/**
 * The console's dashboard pieces that the SDK re-exports (`@console/shared/src/components/
 * dashboard/...`): the dashboard wrapper and grid, the Inventory card's item parts and the
 * Status card popup's rows, with the console's props and layout.
 */
import * as React from 'react';
import { Flex, FlexItem, Grid, GridItem, Skeleton, Stack, StackItem } from '@patternfly/react-core';
import { Link } from 'react-router-dom-v5-compat';

type Span = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

interface GridCard {
  Card: React.ComponentType;
  span?: Span;
}

/** `Overview`: the wrapper of a dashboard's grid. */
export const Overview: React.FC<{ className?: string; children?: React.ReactNode }> = ({
  className,
  children,
}) => (
  <div className={className} data-test="dashboard">
    {children}
  </div>
);

const Column: React.FC<{ cards: GridCard[]; position: string }> = ({ cards, position }) => (
  <Grid hasGutter data-test={`dashboard-column-${position}`}>
    {cards.map(({ Card, span = 12 }, index) => (
      <GridItem key={index} span={span}>
        <Card />
      </GridItem>
    ))}
  </Grid>
);

/**
 * `OverviewGrid`: main cards in the middle, left and right cards beside them on wide
 * screens; each card spans `span` of its column's 12 grid units.
 */
export const OverviewGrid: React.FC<{
  mainCards?: GridCard[];
  leftCards?: GridCard[];
  rightCards?: GridCard[];
}> = ({ mainCards = [], leftCards = [], rightCards = [] }) => {
  const sides = (leftCards.length > 0 ? 1 : 0) + (rightCards.length > 0 ? 1 : 0);
  const mainSpan = sides === 2 ? 6 : sides === 1 ? 9 : 12;
  return (
    <Grid hasGutter data-test="dashboard-grid">
      {leftCards.length > 0 && (
        <GridItem lg={3} md={12}>
          <Column cards={leftCards} position="left" />
        </GridItem>
      )}
      <GridItem lg={mainSpan} md={12}>
        <Column cards={mainCards} position="main" />
      </GridItem>
      {rightCards.length > 0 && (
        <GridItem lg={3} md={12}>
          <Column cards={rightCards} position="right" />
        </GridItem>
      )}
    </Grid>
  );
};

/** `InventoryItem`: one line of an Inventory card, title on the left, status on the right. */
export const InventoryItem: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <Flex
    justifyContent={{ default: 'justifyContentSpaceBetween' }}
    flexWrap={{ default: 'wrap' }}
    data-test="inventory-item"
  >
    {children}
  </Flex>
);

export const InventoryItemTitle: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <FlexItem data-test="inventory-item-title">{children}</FlexItem>
);

/** Like the console's, it shows "Not available" instead of its children when given an error. */
export const InventoryItemBody: React.FC<{ children?: React.ReactNode; error?: unknown }> = ({
  children,
  error,
}) => (
  <FlexItem data-test="inventory-item-body">
    {error ? <span className="pf-v6-u-text-color-subtle">Not available</span> : children}
  </FlexItem>
);

export const InventoryItemStatus: React.FC<{
  count: number;
  icon: React.ReactNode;
  linkTo?: string;
}> = ({ count, icon, linkTo }) => {
  const body = (
    <>
      <span>{count}</span> {icon}
    </>
  );
  return (
    <span data-test="inventory-item-status">{linkTo ? <Link to={linkTo}>{body}</Link> : body}</span>
  );
};

export const InventoryItemLoading: React.FC = () => (
  <Skeleton width="1rem" style={{ display: 'inline-block' }} data-test="inventory-item-loading" />
);

/** `StatusPopupSection`: a popup section with two column headings above its rows. */
export const StatusPopupSection: React.FC<{
  firstColumn: React.ReactNode;
  secondColumn?: React.ReactNode;
  children?: React.ReactNode;
}> = ({ firstColumn, secondColumn, children }) => (
  <Stack hasGutter data-test="status-popup-section">
    <StackItem>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <FlexItem>
          <strong>{firstColumn}</strong>
        </FlexItem>
        {secondColumn && (
          <FlexItem>
            <strong>{secondColumn}</strong>
          </FlexItem>
        )}
      </Flex>
    </StackItem>
    {children}
  </Stack>
);

/** `StatusPopupItem`: one row of a popup section, its children left and its value right. */
export const StatusPopupItem: React.FC<{
  value?: string;
  icon?: React.ReactNode;
  children?: React.ReactNode;
}> = ({ value, icon, children }) => (
  <StackItem data-test="status-popup-item">
    <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
      <FlexItem>{children}</FlexItem>
      {value && (
        <FlexItem className="pf-v6-u-text-color-subtle" data-test="status-popup-item-value">
          {value} {icon}
        </FlexItem>
      )}
    </Flex>
  </StackItem>
);
