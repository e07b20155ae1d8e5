import { record } from './objects';
import { findResource } from './resources';
import type { K8sObject, Store } from './store';

const PVCS = findResource('', 'v1', 'persistentvolumeclaims')!;
const PODS = findResource('', 'v1', 'pods')!;

const SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Bytes of a Kubernetes quantity (`1Gi`, `500M`, `1e9`); undefined when it is not one. */
export const quantityBytes = (quantity: unknown): number | undefined => {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return undefined;
  const match =
    /^([+-]?\d+(?:\.\d+)?)(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(
      quantity.trim(),
    );
  if (!match) return undefined;
  const [, digits = '0', exponent = '0', suffix] = match;
  return Math.ceil(
    Number(digits) * 10 ** Number(exponent) * (suffix ? (SUFFIXES[suffix] ?? 1) : 1),
  );
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
