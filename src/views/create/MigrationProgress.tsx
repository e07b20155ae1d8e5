import * as React from 'react';
import { Icon, List, ListItem, Spinner } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon } from '@patternfly/react-icons';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { MIGRATION_STEPS, type MigrationStep } from '../../model/migration';

export interface MigrationProgressProps {
  /** The steps this migration runs, in order. */
  steps: readonly MigrationStep[];
  /** The step running now or, after a failure, the step that failed. */
  current?: MigrationStep;
  failed: boolean;
  finished: boolean;
}

/** The steps of a migration with what is done, running and failed, readable by screen readers. */
const MigrationProgress: React.FC<MigrationProgressProps> = ({
  steps,
  current,
  failed,
  finished,
}) => {
  const { t } = usePipCacheTranslation();
  const labels: Record<MigrationStep, string> = {
    create: t('Check everything with a dry run and create the new Secrets and ConfigMaps'),
    record: t('Record the migration on the old DeploymentConfig'),
    build: t('Replace the BuildConfig and the ImageStream'),
    'wait-image': t('Build the new image'),
    'scale-down': t('Stop the old pod'),
    claim: t('Prepare the volume claim'),
    deploy: t('Create the new Deployment'),
    'wait-ready': t('Wait for the new cache to be ready'),
    switch: t('Switch the Service and the Route over'),
    'remove-old': t('Delete the old DeploymentConfig'),
  };
  const order = (step: MigrationStep) => MIGRATION_STEPS.indexOf(step);
  return (
    <List isPlain aria-live="polite" data-test="pipcache-migration-progress">
      {steps.map((step) => {
        const done = finished || (current !== undefined && order(step) < order(current));
        const running = !finished && step === current && !failed;
        const broken = !finished && step === current && failed;
        let state: string;
        let icon: React.ReactNode = null;
        if (done) {
          state = t('done');
          icon = (
            <Icon status="success" isInline>
              <CheckCircleIcon />
            </Icon>
          );
        } else if (running) {
          state = t('running');
          icon = <Spinner size="sm" isInline aria-hidden />;
        } else if (broken) {
          state = t('failed');
          icon = (
            <Icon status="danger" isInline>
              <ExclamationCircleIcon />
            </Icon>
          );
        } else {
          state = t('to do');
        }
        return (
          <ListItem key={step} data-test={`pipcache-migration-step-${step}`} data-state={state}>
            {icon} {labels[step]} <span className="pf-v6-screen-reader">{`(${state})`}</span>
          </ListItem>
        );
      })}
    </List>
  );
};

export default MigrationProgress;
