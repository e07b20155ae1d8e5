import * as React from 'react';
import { Table, Tbody, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheRowData, SortColumn, SortDirection } from './cache-rows';
import CacheTableRow from './CacheTableRow';

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
          <Th screenReaderText={t('Actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <CacheTableRow key={row.key} row={row} showNamespace={showNamespace} />
        ))}
      </Tbody>
    </Table>
  );
};

export default CacheTable;
