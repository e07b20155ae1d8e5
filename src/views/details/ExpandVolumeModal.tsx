import * as React from 'react';
import { Alert, TextInput } from '@patternfly/react-core';
import SubmitForm from '../../components/SubmitForm';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { expandVolume, storageClassOf } from '../../api/volumes';
import FormField from '../../components/FormField';
import ActionModal from '../../components/ActionModal';
import DialogFooter from '../../components/DialogFooter';
import DialogSpinner from '../../components/DialogSpinner';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { requestedSize, validateNewSize } from '../../model/living';
import type { PersistentVolumeClaim } from '../../model/shared';
import type { StorageClassInfo } from '../../model/cache';

interface ExpandVolumeModalProps {
  pvc: PersistentVolumeClaim;
  closeModal: () => void;
}

/**
 * Grows a cache's volume when its StorageClass allows volume expansion, and otherwise says so
 * and what to do instead. The cached packages stay; the pod keeps running.
 */
const ExpandVolumeModal: React.FC<ExpandVolumeModalProps> = ({ pvc, closeModal }) => {
  const { t } = usePipCacheTranslation();
  const current = requestedSize(pvc);
  const [storageClass, setStorageClass] = React.useState<StorageClassInfo | null>();
  const [classError, setClassError] = React.useState<string>();
  const [size, setSize] = React.useState('');
  const [touched, setTouched] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();
  const error = validateNewSize(size, current, t);

  React.useEffect(() => {
    let active = true;
    storageClassOf(pvc).then(
      (found) => active && setStorageClass(found ?? null),
      (caught: unknown) => active && setClassError(toK8sErrorInfo(caught).message),
    );
    return () => {
      active = false;
    };
  }, [pvc]);

  const expandable = storageClass?.expandable === true;
  const save = async () => {
    setTouched(true);
    if (error || saving || !expandable) return;
    setSaving(true);
    setFailure(undefined);
    const outcome = await expandVolume(pvc, size);
    setSaving(false);
    switch (outcome.state) {
      case 'applied':
        closeModal();
        return;
      case 'changed':
        setFailure(
          t(
            'The volume changed while you were looking at it; nothing was overwritten. Close this dialog and try again.',
          ),
        );
        return;
      case 'failed':
        setFailure(outcome.error.message);
        return;
      case 'not-applicable':
        setFailure(t('This volume cannot be changed from here.'));
    }
  };

  let body: React.ReactNode;
  if (classError) {
    body = (
      <Alert isInline variant="danger" title={t('Could not read the StorageClass of the volume')}>
        {classError}
      </Alert>
    );
  } else if (storageClass === undefined) {
    body = <DialogSpinner label={t('Reading the StorageClass')} />;
  } else if (!expandable) {
    body = (
      <Alert
        isInline
        variant="info"
        title={t('StorageClass {{name}} does not allow volume expansion.', {
          name: storageClass?.name ?? pvc.spec?.storageClassName ?? t('(default)'),
        })}
        data-test="pipcache-expand-unsupported"
      >
        {t(
          'Empty the cache to free its space, or create a new cache with a larger volume (or a StorageClass that allows expansion) and point the builds at it. A cluster admin can allow expansion on the StorageClass if its driver supports it.',
        )}
      </Alert>
    );
  } else {
    body = (
      <SubmitForm onSubmit={save}>
        <FormField
          label={t('New size')}
          fieldId="pipcache-expand-size"
          isRequired
          error={touched || size ? error : undefined}
          help={t('Now {{current}}. A volume can grow but never shrink.', {
            current: current ?? '',
          })}
        >
          <TextInput
            id="pipcache-expand-size"
            value={size}
            validated={(touched || size) && error ? 'error' : 'default'}
            onChange={(_event, value) => setSize(value)}
            data-test="pipcache-expand-size"
          />
        </FormField>
      </SubmitForm>
    );
  }

  return (
    <ActionModal
      data-test="pipcache-expand-modal"
      title={t('Expand the volume')}
      onClose={closeModal}
      footer={
        <DialogFooter
          action={
            expandable
              ? {
                  label: t('Expand'),
                  onClick: save,
                  isDisabled: saving || Boolean(error),
                  isLoading: saving,
                  'data-test': 'pipcache-expand-apply',
                }
              : undefined
          }
          closeLabel={expandable ? t('Cancel') : t('Close')}
          onClose={closeModal}
        />
      }
    >
      {failure && (
        <Alert
          isInline
          variant="danger"
          title={t('The volume was not expanded.')}
          data-test="pipcache-expand-failure"
        >
          {failure}
        </Alert>
      )}
      {body}
    </ActionModal>
  );
};

export default ExpandVolumeModal;
