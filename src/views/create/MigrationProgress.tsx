import * as React from 'react';
import StepProgress from '../../components/StepProgress';
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
const MigrationProgress: React.FC<MigrationProgressProps> = (props) => {
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
  return (
    <StepProgress
      {...props}
      order={MIGRATION_STEPS}
      labels={labels}
      data-test="pipcache-migration-progress"
      stepTestPrefix="pipcache-migration-step"
    />
  );
};

export default MigrationProgress;
