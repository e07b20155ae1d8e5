import type { PatchOperation } from '../builds';
import type { Route } from '../shared';

/** The kinds an edit patches, in the order they are applied (the values annotation last). */
export type EditedKind = 'BuildConfig' | 'Route' | 'Deployment' | 'ConfigMap';

/**
 * One guarded JSON patch for one object, or, with `create`, one object to create (its
 * `operations` are then empty): the Route `N-files` that a cache of schema 1 lacks.
 */
export interface ObjectPatch {
  kind: EditedKind;
  name: string;
  operations: PatchOperation[];
  create?: Route;
}

/** Whether two JSON values are equal, as a patch would write them. */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A `test` of the resourceVersion an object was read at: a concurrent change fails the patch. */
export const guard = (resourceVersion: string | undefined): PatchOperation[] =>
  resourceVersion
    ? [{ op: 'test', path: '/metadata/resourceVersion', value: resourceVersion }]
    : [];
