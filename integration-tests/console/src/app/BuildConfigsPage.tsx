import * as React from 'react';
import { PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link, useParams } from 'react-router-dom-v5-compat';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/hooks/useK8sWatchResource';

interface BuildConfigLike extends K8sResourceCommon {
  spec?: {
    strategy?: {
      type?: string;
      sourceStrategy?: { from?: { name?: string } };
      dockerStrategy?: { from?: { name?: string } };
    };
  };
}

/**
 * The console's Builds → BuildConfigs list, reduced to what leads to the plugin: the project's
 * BuildConfigs by name, with their strategy and builder image, each linking to its page (where
 * the plugin's PipCache tab and actions are).
 */
const BuildConfigsPage: React.FC = () => {
  const { ns = '' } = useParams<{ ns: string }>();
  const [buildConfigs, loaded, loadError] = useK8sWatchResource<BuildConfigLike[]>({
    groupVersionKind: { group: 'build.openshift.io', version: 'v1', kind: 'BuildConfig' },
    namespace: ns,
    isList: true,
  });
  const sorted = React.useMemo(
    () =>
      [...buildConfigs].sort((a, b) =>
        (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
      ),
    [buildConfigs],
  );
  let body: React.ReactNode;
  if (loadError) body = <p data-test="buildconfigs-error">{String(loadError)}</p>;
  else if (!loaded) body = <Spinner size="lg" aria-label="Loading BuildConfigs" />;
  else if (sorted.length === 0) body = <p data-test="buildconfigs-empty">No BuildConfigs found</p>;
  else
    body = (
      <Table aria-label="BuildConfigs" variant="compact">
        <Thead>
          <Tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Builder image</Th>
          </Tr>
        </Thead>
        <Tbody>
          {sorted.map((buildConfig) => {
            const name = buildConfig.metadata?.name ?? '';
            const strategy = buildConfig.spec?.strategy;
            const from = strategy?.sourceStrategy?.from ?? strategy?.dockerStrategy?.from;
            return (
              <Tr key={name} data-test="buildconfigs-row" data-test-name={name}>
                <Td dataLabel="Name">
                  <Link to={`/k8s/ns/${ns}/buildconfigs/${name}`}>{name}</Link>
                </Td>
                <Td dataLabel="Type">{strategy?.type ?? '-'}</Td>
                <Td dataLabel="Builder image">{from?.name ?? '-'}</Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  return (
    <PageSection data-test="buildconfigs-page">
      <Title headingLevel="h1">BuildConfigs</Title>
      {body}
    </PageSection>
  );
};

export default BuildConfigsPage;
