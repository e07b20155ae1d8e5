import * as React from 'react';
import { Card, CardBody, CardHeader, CardTitle, Gallery, Spinner } from '@patternfly/react-core';
import { failedPlugins } from '../plugin-status';
import { missingFacades } from '../shell-context';
import { ofType, useShellResolvedExtensions } from '../extensions';
import { ErrorBoundary } from './ErrorBoundary';
import HealthItem from './HealthItem';
import ResourceHealthItem, { type ResourceSubsystem } from './ResourceHealthItem';

/** Health extension types the shell does not draw: a plugin using one fails the browser tests. */
const UNSUPPORTED = [
  'console.dashboards/overview/health/url',
  'console.dashboards/overview/health/prometheus',
  'console.dashboards/overview/health/operator',
];

/**
 * The cluster Overview's Status card: the console's own subsystems (always healthy here) and
 * one item per `console.dashboards/overview/health/resource` extension.
 */
const StatusCard: React.FC = () => {
  const [extensions, resolved] = useShellResolvedExtensions(
    ofType('console.dashboards/overview/health/resource'),
    ...UNSUPPORTED.map(ofType),
  );
  for (const extension of extensions.filter((e) => UNSUPPORTED.includes(e.type))) {
    missingFacades.add(extension.type);
  }
  return (
    <Card data-test="status-card">
      <CardHeader>
        <CardTitle>Status</CardTitle>
      </CardHeader>
      <CardBody>
        <Gallery hasGutter minWidths={{ default: '12rem' }}>
          <HealthItem title="Cluster" state="OK" />
          <HealthItem title="Control Plane" state="OK" />
          {/* The console's own Dynamic Plugins item: an error while any plugin failed to load
              (its getDynamicPluginHealthState), the failed ones named in its popover. The console
              declares it as a health/resource extension of its local console-app plugin
              (console-app/console-extensions.json), and its status-card.tsx draws the items in
              extension order, local plugins' first (4.19: getExtensionsInUse in
              console-plugin-sdk/src/store.ts; 4.22: public/plugins.ts loads the local plugins
              before any dynamic one), so it stands before the plugins' items. */}
          <HealthItem
            title="Dynamic Plugins"
            state={failedPlugins().length > 0 ? 'ERROR' : 'OK'}
            popupTitle="Dynamic Plugin status"
          >
            <div data-test="dynamic-plugins-failed">
              {failedPlugins().length > 0
                ? `Failed plugins: ${failedPlugins().join(', ')}`
                : 'No plugin failed to load.'}
            </div>
          </HealthItem>
          {!resolved && <Spinner size="md" aria-label="Loading health items" />}
          {extensions
            .filter((e) => e.type === 'console.dashboards/overview/health/resource')
            .map((extension) => (
              <ErrorBoundary key={extension.uid}>
                <ResourceHealthItem
                  subsystem={extension.properties as unknown as ResourceSubsystem}
                />
              </ErrorBoundary>
            ))}
        </Gallery>
      </CardBody>
    </Card>
  );
};

export default StatusCard;
