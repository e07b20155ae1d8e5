import * as React from 'react';
import type { K8sGroupVersionKind, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheObjects } from '../../model/cache-resources';
import { ResourceLink } from '../../sdk/console-sdk';

const SHOWN: { key: keyof CacheObjects; gvk: K8sGroupVersionKind }[] = [
  { key: 'deployments', gvk: { group: 'apps', version: 'v1', kind: 'Deployment' } },
  { key: 'pods', gvk: { version: 'v1', kind: 'Pod' } },
  { key: 'services', gvk: { version: 'v1', kind: 'Service' } },
  { key: 'routes', gvk: { group: 'route.openshift.io', version: 'v1', kind: 'Route' } },
  { key: 'pvcs', gvk: { version: 'v1', kind: 'PersistentVolumeClaim' } },
  { key: 'buildConfigs', gvk: { group: 'build.openshift.io', version: 'v1', kind: 'BuildConfig' } },
  { key: 'builds', gvk: { group: 'build.openshift.io', version: 'v1', kind: 'Build' } },
];

/** The objects that make up a cache, each a link to its page in the console. */
const CacheObjectsList: React.FC<{ cache: CacheObjects }> = ({ cache }) => {
  const { t } = usePipCacheTranslation();
  const rows = SHOWN.flatMap(({ key, gvk }) => {
    const value = cache[key];
    const objects: K8sResourceCommon[] = Array.isArray(value) ? value : [];
    return objects.map((object) => ({ gvk, object }));
  });
  return (
    <Table aria-label={t('Objects of this cache')} variant="compact" data-test="pipcache-objects">
      <Thead>
        <Tr>
          <Th>{t('Kind')}</Th>
          <Th>{t('Name')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ gvk, object }) => (
          <Tr key={`${gvk.kind}/${object.metadata?.name ?? ''}`}>
            <Td dataLabel={t('Kind')}>{gvk.kind}</Td>
            <Td dataLabel={t('Name')}>
              <ResourceLink
                groupVersionKind={gvk}
                name={object.metadata?.name}
                namespace={cache.namespace}
              />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default CacheObjectsList;
