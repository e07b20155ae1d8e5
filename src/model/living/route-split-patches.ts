import { type Route, isNarrowedRoute, SIMPLE_ROUTE_PATH } from '../shared';
import { editStartValues, type EditableObjects } from './edit-values';
import { guard, type ObjectPatch } from './object-patches';
import { routeManifest, defaultValues, type PipCacheValues } from '../cache';
import type { PatchOperation } from '../builds';

/**
 * Whether a cache's Routes differ from contract schema 2: the route `N` publishes more than the
 * simple pages (schema 1: all of `/root/pypi`), or the route `N-files` is missing. The next
 * edit (or upgrade) creates `N-files` first and then narrows `N`.
 */
export const needsRouteSplit = (objects: EditableObjects): boolean =>
  objects.route !== undefined && (!objects.filesRoute || !isNarrowedRoute(objects.route));

/**
 * The Route `N-files` for a cache's live Route `N`: rebuilt from the plugin's own rules with
 * the values an edit ends with, on the host `N` has now (a generated one included).
 */
export const filesRouteFor = (route: Route, namespace: string, values: PipCacheValues): Route =>
  routeManifest(
    { ...values, route: { ...values.route, host: route.spec.host ?? values.route.host } },
    namespace,
    'files',
  );

/**
 * The steps that bring a cache's Routes to contract schema 2 on their own (an upgrade makes
 * them): create `N-files` on the host of `N` with the route settings `N` has now, then narrow
 * `N`, guarded by its resourceVersion. Empty when the Routes already are so, or there is none.
 */
export const routeSplitPatches = (objects: EditableObjects): ObjectPatch[] => {
  const { route, filesRoute, deployment } = objects;
  if (!route || !needsRouteSplit(objects)) return [];
  const patches: ObjectPatch[] = [];
  if (!filesRoute) {
    const values = editStartValues(objects, defaultValues());
    const create = filesRouteFor(route, deployment.metadata?.namespace ?? '', values);
    patches.push({ kind: 'Route', name: create.metadata.name ?? '', operations: [], create });
  }
  const narrowing = narrowingOperations(route);
  if (narrowing.length) {
    patches.push({
      kind: 'Route',
      name: route.metadata.name ?? '',
      operations: [...guard(route.metadata.resourceVersion), ...narrowing],
    });
  }
  return patches;
};

/** Narrows the route `N` to the simple pages; nothing when it already is. */

/** Narrows the route `N` to the simple pages; nothing when it already is. */
export const narrowingOperations = (route: Route): PatchOperation[] =>
  isNarrowedRoute(route) ? [] : [{ op: 'add', path: '/spec/path', value: SIMPLE_ROUTE_PATH }];
