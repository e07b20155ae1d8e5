import { record } from './objects';
import type { ResourceType } from './resources';
import { invalid } from './status';
import type { K8sObject } from './store';

/**
 * What the API server does with a Service's allocated addresses on an update: an update that
 * leaves `clusterIP` out keeps the allocated one (the apiserver copies it over), and one that
 * names another address is refused, because a Service's cluster IP never changes once set.
 */
export const keepAllocatedValues = (
  type: ResourceType,
  current: K8sObject,
  next: K8sObject,
): void => {
  if (type.kind !== 'Service') return;
  const before = record(current.spec);
  const after = record(next.spec);
  const allocated = before.clusterIP as string | undefined;
  if (!allocated) return;
  const asked = after.clusterIP as string | undefined;
  if (asked && asked !== allocated) {
    throw invalid(type, current.metadata.name ?? '', [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message: `Invalid value: []string{"${asked}"}: may not change once set`,
      },
    ]);
  }
  next.spec = {
    ...after,
    clusterIP: allocated,
    clusterIPs: (before.clusterIPs as string[] | undefined) ?? [allocated],
  };
};
