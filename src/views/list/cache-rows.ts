import type { DiskUse } from '../../model/disk';
import type { Health } from '../../model/health';
import type { CacheInstance } from '../../model/instance';

/** One row of the list page. */
export interface CacheRowData {
  key: string;
  name: string;
  namespace: string;
  created: string;
  health: Health;
  instance: CacheInstance;
  /** How full the volume is, when the cluster's monitoring tells. */
  disk?: DiskUse;
}

export type SortColumn = 'name' | 'namespace' | 'created';
export type SortDirection = 'asc' | 'desc';

/** Keeps the rows whose name contains `filter` (case-insensitive) and sorts them. */
export const filterAndSortRows = (
  rows: readonly CacheRowData[],
  filter: string,
  column: SortColumn,
  direction: SortDirection,
): CacheRowData[] => {
  const needle = filter.trim().toLowerCase();
  const kept = needle ? rows.filter((row) => row.name.toLowerCase().includes(needle)) : [...rows];
  const factor = direction === 'asc' ? 1 : -1;
  return kept.sort(
    (a, b) => factor * a[column].localeCompare(b[column]) || a.key.localeCompare(b.key),
  );
};
