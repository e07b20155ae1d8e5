import * as React from 'react';
import { Alert, TextInput } from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { upgradeDevpi, type CacheRoutes } from '../../api/upgrade-devpi';
import FormField from '../../components/FormField';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { BuildConfig, Deployment } from '../../model/shared';
import { upgradePath } from '../../model/living';
import { normalizeDevpiVersion, devpiVersionNote, validateDevpiVersion } from '../../model/cache';

interface UpgradeDevpiModalProps {
  deployment: Deployment;
  buildConfig: BuildConfig;
  /** The cache's Routes: a cache of schema 1 gets them split with the upgrade. */
  routes: CacheRoutes;
  closeModal: () => void;
}

type Result = { ok: true; text: string } | { ok: false; title: string; text: string };

/**
 * Pins another devpi-server release in the cache's build and rebuilds; the pod moves to the
 * new image when the build finishes. Builds from git or an existing image are explained instead.
 */
const UpgradeDevpiModal: React.FC<UpgradeDevpiModalProps> = ({
  deployment,
  buildConfig,
  routes,
  closeModal,
}) => {
  const { t } = usePipCacheTranslation();
  const path = upgradePath(buildConfig);
  const current = path.kind === 'dockerfile' ? path.current : undefined;
  const [version, setVersion] = React.useState(current ?? '');
  const [working, setWorking] = React.useState(false);
  const [result, setResult] = React.useState<Result>();
  const error = validateDevpiVersion(version, t);
  // What is pinned: the normal form PEP 440 gives what was typed (6.19.1-beta → 6.19.1b0).
  const pinned = normalizeDevpiVersion(version) ?? version.trim();
  const note = devpiVersionNote(version, t);
  const editable = path.kind === 'dockerfile' || path.kind === 'configmap';

  const apply = async () => {
    if (error || working || !editable) return;
    setWorking(true);
    setResult(undefined);
    try {
      const { report, build, buildError } = await upgradeDevpi(
        deployment,
        buildConfig,
        pinned,
        routes,
      );
      if (report.outcome !== 'applied') {
        const failed = report.patches.find(
          (p) => p.fate.state === 'dry-run-failed' || p.fate.state === 'apply-failed',
        );
        const conflict = failed && 'conflict' in failed.fate && failed.fate.conflict;
        setResult({
          ok: false,
          title:
            report.outcome === 'partly-applied'
              ? t('The upgrade was saved only in part.')
              : t('Nothing was changed.'),
          text: conflict
            ? t(
                '{{kind}} {{name}} changed meanwhile; nothing was overwritten. Close this dialog and try again.',
                {
                  kind: failed.kind,
                  name: failed.name,
                },
              )
            : failed && 'error' in failed.fate
              ? failed.fate.error.message
              : '',
        });
      } else if (buildError) {
        setResult({
          ok: false,
          title: t('devpi-server {{version}} is pinned, but the build did not start.', {
            version: pinned,
          }),
          text: t('{{message}} Start a build when the cause is fixed.', {
            message: toK8sErrorInfo(buildError).message,
          }),
        });
      } else {
        setResult({
          ok: true,
          text: t(
            'Build {{build}} started: the pod moves to devpi-server {{version}} when it finishes.',
            { build: build ?? '', version: pinned },
          ),
        });
      }
    } catch (caught) {
      setResult({
        ok: false,
        title: t('Nothing was changed.'),
        text: toK8sErrorInfo(caught).message,
      });
    }
    setWorking(false);
  };

  let body: React.ReactNode;
  if (path.kind === 'git') {
    body = (
      <Alert
        isInline
        variant="info"
        title={t(
          'This cache builds from the git repository {{uri}}: change the devpi-server release there, then start a build.',
          {
            uri: path.uri,
          },
        )}
        data-test="pipcache-upgrade-elsewhere"
      />
    );
  } else if (path.kind === 'image') {
    body = (
      <Alert
        isInline
        variant="info"
        title={t(
          'This cache runs an existing image: use an image with the release you want in the settings.',
        )}
        data-test="pipcache-upgrade-elsewhere"
      />
    );
  } else {
    body = (
      <SubmitForm onSubmit={apply}>
        <FormField
          label={t('devpi-server release')}
          fieldId="pipcache-upgrade-version"
          isRequired
          error={error}
          help={note ?? t('A devpi-server 6 release, such as 6.20.0.')}
        >
          <TextInput
            id="pipcache-upgrade-version"
            value={version}
            validated={error ? 'error' : 'default'}
            onChange={(_event, value) => setVersion(value)}
            data-test="pipcache-upgrade-version"
          />
        </FormField>
        <Alert isInline isPlain variant="warning" title={t('Check the release notes first.')}>
          {t(
            'Releases within devpi-server 6 keep the data format. A release that changes it refuses to start on the cached data: empty the cache after such an upgrade.',
          )}
        </Alert>
      </SubmitForm>
    );
  }

  return (
    <ActionModal
      data-test="pipcache-upgrade-modal"
      title={t('Upgrade devpi-server')}
      onClose={closeModal}
      footer={
        <DialogFooter
          action={
            editable && !result?.ok
              ? {
                  label: t('Pin and rebuild'),
                  onClick: apply,
                  isDisabled: Boolean(error) || working || pinned === current,
                  isLoading: working,
                  'data-test': 'pipcache-upgrade-apply',
                }
              : undefined
          }
          closeLabel={result?.ok || !editable ? t('Close') : t('Cancel')}
          onClose={closeModal}
        />
      }
    >
      {result && (
        <Alert
          isInline
          variant={result.ok ? 'success' : 'danger'}
          title={result.ok ? result.text : result.title}
          data-test="pipcache-upgrade-result"
        >
          {result.ok ? undefined : result.text}
        </Alert>
      )}
      {body}
    </ActionModal>
  );
};

export default UpgradeDevpiModal;
