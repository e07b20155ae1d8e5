import * as React from 'react';
import { FormSelect, FormSelectOption, Radio } from '@patternfly/react-core';
import FormField from '../../components/FormField';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { storageClassHelp, type StorageClassInfo } from '../../model/cache';
import type { FormBinding } from '../shared/form-binding';
import { useFieldLabels } from '../shared/useFieldLabels';
import ValueTextField from '../shared/ValueTextField';

interface StorageFieldsProps {
  binding: FormBinding;
  storageClasses: StorageClassInfo[];
  /** Shown instead of the ephemeral/persistent choice: a migration's choice of the old claim. */
  claimChoice?: React.ReactNode;
  /** A migration keeps the old claim: its size and class are not the form's to set. */
  keepsClaim: boolean;
}

/** Ephemeral or persistent storage, and for a new volume its size and storage class. */
const StorageFields: React.FC<StorageFieldsProps> = ({
  binding,
  storageClasses,
  claimChoice,
  keepsClaim,
}) => {
  const { t } = usePipCacheTranslation();
  const labels = useFieldLabels();
  const { values, set } = binding;
  const classHelp = storageClassHelp(storageClasses, values.storage.storageClass, t);
  return (
    <>
      {claimChoice ?? (
        <FormField label={t('Storage')} fieldId="pipcache-storage">
          <Radio
            id="pipcache-storage-ephemeral"
            name="storage"
            label={t('Ephemeral')}
            description={t('Lost when the pod restarts; for trying it out.')}
            isChecked={values.storage.kind === 'ephemeral'}
            onChange={() => set((v) => ({ ...v, storage: { ...v.storage, kind: 'ephemeral' } }))}
          />
          <Radio
            id="pipcache-storage-persistent"
            name="storage"
            label={t('Persistent volume')}
            description={t(
              'Keeps cached packages across restarts. devpi never deletes packages, so size it for what your builds install.',
            )}
            isChecked={values.storage.kind === 'persistent'}
            onChange={() => set((v) => ({ ...v, storage: { ...v.storage, kind: 'persistent' } }))}
          />
        </FormField>
      )}
      {values.storage.kind === 'persistent' && !keepsClaim && (
        <>
          <ValueTextField
            binding={binding}
            field="storage.size"
            help={t('For example 512Mi or 5Gi.')}
          />
          <FormField
            label={labels['storage.storageClass']}
            fieldId="pipcache-storage-class"
            help={classHelp.text}
            helpVariant={classHelp.warn ? 'warning' : 'default'}
          >
            <FormSelect
              id="pipcache-storage-class"
              value={values.storage.storageClass}
              onChange={(_event, storageClass) =>
                set((v) => ({ ...v, storage: { ...v.storage, storageClass } }))
              }
              data-test="pipcache-storage-class"
            >
              <FormSelectOption value="" label={t('Cluster default')} />
              {storageClasses.map((storageClass) => (
                <FormSelectOption
                  key={storageClass.name}
                  value={storageClass.name}
                  label={
                    storageClass.isDefault
                      ? t('{{name}} (default)', { name: storageClass.name })
                      : storageClass.name
                  }
                />
              ))}
            </FormSelect>
          </FormField>
        </>
      )}
    </>
  );
};

export default StorageFields;
