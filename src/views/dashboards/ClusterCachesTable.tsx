import * as React from 'react';
import { Alert, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom-v5-compat';
import { toK8sErrorInfo } from '../../api/k8s-error';
import CopyButton from '../../components/CopyButton';
import HealthLabel from '../../components/HealthLabel';
import { useCacheInstances } from '../../hooks/useCacheInstances';
import { useClusterVolumeUse } from '../../hooks/useClusterVolumeUse';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { projectsWithClaims } from '../../model/cluster-disk';
import { cacheHealth } from '../../model/health';
import { detailsPagePath, listPagePath } from '../../model/namespaces';
import { clientSnippet } from '../../model/snippets';
import ClusterDiskAlert from './ClusterDiskAlert';
import ClusterDiskCell from './ClusterDiskCell';

/**
 * Every cache of every project, by project and name, with its status, how full its volume is
 * and its pip settings.
 */
const ClusterCachesTable: React.FC = () => {
  const { t } = usePipCacheTranslation();
  const { instances, loaded, loadError } = useCacheInstances(undefined);
  const rows = React.useMemo(
    () =>
      [...instances]
        .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
        .map((instance) => ({
          instance,
          health: cacheHealth(instance, { kind: 'skipped', why: 'not-yet' }, t),
        })),
    [instances, t],
  );
  const projects = React.useMemo(
    () =>
      loaded
        ? projectsWithClaims(
            instances.map((instance) => ({
              namespace: instance.namespace,
              claim: instance.storage.kind === 'persistent' ? `${instance.name}-data` : undefined,
            })),
          )
        : undefined,
    [instances, loaded],
  );
  const volumes = useClusterVolumeUse(projects);
  if (loadError) {
    return (
      <Alert
        variant="danger"
        isInline
        isPlain
        title={t('Could not load pip caches')}
        data-test="pipcache-load-error"
      >
        {toK8sErrorInfo(loadError).message}
      </Alert>
    );
  }
  if (!loaded) return <Spinner size="lg" aria-label={t('Loading pip caches')} />;
  if (rows.length === 0) {
    return <p data-test="pipcache-cluster-empty">{t('No project has a pip cache yet.')}</p>;
  }
  return (
    <>
      <ClusterDiskAlert volumes={volumes} />
      <Table aria-label={t('Pip caches in the cluster')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Project')}</Th>
            <Th>{t('Status')}</Th>
            <Th>{t('Disk')}</Th>
            <Th screenReaderText={t('Copy pip settings')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map(({ instance, health }) => (
            <Tr
              key={`${instance.namespace}/${instance.name}`}
              data-test="pipcache-cluster-row"
              data-test-name={instance.name}
              data-test-namespace={instance.namespace}
            >
              <Td dataLabel={t('Name')}>
                <Link to={detailsPagePath(instance.namespace, instance.name)}>{instance.name}</Link>
              </Td>
              <Td dataLabel={t('Project')}>
                <Link to={listPagePath(instance.namespace)}>{instance.namespace}</Link>
              </Td>
              <Td dataLabel={t('Status')}>
                <HealthLabel health={health} />
              </Td>
              <Td dataLabel={t('Disk')} data-test="pipcache-cluster-disk">
                <ClusterDiskCell instance={instance} volumes={volumes} />
              </Td>
              <Td dataLabel={t('Copy pip settings')}>
                <CopyButton
                  text={clientSnippet('pip-env', instance.internalUrl)}
                  label={t('Copy pip settings for builds in the cluster ({{name}})', {
                    name: instance.name,
                  })}
                  data-test="pipcache-copy-pip"
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};

export default ClusterCachesTable;
