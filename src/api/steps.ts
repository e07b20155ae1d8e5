import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/**
 * Why a stepped job (emptying a cache, restarting its pod, migrating a template-made cache)
 * stopped: at which step, and what the cluster said.
 */
export class StepError<S extends string = string> extends Error {
  constructor(
    readonly step: S,
    readonly info: K8sErrorInfo,
  ) {
    super(info.message);
    this.name = 'StepError';
  }
}

/** A step error of our own words (no cluster answer to pass on), such as a wait that ran out. */
export const stepStopped = <S extends string>(
  step: S,
  message: string,
  timedOut = false,
): StepError<S> => new StepError(step, { message, causes: [], timedOut });

/** What a job that stopped reports: the step it stopped at (when it is one of `steps`) and why. */
export const stepFailure = <S extends string>(
  error: unknown,
  steps: readonly S[],
): { step?: S; info: K8sErrorInfo } => {
  if (error instanceof StepError) {
    const step = steps.find((known) => known === error.step);
    return { ...(step ? { step } : {}), info: error.info };
  }
  return { info: toK8sErrorInfo(error) };
};

/** Whether an error is the one a cancelled run ends with (and not the cluster's). */
export const isAbortError = (error: unknown): boolean =>
  error instanceof Error && error.name === 'AbortError';

const abortError = (signal: AbortSignal): Error => {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The run was cancelled.');
  error.name = 'AbortError';
  return error;
};

/** Ends the run here, before its next request, when its signal was aborted. */
export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw abortError(signal);
};

/**
 * Resolves after `ms`; an abort rejects it at once and clears its timer, so that a run that was
 * cancelled leaves nothing behind to fire later.
 */
export const delay = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `action` as part of `step`: whatever it throws (other than a step error or a
 * cancellation, which pass unchanged) becomes a step error at `step` with the cluster's answer.
 */
export const atStep = async <T>(step: string, action: () => Promise<T>): Promise<T> => {
  try {
    return await action();
  } catch (error) {
    if (error instanceof StepError || isAbortError(error)) throw error;
    throw new StepError(step, toK8sErrorInfo(error));
  }
};

/** One step of a job: its name and what it does. */
export interface Step<S extends string> {
  step: S;
  run: () => Promise<void>;
}

/**
 * Runs steps in order, reporting each to `onStep` as it starts; the first one that fails ends
 * the run with a step error naming it. An aborted signal stops the run before its next step.
 */
export const runSteps = async <S extends string>(
  steps: readonly Step<S>[],
  onStep: (step: S) => void,
  signal?: AbortSignal,
): Promise<void> => {
  for (const { step, run } of steps) {
    throwIfAborted(signal);
    onStep(step);
    await atStep(step, run);
  }
};

/** How long a wait may take in all, and how long it pauses between two looks. */
export interface PollTiming {
  waitMs: number;
  pollMs: number;
}

/** What `pollUntil` needs besides its check: the step it waits in, and what to say when time runs out. */
export interface PollOptions<S extends string> extends PollTiming {
  step: S;
  /** The message of the step error when the wait runs out of time. */
  timeoutMessage: string;
  signal?: AbortSignal;
}

/**
 * Looks with `check` until it answers true: again after `pollMs` each time, and for at most
 * `waitMs` (then a timed-out step error). An aborted signal ends the wait at once, timer cleared.
 * A check that throws ends the wait with its error.
 */
export const pollUntil = async <S extends string>(
  check: () => Promise<boolean>,
  { step, timeoutMessage, waitMs, pollMs, signal }: PollOptions<S>,
): Promise<void> => {
  const end = Date.now() + waitMs;
  for (;;) {
    throwIfAborted(signal);
    if (await check()) return;
    if (Date.now() > end) throw stepStopped(step, timeoutMessage, true);
    await delay(pollMs, signal);
  }
};
