/**
 * The resource contract: names, labels and annotations that make a set of objects one PipCache.
 * docs/resource-contract.md states it in full; change it only there and everywhere at once.
 */

/**
 * Schema number written into the values annotation; bump it when the contract changes.
 * 2: the Route `N` publishes `/root/pypi/+simple` only and a second Route `N-files` (same host)
 * publishes `/root/pypi/+f`; schema 1 had one Route with path `/root/pypi`.
 */
export const CONTRACT_SCHEMA = 2;
/** The oldest schema the plugin still reads; its caches are brought up to date by an edit or upgrade. */
export const OLDEST_READABLE_SCHEMA = 1;

/** Label keys of the contract. */
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';

/** Label values of the contract. */
export const APP_NAME = 'pipcache';
export const MANAGED_BY = 'pipcache-plugin';

/** Annotation keys of the contract. */
export const ANNOTATION_PREFIX = 'pipcache-plugin/';
export const ANNOTATION_VALUES = 'pipcache-plugin/values';
export const ANNOTATION_VERSION = 'pipcache-plugin/version';
export const ANNOTATION_USES = 'pipcache-plugin/uses';
export const ANNOTATION_PREVIOUS_ENV = 'pipcache-plugin/previous-env';
/** On a template-made DeploymentConfig while its migration to a PipCache is under way. */
export const ANNOTATION_MIGRATION = 'pipcache-plugin/migration';

/** Components named by `app.kubernetes.io/component`. */
export type CacheComponent = 'cache' | 'build' | 'credentials' | 'network';

/** Label selector (as a matchLabels map) that finds the anchor Deployment of every cache. */
export const ANCHOR_SELECTOR: Readonly<Record<string, string>> = Object.freeze({
  [LABEL_NAME]: APP_NAME,
  [LABEL_MANAGED_BY]: MANAGED_BY,
});

/** Label selector (as a matchLabels map) that finds every object of the cache `name`. */
export const instanceSelector = (name: string): Record<string, string> => ({
  [LABEL_INSTANCE]: name,
  [LABEL_NAME]: APP_NAME,
});

/** Serialises a matchLabels map as a Kubernetes label selector string, keys sorted. */
export const toSelectorString = (labels: Readonly<Record<string, string>>): string =>
  Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');

/** The contract's labels on one object of a cache (what a user's own labels never override). */
export const contractLabels = (
  instance: string,
  component: CacheComponent,
  partOf: string,
): Record<string, string> => ({
  [LABEL_NAME]: APP_NAME,
  [LABEL_INSTANCE]: instance,
  [LABEL_COMPONENT]: component,
  [LABEL_PART_OF]: partOf,
  [LABEL_MANAGED_BY]: MANAGED_BY,
});
