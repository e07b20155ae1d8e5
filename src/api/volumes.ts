import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import {
  bytesByClaim,
  CAPACITY_METRIC,
  expandPatch,
  USED_METRIC,
  volumeQuery,
  type PrometheusVector,
} from '../model/disk';
import type { PersistentVolumeClaim } from '../model/k8s-types';
import { consoleFetchJSON, k8sListItems } from '../sdk/console-sdk';
import { CACHE_OWNED_KINDS } from './cache-kinds';
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
  const [used, capacity] = await Promise.all([
    queryTenancy(namespace, volumeQuery(USED_METRIC, namespace)),
    queryTenancy(namespace, volumeQuery(CAPACITY_METRIC, namespace)),
  ]);
  return { used: bytesByClaim(used), capacity: bytesByClaim(capacity) };
};

const STORAGE_CLASS_MODEL: K8sModel = {
  kind: 'StorageClass',
  plural: 'storageclasses',
  apiVersion: 'v1',
  apiGroup: 'storage.k8s.io',
  label: 'StorageClass',
  labelPlural: 'StorageClasses',
  abbr: 'SC',
  namespaced: false,
};

/** A StorageClass, as far as growing a volume needs it. */
export interface StorageClassInfo {
  metadata: { name?: string; annotations?: Record<string, string> };
  allowVolumeExpansion?: boolean;
}

/** The StorageClass a claim uses: the one it names, or the cluster's default for none. */
export const storageClassOf = async (
  pvc: PersistentVolumeClaim,
): Promise<StorageClassInfo | undefined> => {
  const classes = await k8sListItems<StorageClassInfo & { metadata: object }>({
    model: STORAGE_CLASS_MODEL,
    queryParams: {},
  });
  const name = pvc.spec?.storageClassName;
  return name
    ? classes.find((sc) => sc.metadata.name === name)
    : classes.find(
        (sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
      );
};

const PVC_MODEL = CACHE_OWNED_KINDS.find((model) => model.kind === 'PersistentVolumeClaim');

/** Asks for a larger volume; the claim's StorageClass must allow expansion. */
export const expandVolume = (
  pvc: PersistentVolumeClaim,
  size: string,
): Promise<PatchOutcome<PersistentVolumeClaim>> =>
  PVC_MODEL
    ? applyGuardedPatch(
        PVC_MODEL,
        pvc as PersistentVolumeClaim & { metadata: object },
        expandPatch(pvc, size),
      )
    : Promise.resolve({ state: 'not-applicable' });
