import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ANNOTATION_USES, KINDS, type BuildConfig } from '../model/shared';
import { k8sListItems } from '../sdk/console-sdk';
import { parseBuildConfig } from '../model/living';

/** BuildConfigs of a project whose `pipcache-plugin/uses` annotation names the cache `namespace/name`. */
export const listBuildConfigsUsing = async (
  searchNamespace: string,
  cacheNamespace: string,
  cacheName: string,
): Promise<BuildConfig[]> => {
  const items = await k8sListItems<K8sResourceCommon>({
    model: KINDS.BuildConfig.model,
    queryParams: { ns: searchNamespace },
  });
  const wanted = `${cacheNamespace}/${cacheName}`;
  // Listed objects are parsed before anything of them is read; those not in shape are left out.
  return items
    .map(parseBuildConfig)
    .filter(
      (item): item is BuildConfig => item?.metadata.annotations?.[ANNOTATION_USES] === wanted,
    );
};
