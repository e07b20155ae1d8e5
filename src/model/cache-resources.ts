import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { LABEL_INSTANCE } from './contract';
import type { Route } from './k8s-types';
import { filesRouteName } from './urls';

/** The kinds the UI watches to know a cache's state, keyed as the watch hook returns them. */
export const WATCHED_KINDS = [
  'deployments',
  'services',
  'routes',
  'pvcs',
  'buildConfigs',
  'builds',
  'pods',
] as const;

export type WatchedKind = (typeof WATCHED_KINDS)[number];

/** One list per watched kind, every object carrying the contract's labels. */
export type WatchedLists = Record<WatchedKind, K8sResourceCommon[]>;

/** Every watched object of one cache, found by its `app.kubernetes.io/instance` label. */
export type CacheObjects = WatchedLists & { namespace: string; name: string };

/** The key of a cache across projects: `namespace/name`. */
export const cacheKey = (namespace: string, name: string): string => `${namespace}/${name}`;

const emptyLists = (): WatchedLists => ({
  deployments: [],
  services: [],
  routes: [],
  pvcs: [],
  buildConfigs: [],
  builds: [],
  pods: [],
});

/**
 * Groups watched objects by cache. A cache exists when its anchor Deployment does; other
 * objects whose instance has no Deployment (left over, or not yet created) are ignored.
 */
export const groupCacheObjects = (lists: Partial<WatchedLists>): Map<string, CacheObjects> => {
  const caches = new Map<string, CacheObjects>();
  for (const deployment of lists.deployments ?? []) {
    const namespace = deployment.metadata?.namespace;
    const name = deployment.metadata?.name;
    if (namespace && name) {
      caches.set(cacheKey(namespace, name), { ...emptyLists(), namespace, name });
    }
  }
  for (const kind of WATCHED_KINDS) {
    for (const object of lists[kind] ?? []) {
      const namespace = object.metadata?.namespace;
      const instance = object.metadata?.labels?.[LABEL_INSTANCE];
      if (!namespace || !instance) continue;
      caches.get(cacheKey(namespace, instance))?.[kind].push(object);
    }
  }
  return caches;
};

/**
 * The cache's two Routes by their contract names: `N` (the simple pages) and `N-files` (the
 * package files). Another Route that merely carries the cache's labels is never taken for them.
 */
export const cacheRoutes = (
  cache: Pick<CacheObjects, 'name' | 'routes'>,
): { route?: Route; filesRoute?: Route } => {
  const named = (name: string) =>
    cache.routes.find((route) => route.metadata?.name === name) as Route | undefined;
  return { route: named(cache.name), filesRoute: named(filesRouteName(cache.name)) };
};
