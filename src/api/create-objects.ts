import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sCreate } from '../sdk/console-sdk';
import { deleteObjects } from './delete-cache';
import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** One object to create, with the model that says where it lives in the API. */
export interface PlannedObject {
  model: K8sModel;
  data: K8sResourceCommon;
  /**
   * The name of an earlier object of the same kind whose `spec.host`, as the API server
   * answered its create (dry run included, where a generated host is filled in as well), this
   * object takes before it is sent: the Route `N-files` shares the host of `N`.
   */
  hostFrom?: string;
}

type HostedSpec = { spec?: { host?: string } };

/** The object to send: with the host of the earlier object it names in `hostFrom`, if known. */
const withHost = (
  object: PlannedObject,
  answers: ReadonlyMap<string, K8sResourceCommon>,
): K8sResourceCommon => {
  if (!object.hostFrom) return object.data;
  const host = (answers.get(`${object.model.kind}/${object.hostFrom}`) as HostedSpec | undefined)
    ?.spec?.host;
  if (!host) return object.data;
  const data = object.data as K8sResourceCommon & HostedSpec;
  return { ...data, spec: { ...data.spec, host } } as K8sResourceCommon;
};

const answerKey = (object: PlannedObject): string =>
  `${object.model.kind}/${object.data.metadata?.name ?? ''}`;

/** What happened to one object during a submit. */
export type ObjectFate =
  | { state: 'dry-run-passed' }
  | { state: 'dry-run-failed'; error: K8sErrorInfo }
  | { state: 'not-attempted' }
  | { state: 'created' }
  | { state: 'create-failed'; error: K8sErrorInfo }
  | { state: 'removed' }
  | { state: 'removal-failed'; error: K8sErrorInfo };

export interface ObjectReport {
  kind: string;
  name: string;
  fate: ObjectFate;
}

/**
 * The outcome of a submit: `created` (everything exists), `dry-run-failed` (nothing was
 * created), `rolled-back` (a create failed and everything this submit made was removed) or
 * `rollback-incomplete` (some objects could not be removed; `leftovers` lists them for a retry).
 */
export interface CreateReport {
  outcome: 'created' | 'dry-run-failed' | 'rolled-back' | 'rollback-incomplete';
  objects: ObjectReport[];
  leftovers: PlannedObject[];
}

const nameOf = (object: PlannedObject): string => object.data.metadata?.name ?? '';

const report = (object: PlannedObject, fate: ObjectFate): ObjectReport => ({
  kind: object.model.kind,
  name: nameOf(object),
  fate,
});

/** Deletes what a submit created, newest first; a 404 counts as removed (someone was quicker). */
export const removeObjects = async (
  objects: readonly PlannedObject[],
): Promise<{ reports: Map<PlannedObject, ObjectFate>; leftovers: PlannedObject[] }> => {
  const newestFirst = [...objects].reverse();
  const { failed } = await deleteObjects(
    newestFirst.map((planned) => ({ model: planned.model, object: planned.data })),
  );
  const reports = new Map<PlannedObject, ObjectFate>();
  const leftovers: PlannedObject[] = [];
  newestFirst.forEach((planned, index) => {
    const failure = failed.find((item) => item.index === index);
    reports.set(
      planned,
      failure ? { state: 'removal-failed', error: failure.error } : { state: 'removed' },
    );
    if (failure) leftovers.unshift(planned);
  });
  return { reports, leftovers };
};

/**
 * Validates every object with a server-side dry run (`dryRun=All`) and, only if all pass,
 * creates them in order. When a real create fails, every object this call created is deleted
 * again, so the cluster is left as it was; the report says what happened to each object.
 */
export const dryRunThenCreate = async (
  objects: readonly PlannedObject[],
): Promise<CreateReport> => {
  const dryRunFates: ObjectFate[] = [];
  const dryRunAnswers = new Map<string, K8sResourceCommon>();
  for (const object of objects) {
    try {
      const answer = await k8sCreate({
        model: object.model,
        data: withHost(object, dryRunAnswers),
        queryParams: { dryRun: 'All' },
      });
      dryRunAnswers.set(answerKey(object), answer);
      dryRunFates.push({ state: 'dry-run-passed' });
    } catch (error) {
      dryRunFates.push({ state: 'dry-run-failed', error: toK8sErrorInfo(error) });
    }
  }
  if (dryRunFates.some((fate) => fate.state === 'dry-run-failed')) {
    return {
      outcome: 'dry-run-failed',
      objects: objects.map((object, index) =>
        report(object, dryRunFates[index] ?? { state: 'not-attempted' }),
      ),
      leftovers: [],
    };
  }

  // Each created object as the API server answered it: with its uid, so that a rollback deletes
  // exactly the object this submit made and never one made meanwhile under the same name.
  const created = new Map<PlannedObject, PlannedObject>();
  const answers = new Map<string, K8sResourceCommon>();
  for (const [index, object] of objects.entries()) {
    try {
      const answer = await k8sCreate({ model: object.model, data: withHost(object, answers) });
      answers.set(answerKey(object), answer);
      created.set(object, answer.metadata?.uid ? { ...object, data: answer } : object);
    } catch (error) {
      const failure: ObjectFate = { state: 'create-failed', error: toK8sErrorInfo(error) };
      const { reports, leftovers } = await removeObjects([...created.values()]);
      return {
        outcome: leftovers.length > 0 ? 'rollback-incomplete' : 'rolled-back',
        objects: objects.map((other, otherIndex) => {
          if (otherIndex === index) return report(other, failure);
          const made = created.get(other);
          return report(other, (made && reports.get(made)) ?? { state: 'not-attempted' });
        }),
        leftovers,
      };
    }
  }
  return {
    outcome: 'created',
    objects: objects.map((object) => report(object, { state: 'created' })),
    leftovers: [],
  };
};
