import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { ANNOTATION_USES } from '../model/contract';
import { k8sListItems } from '../sdk/console-sdk';
import { KINDS } from '../model/kinds';

/** BuildConfigs of a project whose `pipcache-plugin/uses` annotation names the cache `namespace/name`. */
export const listBuildConfigsUsing = async (
  searchNamespace: string,
  cacheNamespace: string,
  cacheName: string,
): Promise<K8sResourceCommon[]> => {
  const items = await k8sListItems<K8sResourceCommon>({
    model: KINDS.BuildConfig.model,
    queryParams: { ns: searchNamespace },
  });
  const wanted = `${cacheNamespace}/${cacheName}`;
  return items.filter((item) => item.metadata?.annotations?.[ANNOTATION_USES] === wanted);
};
