import * as React from 'react';
import { Alert, Button, List, ListItem } from '@patternfly/react-core';
import { emptyEphemeralCache, RestartError } from '../../api/empty-ephemeral';
import { toK8sErrorInfo } from '../../api/k8s-error';
import ActionModal from '../../components/ActionModal';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { RESTART_STEPS, type RestartStep } from '../../model/emptying';
import type { Deployment } from '../../model/k8s-types';

interface EmptyEphemeralCacheModalProps {
  deployment: Deployment;
  /** The upstream index devpi fetches from again, for the confirmation's text. */
  upstream: string;
  closeModal: () => void;
}

type Phase =
  | { state: 'confirm' }
  | { state: 'running'; step: RestartStep; pod?: string }
  | { state: 'failed'; step: RestartStep; title: string; message: string }
  | { state: 'done'; pod: string };

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
  const [phase, setPhase] = React.useState<Phase>({ state: 'confirm' });
  // A ref as well as the state: two clicks in one render must not start two runs.
  const running = React.useRef(false);
  const name = deployment.metadata?.name ?? '';
  const namespace = deployment.metadata?.namespace ?? '';
  const labels: Record<RestartStep, string> = {
    restart: t('Restart the pod of the cache'),
    stop: t('Wait for the old pod to stop'),
    start: t('Wait for the new pod, with an empty volume, to be ready'),
  };

  const run = async () => {
    if (running.current) return;
    running.current = true;
    setPhase({ state: 'running', step: 'restart' });
    try {
      const pod = await emptyEphemeralCache(deployment, (step, progress) =>
        setPhase({
          state: 'running',
          step,
          pod: progress?.state === 'stopping' ? undefined : progress?.pod,
        }),
      );
      setPhase({ state: 'done', pod });
    } catch (error) {
      const step = error instanceof RestartError ? error.step : 'restart';
      const info = error instanceof RestartError ? error.info : toK8sErrorInfo(error);
      let title = t('Emptying stopped at: {{step}}', { step: labels[step] });
      let message = t('{{message}} Running it again is safe: it restarts the pod once more.', {
        message: info.message,
      });
      if (info.code === 403) {
        title = t('You may not restart the pod of {{name}}.', { name });
        message = t(
          'Emptying this cache changes its Deployment, which needs the edit or admin role in project {{namespace}}. Ask an administrator of the project. The cluster said: {{message}}',
          { namespace, message: info.message },
        );
      } else if (info.timedOut) {
        message = t(
          'This step did not finish within two minutes. Look at the events of the cache’s pod, then run it again.',
        );
      }
      setPhase({ state: 'failed', step, title, message });
    } finally {
      running.current = false;
    }
  };

  const stepIndex = 'step' in phase ? RESTART_STEPS.indexOf(phase.step) : -1;
  const stepState = (index: number): string => {
    if (phase.state === 'done' || index < stepIndex) return t('done');
    if (index === stepIndex) return phase.state === 'failed' ? t('stopped here') : t('running…');
    return '';
  };

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
        <>
          {phase.state !== 'done' && (
            <Button
              variant="danger"
              onClick={() => void run()}
              isDisabled={phase.state === 'running'}
              isLoading={phase.state === 'running'}
              data-test="pipcache-empty-run"
            >
              {phase.state === 'failed' ? t('Run again') : t('Empty the cache')}
            </Button>
          )}
          <Button
            variant="link"
            onClick={closeModal}
            isDisabled={phase.state === 'running'}
            data-test="pipcache-empty-close"
          >
            {phase.state === 'done' ? t('Close') : t('Cancel')}
          </Button>
        </>
      }
    >
      {phase.state === 'failed' && (
        <Alert isInline variant="danger" title={phase.title} data-test="pipcache-empty-failed">
          {phase.message}
        </Alert>
      )}
      {phase.state === 'done' && (
        <Alert
          isInline
          variant="success"
          title={t('The cache is empty: its new pod {{pod}} is ready.', { pod: phase.pod })}
          data-test="pipcache-empty-done"
        />
      )}
      <List component="ol" data-test="pipcache-empty-steps">
        {RESTART_STEPS.map((step, index) => (
          <ListItem key={step} data-test={`pipcache-empty-step-${step}`}>
            {labels[step]} {stepState(index) && <strong>{`(${stepState(index)})`}</strong>}
            {step === 'start' && phase.state === 'running' && phase.pod && (
              <>
                {' '}
                <span data-test="pipcache-empty-new-pod">
                  {t('New pod: {{pod}}', { pod: phase.pod })}
                </span>
              </>
            )}
          </ListItem>
        ))}
      </List>
    </ActionModal>
  );
};

export default EmptyEphemeralCacheModal;
