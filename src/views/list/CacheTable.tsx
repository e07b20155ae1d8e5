import * as React from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
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
import type { CacheRowData, SortColumn, SortDirection } from './cache-rows';

interface CacheTableProps {
  rows: CacheRowData[];
  showNamespace: boolean;
  sortColumn: SortColumn;
  sortDirection: SortDirection;
  onSort: (column: SortColumn, direction: SortDirection) => void;
}

/** The caches as a sortable table; sorting and filtering happen in the page. */
const CacheTable: React.FC<CacheTableProps> = ({
  rows,
  showNamespace,
  sortColumn,
  sortDirection,
  onSort,
}) => {
  const { t } = usePipCacheTranslation();
  const sortable: SortColumn[] = showNamespace
    ? ['name', 'namespace', 'created']
    : ['name', 'created'];
  const sortProps = (column: SortColumn): ThProps['sort'] => ({
    sortBy: { index: sortable.indexOf(sortColumn), direction: sortDirection },
    onSort: (_event, index, direction) => {
      // The index comes from PatternFly and is one of the sortable columns' indexes.
      const chosen = sortable.at(index);
      if (chosen !== undefined) onSort(chosen, direction);
    },
    columnIndex: sortable.indexOf(column),
  });
  return (
    <Table aria-label={t('Pip caches')} variant="compact" data-test="pipcache-table">
      <Thead>
        <Tr>
          <Th sort={sortProps('name')} modifier="nowrap">
            {t('Name')}
          </Th>
          {showNamespace && (
            <Th sort={sortProps('namespace')} modifier="nowrap">
              {t('Project')}
            </Th>
          )}
          <Th>{t('Status')}</Th>
          <Th>{t('Storage')}</Th>
          <Th>{t('External index URL')}</Th>
          <Th screenReaderText={t('Copy pip settings')} />
          <Th sort={sortProps('created')} modifier="nowrap">
            {t('Created')}
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => {
          const { instance } = row;
          return (
            <Tr key={row.key} data-test="pipcache-row" data-test-name={row.name}>
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
                    {externalUrlProblemText(
                      instance.externalUrlProblem ?? { reason: 'Pending' },
                      t,
                    )}
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
              <Td dataLabel={t('Created')}>
                {row.created ? <Timestamp timestamp={row.created} /> : '-'}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

export default CacheTable;
