import {
  bytesByNamespacedClaim,
  clusterVolumeQuery,
  tenancyPlan,
  bytesByClaim,
  CAPACITY_METRIC,
  expandPatch,
  USED_METRIC,
  volumeQuery,
  type PrometheusVector,
} from '../model/living';
import { type PersistentVolumeClaim, KINDS } from '../model/shared';
import {
  effectiveStorageClass,
  storageClassInfo,
  type StorageClassInfo,
  type StorageClassObject,
} from '../model/cache';
import { consoleFetchJSON, k8sListItems } from '../sdk/console-sdk';
import { monitoringAvailable } from './monitoring';
import { applyGuardedPatch, type PatchOutcome } from './guarded-patch';

/** The console backend's Prometheus tenancy API: queries scoped to one project the user may see. */
export const PROMETHEUS_TENANCY = '/api/prometheus-tenancy/api/v1/query';

/** One instant query through the tenancy API. */
export const queryTenancy = (namespace: string, query: string): Promise<PrometheusVector> =>
  consoleFetchJSON(
    `${PROMETHEUS_TENANCY}?namespace=${encodeURIComponent(namespace)}&query=${encodeURIComponent(query)}`,
  ) as Promise<PrometheusVector>;

/** Used and capacity bytes of every claim of a project: two queries, whatever the number of caches. */
export const readVolumeUse = async (
  namespace: string,
): Promise<{ used: Map<string, number>; capacity: Map<string, number> }> => {
  // Without cluster monitoring there is nothing to ask: no figures, and no failed requests.
  if (!monitoringAvailable()) return { used: new Map(), capacity: new Map() };
  const [used, capacity] = await Promise.all([
    queryTenancy(namespace, volumeQuery(USED_METRIC, namespace)),
    queryTenancy(namespace, volumeQuery(CAPACITY_METRIC, namespace)),
  ]);
  return { used: bytesByClaim(used), capacity: bytesByClaim(capacity) };
};

/** The StorageClass a claim uses: the one it names, or the cluster's default for none. */
export const storageClassOf = async (
  pvc: PersistentVolumeClaim,
): Promise<StorageClassInfo | undefined> => {
  const classes = await k8sListItems<StorageClassObject & { metadata: object }>({
    model: KINDS.StorageClass.model,
    queryParams: {},
  });
  return effectiveStorageClass(classes.map(storageClassInfo), pvc.spec?.storageClassName ?? '');
};

/** Asks for a larger volume; the claim's StorageClass must allow expansion. */
export const expandVolume = (
  pvc: PersistentVolumeClaim,
  size: string,
): Promise<PatchOutcome<PersistentVolumeClaim>> =>
  applyGuardedPatch(
    KINDS.PersistentVolumeClaim.model,
    pvc as PersistentVolumeClaim & { metadata: object },
    expandPatch(pvc, size),
  );

/** The console backend's cluster-wide Prometheus API (thanos-querier), for cluster monitoring viewers. */
export const PROMETHEUS_CLUSTER = '/api/prometheus/api/v1/query';

/** Used and capacity bytes of claims in many projects, keyed `namespace/claim`. */
export interface ClusterVolumeUse {
  used: Map<string, number>;
  capacity: Map<string, number>;
  /** Projects left out because the tenancy API would need too many queries. */
  skipped: string[];
  /** Projects whose figures could not be read, with why. */
  failed: { namespace: string; error: unknown }[];
}

/**
 * Reads the volumes of every cache in the cluster: two cluster-wide queries when the user may
 * query cluster monitoring, otherwise two tenancy queries per project (at most
 * `TENANCY_PROJECT_LIMIT` projects). Throws when nothing at all could be read.
 */
export const readClusterVolumeUse = async (
  projects: string[],
  clusterWide: boolean,
): Promise<ClusterVolumeUse> => {
  if (!monitoringAvailable())
    return { used: new Map(), capacity: new Map(), skipped: [], failed: [] };
  if (clusterWide) {
    const query = (metric: string) =>
      consoleFetchJSON(
        `${PROMETHEUS_CLUSTER}?query=${encodeURIComponent(clusterVolumeQuery(metric))}`,
      ) as Promise<PrometheusVector>;
    const [used, capacity] = await Promise.all([query(USED_METRIC), query(CAPACITY_METRIC)]);
    return {
      used: bytesByNamespacedClaim(used),
      capacity: bytesByNamespacedClaim(capacity),
      skipped: [],
      failed: [],
    };
  }
  const { asked, skipped } = tenancyPlan(projects);
  const answers = await Promise.allSettled(
    asked.map((namespace) =>
      Promise.all([
        queryTenancy(namespace, volumeQuery(USED_METRIC, namespace)),
        queryTenancy(namespace, volumeQuery(CAPACITY_METRIC, namespace)),
      ]),
    ),
  );
  const result: ClusterVolumeUse = { used: new Map(), capacity: new Map(), skipped, failed: [] };
  answers.forEach((answer, index) => {
    const namespace = asked[index] ?? '';
    if (answer.status === 'rejected') {
      result.failed.push({ namespace, error: answer.reason });
      return;
    }
    const [used, capacity] = answer.value;
    bytesByNamespacedClaim(used, namespace).forEach((v, k) => result.used.set(k, v));
    bytesByNamespacedClaim(capacity, namespace).forEach((v, k) => result.capacity.set(k, v));
  });
  if (asked.length > 0 && result.failed.length === asked.length) throw result.failed[0]?.error;
  return result;
};
