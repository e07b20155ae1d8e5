import * as React from 'react';
import { toK8sErrorInfo, type K8sErrorInfo } from '../api/k8s-error';
import { readTemplateObjects } from '../api/migrate-cache';
import type { TemplateObjects } from '../model/migration';

export interface TemplateObjectsResult {
  objects?: TemplateObjects;
  loaded: boolean;
  error?: K8sErrorInfo;
  /** Reads the objects again (after a migration step changed them). */
  reload: () => void;
}

/**
 * The objects the original templates made for the cache `name`, read once (and again on
 * `reload`); nothing is read while `name` is undefined. A read that finishes after the page
 * moved on is dropped.
 */
export const useTemplateObjects = (
  namespace: string,
  name: string | undefined,
): TemplateObjectsResult => {
  const [generation, setGeneration] = React.useState(0);
  const [state, setState] = React.useState<Omit<TemplateObjectsResult, 'reload'>>({
    loaded: false,
  });
  React.useEffect(() => {
    if (!name) return undefined;
    let current = true;
    readTemplateObjects(namespace, name).then(
      (objects) => current && setState({ objects, loaded: true }),
      (error: unknown) => current && setState({ loaded: true, error: toK8sErrorInfo(error) }),
    );
    return () => {
      current = false;
    };
  }, [namespace, name, generation]);
  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
};
