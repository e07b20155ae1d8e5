import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sListItems } from '../sdk/console-sdk';

const PROJECT_MODEL: K8sModel = {
  kind: 'Project',
  plural: 'projects',
  apiVersion: 'v1',
  apiGroup: 'project.openshift.io',
  label: 'Project',
  labelPlural: 'Projects',
  abbr: 'PR',
  namespaced: false,
};

/** The names of the projects the user may see (OpenShift lists only those), sorted. */
export const listProjectNames = async (): Promise<string[]> => {
  const items = await k8sListItems<K8sResourceCommon>({ model: PROJECT_MODEL, queryParams: {} });
  return items
    .map((project) => project.metadata?.name ?? '')
    .filter(Boolean)
    .sort();
};
