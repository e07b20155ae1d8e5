import * as React from 'react';
import { Td, Tr } from '@patternfly/react-table';
import CacheNameLink from '../../components/CacheNameLink';
import CopyPipSettingsButton from '../../components/CopyPipSettingsButton';
import DiskUseLabel from '../../components/DiskUseLabel';
import ExternalIndexUrl from '../../components/ExternalIndexUrl';
import HealthLabel from '../../components/HealthLabel';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { Timestamp } from '../../sdk/console-sdk';
import type { CacheRowData } from './cache-rows';
import CacheRowActions from './CacheRowActions';

/**
 * One cache of the list. Memoized: the page keeps the row object of a cache that did not
 * change, so a watch event about one of 200 caches re-renders one row, not 200.
 */
const CacheTableRow: React.FC<{ row: CacheRowData; showNamespace: boolean }> = ({
  row,
  showNamespace,
}) => {
  const { t } = usePipCacheTranslation();
  const { instance } = row;
  return (
    <Tr data-test="pipcache-row" data-test-name={row.name}>
      <Td dataLabel={t('Name')}>
        <CacheNameLink namespace={row.namespace} name={row.name} />
      </Td>
      {showNamespace && <Td dataLabel={t('Project')}>{row.namespace}</Td>}
      <Td dataLabel={t('Status')}>
        <HealthLabel health={row.health} />
      </Td>
      <Td dataLabel={t('Storage')} data-test="pipcache-storage">
        {instance.storage.kind === 'persistent'
          ? t('Persistent, {{size}}', { size: instance.storage.size ?? '' })
          : t('Ephemeral')}{' '}
        <DiskUseLabel use={row.disk} />
      </Td>
      <Td dataLabel={t('External index URL')} modifier="breakWord">
        <ExternalIndexUrl instance={instance} />
      </Td>
      <Td dataLabel={t('Copy pip settings')}>
        <CopyPipSettingsButton instance={instance} />
      </Td>
      <Td dataLabel={t('Created')}>{row.created ? <Timestamp timestamp={row.created} /> : '-'}</Td>
      <Td isActionCell>
        <CacheRowActions cache={instance} />
      </Td>
    </Tr>
  );
};

export default React.memo(CacheTableRow);
