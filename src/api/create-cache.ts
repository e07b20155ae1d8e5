import type { PlannedManifest } from '../model/cache';
import { ownedModel } from '../model/shared';
import { dryRunThenCreate, type CreateReport, type PlannedObject } from './create-objects';

/** Pairs each planned manifest with the model that says where it lives in the API. */
export const toPlannedObjects = (manifests: readonly PlannedManifest[]): PlannedObject[] =>
  manifests.map(({ object, hostFrom }) => ({
    model: ownedModel(object.kind),
    data: object,
    ...(hostFrom ? { hostFrom } : {}),
  }));

/** Creates a cache: a server-side dry run of every object, then the objects in order, or nothing. */
export const createCache = (manifests: readonly PlannedManifest[]): Promise<CreateReport> =>
  dryRunThenCreate(toPlannedObjects(manifests));
