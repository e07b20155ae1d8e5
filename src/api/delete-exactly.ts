import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sDelete } from '../sdk/console-sdk';

/**
 * Deletes exactly the object that was read: the uid precondition makes the API server refuse
 * (409) when another object of the same name took its place meanwhile.
 */
export const deleteExactly = async (
  model: K8sModel,
  resource: K8sResourceCommon,
  propagationPolicy = model.propagationPolicy,
): Promise<void> => {
  const uid = resource.metadata?.uid;
  await k8sDelete({
    model,
    resource,
    ...(uid
      ? {
          json: {
            kind: 'DeleteOptions',
            apiVersion: 'v1',
            preconditions: { uid },
            // Given options replace the model's own, so its propagation policy is carried over.
            ...(propagationPolicy ? { propagationPolicy } : {}),
          },
        }
      : propagationPolicy !== model.propagationPolicy
        ? { json: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy } }
        : {}),
  });
};
