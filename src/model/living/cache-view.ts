import { cacheRoutes, type CacheObjects } from './cache-resources';
import type { EditableObjects } from './edit-values';
import { claimFromValues, readEmptying } from './emptying';
import { toCacheInstance, type CacheInstance } from './instance';
import type { PersistentVolumeClaim } from '../shared';

/**
 * Everything a cache's page shows and acts on, derived once from its watched objects: the
 * instance view, the live objects an edit patches, whether devpi has a Service to answer
 * through, and the claim that holds its packages.
 */
export interface CacheView {
  instance: CacheInstance;
  /** The live objects an edit may change (and Change host acts on, through the Route). */
  objects: EditableObjects;
  /** Whether the cache's Service exists: devpi can only be asked through it. */
  hasService: boolean;
  /**
   * The cache's volume when its storage is persistent. While an emptying is unfinished the
   * claim may be gone: its record keeps it, or, when the record is damaged, the cache's values
   * describe it.
   */
  pvc?: PersistentVolumeClaim;
  /** The watched objects themselves, for the list of what makes up the cache. */
  cache: CacheObjects;
}

/** The view of one cache for its page, or undefined without its Deployment. */
export const toCacheView = (cache: CacheObjects): CacheView | undefined => {
  const [deployment] = cache.deployments;
  const instance = toCacheInstance(cache);
  if (!deployment || !instance) return undefined;
  return {
    instance,
    objects: { deployment, buildConfig: cache.buildConfigs[0], ...cacheRoutes(cache) },
    hasService: cache.services.length > 0,
    pvc:
      cache.pvcs[0] ??
      readEmptying(deployment)?.claim ??
      claimFromValues(deployment, instance.values),
    cache,
  };
};
