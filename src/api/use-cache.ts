import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import {
  CLUSTER_BUILD_CONFIG_NAME,
  stopUsingCacheForAllBuildsPatch,
  allBuildsCachePatch,
  type ClusterBuildConfig,
  cacheUsePatch,
  stopUsingCachePatch,
} from '../model/builds';
import { admitProjectPatch, clientPolicyFor, type PipCacheValues } from '../model/cache';
import { type BuildConfig, type NetworkPolicy, KINDS } from '../model/shared';
import { k8sCreate, k8sGet } from '../sdk/console-sdk';
import { applyGuardedPatch, type PatchOutcome } from './guarded-patch';
import { toK8sErrorInfo } from './k8s-error';

const BUILD_CONFIG_MODEL = KINDS.BuildConfig.model;
const CLUSTER_BUILD_MODEL = KINDS.ClusterBuild.model;

/** Points a BuildConfig's builds at a cache (Source and Docker strategies). */
export const applyCacheToBuildConfig = (
  buildConfig: BuildConfig,
  cache: { namespace: string; name: string },
  indexUrl: string,
): Promise<PatchOutcome<BuildConfig>> => {
  const patch = cacheUsePatch(buildConfig, cache, indexUrl);
  if (!patch) return Promise.resolve({ state: 'not-applicable' });
  return applyGuardedPatch(BUILD_CONFIG_MODEL, buildConfig, patch);
};

/** Restores exactly the pip settings a BuildConfig had before it used a cache. */
export const stopUsingCacheInBuildConfig = (
  buildConfig: BuildConfig,
): Promise<PatchOutcome<BuildConfig>> => {
  const patch = stopUsingCachePatch(buildConfig);
  if (!patch) return Promise.resolve({ state: 'not-applicable' });
  return applyGuardedPatch(BUILD_CONFIG_MODEL, buildConfig, patch);
};

/** Reads `builds.config.openshift.io/cluster`. */
export const getClusterBuildConfig = (): Promise<ClusterBuildConfig> =>
  k8sGet<ClusterBuildConfig>({ model: CLUSTER_BUILD_MODEL, name: CLUSTER_BUILD_CONFIG_NAME });

/** Makes every build in the cluster use a cache by default (cluster admins only). */
export const applyCacheToAllBuilds = (
  config: ClusterBuildConfig,
  cache: { namespace: string; name: string },
  indexUrl: string,
): Promise<PatchOutcome<ClusterBuildConfig>> =>
  applyGuardedPatch(CLUSTER_BUILD_MODEL, config, allBuildsCachePatch(config, cache, indexUrl));

/** Puts the cluster's build defaults back as they were before the plugin set them. */
export const stopUsingCacheForAllBuilds = (
  config: ClusterBuildConfig,
): Promise<PatchOutcome<ClusterBuildConfig>> => {
  const patch = stopUsingCacheForAllBuildsPatch(config);
  if (!patch) return Promise.resolve({ state: 'not-applicable' });
  return applyGuardedPatch(CLUSTER_BUILD_MODEL, config, patch);
};

const NETWORK_POLICY_MODEL = KINDS.NetworkPolicy.model;

/**
 * Lets build pods of `project` reach a cache: adds the project to the cache's own client
 * NetworkPolicy when it exists (guarded), or creates the model's policy for it.
 */
export const admitBuildsFromProject = async (
  values: PipCacheValues,
  namespace: string,
  existing: NetworkPolicy | undefined,
  project: string,
): Promise<PatchOutcome<NetworkPolicy>> => {
  if (!existing) {
    try {
      const created = await k8sCreate<NetworkPolicy & K8sResourceCommon>({
        model: NETWORK_POLICY_MODEL,
        data: clientPolicyFor(values, namespace, [project]),
      });
      return { state: 'applied', object: created };
    } catch (error) {
      return { state: 'failed', error: toK8sErrorInfo(error) };
    }
  }
  const patch = admitProjectPatch(existing, project);
  if (!patch) return { state: 'not-applicable' };
  return applyGuardedPatch(
    NETWORK_POLICY_MODEL,
    existing as NetworkPolicy & K8sResourceCommon,
    patch,
  );
};
