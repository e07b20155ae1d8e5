import * as React from 'react';
import { cacheRoutes, type CacheObjects } from '../model/cache-resources';
import type {
  Build,
  BuildConfig,
  Deployment,
  PersistentVolumeClaim,
  Pod,
  Service,
} from '../model/k8s-types';
import { toInstanceView, type CacheInstance } from '../model/instance';
import { useCacheObjects } from './useCacheObjects';

/** The watched objects of one cache in the shape the model's instance view takes. */
const toResources = (cache: CacheObjects, deployment: Deployment) => ({
  deployment,
  service: cache.services[0] as Service | undefined,
  ...cacheRoutes(cache),
  pvc: cache.pvcs[0] as PersistentVolumeClaim | undefined,
  buildConfig: cache.buildConfigs[0] as BuildConfig | undefined,
  builds: cache.builds as Build[],
  pods: cache.pods as Pod[],
});

/** The instance view of one cache's watched objects, or undefined without its Deployment. */
export const toCacheInstance = (cache: CacheObjects): CacheInstance | undefined => {
  const deployment = cache.deployments[0] as Deployment | undefined;
  return deployment ? toInstanceView(toResources(cache, deployment)) : undefined;
};

export interface CacheInstancesResult {
  instances: CacheInstance[];
  loaded: boolean;
  loadError: unknown;
}

/**
 * The caches of a project (or all projects, or the one named) as instance views, from one
 * list-watch per kind: the number of watches does not grow with the number of caches.
 */
export const useCacheInstances = (
  namespace: string | undefined,
  name?: string,
  enabled = true,
): CacheInstancesResult => {
  const { caches, loaded, loadError } = useCacheObjects(namespace, name, enabled);
  const instances = React.useMemo(
    () =>
      [...caches.values()].flatMap((cache) => {
        const instance = toCacheInstance(cache);
        return instance ? [instance] : [];
      }),
    [caches],
  );
  return { instances, loaded, loadError };
};
