import { envChanges, type EnvChange } from './build-use';
import {
  envRestored,
  envUsingCache,
  MANAGED_ENV,
  previousForStop,
  stopUsingEnvPatch,
  cacheEnvPatch,
  usedCacheOf,
  type EnvHolder,
  type PatchOperation,
} from './buildconfig-patch';
import type { EnvEntry, ObjectMeta } from '../shared';

/** `builds.config.openshift.io/cluster`: the defaults every build in the cluster starts from. */
export interface ClusterBuildConfig {
  apiVersion: 'config.openshift.io/v1';
  kind: 'Build';
  metadata: ObjectMeta;
  spec?: {
    buildDefaults?: {
      env?: EnvEntry[];
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
}

/** The name of the one cluster-wide build configuration object. */
export const CLUSTER_BUILD_CONFIG_NAME = 'cluster';

/**
 * The env holder of `spec.buildDefaults.env`. When the env, `buildDefaults` or even `spec` is
 * missing, the patch adds the smallest object that holds it, guarded by the nearest existing
 * ancestor, so that a concurrent change of the defaults fails the patch.
 */
export const buildDefaultsEnvHolder = (config: ClusterBuildConfig): EnvHolder => {
  const spec = config.spec;
  const defaults = spec?.buildDefaults;
  const annotations = config.metadata.annotations ?? undefined;
  const base = { envPath: '/spec/buildDefaults/env', env: defaults?.env, annotations };
  if (defaults)
    return {
      ...base,
      anchor: { path: '/spec/buildDefaults', value: defaults },
      wrapEnv: (env) => ({ path: '/spec/buildDefaults/env', value: env }),
    };
  if (spec)
    return {
      ...base,
      anchor: { path: '/spec', value: spec },
      wrapEnv: (env) => ({ path: '/spec/buildDefaults', value: { env } }),
    };
  return {
    ...base,
    anchor: { path: '/metadata/name', value: config.metadata.name },
    wrapEnv: (env) => ({ path: '/spec', value: { buildDefaults: { env } } }),
  };
};

/** JSON Patch that makes every build in the cluster use a cache by default (admins only). */
export const allBuildsCachePatch = (
  config: ClusterBuildConfig,
  cache: { namespace: string; name: string },
  indexUrl: string,
): PatchOperation[] => cacheEnvPatch(buildDefaultsEnvHolder(config), cache, indexUrl);

/** JSON Patch that restores the cluster's build defaults as they were before; undefined when the plugin did not set them. */
export const stopUsingCacheForAllBuildsPatch = (
  config: ClusterBuildConfig,
): PatchOperation[] | undefined => stopUsingEnvPatch(buildDefaultsEnvHolder(config));

/** What the cluster's build defaults say about pip today: the managed entries and the cache the plugin set, if any. */
export const clusterPipDefaults = (
  config: ClusterBuildConfig,
): { entries: EnvEntry[]; cache?: { namespace: string; name: string } } => ({
  entries: (config.spec?.buildDefaults?.env ?? []).filter((entry) =>
    (MANAGED_ENV as readonly string[]).includes(entry.name),
  ),
  cache: usedCacheOf(config.metadata.annotations ?? undefined),
});

/** The preview of making a cache the cluster default: every default env entry before and after. */
export const allBuildsEnvChanges = (config: ClusterBuildConfig, indexUrl: string): EnvChange[] => {
  const env = config.spec?.buildDefaults?.env ?? [];
  return envChanges(env, envUsingCache(env, indexUrl));
};

/** The preview of restoring the cluster defaults; undefined when PipCache did not set them. */
export const restoreAllBuildsEnvChanges = (config: ClusterBuildConfig): EnvChange[] | undefined => {
  const annotations = config.metadata.annotations ?? undefined;
  const previous = previousForStop(annotations);
  if (!previous || !usedCacheOf(annotations)) return undefined;
  const env = config.spec?.buildDefaults?.env ?? [];
  return envChanges(env, envRestored(env, previous) ?? []);
};
