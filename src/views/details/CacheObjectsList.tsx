import * as React from 'react';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { watchedEntry, type CacheObjects, type WatchedKind } from '../../model/living';
import { ResourceLink } from '../../sdk/console-sdk';

/** The kinds listed, in this order. */
const SHOWN: readonly WatchedKind[] = [
  'deployments',
  'pods',
  'services',
  'routes',
  'pvcs',
  'buildConfigs',
  'builds',
];

/** The objects that make up a cache, each a link to its page in the console. */
const CacheObjectsList: React.FC<{ cache: CacheObjects }> = ({ cache }) => {
  const { t } = usePipCacheTranslation();
  const rows = SHOWN.flatMap((key) => {
    const objects: readonly K8sResourceCommon[] = cache[key];
    return objects.map((object) => ({ gvk: watchedEntry(key).gvk, object }));
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
