import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';

/** One row of the list page, derived from a cache's anchor Deployment. */
export interface CacheRowData {
  key: string;
  name: string;
  namespace: string;
  created: string;
  readyReplicas: number;
  replicas: number;
}

export type SortColumn = 'name' | 'namespace' | 'created';
export type SortDirection = 'asc' | 'desc';

/** Turns watched Deployments into rows; objects without a name or namespace are skipped. */
export const toCacheRows = (deployments: readonly IDeployment[]): CacheRowData[] =>
  deployments.flatMap((deployment) => {
    const name = deployment.metadata?.name;
    const namespace = deployment.metadata?.namespace;
    if (!name || !namespace) {
      return [];
    }
    return [
      {
        key: `${namespace}/${name}`,
        name,
        namespace,
        created: deployment.metadata?.creationTimestamp ?? '',
        readyReplicas: deployment.status?.readyReplicas ?? 0,
        replicas: deployment.spec?.replicas ?? 1,
      },
    ];
  });

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
