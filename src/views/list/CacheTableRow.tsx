import * as React from 'react';
import { Td, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom-v5-compat';
import CopyButton from '../../components/CopyButton';
import DiskUseLabel from '../../components/DiskUseLabel';
import HealthLabel from '../../components/HealthLabel';
import IndexUrl from '../../components/IndexUrl';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { externalUrlProblemText } from '../../model/instance';
import { detailsPagePath } from '../../model/namespaces';
import { clientSnippet } from '../../model/snippets';
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
        <Link to={detailsPagePath(row.namespace, row.name)}>{row.name}</Link>
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
        {instance.externalUrl ? (
          <IndexUrl url={instance.externalUrl} data-test="pipcache-external-url" />
        ) : (
          <span data-test="pipcache-external-url-problem">
            {externalUrlProblemText(instance.externalUrlProblem ?? { reason: 'Pending' }, t)}
          </span>
        )}
      </Td>
      <Td dataLabel={t('Copy pip settings')}>
        <CopyButton
          text={clientSnippet('pip-env', instance.internalUrl)}
          label={t('Copy pip settings for builds in the cluster ({{name}})', {
            name: row.name,
          })}
          data-test="pipcache-copy-pip"
        />
      </Td>
      <Td dataLabel={t('Created')}>{row.created ? <Timestamp timestamp={row.created} /> : '-'}</Td>
      <Td isActionCell>
        <CacheRowActions cache={instance} />
      </Td>
    </Tr>
  );
};

export default React.memo(CacheTableRow);
