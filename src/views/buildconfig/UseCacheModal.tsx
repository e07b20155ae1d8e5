import * as React from 'react';
import {
  Alert,
  Checkbox,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Radio,
} from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { startBuild } from '../../api/start-build';
import { applyCacheToBuildConfig } from '../../api/use-cache';
import EnvChangeTable from '../../components/EnvChangeTable';
import FormField from '../../components/FormField';
import LinkButton from '../../components/LinkButton';
import { useCacheChoices } from '../../hooks/useCacheChoices';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { cacheEnvChanges, cacheUseOf } from '../../model/builds';
import { cacheHealth } from '../../model/living';
import { type BuildConfig, createPagePath } from '../../model/shared';
import NetworkReachAlert from '../shared/NetworkReachAlert';

interface UseCacheModalProps {
  buildConfig: BuildConfig;
  closeModal: () => void;
}

type UrlKind = 'internal' | 'external';

type Notice = { variant: 'danger' | 'warning'; title: string; body?: string };

const keyOf = (cache: { namespace: string; name: string }) => `${cache.namespace}/${cache.name}`;

/**
 * Points one BuildConfig's builds at a cache: pick the cache and the kind of URL, see the exact
 * env change, apply it as a guarded patch, and optionally start a build. A concurrent change of
 * the BuildConfig is re-read and shown, never overwritten.
 */
const UseCacheModal: React.FC<UseCacheModalProps> = ({ buildConfig, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const namespace = buildConfig.metadata.namespace ?? '';
  const { caches, loaded, loadError, clusterWide } = useCacheChoices(namespace);
  const [current, setCurrent] = React.useState(buildConfig);
  const use = cacheUseOf(current);
  const [selected, setSelected] = React.useState<string>();
  const [urlKind, setUrlKind] = React.useState<UrlKind>('internal');
  const [startNow, setStartNow] = React.useState(false);
  const [applying, setApplying] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>();

  const chosenKey =
    selected ??
    (use.kind === 'plugin' && caches.some((c) => keyOf(c) === keyOf(use.cache))
      ? keyOf(use.cache)
      : caches[0] && keyOf(caches[0]));
  const cache = caches.find((c) => keyOf(c) === chosenKey);
  const indexUrl = cache && (urlKind === 'external' ? cache.externalUrl : cache.internalUrl);
  const changes = indexUrl ? cacheEnvChanges(current, indexUrl) : [];
  const nothingChanges = changes.every((row) => row.change === 'kept');
  const name = current.metadata.name ?? '';

  const apply = async () => {
    if (!cache || !indexUrl || applying) return;
    setApplying(true);
    setNotice(undefined);
    const outcome = await applyCacheToBuildConfig(current, cache, indexUrl);
    if (outcome.state === 'applied') {
      if (startNow) {
        try {
          await startBuild(outcome.object);
        } catch (error) {
          setCurrent(outcome.object);
          setApplying(false);
          setNotice({
            variant: 'warning',
            title: t('The builds now use the cache, but a new build did not start.'),
            body: t('{{message}} Start a build from the BuildConfig when the cause is fixed.', {
              message: toK8sErrorInfo(error).message,
            }),
          });
          return;
        }
      }
      closeModal();
      return;
    }
    setApplying(false);
    if (outcome.state === 'changed') {
      if (outcome.current) setCurrent(outcome.current);
      setNotice({
        variant: 'warning',
        title: t('BuildConfig {{name}} changed while you were looking at it.', { name }),
        body: outcome.current
          ? t(
              'Nothing was overwritten. The preview now shows its current environment: check it and apply again.',
            )
          : t(
              'Nothing was overwritten, and it could not be read again. Close this dialog and retry.',
            ),
      });
    } else if (outcome.state === 'failed') {
      setNotice({
        variant: 'danger',
        title: t('BuildConfig {{name}} was not changed.', { name }),
        body: outcome.error.message,
      });
    } else {
      setNotice({
        variant: 'danger',
        title: t('BuildConfig {{name}} was not changed.', { name }),
        body: t('Its {{strategy}} strategy has no environment to set.', {
          strategy: current.spec.strategy.type,
        }),
      });
    }
  };

  let body: React.ReactNode;
  if (loadError) {
    body = (
      <Alert isInline variant="danger" title={t('Could not load pip caches')}>
        {toK8sErrorInfo(loadError).message}
      </Alert>
    );
  } else if (use.kind === 'unsupported') {
    body = (
      <Alert
        isInline
        variant="info"
        title={t(
          'Builds with the {{strategy}} strategy have no environment PipCache can set. Point their build at an index by hand.',
          { strategy: use.strategy },
        )}
        data-test="pipcache-use-unsupported"
      />
    );
  } else if (loaded && caches.length === 0) {
    body = (
      <Alert
        isInline
        variant="info"
        title={t('There is no pip cache in project {{namespace}} yet.', { namespace })}
        actionLinks={
          <LinkButton to={createPagePath(namespace)} variant="link" isInline>
            {t('Create a pip cache')}
          </LinkButton>
        }
        data-test="pipcache-use-no-caches"
      />
    );
  } else {
    body = (
      <SubmitForm onSubmit={apply}>
        <FormField
          label={t('Pip cache')}
          fieldId="pipcache-use-cache"
          isRequired
          help={
            clusterWide
              ? undefined
              : t(
                  'Caches of this project only: you may not list caches in every project of the cluster.',
                )
          }
        >
          <FormSelect
            id="pipcache-use-cache"
            value={chosenKey ?? ''}
            onChange={(_event, value) => {
              setSelected(value);
              setNotice(undefined);
            }}
            isDisabled={!loaded}
            data-test="pipcache-use-cache"
          >
            {caches.map((choice) => (
              <FormSelectOption
                key={keyOf(choice)}
                value={keyOf(choice)}
                label={t('{{name}} in project {{namespace}} ({{status}})', {
                  name: choice.name,
                  namespace: choice.namespace,
                  status: cacheHealth(choice, { kind: 'skipped', why: 'not-yet' }, t).sentence,
                })}
              />
            ))}
          </FormSelect>
        </FormField>
        <FormGroup label={t('Address')} role="radiogroup" fieldId="pipcache-use-url" isStack>
          <Radio
            id="pipcache-use-url-internal"
            name="pipcache-use-url"
            isChecked={urlKind === 'internal'}
            onChange={() => setUrlKind('internal')}
            label={t('Service (in the cluster)')}
            description={t(
              'Recommended for builds: plain http inside the cluster, with PIP_TRUSTED_HOST so that pip accepts it. {{url}}',
              { url: cache?.internalUrl ?? '' },
            )}
            data-test="pipcache-use-url-internal"
          />
          <Radio
            id="pipcache-use-url-external"
            name="pipcache-use-url"
            isChecked={urlKind === 'external'}
            isDisabled={!cache?.externalUrl}
            onChange={() => setUrlKind('external')}
            label={t('Route')}
            description={
              cache?.externalUrl
                ? t(
                    'Through the router over https: builds must trust the router certificate. {{url}}',
                    { url: cache.externalUrl },
                  )
                : t('This cache has no admitted route.')
            }
            data-test="pipcache-use-url-external"
          />
        </FormGroup>
        {cache && <NetworkReachAlert cache={cache} clientProject={namespace} />}
        {indexUrl && (
          <EnvChangeTable
            changes={changes}
            caption={t('Environment of the builds of {{name}}', { name })}
          />
        )}
        <Checkbox
          id="pipcache-use-start"
          isChecked={startNow}
          onChange={(_event, checked) => setStartNow(checked)}
          label={t('Start a build when applied')}
          data-test="pipcache-use-start"
        />
      </SubmitForm>
    );
  }

  return (
    <ActionModal
      data-test="pipcache-use-modal"
      variant="medium"
      title={t('Use a pip cache in {{name}}', { name })}
      description={
        use.kind === 'manual'
          ? t(
              'Its builds use {{url}}, set by hand. PipCache records it and puts it back if you stop using the cache.',
              { url: use.indexUrl },
            )
          : t(
              'PipCache sets PIP_INDEX_URL (with PIP_TRUSTED_HOST for http) and UV_DEFAULT_INDEX in the build environment, and records what it replaces.',
            )
      }
      onClose={closeModal}
      footer={
        <DialogFooter
          action={{
            label: t('Apply'),
            onClick: apply,
            isDisabled: !indexUrl || applying || nothingChanges,
            isLoading: applying,
            'data-test': 'pipcache-use-apply',
          }}
          closeLabel={t('Cancel')}
          onClose={closeModal}
          closeTest="pipcache-use-cancel"
        />
      }
    >
      {notice && (
        <Alert
          isInline
          variant={notice.variant}
          title={notice.title}
          data-test="pipcache-use-notice"
        >
          {notice.body}
        </Alert>
      )}
      {body}
    </ActionModal>
  );
};

export default UseCacheModal;
