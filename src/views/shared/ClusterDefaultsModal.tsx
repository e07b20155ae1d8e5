import * as React from 'react';
import { Alert, Button, Checkbox } from '@patternfly/react-core';
import type { PatchOutcome } from '../../api/guarded-patch';
import { toK8sErrorInfo } from '../../api/k8s-error';
import {
  applyCacheToAllBuilds,
  getClusterBuildConfig,
  stopUsingCacheForAllBuilds,
} from '../../api/use-cache';
import DamagedRecordAlert from '../../components/DamagedRecordAlert';
import EnvChangeTable from '../../components/EnvChangeTable';
import {
  MANAGED_ENV,
  readPreviousEnvRecord,
  allBuildsEnvChanges,
  clusterPipDefaults,
  restoreAllBuildsEnvChanges,
  type ClusterBuildConfig,
} from '../../model/builds';
import { ANNOTATION_PREVIOUS_ENV } from '../../model/shared';
import ActionModal from '../../components/ActionModal';
import DialogSpinner from '../../components/DialogSpinner';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { CacheInstance } from '../../model/living';

interface ClusterDefaultsModalProps {
  cache: CacheInstance;
  closeModal: () => void;
}

/**
 * For cluster admins: makes the cache the default index of every build in the cluster through
 * `builds.config.openshift.io/cluster` `spec.buildDefaults.env`, showing the current value and
 * able to put it back exactly.
 */
const ClusterDefaultsModal: React.FC<ClusterDefaultsModalProps> = ({ cache, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const [config, setConfig] = React.useState<ClusterBuildConfig>();
  const [loadError, setLoadError] = React.useState<string>();
  const [working, setWorking] = React.useState(false);
  // Pointing every build at a cache hands its project's editors what every build installs.
  const [trusted, setTrusted] = React.useState(false);
  const [notice, setNotice] = React.useState<{ ok: boolean; title: string; body?: string }>();

  const load = React.useCallback(() => {
    getClusterBuildConfig().then(setConfig, (error: unknown) =>
      setLoadError(toK8sErrorInfo(error).message),
    );
  }, []);
  React.useEffect(load, [load]);

  const defaults = config ? clusterPipDefaults(config) : undefined;
  const usesThis =
    defaults?.cache?.namespace === cache.namespace && defaults.cache.name === cache.name;
  const canUndo = config ? restoreAllBuildsEnvChanges(config) !== undefined : false;
  const previous = config
    ? readPreviousEnvRecord(config.metadata.annotations ?? undefined)
    : undefined;

  const run = async (action: () => Promise<PatchOutcome<ClusterBuildConfig>>, done: string) => {
    if (working) return;
    setWorking(true);
    setNotice(undefined);
    const outcome = await action();
    setWorking(false);
    switch (outcome.state) {
      case 'applied':
        setConfig(outcome.object);
        setNotice({ ok: true, title: done });
        return;
      case 'changed':
        if (outcome.current) setConfig(outcome.current);
        setNotice({
          ok: false,
          title: t('The cluster build defaults changed while you were looking at them.'),
          body: t('Nothing was overwritten. Check the values shown now and try again.'),
        });
        return;
      case 'failed':
        setNotice({
          ok: false,
          title: t('The cluster build defaults were not changed.'),
          body: outcome.error.message,
        });
        return;
      case 'not-applicable':
        setNotice({ ok: false, title: t('PipCache did not set the cluster build defaults.') });
    }
  };

  let body: React.ReactNode;
  if (loadError) {
    body = (
      <Alert isInline variant="danger" title={t('Could not read the cluster build defaults')}>
        {loadError}
      </Alert>
    );
  } else if (!config || !defaults) {
    body = <DialogSpinner label={t('Loading the cluster build defaults')} />;
  } else {
    const current = defaults.entries;
    body = (
      <>
        <p data-test="pipcache-cluster-current">
          {defaults.cache
            ? t(
                'Every build in the cluster uses pip cache {{name}} in project {{namespace}} by default.',
                defaults.cache,
              )
            : current.length
              ? t('The cluster build defaults set {{names}} by hand.', {
                  names: current.map((entry) => entry.name).join(', '),
                })
              : t(
                  'The cluster build defaults set no pip index: builds use PyPI unless they say otherwise.',
                )}
        </p>
        {previous?.state === 'damaged' && (
          <DamagedRecordAlert
            title={t('The record of the cluster build defaults PipCache replaced is damaged')}
            problems={previous.problems}
            data-test="pipcache-cluster-damaged"
          >
            {t(
              'Someone or something changed the annotation {{annotation}}, so nothing in it is put back. Restoring removes the pip variables PipCache manages ({{variables}}) from the build defaults.',
              { annotation: ANNOTATION_PREVIOUS_ENV, variables: MANAGED_ENV.join(', ') },
            )}
          </DamagedRecordAlert>
        )}
        <EnvChangeTable
          changes={
            (usesThis && restoreAllBuildsEnvChanges(config)) ||
            allBuildsEnvChanges(config, cache.internalUrl)
          }
          caption={t('Cluster build defaults')}
          data-test="pipcache-cluster-changes"
        />
        <p>
          {t(
            'Build defaults apply to builds whose BuildConfig does not set the variable itself. Builds in every project must be able to reach the cache: check the network policies of project {{namespace}}.',
            { namespace: cache.namespace },
          )}
        </p>
        {!usesThis && (
          <Alert
            isInline
            variant="warning"
            title={t('This trusts everyone who may edit project {{namespace}} with every build', {
              namespace: cache.namespace,
            })}
            data-test="pipcache-cluster-trust"
          >
            <p>
              {t(
                'Builds reach the cache over plain http inside the cluster. Whoever may edit project {{namespace}} can change the cache: its image, its upstream index and the packages it serves. They then decide what every build in the cluster installs.',
                { namespace: cache.namespace },
              )}
            </p>
            <Checkbox
              id="pipcache-cluster-trust-accept"
              label={t(
                'I trust every editor of project {{namespace}} with what every build installs.',
                {
                  namespace: cache.namespace,
                },
              )}
              isChecked={trusted}
              onChange={(_event, checked) => setTrusted(checked)}
              data-test="pipcache-cluster-trust-accept"
            />
          </Alert>
        )}
      </>
    );
  }

  return (
    <ActionModal
      data-test="pipcache-cluster-modal"
      variant="medium"
      title={t('Use {{name}} for every build in the cluster', { name: cache.name })}
      onClose={closeModal}
      footer={
        <>
          {config && !usesThis && (
            <Button
              variant="primary"
              onClick={() =>
                void run(
                  () => applyCacheToAllBuilds(config, cache, cache.internalUrl),
                  t('Every build in the cluster now uses this cache by default.'),
                )
              }
              isDisabled={working || !trusted}
              isLoading={working}
              data-test="pipcache-cluster-apply"
            >
              {t('Use for every build')}
            </Button>
          )}
          {config && canUndo && (
            <Button
              variant={usesThis ? 'primary' : 'secondary'}
              onClick={() =>
                void run(
                  () => stopUsingCacheForAllBuilds(config),
                  t('The cluster build defaults are as they were before.'),
                )
              }
              isDisabled={working}
              data-test="pipcache-cluster-undo"
            >
              {t('Restore the previous defaults')}
            </Button>
          )}
          <Button variant="link" onClick={closeModal} data-test="pipcache-cluster-close">
            {t('Close')}
          </Button>
        </>
      }
    >
      {notice && (
        <Alert
          isInline
          variant={notice.ok ? 'success' : 'warning'}
          title={notice.title}
          data-test="pipcache-cluster-notice"
        >
          {notice.body}
        </Alert>
      )}
      {body}
    </ActionModal>
  );
};

export default ClusterDefaultsModal;
