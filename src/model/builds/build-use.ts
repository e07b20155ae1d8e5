import {
  envRestored,
  envUsingCache,
  previousForStop,
  strategyEnv,
  usedCache,
} from './buildconfig-patch';
import type { BuildConfig, EnvEntry, NetworkPolicy } from '../shared';

/** How a BuildConfig's builds find Python packages today. */
export type CacheUse =
  | { kind: 'plugin'; cache: { namespace: string; name: string }; indexUrl?: string }
  | { kind: 'manual'; indexUrl: string }
  | { kind: 'none' }
  | { kind: 'unsupported'; strategy: string };

const envValue = (env: readonly EnvEntry[], name: string): string | undefined =>
  env.find((entry) => entry.name === name)?.value;

/** Reads a BuildConfig's use of a cache: set by this plugin, set by hand, none, or a strategy without env. */
export const cacheUseOf = (buildConfig: BuildConfig): CacheUse => {
  const type = buildConfig.spec.strategy.type;
  if (type !== 'Source' && type !== 'Docker') return { kind: 'unsupported', strategy: type };
  const env = strategyEnv(buildConfig);
  const indexUrl = envValue(env, 'PIP_INDEX_URL');
  const cache = usedCache(buildConfig);
  if (cache) return { kind: 'plugin', cache, indexUrl };
  return indexUrl ? { kind: 'manual', indexUrl } : { kind: 'none' };
};

/** The builder image a BuildConfig names, e.g. `python:3.12-ubi9` or a registry reference. */
export const builderImageOf = (buildConfig: BuildConfig): string | undefined => {
  const strategy = buildConfig.spec.strategy;
  return (strategy.sourceStrategy?.from ?? strategy.dockerStrategy?.from)?.name;
};

/** Whether a BuildConfig builds Python: its builder image's repository names Python. */
export const isPythonBuildConfig = (buildConfig: BuildConfig): boolean => {
  const image = builderImageOf(buildConfig) ?? '';
  const repository = image.split('@')[0]?.split(':')[0] ?? '';
  return /python/i.test(repository.split('/').pop() ?? '');
};

/** BuildConfigs in the order a person picks them: Python ones first, then by name. */
export const sortForCacheUse = (buildConfigs: readonly BuildConfig[]): BuildConfig[] =>
  [...buildConfigs].sort(
    (a, b) =>
      Number(isPythonBuildConfig(b)) - Number(isPythonBuildConfig(a)) ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );

/** One row of an env change preview. */
export interface EnvChange {
  name: string;
  before?: string;
  after?: string;
  change: 'added' | 'replaced' | 'removed' | 'kept';
}

const shown = (entry: EnvEntry | undefined): string | undefined => {
  if (!entry) return undefined;
  // A value from a Secret or ConfigMap is never read; the preview names its source only.
  if (entry.valueFrom) return `(${Object.keys(entry.valueFrom).join(', ')})`;
  return entry.value ?? '';
};

/** Compares two env lists by name, in the order of the new list, then the removed ones. */
export const envChanges = (
  before: readonly EnvEntry[],
  after: readonly EnvEntry[],
): EnvChange[] => {
  const old = new Map(before.map((entry) => [entry.name, entry]));
  const rows: EnvChange[] = after.map((entry) => {
    const previous = old.get(entry.name);
    const was = shown(previous);
    const now = shown(entry);
    let change: EnvChange['change'] = 'added';
    if (previous) change = was === now ? 'kept' : 'replaced';
    return { name: entry.name, before: was, after: now, change };
  });
  const names = new Set(after.map((entry) => entry.name));
  for (const entry of before)
    if (!names.has(entry.name))
      rows.push({ name: entry.name, before: shown(entry), change: 'removed' });
  return rows;
};

/** The preview of "use this cache" on a BuildConfig: every env entry before and after. */
export const cacheEnvChanges = (buildConfig: BuildConfig, indexUrl: string): EnvChange[] => {
  const env = strategyEnv(buildConfig);
  return envChanges(env, envUsingCache(env, indexUrl));
};

/** The preview of "stop using": every env entry now and after the recorded ones are restored; undefined when there is nothing to restore. */
export const stopUsingEnvChanges = (buildConfig: BuildConfig): EnvChange[] | undefined => {
  const previous = previousForStop(buildConfig.metadata.annotations ?? undefined);
  if (!previous || !usedCache(buildConfig)) return undefined;
  const env = strategyEnv(buildConfig);
  return envChanges(env, envRestored(env, previous) ?? []);
};

type Labels = Record<string, string>;

interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Whether labels satisfy a Kubernetes label selector (an empty selector matches everything). */
export const selectorMatches = (selector: LabelSelector | undefined, labels: Labels): boolean => {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const value = labels[expression.key];
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
};

/** The port devpi listens on in the cache's pods. */
const DEVPI_PORT = 8080;

/**
 * Whether the NetworkPolicies of a cache's project let build pods of another project reach
 * devpi: true when no Ingress policy selects the cache's pods, or one of those that do admits
 * the client namespace on devpi's port. Address blocks are not judged (they name pod IPs,
 * which builds do not have in advance), so a rule with only `ipBlock` admits nothing here.
 */
export const admitsBuildsFrom = (
  policies: readonly NetworkPolicy[],
  podLabels: Labels,
  cacheNamespace: string,
  client: { name: string; labels: Labels },
): boolean => {
  const selecting = policies.filter(
    (policy) =>
      (policy.metadata?.namespace ?? cacheNamespace) === cacheNamespace &&
      selectorMatches(policy.spec?.podSelector ?? {}, podLabels) &&
      (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  if (selecting.length === 0) return true;
  const namespaceLabels = { 'kubernetes.io/metadata.name': client.name, ...client.labels };
  return selecting.some((policy) =>
    (policy.spec?.ingress ?? []).some((rule) => {
      const portOk =
        !rule.ports?.length ||
        rule.ports.some(
          (port) => port.port === undefined || port.port === DEVPI_PORT || port.port === 'http',
        );
      if (!portOk) return false;
      if (!rule.from?.length) return true;
      return rule.from.some((peer) => {
        if (peer.namespaceSelector) return selectorMatches(peer.namespaceSelector, namespaceLabels);
        // A peer with only a pod selector means pods of the policy's own project.
        if (peer.podSelector) return client.name === cacheNamespace;
        return false;
      });
    }),
  );
};
