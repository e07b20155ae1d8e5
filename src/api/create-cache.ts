import type { PlannedManifest } from '../model/manifests';
import { CACHE_OWNED_KINDS } from './cache-kinds';
import { dryRunThenCreate, type CreateReport, type PlannedObject } from './create-objects';

/** Pairs each planned manifest with the model that says where it lives in the API. */
export const toPlannedObjects = (manifests: readonly PlannedManifest[]): PlannedObject[] =>
  manifests.map(({ object, hostFrom }) => {
    const model = CACHE_OWNED_KINDS.find((candidate) => candidate.kind === object.kind);
    if (!model) throw new Error(`No model for ${object.kind}`);
    return { model, data: object, ...(hostFrom ? { hostFrom } : {}) };
  });

/** Creates a cache: a server-side dry run of every object, then the objects in order, or nothing. */
export const createCache = (manifests: readonly PlannedManifest[]): Promise<CreateReport> =>
  dryRunThenCreate(toPlannedObjects(manifests));
