import * as React from 'react';
import {
  TEMPLATE_SELECTOR,
  templateCacheOf,
  type DeploymentConfigLike,
  type TemplateCache,
} from '../model/migration';
import { KINDS } from '../model/shared';
import { useK8sWatchResource } from '../sdk/console-sdk';

/**
 * Caches made by the original templates in a project (or all projects): one list-watch of
 * DeploymentConfigs labelled `app=pipcache`. A cluster without the DeploymentConfig API (its
 * capability can be disabled) or a user who may not list them simply has none to show.
 */
export const useTemplateCaches = (namespace: string | undefined): TemplateCache[] => {
  const result = useK8sWatchResource<DeploymentConfigLike[]>({
    groupVersionKind: KINDS.DeploymentConfig.gvk,
    namespace,
    isList: true,
    selector: { matchLabels: { ...TEMPLATE_SELECTOR } },
  });
  const [configs, loaded] = result;
  const loadError: unknown = result[2];
  return React.useMemo(
    () =>
      loaded && !loadError && Array.isArray(configs)
        ? configs.flatMap((dc) => {
            const cache = templateCacheOf(dc);
            return cache ? [cache] : [];
          })
        : [],
    [configs, loaded, loadError],
  );
};
