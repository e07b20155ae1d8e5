import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { ANCHOR_SELECTOR } from '../model/contract';
import { useK8sWatchResource } from '../sdk/console-sdk';

/** What the list page needs to know about the caches it shows. */
export interface CacheDeploymentsResult {
  deployments: IDeployment[];
  loaded: boolean;
  loadError: unknown;
}

/**
 * Watches the anchor Deployment of every cache in a project, or in every project the user can
 * list when `namespace` is undefined. One list-watch for all caches, never one per cache.
 */
export const useCacheDeployments = (namespace: string | undefined): CacheDeploymentsResult => {
  const result = useK8sWatchResource<IDeployment[]>({
    groupVersionKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    isList: true,
    namespaced: true,
    namespace,
    selector: { matchLabels: { ...ANCHOR_SELECTOR } },
  });
  // The SDK types the load error as `any`; it stays unknown until a caller narrows it.
  const loadError: unknown = result[2];
  return { deployments: result[0], loaded: result[1], loadError };
};
