import { parseQuantity } from '../../src/model/shared';
import { record } from './objects';
import { findResource } from './resources';
import type { K8sObject, Store } from './store';

const PVCS = findResource('', 'v1', 'persistentvolumeclaims')!;
const PODS = findResource('', 'v1', 'pods')!;

/**
 * Bytes of a Kubernetes quantity (`1Gi`, `500M`, `1e9`), rounded up as the kubelet reports
 * whole bytes; undefined when it is not one. The grammar is the model's, which reads
 * quantities as the API server does.
 */
export const quantityBytes = (quantity: unknown): number | undefined => {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return undefined;
  const value = parseQuantity(quantity);
  return value === undefined ? undefined : Math.ceil(value);
};

/** The bytes a claim asks for (`spec.resources.requests.storage`). */
export const requestedBytes = (pvc: K8sObject): number | undefined =>
  quantityBytes(record(record(record(pvc.spec).resources).requests).storage);

const VOLUME_METRICS = [
  'kubelet_volume_stats_capacity_bytes',
  'kubelet_volume_stats_used_bytes',
  'kubelet_volume_stats_available_bytes',
] as const;

/** One series of the in-memory Prometheus: its labels and its (constant) value. */
export interface Series {
  metric: Record<string, string>;
  value: number;
}

const mounts = (pod: K8sObject, claim: string): boolean =>
  ((record(pod.spec).volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[]).some(
    (volume) => volume.persistentVolumeClaim?.claimName === claim,
  );

/**
 * The kubelet's volume series of the namespaces: bound claims mounted by a running pod (the
 * kubelet reports mounted volumes only). Capacity is the claim's provisioned size, else its
 * request; used bytes are what `diskUsage` (`namespace/claim`) says, never above the capacity.
 */
export const volumeSeries = (
  store: Store,
  namespaces: string[],
  diskUsage: ReadonlyMap<string, number>,
): Series[] =>
  namespaces.flatMap((namespace) => {
    const pods = store
      .list(PODS, namespace)
      .filter((pod) => record(pod.status).phase === 'Running');
    return store
      .list(PVCS, namespace)
      .filter((pvc) => record(pvc.status).phase === 'Bound')
      .flatMap((pvc) => {
        const claim = pvc.metadata.name ?? '';
        const pod = pods.find((p) => mounts(p, claim));
        if (!pod) return [];
        const capacity =
          quantityBytes(record(record(pvc.status).capacity).storage) ?? requestedBytes(pvc) ?? 0;
        const used = Math.min(diskUsage.get(`${namespace}/${claim}`) ?? 0, capacity);
        const node = (record(pod.spec).nodeName as string | undefined) ?? 'worker-0';
        const values: Record<(typeof VOLUME_METRICS)[number], number> = {
          kubelet_volume_stats_capacity_bytes: capacity,
          kubelet_volume_stats_used_bytes: used,
          kubelet_volume_stats_available_bytes: capacity - used,
        };
        return VOLUME_METRICS.map((name) => ({
          metric: {
            __name__: name,
            endpoint: 'https-metrics',
            instance: `${node}:10250`,
            job: 'kubelet',
            metrics_path: '/metrics',
            namespace,
            node,
            persistentvolumeclaim: claim,
            prometheus: 'openshift-monitoring/k8s',
            service: 'kubelet',
          },
          value: values[name],
        }));
      });
  });
