import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { Build, BuildConfig } from '../model/k8s-types';
import { k8sCreate } from '../sdk/console-sdk';
import { CACHE_OWNED_KINDS } from './cache-kinds';

const BUILD_CONFIG_MODEL = CACHE_OWNED_KINDS.find((model) => model.kind === 'BuildConfig');

/** Starts a new build of a cache's BuildConfig (`POST …/buildconfigs/<name>/instantiate`), as `oc start-build` does. */
export const startBuild = (buildConfig: BuildConfig): Promise<Build> => {
  if (!BUILD_CONFIG_MODEL) throw new Error('No BuildConfig model');
  const name = buildConfig.metadata.name ?? '';
  const namespace = buildConfig.metadata.namespace;
  const request: K8sResourceCommon = {
    apiVersion: 'build.openshift.io/v1',
    kind: 'BuildRequest',
    metadata: { name, namespace },
  };
  // The answer of `instantiate` is the new Build, not the request that was sent.
  return k8sCreate({
    model: BUILD_CONFIG_MODEL,
    // The SDK builds the collection URL from the namespace; the path appends the subresource.
    data: request,
    path: `${encodeURIComponent(name)}/instantiate`,
  }) as unknown as Promise<Build>;
};
