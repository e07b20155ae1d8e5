import type { ResourceType } from './resources';
import { invalid, statusError } from './status';
import type { K8sObject } from './store';
import { record } from './objects';
import { requestedBytes } from './volume-metrics';

/**
 * The API server's rules for changing a claim's size: never smaller (422), larger only when
 * the claim's StorageClass allows volume expansion (403 from the admission plugin otherwise).
 * `storageClass` looks a class up by name, or the default class for an empty name.
 */
export const checkClaimResize = (
  type: ResourceType,
  before: K8sObject,
  after: K8sObject,
  storageClass: (name: string | undefined) => K8sObject | undefined,
): void => {
  if (type.kind !== 'PersistentVolumeClaim') return;
  const old = requestedBytes(before);
  const next = requestedBytes(after);
  if (old === undefined || next === undefined || next === old) return;
  const name = after.metadata.name ?? '';
  if (next < old)
    throw invalid(type, name, [
      {
        field: 'spec.resources.requests.storage',
        reason: 'FieldValueForbidden',
        message: 'Forbidden: field can not be less than previous value',
      },
    ]);
  const className = record(after.spec).storageClassName;
  const storage = storageClass(typeof className === 'string' ? className : undefined);
  if (record(storage).allowVolumeExpansion !== true)
    throw statusError(
      403,
      `persistentvolumeclaims "${name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
      { details: { name, kind: 'persistentvolumeclaims' } },
    );
};
