import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import {
  instanceSelector,
  type Deployment,
  type PersistentVolumeClaim,
  KINDS,
  ownedModel,
} from '../model/shared';
import {
  claimToCreate,
  readEmptying,
  scaleDownPatch,
  scaleUpPatch,
  startEmptying,
  type EmptyStep,
} from '../model/living';
import { k8sCreate, k8sGet, k8sListItems, k8sPatch } from '../sdk/console-sdk';
import { deleteExactly } from './delete-exactly';
import { findByName } from './find-by-name';
import { atStep, pollUntil, runSteps, stepStopped, type PollTiming } from './steps';

/** How long one waiting step may take before the run stops and says so. */
const TIMING: PollTiming = { waitMs: 120_000, pollMs: 1_000 };

type Resource = K8sResourceCommon;

/**
 * Empties a persistent cache: records the job on the Deployment, scales it to zero, waits
 * for its pods to go, deletes the claim that held the packages (only that one, by uid),
 * creates it again empty, and scales back; the pod's start script initialises devpi on the
 * empty volume. Every step can be run again, so a run after a failure half way finishes the
 * job from where it stopped. `onStep` reports each step as it starts; a failure throws a
 * `StepError` naming the step.
 */
export const emptyCache = async (
  deployment: Deployment,
  pvc: PersistentVolumeClaim | undefined,
  onStep: (step: EmptyStep) => void,
  signal?: AbortSignal,
): Promise<void> => {
  const namespace = deployment.metadata?.namespace ?? '';
  const name = deployment.metadata?.name ?? '';
  const depModel = ownedModel('Deployment');
  const pvcModel = ownedModel('PersistentVolumeClaim');
  const wait = (step: EmptyStep, timeoutMessage: string, check: () => Promise<boolean>) =>
    pollUntil(check, { ...TIMING, step, timeoutMessage, signal });

  const current = await atStep('scale-down', () =>
    k8sGet<Deployment & Resource>({ model: depModel, name, ns: namespace }),
  );
  // A damaged record is not used: the job starts again from the cluster as it is and the new
  // record replaces the damaged one.
  const pending = readEmptying(current);
  if (!pending && !pvc) throw stepStopped('scale-down', 'The cache has no volume to empty.');
  const record = pending ?? startEmptying(current, pvc as PersistentVolumeClaim);

  // The claim is the cache's own, rebuilt from the contract: never what a record names.
  const wanted = claimToCreate(current, record);
  const claimName = wanted.metadata?.name ?? '';
  // A list by name, not a GET: a claim that is gone is an answer here, not an error to log.
  const existing = () => findByName<PersistentVolumeClaim>(pvcModel, namespace, claimName);

  await runSteps<EmptyStep>(
    [
      {
        step: 'scale-down',
        run: async () => {
          if (!pending)
            await k8sPatch({
              model: depModel,
              resource: current,
              data: scaleDownPatch(current, record),
            });
          await wait(
            'scale-down',
            'The pods of the cache did not stop in time.',
            async () =>
              (
                await k8sListItems<Resource>({
                  model: KINDS.Pod.model,
                  queryParams: {
                    ns: namespace,
                    labelSelector: { matchLabels: instanceSelector(name) },
                  },
                })
              ).length === 0,
          );
        },
      },
      {
        step: 'delete-claim',
        run: async () => {
          const found = await existing();
          // A claim with another uid is the new, empty one of an earlier run: nothing to delete.
          if (!found || found.metadata?.uid !== record.claimUid) return;
          await deleteExactly(pvcModel, found);
          await wait(
            'delete-claim',
            'The old volume claim was not released in time.',
            async () => (await existing())?.metadata?.uid !== record.claimUid,
          );
        },
      },
      {
        step: 'create-claim',
        run: async () => {
          if (!(await existing())) await k8sCreate({ model: pvcModel, data: wanted });
        },
      },
      {
        step: 'scale-up',
        run: async () => {
          const latest = await k8sGet<Deployment & Resource>({
            model: depModel,
            name,
            ns: namespace,
          });
          await k8sPatch({ model: depModel, resource: latest, data: scaleUpPatch(record) });
        },
      },
    ],
    onStep,
    signal,
  );
};
