import * as React from 'react';
import { Button, Flex, FlexItem, Popover, PopoverPosition, Skeleton } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
  UnknownIcon,
} from '@patternfly/react-icons';

/** The console's icon for each health state (its `healthStateMapping`). */
const ICONS: Record<string, React.ReactNode> = {
  OK: <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />,
  ERROR: (
    <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
  ),
  WARNING: (
    <ExclamationTriangleIcon color="var(--pf-t--global--icon--color--status--warning--default)" />
  ),
  PROGRESS: <InProgressIcon />,
  UPDATING: <InProgressIcon />,
  UPGRADABLE: <InProgressIcon />,
  UNKNOWN: <UnknownIcon />,
  NOT_AVAILABLE: <UnknownIcon />,
};

/**
 * One subsystem of the Status card, as the console's HealthItem draws it: a state icon, the
 * title (a link that opens a popover when there is popup content) and the details below it.
 * The popover opens above the title, flips when there is no room and is at most 21rem wide, as
 * the console's status-card HealthItem has it (console-shared, release-4.19 to 4.22:
 * `position={PopoverPosition.top}`, `enableFlip`, `maxWidth="21rem"`).
 */
const HealthItem: React.FC<{
  title: string;
  state?: string;
  details?: string;
  popupTitle?: string;
  children?: React.ReactNode;
}> = ({ title, state = 'UNKNOWN', details, popupTitle, children }) => (
  <Flex
    spaceItems={{ default: 'spaceItemsSm' }}
    flexWrap={{ default: 'nowrap' }}
    data-test="health-item"
    data-test-title={title}
    data-health-state={state}
  >
    <FlexItem>
      {state === 'LOADING' ? <Skeleton shape="circle" width="1rem" /> : ICONS[state]}
    </FlexItem>
    <FlexItem>
      <div>
        {children ? (
          <Popover
            position={PopoverPosition.top}
            enableFlip
            maxWidth="21rem"
            headerContent={popupTitle ?? title}
            bodyContent={children}
            data-test="health-item-popup"
          >
            <Button variant="link" isInline data-test="health-item-title">
              {title}
            </Button>
          </Popover>
        ) : (
          <span data-test="health-item-title">{title}</span>
        )}
      </div>
      {details && (
        <div
          className="pf-v6-u-text-color-subtle pf-v6-u-font-size-sm"
          data-test="health-item-details"
        >
          {details}
        </div>
      )}
    </FlexItem>
  </Flex>
);

export default HealthItem;
