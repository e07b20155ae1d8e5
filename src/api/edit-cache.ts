import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { EditableObjects, EditedKind, ObjectPatch } from '../model/living';
import {
  ownedModel,
  type BuildConfig,
  type Deployment,
  type Route,
  filesRouteName,
} from '../model/shared';
import { k8sCreate, k8sGet, k8sPatch } from '../sdk/console-sdk';
import { deleteObjects } from './delete-cache';
import { isConflict, toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** What happened to one object's patch. */
export type PatchFate =
  | { state: 'dry-run-passed' }
  | { state: 'dry-run-failed'; error: K8sErrorInfo; conflict: boolean }
  | { state: 'not-attempted' }
  | { state: 'applied' }
  | { state: 'apply-failed'; error: K8sErrorInfo; conflict: boolean }
  /** An object this save created, deleted again because a later step failed. */
  | { state: 'removed' }
  | { state: 'removal-failed'; error: K8sErrorInfo; conflict: false };

export interface PatchReport {
  kind: EditedKind;
  name: string;
  fate: PatchFate;
}

/**
 * The outcome of saving an edit: `applied` (every patch), `dry-run-failed` (nothing changed),
 * `partly-applied` (some patches were applied; `remaining` holds the rest for a retry) or
 * `nothing-applied` (a real step failed after the dry run passed, and anything created before
 * it was removed again).
 */
export interface EditReport {
  outcome: 'applied' | 'dry-run-failed' | 'partly-applied' | 'nothing-applied';
  patches: PatchReport[];
  remaining: ObjectPatch[];
}

const send = (
  namespace: string,
  patch: ObjectPatch,
  dryRun: boolean,
): Promise<K8sResourceCommon> =>
  patch.create
    ? k8sCreate({
        model: ownedModel(patch.kind),
        // Created where the cache is, whatever the planned object says.
        data: { ...patch.create, metadata: { ...patch.create.metadata, namespace } },
        ...(dryRun ? { queryParams: { dryRun: 'All' } } : {}),
      })
    : k8sPatch({
        model: ownedModel(patch.kind),
        resource: { metadata: { name: patch.name, namespace } },
        data: patch.operations,
        ...(dryRun ? { queryParams: { dryRun: 'All' } } : {}),
      });

/**
 * Deletes the objects this save created when a step fails, unless a patch was applied after
 * them: the route `N` narrowed after `N-files` was created needs `N-files`, or pip outside the
 * cluster loses the files. Returns their fates by index.
 */
const rollBackCreated = async (
  namespace: string,
  patches: readonly ObjectPatch[],
  fates: readonly PatchFate[],
  answers: ReadonlyMap<number, K8sResourceCommon>,
): Promise<Map<number, PatchFate>> => {
  const lastPatched = fates.reduce(
    (last, fate, index) => (fate.state === 'applied' && !patches[index]?.create ? index : last),
    -1,
  );
  const created = patches.flatMap((patch, index) =>
    patch.create && fates[index]?.state === 'applied' && index > lastPatched ? [index] : [],
  );
  const removed = new Map<number, PatchFate>();
  if (!created.length) return removed;
  const { failed } = await deleteObjects(
    created.map((index) => {
      // The create's answer carries the uid, so that only the object this save made is deleted.
      const answer = answers.get(index);
      const planned = patches[index]?.create;
      return {
        model: ownedModel('Route'),
        object: answer?.metadata?.uid
          ? answer
          : { ...planned, metadata: { ...planned?.metadata, namespace } },
      };
    }),
  );
  created.forEach((patchIndex, position) => {
    const failure = failed.find((item) => item.index === position);
    removed.set(
      patchIndex,
      failure
        ? { state: 'removal-failed', error: failure.error, conflict: false }
        : { state: 'removed' },
    );
  });
  return removed;
};

/**
 * Sends every patch as a server-side dry run first and, only if all pass, applies them in
 * order. Never forces: a guarded patch that meets a concurrent change fails and is reported
 * as a conflict. When a patch fails after others were applied, the report names which were,
 * and `remaining` can be passed back to retry the rest.
 */
export const dryRunThenPatch = async (
  namespace: string,
  patches: readonly ObjectPatch[],
): Promise<EditReport> => {
  const dryRunFates: PatchFate[] = [];
  for (const patch of patches) {
    try {
      await send(namespace, patch, true);
      dryRunFates.push({ state: 'dry-run-passed' });
    } catch (caught) {
      const error = toK8sErrorInfo(caught);
      dryRunFates.push({ state: 'dry-run-failed', error, conflict: isConflict(error) });
    }
  }
  const report = (patch: ObjectPatch, fate: PatchFate): PatchReport => ({
    kind: patch.kind,
    name: patch.name,
    fate,
  });
  if (dryRunFates.some((fate) => fate.state === 'dry-run-failed')) {
    return {
      outcome: 'dry-run-failed',
      patches: patches.map((patch, index) =>
        report(patch, dryRunFates[index] ?? { state: 'not-attempted' }),
      ),
      remaining: [...patches],
    };
  }
  const fates: PatchFate[] = [];
  const answers = new Map<number, K8sResourceCommon>();
  for (const [index, patch] of patches.entries()) {
    try {
      answers.set(index, await send(namespace, patch, false));
      fates.push({ state: 'applied' });
    } catch (caught) {
      const error = toK8sErrorInfo(caught);
      fates.push({ state: 'apply-failed', error, conflict: isConflict(error) });
      const removed = await rollBackCreated(namespace, patches, fates, answers);
      removed.forEach((fate, removedIndex) => (fates[removedIndex] = fate));
      // A retry starts again from the first object that was removed (it is created again).
      const retryFrom = Math.min(
        index,
        ...[...removed].flatMap(([at, fate]) => (fate.state === 'removed' ? [at] : [])),
      );
      // An object whose removal failed is still there: the save is partly applied.
      const applied = fates.some(
        (fate) => fate.state === 'applied' || fate.state === 'removal-failed',
      );
      return {
        outcome: applied ? 'partly-applied' : 'nothing-applied',
        patches: patches.map((other, otherIndex) =>
          report(other, fates[otherIndex] ?? { state: 'not-attempted' }),
        ),
        remaining: patches.slice(retryFrom),
      };
    }
  }
  return {
    outcome: 'applied',
    patches: patches.map((patch) => report(patch, { state: 'applied' })),
    remaining: [],
  };
};

/** Reads the current Deployment, BuildConfig and Routes of a cache again (after a conflict). */
export const readEditableObjects = async (
  namespace: string,
  current: EditableObjects,
): Promise<EditableObjects> => {
  const get = <T>(kind: EditedKind, name: string | undefined): Promise<T> =>
    k8sGet({ model: ownedModel(kind), name: name ?? '', ns: namespace }) as Promise<T>;
  const name = current.deployment.metadata?.name ?? '';
  const [deployment, buildConfig, route, filesRoute] = await Promise.all([
    get<Deployment>('Deployment', name),
    current.buildConfig
      ? get<BuildConfig>('BuildConfig', current.buildConfig.metadata.name)
      : undefined,
    current.route ? get<Route>('Route', current.route.metadata.name) : undefined,
    // N-files may be missing (a cache of schema 1) or have been created meanwhile.
    current.route
      ? get<Route>('Route', filesRouteName(name)).catch((caught: unknown) => {
          if (toK8sErrorInfo(caught).code === 404) return undefined;
          throw caught;
        })
      : undefined,
  ]);
  return { deployment, buildConfig, route, filesRoute };
};
