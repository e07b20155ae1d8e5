import * as React from 'react';
import KeyValueEditor from '../../components/KeyValueEditor';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from '../shared/form-binding';
import FormSectionExpandable from '../shared/FormSectionExpandable';
import ValueTextField from '../shared/ValueTextField';

/** The Topology application group and extra labels on every object of the cache. */
const LabelsSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  const { values, set, errors } = binding;
  return (
    <FormSectionExpandable title={t('Labels')} data-test="pipcache-section-labels">
      <ValueTextField
        binding={binding}
        field="applicationGroup"
        help={t('Groups the parts in Topology; empty = the name.')}
      />
      <KeyValueEditor
        id="pipcache-labels"
        prefix="labels"
        rows={values.labels}
        errors={errors}
        addLabel={t('Add label')}
        onChange={(labels) => set((v) => ({ ...v, labels }))}
      />
    </FormSectionExpandable>
  );
};

export default LabelsSection;
