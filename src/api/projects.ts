import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { KINDS } from '../model/shared';
import { k8sListItems } from '../sdk/console-sdk';

/** The names of the projects the user may see (OpenShift lists only those), sorted. */
export const listProjectNames = async (): Promise<string[]> => {
  const items = await k8sListItems<K8sResourceCommon>({
    model: KINDS.Project.model,
    queryParams: {},
  });
  return items
    .map((project) => project.metadata?.name ?? '')
    .filter(Boolean)
    .sort();
};
