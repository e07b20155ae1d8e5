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
  const [deployments, loaded, loadError] = useK8sWatchResource<IDeployment[]>({
    groupVersionKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
    isList: true,
    namespaced: true,
    namespace,
    selector: { matchLabels: { ...ANCHOR_SELECTOR } },
  });
  return { deployments, loaded, loadError: loadError as unknown };
};
