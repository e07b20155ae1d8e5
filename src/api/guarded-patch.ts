import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { PatchOperation } from '../model/builds';
import { k8sGet, k8sPatch } from '../sdk/console-sdk';
import { isConflict, toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** What a guarded patch did: applied, refused because the object changed meanwhile (re-read), or failed. */
export type PatchOutcome<T> =
  | { state: 'applied'; object: T }
  | { state: 'changed'; current: T | undefined; error: K8sErrorInfo }
  | { state: 'failed'; error: K8sErrorInfo }
  /** Nothing to do: the strategy has no env, or the plugin did not set what is to be undone. */
  | { state: 'not-applicable' };

/**
 * Applies a `test`-guarded JSON Patch; when the guard fails, re-reads the object so that the UI
 * can explain what changed instead of forcing the write.
 */
export const applyGuardedPatch = async <T extends K8sResourceCommon>(
  model: K8sModel,
  object: T,
  patch: PatchOperation[],
): Promise<PatchOutcome<T>> => {
  try {
    const patched = await k8sPatch<T>({ model, resource: object, data: patch });
    return { state: 'applied', object: patched };
  } catch (error) {
    const info = toK8sErrorInfo(error);
    if (!isConflict(info)) return { state: 'failed', error: info };
    try {
      const current = await k8sGet<T>({
        model,
        name: object.metadata?.name,
        ns: object.metadata?.namespace,
      });
      return { state: 'changed', current, error: info };
    } catch {
      return { state: 'changed', current: undefined, error: info };
    }
  }
};
