import {
  type ObjectPatch,
  routeSplitPatches,
  dockerfileUpgradePatch,
  requirementsUpgradePatch,
  upgradePath,
  valuesVersionPatch,
} from '../model/living';
import {
  type BuildConfig,
  type ConfigMap,
  type Deployment,
  type Route,
  KINDS,
} from '../model/shared';
import { normalizeDevpiVersion } from '../model/cache';
import { k8sGet } from '../sdk/console-sdk';
import { dryRunThenPatch, type EditReport } from './edit-cache';
import { startBuild } from './start-build';

/** A cache's Routes as the page watches them: `N` and `N-files`. */
export interface CacheRoutes {
  route?: Route;
  filesRoute?: Route;
}

/**
 * The patches that pin another devpi-server release: the build's source and the values
 * annotation; before them, a cache of schema 1 gets its Routes split (`N-files` created, then
 * `N` narrowed), since the annotation then records schema 2.
 */
export const upgradePatches = async (
  deployment: Deployment,
  buildConfig: BuildConfig,
  typed: string,
  routes: CacheRoutes = {},
): Promise<ObjectPatch[]> => {
  // The pin gets the normal form of what PEP 440 accepts (6.19.1-beta is pinned as 6.19.1b0).
  const version = normalizeDevpiVersion(typed) ?? typed.trim();
  const path = upgradePath(buildConfig);
  const patches: ObjectPatch[] = routeSplitPatches({ deployment, buildConfig, ...routes });
  if (path.kind === 'dockerfile') {
    patches.push({
      kind: 'BuildConfig',
      name: buildConfig.metadata.name ?? '',
      operations: dockerfileUpgradePatch(buildConfig, version),
    });
  } else if (path.kind === 'configmap') {
    const configMap = await k8sGet<ConfigMap & { metadata: object }>({
      model: KINDS.ConfigMap.model,
      name: path.configMap,
      ns: buildConfig.metadata.namespace,
    });
    patches.push({
      kind: 'ConfigMap',
      name: path.configMap,
      operations: requirementsUpgradePatch(configMap, version),
    });
  }
  const annotation = valuesVersionPatch(deployment, version);
  if (annotation.length)
    patches.push({
      kind: 'Deployment',
      name: deployment.metadata?.name ?? '',
      operations: annotation,
    });
  return patches;
};

/**
 * Pins another devpi-server release and rebuilds: every patch is dry-run first, then applied,
 * then a build starts; the image change trigger rolls the pod onto the new image.
 */
export const upgradeDevpi = async (
  deployment: Deployment,
  buildConfig: BuildConfig,
  version: string,
  routes: CacheRoutes = {},
): Promise<{ report: EditReport; build?: string; buildError?: unknown }> => {
  const patches = await upgradePatches(deployment, buildConfig, version, routes);
  const report = await dryRunThenPatch(buildConfig.metadata.namespace ?? '', patches);
  if (report.outcome !== 'applied') return { report };
  try {
    const build = await startBuild(buildConfig);
    return { report, build: build.metadata.name };
  } catch (buildError) {
    return { report, buildError };
  }
};
