import { instanceSelector, type Deployment, type Pod, KINDS } from '../model/shared';
import {
  emptiedAt,
  restartPatch,
  restartProgress,
  type RestartProgress,
  type RestartStep,
} from '../model/living';
import { k8sGet, k8sListItems } from '../sdk/console-sdk';
import { applyGuardedPatch } from './guarded-patch';
import { pollUntil, runSteps, StepError, stepStopped, type PollTiming } from './steps';

/** How often a guarded stamp is tried again when the template changed for another reason. */
const ATTEMPTS = 3;

/** How long waiting for the old pod to stop, and then for the new one, may take each. */
const DEFAULT_TIMING: PollTiming = { waitMs: 120_000, pollMs: 1_000 };

/**
 * Stamps the pod template (guarded); when another run stamped it meanwhile, that run's restart
 * is the one to wait for, so a second click or a second browser restarts the pod only once.
 */
const stamp = async (deployment: Deployment): Promise<string> => {
  let read = deployment;
  for (let attempt = 1; ; attempt += 1) {
    const at = new Date().toISOString();
    const outcome = await applyGuardedPatch(KINDS.Deployment.model, read, restartPatch(read, at));
    if (outcome.state === 'applied') return at;
    if (outcome.state === 'failed') throw new StepError('restart', outcome.error);
    if (outcome.state !== 'changed' || !outcome.current || attempt >= ATTEMPTS)
      throw outcome.state === 'changed'
        ? new StepError('restart', outcome.error)
        : stepStopped('restart', 'The Deployment could not be read.');
    const theirs = emptiedAt(outcome.current.spec?.template);
    if (theirs && theirs !== emptiedAt(read.spec?.template)) return theirs;
    read = outcome.current;
  }
};

/**
 * Empties an ephemeral cache: its packages live on an emptyDir volume, which lives as long as
 * the pod, so a new pod starts empty. Stamps the pod template (the Deployment's Recreate
 * strategy stops the old pod before the new one starts), waits for the old pod to go and the
 * new one to be ready, and returns the new pod's name. Running it again restarts the (already
 * empty) cache once more, which does no harm. `onStep` reports each step as it starts.
 */
export const emptyEphemeralCache = async (
  deployment: Deployment,
  onStep: (step: RestartStep, progress?: RestartProgress) => void,
  timing: PollTiming = DEFAULT_TIMING,
  signal?: AbortSignal,
): Promise<string> => {
  const namespace = deployment.metadata?.namespace ?? '';
  const name = deployment.metadata?.name ?? '';
  let at = '';
  let found: RestartProgress | undefined;
  /** Waits in `step` until the pods of the cache answer `done`, reporting each look. */
  const waitFor = (
    step: RestartStep,
    done: (progress: RestartProgress) => boolean,
    timeoutMessage: string,
  ) =>
    pollUntil(
      async () => {
        const pods = await k8sListItems<Pod & { metadata: object }>({
          model: KINDS.Pod.model,
          queryParams: { ns: namespace, labelSelector: { matchLabels: instanceSelector(name) } },
        });
        const progress = restartProgress(pods, at);
        found = progress;
        onStep(step, progress);
        return done(progress);
      },
      { ...timing, step, timeoutMessage, signal },
    );

  await runSteps<RestartStep>(
    [
      {
        step: 'restart',
        run: async () => {
          const current = await k8sGet<Deployment & { metadata: object }>({
            model: KINDS.Deployment.model,
            name,
            ns: namespace,
          });
          at = await stamp(current);
        },
      },
      {
        step: 'stop',
        run: () =>
          waitFor(
            'stop',
            (progress) => progress.state !== 'stopping',
            'The old pod did not stop in time.',
          ),
      },
      {
        step: 'start',
        run: () =>
          waitFor(
            'start',
            (progress) => progress.state === 'ready',
            'The new pod did not become ready in time.',
          ),
      },
    ],
    onStep,
    signal,
  );
  return found?.state === 'ready' ? found.pod : '';
};
