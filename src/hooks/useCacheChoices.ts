import type { CacheInstance } from '../model/living';
import { useAccessReview } from '../sdk/console-sdk';
import { useCacheInstances } from './useCacheInstances';
import { accessOf, KINDS } from '../model/shared';

/** The caches a BuildConfig of `namespace` may use, and whether other projects' caches are included. */
export interface CacheChoices {
  caches: CacheInstance[];
  loaded: boolean;
  loadError: unknown;
  /** True when the user may list Deployments cluster-wide, so other projects' caches are offered too. */
  clusterWide: boolean;
}

/**
 * This project's caches, plus every other project's when the user may list cluster-wide
 * (one list-watch per kind either way). The project's own caches come first.
 */
export const useCacheChoices = (namespace: string): CacheChoices => {
  const [clusterWide, reviewLoading] = useAccessReview(accessOf(KINDS.Deployment, 'list'));
  const wide = clusterWide && !reviewLoading;
  const { instances, loaded, loadError } = useCacheInstances(wide ? undefined : namespace);
  const caches = [...instances].sort(
    (a, b) =>
      Number(b.namespace === namespace) - Number(a.namespace === namespace) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { caches, loaded: loaded && !reviewLoading, loadError, clusterWide: wide };
};
