import { useAccessReview } from '../sdk/console-sdk';
import { accessOf, KINDS } from '../model/shared';

/** What the user may do with one cache, from access reviews the console caches. */
export interface CacheAccess {
  /** Still asking the API server. */
  checking: boolean;
  /** May delete the cache (its Deployment stands for all its objects). */
  canDelete: boolean;
  /** May point the project's BuildConfigs at the cache. */
  canUseInBuilds: boolean;
}

/**
 * Whether the user may delete a cache and use it in builds, so that actions they may not take
 * are shown disabled with the reason instead of failing in the dialog with a 403.
 */
export const useCacheAccess = (namespace: string, name: string): CacheAccess => {
  const [canDelete, checkingDelete] = useAccessReview(
    accessOf(KINDS.Deployment, 'delete', { namespace, name }),
  );
  const [canUseInBuilds, checkingUse] = useAccessReview(
    accessOf(KINDS.BuildConfig, 'patch', { namespace }),
  );
  return { checking: checkingDelete || checkingUse, canDelete, canUseInBuilds };
};
