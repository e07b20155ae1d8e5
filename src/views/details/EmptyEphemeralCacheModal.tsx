import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import { emptyEphemeralCache } from '../../api/empty-ephemeral';
import type { K8sErrorInfo } from '../../api/k8s-error';
import ActionModal from '../../components/ActionModal';
import StepProgress from '../../components/StepProgress';
import StepRunFooter from '../../components/StepRunFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { useStepRun } from '../../hooks/useStepRun';
import { RESTART_STEPS, type RestartStep } from '../../model/living';
import type { Deployment } from '../../model/shared';

interface EmptyEphemeralCacheModalProps {
  deployment: Deployment;
  /** The upstream index devpi fetches from again, for the confirmation's text. */
  upstream: string;
  closeModal: () => void;
}

/**
 * Empties an ephemeral cache after a confirmation: its packages are on an emptyDir volume, so
 * restarting its pod empties it. The run is a stamp on the pod template; running it again only
 * restarts the empty cache once more.
 */
const EmptyEphemeralCacheModal: React.FC<EmptyEphemeralCacheModalProps> = ({
  deployment,
  upstream,
  closeModal,
}) => {
  const { t } = usePipCacheTranslation();
  // Once the pod template is stamped the restart is the cluster's: a dialog that goes away stops
  // only the waiting for it.
  const { phase, run, progress } = useStepRun(RESTART_STEPS, (report, signal) =>
    emptyEphemeralCache(
      deployment,
      (step, found) => report(step, found?.state === 'stopping' ? undefined : found?.pod),
      undefined,
      signal,
    ),
  );
  const name = deployment.metadata?.name ?? '';
  const namespace = deployment.metadata?.namespace ?? '';
  const labels: Record<RestartStep, string> = {
    restart: t('Restart the pod of the cache'),
    stop: t('Wait for the old pod to stop'),
    start: t('Wait for the new pod, with an empty volume, to be ready'),
  };

  /** What the dialog says when the run stopped: where the user acted for a refusal. */
  const failure = (step: RestartStep, info: K8sErrorInfo) => {
    if (info.code === 403)
      return {
        title: t('You may not restart the pod of {{name}}.', { name }),
        message: t(
          'Emptying this cache changes its Deployment, which needs the edit or admin role in project {{namespace}}. Ask an administrator of the project. The cluster said: {{message}}',
          { namespace, message: info.message },
        ),
      };
    return {
      title: t('Emptying stopped at: {{step}}', { step: labels[step] }),
      message: info.timedOut
        ? t(
            'This step did not finish within two minutes. Look at the events of the cache’s pod, then run it again.',
          )
        : t('{{message}} Running it again is safe: it restarts the pod once more.', {
            message: info.message,
          }),
    };
  };
  const failed = phase.state === 'failed' ? failure(phase.step, phase.info) : undefined;

  return (
    <ActionModal
      data-test="pipcache-empty-ephemeral-modal"
      title={t('Empty pip cache {{name}}?', { name })}
      titleIconVariant="warning"
      description={t(
        'The packages of this cache are on an emptyDir volume, which lasts only as long as its pod. Emptying restarts the pod: the old pod stops first, then a new pod starts with an empty volume. Builds using the cache cannot reach it until the new pod is ready; after that, they fetch every package from {{upstream}} through the new pod again, the first time each is asked for.',
        { upstream },
      )}
      onClose={phase.state === 'running' ? undefined : closeModal}
      footer={
        <StepRunFooter
          state={phase.state}
          run={run}
          runLabel={phase.state === 'failed' ? t('Run again') : t('Empty the cache')}
          onClose={closeModal}
          testPrefix="pipcache-empty"
        />
      }
    >
      {failed && (
        <Alert isInline variant="danger" title={failed.title} data-test="pipcache-empty-failed">
          {failed.message}
        </Alert>
      )}
      {phase.state === 'done' && (
        <Alert
          isInline
          variant="success"
          title={t('The cache is empty: its new pod {{pod}} is ready.', { pod: phase.result })}
          data-test="pipcache-empty-done"
        />
      )}
      <StepProgress
        steps={RESTART_STEPS}
        labels={labels}
        {...progress}
        data-test="pipcache-empty-steps"
        stepTestPrefix="pipcache-empty-step"
        notes={{
          start: phase.state === 'running' && phase.note && (
            <span data-test="pipcache-empty-new-pod">
              {t('New pod: {{pod}}', { pod: phase.note })}
            </span>
          ),
        }}
      />
    </ActionModal>
  );
};

export default EmptyEphemeralCacheModal;
