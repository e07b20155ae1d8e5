import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sListItems } from '../sdk/console-sdk';

/** One object by name, or undefined when there is none (a list, so that absence is no error). */
export const findByName = async <T>(
  model: K8sModel,
  namespace: string,
  name: string,
): Promise<T | undefined> =>
  (
    await k8sListItems<T & K8sResourceCommon>({
      model,
      queryParams: { ns: namespace, fieldSelector: `metadata.name=${name}` },
    })
  )[0];
