import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { EditableObjects, EditedKind, ObjectPatch } from '../model/edit-patches';
import { ownedModel } from '../model/kinds';
import type { BuildConfig, Deployment, Route } from '../model/k8s-types';
import { k8sGet, k8sPatch } from '../sdk/console-sdk';
import { isConflict, toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** What happened to one object's patch. */
export type PatchFate =
  | { state: 'dry-run-passed' }
  | { state: 'dry-run-failed'; error: K8sErrorInfo; conflict: boolean }
  | { state: 'not-attempted' }
  | { state: 'applied' }
  | { state: 'apply-failed'; error: K8sErrorInfo; conflict: boolean };

export interface PatchReport {
  kind: EditedKind;
  name: string;
  fate: PatchFate;
}

/**
 * The outcome of saving an edit: `applied` (every patch), `dry-run-failed` (nothing changed),
 * `partly-applied` (some patches were applied; `remaining` holds the rest for a retry) or
 * `nothing-applied` (the first real patch failed after the dry run passed).
 */
export interface EditReport {
  outcome: 'applied' | 'dry-run-failed' | 'partly-applied' | 'nothing-applied';
  patches: PatchReport[];
  remaining: ObjectPatch[];
}

const send = (namespace: string, patch: ObjectPatch, dryRun: boolean): Promise<K8sResourceCommon> =>
  k8sPatch({
    model: ownedModel(patch.kind),
    resource: { metadata: { name: patch.name, namespace } },
    data: patch.operations,
    ...(dryRun ? { queryParams: { dryRun: 'All' } } : {}),
  });

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
  for (const [index, patch] of patches.entries()) {
    try {
      await send(namespace, patch, false);
      fates.push({ state: 'applied' });
    } catch (caught) {
      const error = toK8sErrorInfo(caught);
      fates.push({ state: 'apply-failed', error, conflict: isConflict(error) });
      return {
        outcome: index === 0 ? 'nothing-applied' : 'partly-applied',
        patches: patches.map((other, otherIndex) =>
          report(other, fates[otherIndex] ?? { state: 'not-attempted' }),
        ),
        remaining: patches.slice(index),
      };
    }
  }
  return {
    outcome: 'applied',
    patches: patches.map((patch) => report(patch, { state: 'applied' })),
    remaining: [],
  };
};

/** Reads the current Deployment, BuildConfig and Route of a cache again (after a conflict). */
export const readEditableObjects = async (
  namespace: string,
  current: EditableObjects,
): Promise<EditableObjects> => {
  const get = <T>(kind: EditedKind, name: string | undefined): Promise<T> =>
    k8sGet({ model: ownedModel(kind), name: name ?? '', ns: namespace }) as Promise<T>;
  const [deployment, buildConfig, route] = await Promise.all([
    get<Deployment>('Deployment', current.deployment.metadata?.name),
    current.buildConfig
      ? get<BuildConfig>('BuildConfig', current.buildConfig.metadata.name)
      : undefined,
    current.route ? get<Route>('Route', current.route.metadata.name) : undefined,
  ]);
  return { deployment, buildConfig, route };
};
