import type { DiskUse, Health, CacheInstance } from '../../model/living';

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

/** The rows of the last render, by key, with what each showed. */
export type KeptRows = ReadonlyMap<string, { signature: string; row: CacheRowData }>;

/**
 * Gives back the previous object of every row whose data did not change, so that memoized rows
 * skip re-rendering when a watch event concerns another cache; returns the rows to keep next.
 */
export const reuseUnchangedRows = (
  previous: KeptRows,
  rows: readonly CacheRowData[],
): { rows: CacheRowData[]; kept: KeptRows } => {
  const kept = new Map<string, { signature: string; row: CacheRowData }>();
  const reused = rows.map((row) => {
    const signature = JSON.stringify(row);
    const before = previous.get(row.key);
    const chosen = before?.signature === signature ? before.row : row;
    kept.set(row.key, { signature, row: chosen });
    return chosen;
  });
  return { rows: reused, kept };
};

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
