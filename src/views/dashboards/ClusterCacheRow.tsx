import * as React from 'react';
import { Td, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom-v5-compat';
import CacheNameLink from '../../components/CacheNameLink';
import CopyPipSettingsButton from '../../components/CopyPipSettingsButton';
import ExternalIndexUrl from '../../components/ExternalIndexUrl';
import HealthLabel from '../../components/HealthLabel';
import type { ClusterVolumeUseResult } from '../../hooks/useClusterVolumeUse';
import { useListedDevpiProbe } from '../../hooks/useListedDevpiProbe';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheHealth, type HealthStatus, type CacheInstance } from '../../model/living';
import { listPagePath } from '../../model/shared';
import ClusterDiskCell from './ClusterDiskCell';

/**
 * One cache of the cluster card: its links, both index URLs (or why there is no external one),
 * its health from devpi itself while the row is on screen, disk use and pip settings. It reports
 * its status up, so that the card can filter by it.
 */
const ClusterCacheRow: React.FC<{
  instance: CacheInstance;
  volumes: ClusterVolumeUseResult;
  onStatus: (key: string, status: HealthStatus) => void;
}> = ({ instance, volumes, onStatus }) => {
  const { t } = usePipCacheTranslation();
  // Only a ready pod can answer; asking another would only count as a failure.
  const probe = useListedDevpiProbe(instance.namespace, instance.name, instance.pods.ready > 0);
  const health = cacheHealth(instance, probe, t);
  const key = `${instance.namespace}/${instance.name}`;
  React.useEffect(() => onStatus(key, health.status), [key, health.status, onStatus]);
  return (
    <Tr
      data-test="pipcache-cluster-row"
      data-test-name={instance.name}
      data-test-namespace={instance.namespace}
    >
      <Td dataLabel={t('Name')}>
        <CacheNameLink namespace={instance.namespace} name={instance.name} />
      </Td>
      <Td dataLabel={t('Project')}>
        <Link to={listPagePath(instance.namespace)}>{instance.namespace}</Link>
      </Td>
      <Td dataLabel={t('Status')}>
        <HealthLabel health={health} />
      </Td>
      <Td dataLabel={t('External index URL')} modifier="breakWord">
        <ExternalIndexUrl instance={instance} />
      </Td>
      <Td dataLabel={t('Internal index URL')} modifier="breakWord">
        <span data-test="pipcache-internal-url">{instance.internalUrl}</span>
      </Td>
      <Td dataLabel={t('Disk')} data-test="pipcache-cluster-disk">
        <ClusterDiskCell instance={instance} volumes={volumes} />
      </Td>
      <Td dataLabel={t('Copy pip settings')}>
        <CopyPipSettingsButton instance={instance} />
      </Td>
    </Tr>
  );
};

export default React.memo(ClusterCacheRow);
