import * as React from 'react';
import { Alert, TextInput } from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { changeCacheHost, HostChangeError } from '../../api/route-host';
import FormField from '../../components/FormField';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { Route } from '../../model/shared';
import { validateHostname } from '../../model/cache';

interface ChangeHostModalProps {
  route: Route;
  /** The Route `N-files`, which moves to the new host with `N`; missing on a cache of schema 1. */
  filesRoute?: Route;
  closeModal: () => void;
}

/**
 * Picks another host for a cache's Routes when the router did not admit one of them (for
 * example HostAlreadyClaimed): both move together, or neither does.
 */
const ChangeHostModal: React.FC<ChangeHostModalProps> = ({ route, filesRoute, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const [host, setHost] = React.useState(route.spec.host ?? '');
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();
  const error = host ? validateHostname(host, t) : t('Enter a host.');

  const save = async () => {
    if (error || saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await changeCacheHost(route, filesRoute, host);
      closeModal();
    } catch (caught) {
      const restored = !(caught instanceof HostChangeError) || caught.restored;
      const info = toK8sErrorInfo(caught instanceof HostChangeError ? caught.refusal : caught);
      const reason =
        info.code === 422 && !info.causes.length
          ? t(
              'The route changed while you were editing. Close this dialog, look at the route again, and retry.',
            )
          : info.message;
      setFailure(
        restored
          ? reason
          : t(
              'The route {{name}} has the new host but {{files}} does not, and the old host could not be put back ({{reason}}). pip cannot download files until both have one host: retry, or set the host of both in the Routes page.',
              { name: route.metadata.name ?? '', files: filesRoute?.metadata.name ?? '', reason },
            ),
      );
      setSaving(false);
    }
  };

  return (
    <ActionModal
      data-test="pipcache-change-host-modal"
      title={t('Change the route host')}
      onClose={closeModal}
      footer={
        <DialogFooter
          action={{
            label: t('Save'),
            onClick: save,
            isDisabled: Boolean(error),
            isLoading: saving,
            'data-test': 'pipcache-change-host-save',
          }}
          closeLabel={t('Cancel')}
          onClose={closeModal}
        />
      }
    >
      <SubmitForm onSubmit={save}>
        <FormField
          label={t('Host')}
          fieldId="pipcache-new-host"
          error={error}
          help={t('A host no other route claims, such as pypi-team.apps.example.com.')}
        >
          <TextInput
            id="pipcache-new-host"
            value={host}
            validated={error ? 'error' : 'default'}
            onChange={(_event, value) => setHost(value.trim())}
            data-test="pipcache-new-host"
          />
        </FormField>
        {failure && (
          <Alert
            variant="danger"
            isInline
            title={t('The host was not changed')}
            data-test="pipcache-change-host-error"
          >
            {failure}
          </Alert>
        )}
      </SubmitForm>
    </ActionModal>
  );
};

export default ChangeHostModal;
