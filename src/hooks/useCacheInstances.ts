import * as React from 'react';
import { toCacheInstance, type CacheInstance } from '../model/living';
import { useCacheObjects } from './useCacheObjects';

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
