import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { stepStopped } from '../api/steps';
import { useStepRun, type StepReport } from './useStepRun';

const STEPS = ['stop', 'start'] as const;
type S = (typeof STEPS)[number];

/** A dialog in miniature: a button that runs the job, and the phase as text. */
const Probe: React.FC<{ job: (report: StepReport<S>, signal: AbortSignal) => Promise<string> }> = ({
  job,
}) => {
  const { phase, run, progress } = useStepRun(STEPS, job);
  return (
    <>
      <button type="button" onClick={run}>
        Run
      </button>
      <span data-test="phase">
        {phase.state}
        {'step' in phase ? ` ${phase.step}` : ''}
        {phase.state === 'running' && phase.note ? ` ${phase.note}` : ''}
        {phase.state === 'failed' ? ` ${phase.info.message}` : ''}
        {phase.state === 'done' ? ` ${phase.result}` : ''}
      </span>
      <span data-test="progress">{JSON.stringify(progress)}</span>
    </>
  );
};

/** A job whose end the test decides. */
const controlled = () => {
  let finish: (pod: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const reports: StepReport<S>[] = [];
  const signals: AbortSignal[] = [];
  const job = jest.fn(
    (report: StepReport<S>, signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        reports.push(report);
        signals.push(signal);
        finish = resolve;
        fail = reject;
      }),
  );
  return {
    job,
    report: (step: S, note?: string) => reports[0]?.(step, note),
    finish: (pod: string) => finish(pod),
    fail: (error: unknown) => fail(error),
    signal: () => signals[0],
  };
};

const phase = () => screen.getByTestId('phase').textContent;

describe('useStepRun', () => {
  it('runs the job once for a double click and follows its steps to the end', async () => {
    const job = controlled();
    render(<Probe job={job.job} />);
    expect(phase()).toBe('confirm');
    fireEvent.click(screen.getByText('Run'));
    fireEvent.click(screen.getByText('Run'));
    expect(job.job).toHaveBeenCalledTimes(1);
    expect(phase()).toBe('running stop');
    act(() => job.report('start', 'pod-2'));
    expect(phase()).toBe('running start pod-2');
    expect(JSON.parse(screen.getByTestId('progress').textContent)).toEqual({
      current: 'start',
      failed: false,
      finished: false,
    });
    await act(async () => {
      job.finish('pod-2');
      await Promise.resolve();
    });
    expect(phase()).toBe('done pod-2');
  });

  it('shows a failure at the step the error names, and runs again after it', async () => {
    const job = controlled();
    render(<Probe job={job.job} />);
    fireEvent.click(screen.getByText('Run'));
    act(() => job.report('start'));
    await act(async () => {
      job.fail(stepStopped('stop', 'Too slow.', true));
      await Promise.resolve();
    });
    expect(phase()).toBe('failed stop Too slow.');
    fireEvent.click(screen.getByText('Run'));
    expect(job.job).toHaveBeenCalledTimes(2);
  });

  it('shows an error that names no step at the last step reported', async () => {
    const job = controlled();
    render(<Probe job={job.job} />);
    fireEvent.click(screen.getByText('Run'));
    act(() => job.report('start'));
    await act(async () => {
      job.fail(new Error('network down'));
      await Promise.resolve();
    });
    expect(phase()).toBe('failed start network down');
  });

  it('aborts the job’s signal when the dialog goes away, and updates nothing after', async () => {
    const job = controlled();
    const { unmount } = render(<Probe job={job.job} />);
    fireEvent.click(screen.getByText('Run'));
    expect(job.signal()?.aborted).toBe(false);
    unmount();
    expect(job.signal()?.aborted).toBe(true);
    // A late report or end is dropped (React would warn of an update after unmount otherwise).
    job.report('start');
    await act(async () => {
      job.finish('pod-3');
      await Promise.resolve();
    });
  });
});
