import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import StepRunFooter, { type StepRunFooterProps } from './StepRunFooter';

const renderFooter = (props: Partial<StepRunFooterProps>) => {
  const run = jest.fn();
  const onClose = jest.fn();
  render(
    <StepRunFooter
      state="confirm"
      run={run}
      runLabel="Empty the cache"
      onClose={onClose}
      testPrefix="job"
      {...props}
    />,
  );
  return { run, onClose };
};

describe('StepRunFooter', () => {
  it('starts the job from the run button, and cancels before it', () => {
    const { run, onClose } = renderFooter({});
    fireEvent.click(screen.getByTestId('job-run'));
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('job-close')).toHaveTextContent('Cancel');
    fireEvent.click(screen.getByTestId('job-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps the run button disabled until the dialog may run', () => {
    renderFooter({ canRun: false });
    expect(screen.getByTestId('job-run')).toBeDisabled();
  });

  it('disables both buttons while the job runs', () => {
    renderFooter({ state: 'running' });
    expect(screen.getByTestId('job-run')).toBeDisabled();
    expect(screen.getByTestId('job-close')).toBeDisabled();
  });

  it('offers only Close once the job is done', () => {
    renderFooter({ state: 'done' });
    expect(screen.queryByTestId('job-run')).toBeNull();
    expect(screen.getByTestId('job-close')).toHaveTextContent('Close');
  });
});
