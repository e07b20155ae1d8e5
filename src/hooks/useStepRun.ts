import * as React from 'react';
import type { K8sErrorInfo } from '../api/k8s-error';
import { stepFailure } from '../api/steps';

/** Where a stepped job started from a dialog is: not started, at a step, stopped, or done. */
export type StepPhase<S extends string, R> =
  | { state: 'confirm' }
  | { state: 'running'; step: S; note?: string }
  | { state: 'failed'; step: S; info: K8sErrorInfo }
  | { state: 'done'; result: R };

/** Reports the step a job is at, with a note on it (such as the new pod's name). */
export type StepReport<S extends string> = (step: S, note?: string) => void;

/** What `useStepRun` gives a dialog: the phase, how to start the job, and the progress to show. */
export interface StepRun<S extends string, R> {
  phase: StepPhase<S, R>;
  /** Starts the job unless it is running; a second click in the same render starts nothing. */
  run: () => void;
  /** The props of `StepProgress` for this phase. */
  progress: { current?: S; failed: boolean; finished: boolean };
}

/**
 * The phase of a stepped job a dialog runs. `job` gets a reporter for its steps and a signal
 * that is aborted when the dialog goes away (a job may pass it on to stop waiting, or leave it
 * when stopping half way would do harm); a failure that names no step of `steps` is shown at
 * the last step reported.
 */
export const useStepRun = <S extends string, R>(
  steps: readonly S[],
  job: (report: StepReport<S>, signal: AbortSignal) => Promise<R>,
): StepRun<S, R> => {
  const [phase, setPhase] = React.useState<StepPhase<S, R>>({ state: 'confirm' });
  // A ref as well as the state: two clicks in one render must not start two runs.
  const running = React.useRef(false);
  const controller = React.useRef<AbortController>();
  React.useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);

  const run = () => {
    const signal = controller.current?.signal;
    if (running.current || !signal || signal.aborted) return;
    running.current = true;
    let last = steps[0] as S;
    const report: StepReport<S> = (step, note) => {
      last = step;
      if (!signal.aborted) setPhase({ state: 'running', step, ...(note ? { note } : {}) });
    };
    report(last);
    job(report, signal)
      .then(
        (result) => {
          if (!signal.aborted) setPhase({ state: 'done', result });
        },
        (error: unknown) => {
          const { step, info } = stepFailure(error, steps);
          if (!signal.aborted) setPhase({ state: 'failed', step: step ?? last, info });
        },
      )
      .finally(() => {
        running.current = false;
      });
  };

  return {
    phase,
    run,
    progress: {
      current: phase.state === 'running' || phase.state === 'failed' ? phase.step : undefined,
      failed: phase.state === 'failed',
      finished: phase.state === 'done',
    },
  };
};
