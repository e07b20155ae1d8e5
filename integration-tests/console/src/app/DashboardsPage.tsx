import * as React from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  PageSection,
  Spinner,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom-v5-compat';
import { ofType, translateLabel, useShellResolvedExtensions } from '../extensions';
import { generation } from '../generation/current';
import { Overview, OverviewGrid } from '../facades/dashboard';
import { ErrorBoundary } from './ErrorBoundary';
import StatusCard from './StatusCard';

interface TabProps {
  id: string;
  navSection: 'home' | 'storage';
  title: string;
}

interface CardProps {
  tab: string;
  position: 'MAIN' | 'LEFT' | 'RIGHT';
  component: React.ComponentType;
  span?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
}

const DetailsCard: React.FC = () => (
  <Card data-test="details-card">
    <CardHeader>
      <CardTitle>Details</CardTitle>
    </CardHeader>
    <CardBody>
      <DescriptionList>
        <DescriptionListGroup>
          <DescriptionListTerm>Cluster API address</DescriptionListTerm>
          <DescriptionListDescription>{window.location.origin}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>OpenShift version</DescriptionListTerm>
          <DescriptionListDescription data-test="shell-openshift-version">
            {/* The generation this shell imitates, so that the page never names another. */}
            {generation.consoleVersion.replace(/\.0$/, '')} (console shell)
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </CardBody>
  </Card>
);

/** The built-in Cluster tab: plugins cannot add cards to it, only Status card health items. */
const ClusterTab: React.FC = () => (
  <Overview>
    <OverviewGrid leftCards={[{ Card: DetailsCard }]} mainCards={[{ Card: StatusCard }]} />
  </Overview>
);

const withBoundary = (Component: React.ComponentType): React.ComponentType => {
  const Bounded: React.FC = () => (
    <ErrorBoundary>
      <Component />
    </ErrorBoundary>
  );
  return Bounded;
};

/**
 * Home → Overview (`/dashboards`): the built-in Cluster tab and one tab per
 * `console.dashboards/tab` of the home section at `/dashboards/<id>`, whose cards are the
 * `console.dashboards/card` extensions naming it, placed by `position` and `span`.
 */
const DashboardsPage: React.FC = () => {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [extensions, resolved] = useShellResolvedExtensions(
    ofType('console.dashboards/tab'),
    ofType('console.dashboards/card'),
  );
  const tabs = extensions
    .filter((e) => e.type === 'console.dashboards/tab')
    .map((e) => e.properties as unknown as TabProps)
    .filter((tab) => tab.navSection === 'home');
  const cards = extensions
    .filter((e) => e.type === 'console.dashboards/card')
    .map((e) => e.properties as unknown as CardProps);
  const active = /^\/dashboards\/([^/]+)/.exec(location.pathname)?.[1] ?? '';
  const activeTab = tabs.find((tab) => tab.id === active);

  // Wrapped once per resolution, so that a re-render does not remount the plugin's cards.
  const grid = React.useMemo(() => {
    const bounded = cards.map((card) => ({ ...card, Card: withBoundary(card.component) }));
    const at = (position: CardProps['position']) =>
      bounded
        .filter((card) => card.tab === active && card.position === position)
        .map(({ Card, span }) => ({ Card, span }));
    return { main: at('MAIN'), left: at('LEFT'), right: at('RIGHT') };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extensions, active]);

  let content: React.ReactNode;
  if (active === '') content = <ClusterTab />;
  else if (!resolved) content = <Spinner aria-label="Loading dashboards" />;
  else if (!activeTab) content = <div data-test="not-found">404: Page Not Found</div>;
  else
    content = (
      <Overview>
        <OverviewGrid mainCards={grid.main} leftCards={grid.left} rightCards={grid.right} />
      </Overview>
    );

  return (
    <>
      <PageSection data-test="dashboards-page">
        <Title headingLevel="h1">Overview</Title>
        <Tabs
          activeKey={active}
          onSelect={(_event, key) => navigate(key ? `/dashboards/${String(key)}` : '/dashboards')}
          aria-label="Dashboards"
        >
          {[
            <Tab
              key="cluster"
              eventKey=""
              title={<TabTitleText>Cluster</TabTitleText>}
              data-test="dashboard-tab-cluster"
            />,
            ...tabs.map((tab) => (
              <Tab
                key={tab.id}
                eventKey={tab.id}
                title={<TabTitleText>{translateLabel(tab.title, t)}</TabTitleText>}
                data-test={`dashboard-tab-${tab.id}`}
              />
            )),
          ]}
        </Tabs>
      </PageSection>
      <PageSection>{content}</PageSection>
    </>
  );
};

export default DashboardsPage;
