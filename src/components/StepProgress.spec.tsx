import * as React from 'react';
import { render, screen } from '@testing-library/react';
import StepProgress, { stepState } from './StepProgress';

const STEPS = ['stop', 'swap', 'start'] as const;
const labels = { stop: 'Stop the pod', swap: 'Swap the claim', start: 'Start the pod' };

const states = () =>
  STEPS.map((step) => screen.getByTestId(`job-step-${step}`).getAttribute('data-state'));

describe('StepProgress', () => {
  it('shows the steps in order, the earlier ones done and the current one running', () => {
    render(
      <StepProgress
        steps={STEPS}
        labels={labels}
        current="swap"
        failed={false}
        finished={false}
        data-test="job-steps"
        stepTestPrefix="job-step"
      />,
    );
    const list = screen.getByTestId('job-steps');
    expect(list.tagName).toBe('OL');
    expect(list).toHaveAttribute('aria-live', 'polite');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      ' Stop the pod (done)',
      ' Swap the claim (running)',
      ' Start the pod (to do)',
    ]);
    expect(states()).toEqual(['done', 'running', 'pending']);
  });

  it('says where a failed job stopped, in words a screen reader reads', () => {
    render(
      <StepProgress
        steps={STEPS}
        labels={labels}
        current="swap"
        failed
        finished={false}
        data-test="job-steps"
        stepTestPrefix="job-step"
        notes={{ swap: <span data-test="note">claim-2</span> }}
      />,
    );
    expect(screen.getByTestId('job-step-swap')).toHaveTextContent('Swap the claim (stopped here)');
    expect(screen.getByTestId('note')).toHaveTextContent('claim-2');
    expect(states()).toEqual(['done', 'failed', 'pending']);
  });
});

describe('stepState', () => {
  it('places a step against the whole job’s order when the list leaves steps out', () => {
    const order = ['a', 'b', 'c', 'd'];
    // The job is at `b`, which this list does not show: `a` is done, `c` still to do.
    expect(stepState(order, 'a', { current: 'b', failed: false, finished: false })).toBe('done');
    expect(stepState(order, 'c', { current: 'b', failed: false, finished: false })).toBe('pending');
    expect(stepState(order, 'c', { failed: false, finished: false })).toBe('pending');
    expect(stepState(order, 'd', { current: 'b', failed: true, finished: true })).toBe('done');
  });
});
