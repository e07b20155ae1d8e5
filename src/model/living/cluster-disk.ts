import { diskUseOf, type DiskUse, type PrometheusVector } from './disk';
import type { TFunction, Deployment } from '../shared';

/**
 * Without access to the cluster-wide Prometheus API the UI asks the tenancy API once per
 * project (two queries each); beyond this many projects it stops and says so instead of
 * sending dozens of queries a minute from a dashboard.
 */
export const TENANCY_PROJECT_LIMIT = 10;

/**
 * The access review that the cluster-wide `/api/prometheus` API checks (its kube-rbac-proxy):
 * `get` on the `api` subresource of the platform Prometheus, which `cluster-monitoring-view`
 * grants.
 */
export const CLUSTER_MONITORING_ACCESS = {
  group: 'monitoring.coreos.com',
  resource: 'prometheuses',
  subresource: 'api',
  verb: 'get',
  namespace: 'openshift-monitoring',
  name: 'k8s',
} as const;

/** One query for a metric over the claims of every cache in the cluster (they end in `-data`). */
export const clusterVolumeQuery = (metric: string): string =>
  `${metric}{persistentvolumeclaim=~".+-data"}`;

/** The key of a claim across projects: `namespace/claim`. */
export const claimKey = (namespace: string, claim: string): string => `${namespace}/${claim}`;

/**
 * Bytes per `namespace/claim` from a vector answer. A claim can briefly have two series (its
 * pod moved to another node and the old kubelet's sample has not gone stale yet): the larger
 * one counts, as warning early is the safe side.
 */
export const bytesByNamespacedClaim = (
  answer: PrometheusVector | undefined,
  namespace?: string,
): Map<string, number> => {
  const byClaim = new Map<string, number>();
  for (const sample of answer?.data?.result ?? []) {
    const claim = sample.metric?.persistentvolumeclaim;
    const ns = sample.metric?.namespace ?? namespace;
    const value = Number(sample.value?.[1]);
    if (!claim || !ns || !Number.isFinite(value)) continue;
    const key = claimKey(ns, claim);
    byClaim.set(key, Math.max(value, byClaim.get(key) ?? -Infinity));
  }
  return byClaim;
};

/** The claim a cache's Deployment mounts as its data volume; undefined for an ephemeral cache. */
export const dataClaimOf = (deployment: Deployment): string | undefined =>
  deployment.spec?.template.spec?.volumes?.find((volume) => volume.name === 'data')
    ?.persistentVolumeClaim?.claimName;

/** The projects whose volumes must be read: those with a persistent cache, sorted. */
export const projectsWithClaims = (caches: { namespace: string; claim?: string }[]): string[] =>
  [...new Set(caches.filter((cache) => cache.claim).map((cache) => cache.namespace))].sort();

/** Which projects the tenancy API is asked about, and which are left out past the limit. */
export const tenancyPlan = (projects: string[]): { asked: string[]; skipped: string[] } => ({
  asked: projects.slice(0, TENANCY_PROJECT_LIMIT),
  skipped: projects.slice(TENANCY_PROJECT_LIMIT),
});

/** One cache whose volume is filling up, for the Status popup. */
export interface FillingCache {
  namespace: string;
  name: string;
  use: DiskUse;
}

/** The caches from 80% full, fullest first, then by project and name. */
export const fillingCaches = (
  caches: { namespace: string; name: string; claim?: string }[],
  used: Map<string, number>,
  capacity: Map<string, number>,
): FillingCache[] =>
  caches
    .flatMap(({ namespace, name, claim }) => {
      const use = claim ? diskUseOf(claimKey(namespace, claim), used, capacity) : undefined;
      return use && use.level !== 'ok' ? [{ namespace, name, use }] : [];
    })
    .sort(
      (a, b) =>
        b.use.ratio - a.use.ratio ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );

/** The sentence above the popup's list of filling caches; undefined when none is filling up. */
export const fillingSummary = (filling: FillingCache[], t: TFunction): string | undefined => {
  if (filling.length === 0) return undefined;
  const critical = filling.filter((cache) => cache.use.level === 'critical').length;
  return critical > 0
    ? t(
        'Volumes filling up: {{filling}}, nearly full: {{critical}}. When a volume is full, every build using its cache fails: expand the volume or empty the cache.',
        { filling: filling.length, critical },
      )
    : t(
        'Volumes filling up: {{filling}}. devpi never removes packages: expand the volume or empty the cache before it is full.',
        { filling: filling.length },
      );
};
