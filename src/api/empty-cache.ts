import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { instanceSelector } from '../model/contract';
import {
  claimToCreate,
  readEmptying,
  scaleDownPatch,
  scaleUpPatch,
  startEmptying,
  type EmptyStep,
} from '../model/emptying';
import type { Deployment, PersistentVolumeClaim } from '../model/k8s-types';
import { KINDS } from '../model/kinds';
import { k8sCreate, k8sGet, k8sListItems, k8sPatch } from '../sdk/console-sdk';
import { deleteExactly } from './delete-exactly';
import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** How long one waiting step may take before the run stops and says so. */
const WAIT_MS = 120_000;
const POLL_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Resource = K8sResourceCommon;

/** Why emptying stopped: at which step, and the cluster's answer. */
export class EmptyingError extends Error {
  constructor(
    readonly step: EmptyStep,
    readonly info: K8sErrorInfo,
  ) {
    super(info.message);
  }
}

const until = async (step: EmptyStep, done: () => Promise<boolean>, what: string) => {
  const end = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > end)
      throw new EmptyingError(step, { message: what, causes: [], timedOut: true });
    await sleep(POLL_MS);
  }
};

/**
 * Empties a persistent cache: records the job on the Deployment, scales it to zero, waits
 * for its pods to go, deletes the claim that held the packages (only that one, by uid),
 * creates it again empty, and scales back; the pod's start script initialises devpi on the
 * empty volume. Every step can be run again, so a run after a failure half way finishes the
 * job from where it stopped. `onStep` reports each step as it starts.
 */
export const emptyCache = async (
  deployment: Deployment,
  pvc: PersistentVolumeClaim | undefined,
  onStep: (step: EmptyStep) => void,
): Promise<void> => {
  const namespace = deployment.metadata?.namespace ?? '';
  const name = deployment.metadata?.name ?? '';
  const depModel = KINDS.Deployment.model;
  const pvcModel = KINDS.PersistentVolumeClaim.model;
  const run = async <T>(step: EmptyStep, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof EmptyingError) throw error;
      throw new EmptyingError(step, toK8sErrorInfo(error));
    }
  };

  const current = await run('scale-down', () =>
    k8sGet<Deployment & Resource>({ model: depModel, name, ns: namespace }),
  );
  // A damaged record is not used: the job starts again from the cluster as it is and the new
  // record replaces the damaged one.
  const pending = readEmptying(current);
  if (!pending && !pvc)
    throw new EmptyingError('scale-down', {
      message: 'The cache has no volume to empty.',
      causes: [],
      timedOut: false,
    });
  const record = pending ?? startEmptying(current, pvc as PersistentVolumeClaim);

  onStep('scale-down');
  await run('scale-down', async () => {
    if (!pending)
      await k8sPatch({ model: depModel, resource: current, data: scaleDownPatch(current, record) });
    await until(
      'scale-down',
      async () =>
        (
          await k8sListItems<Resource>({
            model: KINDS.Pod.model,
            queryParams: { ns: namespace, labelSelector: { matchLabels: instanceSelector(name) } },
          })
        ).length === 0,
      'The pods of the cache did not stop in time.',
    );
  });

  // The claim is the cache's own, rebuilt from the contract: never what a record names.
  const wanted = claimToCreate(current, record);
  const claimName = wanted.metadata?.name ?? '';
  // A list by name, not a GET: a claim that is gone is an answer here, not an error to log.
  const existing = async () =>
    (
      await k8sListItems<PersistentVolumeClaim & Resource>({
        model: pvcModel,
        queryParams: { ns: namespace, fieldSelector: `metadata.name=${claimName}` },
      })
    )[0];

  onStep('delete-claim');
  const found = await run('delete-claim', existing);
  // A claim with another uid is the new, empty one of an earlier run: nothing to delete.
  if (found && found.metadata?.uid === record.claimUid) {
    await run('delete-claim', async () => {
      await deleteExactly(pvcModel, found);
      await until(
        'delete-claim',
        async () => (await existing())?.metadata?.uid !== record.claimUid,
        'The old volume claim was not released in time.',
      );
    });
  }

  onStep('create-claim');
  await run('create-claim', async () => {
    if (!(await existing())) await k8sCreate({ model: pvcModel, data: wanted });
  });

  onStep('scale-up');
  await run('scale-up', async () => {
    const latest = await k8sGet<Deployment & Resource>({ model: depModel, name, ns: namespace });
    await k8sPatch({ model: depModel, resource: latest, data: scaleUpPatch(record) });
  });
};
