import {
  LABEL_INSTANCE,
  KINDS,
  type KindEntry,
  type KindName,
  type KindObject,
  isPlainObject,
  type BuildConfig,
  type Route,
  filesRouteName,
} from '../shared';

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

/** The kind of the kinds table each watched list holds. */
const WATCHED_KIND_NAMES = {
  deployments: 'Deployment',
  services: 'Service',
  routes: 'Route',
  pvcs: 'PersistentVolumeClaim',
  buildConfigs: 'BuildConfig',
  builds: 'Build',
  pods: 'Pod',
} as const satisfies Record<WatchedKind, KindName>;

/** The table's entry of a watched list's kind (for its watch and its links). */
export const watchedEntry = (kind: WatchedKind): KindEntry => KINDS[WATCHED_KIND_NAMES[kind]];

/** The typed object a watched list holds. */
export type WatchedObject<K extends WatchedKind> = KindObject<(typeof WATCHED_KIND_NAMES)[K]>;

/** One list per watched kind, every object carrying the contract's labels. */
export type WatchedLists = { [K in WatchedKind]: WatchedObject<K>[] };

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

const isStringMap = (value: unknown): boolean =>
  value === undefined ||
  (isPlainObject(value) && Object.values(value).every((item) => typeof item === 'string'));

/**
 * Whether what a watch delivered is an object of `entry`'s kind in the shape the views read:
 * kind and apiVersion as the table says (a list's items may leave them out), a name and a
 * project, labels and annotations of strings, and for a Deployment the pod template the
 * instance view looks into. Anything else is left out rather than trusted.
 */
const isObjectOf =
  <K extends WatchedKind>(entry: KindEntry) =>
  (input: unknown): input is WatchedObject<K> => {
    if (!isPlainObject(input) || !isPlainObject(input.metadata)) return false;
    const { metadata } = input;
    if (input.kind !== undefined && input.kind !== entry.kind) return false;
    if (input.apiVersion !== undefined && input.apiVersion !== entry.apiVersion) return false;
    if (typeof metadata.name !== 'string' || typeof metadata.namespace !== 'string') return false;
    if (!isStringMap(metadata.labels) || !isStringMap(metadata.annotations)) return false;
    if (entry.kind !== KINDS.Deployment.kind || input.spec === undefined) return true;
    if (!isPlainObject(input.spec) || !isPlainObject(input.spec.template)) return false;
    const pod = input.spec.template.spec;
    return pod === undefined || (isPlainObject(pod) && Array.isArray(pod.containers));
  };

/** The objects of one watched list that pass {@link isObjectOf}, typed. */
const parseList = <K extends WatchedKind>(kind: K, items: readonly unknown[] = []) =>
  items.filter(isObjectOf<K>(watchedEntry(kind)));

/** Parses every watched list: what the cluster delivered is untrusted until checked. */
export const parseWatchedLists = (
  lists: Partial<Record<WatchedKind, readonly unknown[]>>,
): WatchedLists => ({
  deployments: parseList('deployments', lists.deployments),
  services: parseList('services', lists.services),
  routes: parseList('routes', lists.routes),
  pvcs: parseList('pvcs', lists.pvcs),
  buildConfigs: parseList('buildConfigs', lists.buildConfigs),
  builds: parseList('builds', lists.builds),
  pods: parseList('pods', lists.pods),
});

/** Adds each object of `from` to the cache its instance label names, if that cache exists. */
const addByInstance = <K extends WatchedKind>(
  caches: Map<string, CacheObjects>,
  kind: K,
  from: readonly WatchedObject<K>[],
) => {
  for (const object of from) {
    const namespace = object.metadata?.namespace;
    const instance = object.metadata?.labels?.[LABEL_INSTANCE];
    if (!namespace || !instance) continue;
    const lists: WatchedLists | undefined = caches.get(cacheKey(namespace, instance));
    lists?.[kind].push(object);
  }
};

/**
 * Groups watched objects by cache, parsing them first. A cache exists when its anchor
 * Deployment does; other objects whose instance has no Deployment (left over, or not yet
 * created) are ignored.
 */
export const groupCacheObjects = (
  raw: Partial<Record<WatchedKind, readonly unknown[]>>,
): Map<string, CacheObjects> => {
  const lists = parseWatchedLists(raw);
  const caches = new Map<string, CacheObjects>();
  for (const deployment of lists.deployments) {
    const namespace = deployment.metadata?.namespace;
    const name = deployment.metadata?.name;
    if (namespace && name) {
      caches.set(cacheKey(namespace, name), { ...emptyLists(), namespace, name });
    }
  }
  for (const kind of WATCHED_KINDS) addByInstance(caches, kind, lists[kind]);
  return caches;
};

/**
 * The cache's two Routes by their contract names: `N` (the simple pages) and `N-files` (the
 * package files). Another Route that merely carries the cache's labels is never taken for them.
 */
export const cacheRoutes = (
  cache: Pick<CacheObjects, 'name' | 'routes'>,
): { route?: Route; filesRoute?: Route } => {
  const named = (name: string) => cache.routes.find((route) => route.metadata.name === name);
  return { route: named(cache.name), filesRoute: named(filesRouteName(cache.name)) };
};

/** An env list as a build strategy holds it: absent, or entries with a string name. */
const isEnvList = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) &&
    value.every(
      (entry) =>
        isPlainObject(entry) &&
        typeof entry.name === 'string' &&
        (entry.value === undefined || typeof entry.value === 'string'),
    ));

/** A strategy's details as the plugin reads them: absent, or an object with a readable env. */
const isStrategyDetails = (value: unknown): boolean =>
  value === undefined || value === null || (isPlainObject(value) && isEnvList(value.env));

/**
 * A BuildConfig the console handed over (a tab's `obj`, an action's scope) or the API listed,
 * when it is one in the shape the plugin reads (a named object of a project with a strategy
 * whose env is a list of named entries); otherwise undefined, so that nothing acts on it.
 */
export const parseBuildConfig = (input: unknown): BuildConfig | undefined => {
  if (!isObjectOf<'buildConfigs'>(KINDS.BuildConfig)(input)) return undefined;
  if (!isPlainObject(input.spec) || !isPlainObject(input.spec.strategy)) return undefined;
  const { strategy } = input.spec;
  if (typeof strategy.type !== 'string') return undefined;
  if (!isStrategyDetails(strategy.sourceStrategy) || !isStrategyDetails(strategy.dockerStrategy)) {
    return undefined;
  }
  return input;
};
