import { instanceSelector } from '../model/contract';
import {
  emptiedAt,
  restartPatch,
  restartProgress,
  type RestartProgress,
  type RestartStep,
} from '../model/emptying';
import type { Deployment, Pod } from '../model/k8s-types';
import { KINDS } from '../model/kinds';
import { k8sGet, k8sListItems } from '../sdk/console-sdk';
import { applyGuardedPatch } from './guarded-patch';
import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** How often a guarded stamp is tried again when the template changed for another reason. */
const ATTEMPTS = 3;

/** Why emptying an ephemeral cache stopped: at which step, and the cluster's answer. */
export class RestartError extends Error {
  constructor(
    readonly step: RestartStep,
    readonly info: K8sErrorInfo,
  ) {
    super(info.message);
  }
}

/** Waiting limits; tests shorten the poll. */
export interface RestartTiming {
  /** How long waiting for the old pod to stop, and then for the new one, may take each. */
  waitMs: number;
  pollMs: number;
}

const DEFAULT_TIMING: RestartTiming = { waitMs: 120_000, pollMs: 1_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    if (outcome.state === 'failed') throw new RestartError('restart', outcome.error);
    if (outcome.state !== 'changed' || !outcome.current || attempt >= ATTEMPTS)
      throw new RestartError(
        'restart',
        outcome.state === 'changed'
          ? outcome.error
          : { message: 'The Deployment could not be read.', causes: [], timedOut: false },
      );
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
  timing: RestartTiming = DEFAULT_TIMING,
): Promise<string> => {
  const namespace = deployment.metadata?.namespace ?? '';
  const name = deployment.metadata?.name ?? '';
  onStep('restart');
  let current: Deployment;
  try {
    current = await k8sGet<Deployment & { metadata: object }>({
      model: KINDS.Deployment.model,
      name,
      ns: namespace,
    });
  } catch (error) {
    throw new RestartError('restart', toK8sErrorInfo(error));
  }
  const at = await stamp(current);

  const progress = async (step: RestartStep): Promise<RestartProgress> => {
    try {
      const pods = await k8sListItems<Pod & { metadata: object }>({
        model: KINDS.Pod.model,
        queryParams: { ns: namespace, labelSelector: { matchLabels: instanceSelector(name) } },
      });
      return restartProgress(pods, at);
    } catch (error) {
      throw new RestartError(step, toK8sErrorInfo(error));
    }
  };
  const until = async (
    step: RestartStep,
    done: (found: RestartProgress) => boolean,
    what: string,
  ): Promise<RestartProgress> => {
    const end = Date.now() + timing.waitMs;
    for (;;) {
      const found = await progress(step);
      onStep(step, found);
      if (done(found)) return found;
      if (Date.now() > end)
        throw new RestartError(step, { message: what, causes: [], timedOut: true });
      await sleep(timing.pollMs);
    }
  };

  await until('stop', (found) => found.state !== 'stopping', 'The old pod did not stop in time.');
  const ready = await until(
    'start',
    (found) => found.state === 'ready',
    'The new pod did not become ready in time.',
  );
  return ready.state === 'ready' ? ready.pod : '';
};
