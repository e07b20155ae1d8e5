import * as React from 'react';
import { Alert, Checkbox } from '@patternfly/react-core';
import { emptyCache } from '../../api/empty-cache';
import ActionModal from '../../components/ActionModal';
import StepProgress from '../../components/StepProgress';
import StepRunFooter from '../../components/StepRunFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { useStepRun } from '../../hooks/useStepRun';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import {
  EMPTY_STEPS,
  ANNOTATION_EMPTYING,
  readEmptyingRecord,
  type EmptyStep,
} from '../../model/living';
import type { Deployment, PersistentVolumeClaim } from '../../model/shared';

interface EmptyCacheModalProps {
  deployment: Deployment;
  pvc: PersistentVolumeClaim;
  closeModal: () => void;
}

/**
 * Empties a persistent cache after a confirmation: every cached package is removed and devpi
 * starts again on an empty volume. A run stopped half way (here or in another browser) is
 * recognised from the Deployment's record and finished by running again.
 */
const EmptyCacheModal: React.FC<EmptyCacheModalProps> = ({ deployment, pvc, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const [accepted, setAccepted] = React.useState(false);
  // Not stopped when the dialog goes away: a cache left scaled to zero without its claim serves
  // nothing until someone runs the job again, so a run that started finishes.
  const { phase, run, progress } = useStepRun(EMPTY_STEPS, (report) =>
    emptyCache(deployment, pvc, report),
  );
  const recorded = readEmptyingRecord(deployment);
  const pending = recorded.state === 'ok';
  const name = deployment.metadata?.name ?? '';
  const labels: Record<EmptyStep, string> = {
    'scale-down': t('Scale the cache to zero and wait for its pod to stop'),
    'delete-claim': t('Delete the volume claim that holds the packages'),
    'create-claim': t('Create the claim again, empty'),
    'scale-up': t('Scale the cache back; devpi initialises the empty volume'),
  };

  return (
    <ActionModal
      data-test="pipcache-empty-modal"
      title={t('Empty pip cache {{name}}?', { name })}
      titleIconVariant="warning"
      description={t(
        'devpi never removes what it has cached. Emptying removes every cached package at once; builds download them from the upstream index again. Builds using the cache fail while it restarts.',
      )}
      onClose={phase.state === 'running' ? undefined : closeModal}
      footer={
        <StepRunFooter
          state={phase.state}
          run={run}
          runLabel={
            phase.state === 'failed' || pending ? t('Run again to finish') : t('Empty the cache')
          }
          canRun={phase.state !== 'confirm' || accepted || pending}
          onClose={closeModal}
          testPrefix="pipcache-empty"
        />
      }
    >
      {pending && phase.state === 'confirm' && (
        <Alert
          isInline
          variant="warning"
          title={t('An earlier emptying of this cache stopped half way. Run it again to finish.')}
          data-test="pipcache-empty-pending"
        />
      )}
      {recorded.state === 'damaged' && phase.state === 'confirm' && (
        <DamagedRecordAlert
          title={t('The record of an earlier emptying of this cache is damaged')}
          problems={recorded.problems}
          data-test="pipcache-empty-damaged"
        >
          {t(
            'Someone or something changed the annotation {{annotation}} on the Deployment, so it is not used. Emptying now starts from the cache as it is in the cluster and replaces the record; nothing is created or deleted because of what the record says.',
            { annotation: ANNOTATION_EMPTYING },
          )}
        </DamagedRecordAlert>
      )}
      {phase.state === 'failed' && (
        <Alert
          isInline
          variant="danger"
          title={t('Emptying stopped at: {{step}}', { step: labels[phase.step] })}
          data-test="pipcache-empty-failed"
        >
          {t(
            '{{message}} Nothing is lost by running it again: it finishes from where it stopped.',
            {
              message: phase.info.timedOut
                ? t('This step did not finish within two minutes.')
                : phase.info.message,
            },
          )}
        </Alert>
      )}
      {phase.state === 'done' && (
        <Alert
          isInline
          variant="success"
          title={t('The cache is empty and starting again.')}
          data-test="pipcache-empty-done"
        />
      )}
      <StepProgress
        steps={EMPTY_STEPS}
        labels={labels}
        {...progress}
        data-test="pipcache-empty-steps"
        stepTestPrefix="pipcache-empty-step"
      />
      {phase.state === 'confirm' && (
        <Checkbox
          id="pipcache-empty-accept"
          label={t('I understand that every cached package is removed.')}
          isChecked={accepted}
          onChange={(_event, checked) => setAccepted(checked)}
          data-test="pipcache-empty-accept"
        />
      )}
    </ActionModal>
  );
};

export default EmptyCacheModal;
