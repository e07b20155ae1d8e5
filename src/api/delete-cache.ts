import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import {
  instanceSelector,
  LABEL_INSTANCE,
  LABEL_NAME,
  APP_NAME,
  CACHE_OWNED_KINDS,
} from '../model/shared';
import { k8sListItems } from '../sdk/console-sdk';
import { deleteExactly } from './delete-exactly';
import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** One object that belongs to a cache, found by the contract's instance selector. */
export interface OwnedObject {
  model: K8sModel;
  object: K8sResourceCommon;
}

/** Objects of the cache `name`, kind by kind; a kind the user may not list is reported. */
export const listCacheObjects = async (
  namespace: string,
  name: string,
): Promise<{ objects: OwnedObject[]; failures: { model: K8sModel; error: K8sErrorInfo }[] }> => {
  const objects: OwnedObject[] = [];
  const failures: { model: K8sModel; error: K8sErrorInfo }[] = [];
  for (const { model } of CACHE_OWNED_KINDS) {
    try {
      const items = await k8sListItems<K8sResourceCommon>({
        model,
        queryParams: { ns: namespace, labelSelector: { matchLabels: instanceSelector(name) } },
      });
      // The selector already demands both labels; checking again guards against a server or
      // a stand-in that ignores selectors, because deleting the wrong object cannot be undone.
      for (const object of items) {
        const labels = object.metadata?.labels ?? {};
        if (labels[LABEL_INSTANCE] === name && labels[LABEL_NAME] === APP_NAME) {
          objects.push({ model, object });
        }
      }
    } catch (error) {
      failures.push({ model, error: toK8sErrorInfo(error) });
    }
  }
  return { objects, failures };
};

/** What happened to each object of a delete. */
export interface DeleteReport {
  deleted: OwnedObject[];
  /** The objects that could not be deleted, with their position in the input. */
  failed: (OwnedObject & { error: K8sErrorInfo; index: number })[];
}

/** Deletes the given objects one by one, in the order given; an object already gone counts as deleted. */
export const deleteObjects = async (objects: readonly OwnedObject[]): Promise<DeleteReport> => {
  const report: DeleteReport = { deleted: [], failed: [] };
  for (const [index, owned] of objects.entries()) {
    try {
      await deleteExactly(owned.model, owned.object);
      report.deleted.push(owned);
    } catch (error) {
      const info = toK8sErrorInfo(error);
      if (info.code === 404) {
        report.deleted.push(owned);
      } else {
        report.failed.push({ ...owned, error: info, index });
      }
    }
  }
  return report;
};
