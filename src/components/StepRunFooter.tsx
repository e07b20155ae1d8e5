import * as React from 'react';
import { Button } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

export interface StepRunFooterProps {
  /** Where the job is (the `state` of `useStepRun`'s phase). */
  state: 'confirm' | 'running' | 'failed' | 'done';
  run: () => void;
  /** The run button's text: what it starts now. */
  runLabel: string;
  /** False while the dialog still waits for the user (a confirmation not ticked). */
  canRun?: boolean;
  onClose: () => void;
  /** `<testPrefix>-run` and `<testPrefix>-close` are the buttons' data-test. */
  testPrefix: string;
}

/**
 * The footer of a dialog that runs a stepped job: the danger button that starts it (busy while it
 * runs, gone once it is done) and Cancel, which becomes Close at the end and waits for a run.
 */
const StepRunFooter: React.FC<StepRunFooterProps> = ({
  state,
  run,
  runLabel,
  canRun = true,
  onClose,
  testPrefix,
}) => {
  const { t } = usePipCacheTranslation();
  return (
    <>
      {state !== 'done' && (
        <Button
          variant="danger"
          onClick={run}
          isDisabled={state === 'running' || !canRun}
          isLoading={state === 'running'}
          data-test={`${testPrefix}-run`}
        >
          {runLabel}
        </Button>
      )}
      <Button
        variant="link"
        onClick={onClose}
        isDisabled={state === 'running'}
        data-test={`${testPrefix}-close`}
      >
        {state === 'done' ? t('Close') : t('Cancel')}
      </Button>
    </>
  );
};

export default StepRunFooter;
