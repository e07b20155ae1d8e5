import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import { stopUsingCacheInBuildConfig } from '../../api/use-cache';
import EnvChangeTable from '../../components/EnvChangeTable';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import {
  stopUsingEnvChanges,
  MANAGED_ENV,
  readPreviousEnvRecord,
  usedCache,
} from '../../model/builds';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import { ANNOTATION_PREVIOUS_ENV, type BuildConfig } from '../../model/shared';

interface StopUsingCacheModalProps {
  buildConfig: BuildConfig;
  closeModal: () => void;
}

/** Puts back exactly the pip settings a BuildConfig had before it used a cache, after showing them. */
const StopUsingCacheModal: React.FC<StopUsingCacheModalProps> = ({ buildConfig, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const [current, setCurrent] = React.useState(buildConfig);
  const [working, setWorking] = React.useState(false);
  const [notice, setNotice] = React.useState<{ title: string; body?: string }>();
  const changes = stopUsingEnvChanges(current);
  const cache = usedCache(current);
  const recorded = readPreviousEnvRecord(current.metadata.annotations ?? undefined);
  const name = current.metadata.name ?? '';

  const stop = async () => {
    if (working || !changes) return;
    setWorking(true);
    setNotice(undefined);
    const outcome = await stopUsingCacheInBuildConfig(current);
    setWorking(false);
    switch (outcome.state) {
      case 'applied':
        closeModal();
        return;
      case 'changed':
        if (outcome.current) setCurrent(outcome.current);
        setNotice({
          title: t('BuildConfig {{name}} changed while you were looking at it.', { name }),
          body: t(
            'Nothing was overwritten. The preview now shows its current environment: check it and apply again.',
          ),
        });
        return;
      case 'failed':
        setNotice({
          title: t('BuildConfig {{name}} was not changed.', { name }),
          body: outcome.error.message,
        });
        return;
      case 'not-applicable':
        setNotice({
          title: t('BuildConfig {{name}} no longer uses a pip cache through PipCache.', { name }),
        });
    }
  };

  return (
    <ActionModal
      data-test="pipcache-stop-modal"
      variant="medium"
      title={t('Stop using the pip cache in {{name}}', { name })}
      description={
        cache && recorded.state === 'damaged'
          ? t(
              'Its builds use pip cache {{cache}} in project {{namespace}}. The settings it had before cannot be put back.',
              { cache: cache.name, namespace: cache.namespace },
            )
          : cache
            ? t(
                'Its builds use pip cache {{cache}} in project {{namespace}}. The settings it had before come back exactly.',
                { cache: cache.name, namespace: cache.namespace },
              )
            : undefined
      }
      onClose={closeModal}
      footer={
        <DialogFooter
          action={{
            label: t('Stop using'),
            onClick: stop,
            isDisabled: !changes || working,
            isLoading: working,
            'data-test': 'pipcache-stop-apply',
          }}
          closeLabel={t('Cancel')}
          onClose={closeModal}
        />
      }
    >
      {notice && (
        <Alert isInline variant="warning" title={notice.title} data-test="pipcache-stop-notice">
          {notice.body}
        </Alert>
      )}
      {recorded.state === 'damaged' && (
        <DamagedRecordAlert
          title={t('The record of the pip settings {{name}} had before is damaged', { name })}
          problems={recorded.problems}
          data-test="pipcache-stop-damaged"
        >
          {t(
            'Someone or something changed the annotation {{annotation}}, so nothing in it is put back. Stop using removes the pip variables PipCache manages ({{variables}}); if the builds had settings of their own, set them again afterwards.',
            { annotation: ANNOTATION_PREVIOUS_ENV, variables: MANAGED_ENV.join(', ') },
          )}
        </DamagedRecordAlert>
      )}
      {changes && (
        <EnvChangeTable
          changes={changes}
          caption={t('Environment of the builds of {{name}}', { name })}
        />
      )}
    </ActionModal>
  );
};

export default StopUsingCacheModal;
