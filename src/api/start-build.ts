import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { type Build, type BuildConfig, KINDS } from '../model/shared';
import { k8sCreate } from '../sdk/console-sdk';

/** Starts a new build of a cache's BuildConfig (`POST …/buildconfigs/<name>/instantiate`), as `oc start-build` does. */
export const startBuild = (buildConfig: BuildConfig): Promise<Build> => {
  const name = buildConfig.metadata.name ?? '';
  const namespace = buildConfig.metadata.namespace;
  const request: K8sResourceCommon = {
    apiVersion: KINDS.BuildConfig.apiVersion,
    kind: 'BuildRequest',
    metadata: { name, namespace },
  };
  // The answer of `instantiate` is the new Build, not the request that was sent.
  return k8sCreate({
    model: KINDS.BuildConfig.model,
    // The SDK builds the collection URL from the namespace; the path appends the subresource.
    data: request,
    path: `${encodeURIComponent(name)}/instantiate`,
  }) as unknown as Promise<Build>;
};
