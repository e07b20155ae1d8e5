import * as React from 'react';
import { Alert } from '@patternfly/react-core';
import FormField from '../../components/FormField';
import KeyValueEditor from '../../components/KeyValueEditor';
import { useNodeSelectorLabels } from '../../components/useNodeSelectorLabels';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { controlId, showsField, type FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import { useFieldLabels } from './useFieldLabels';

interface PlacementSectionProps {
  binding: FormBinding;
  /** The project's default node selector, which applies on top of these. */
  projectNodeSelector?: string;
}

/** Node selectors for the image build and for the cache pod, set apart as the templates had them. */
const PlacementSection: React.FC<PlacementSectionProps> = ({ binding, projectNodeSelector }) => {
  const { t } = usePipCacheTranslation();
  const labels = useFieldLabels();
  const editorLabels = useNodeSelectorLabels();
  const { values, set, errors } = binding;
  const selectors = [
    { field: 'placement.build', name: 'build-selector', part: 'build' },
    { field: 'placement.pods', name: 'pod-selector', part: 'pods' },
  ] as const;
  return (
    <FormSectionExpandable
      title={t('Placement')}
      isPlain={Boolean(binding.editable)}
      data-test="pipcache-section-placement"
    >
      {projectNodeSelector && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t('This project places pods on nodes with {{selector}} by default.', {
            selector: projectNodeSelector,
          })}
        />
      )}
      {selectors
        .filter(({ field }) => showsField(binding, field))
        .map(({ field, name, part }) => (
          <FormField key={field} label={labels[field]} fieldId={controlId(binding, name)}>
            <KeyValueEditor
              id={controlId(binding, name)}
              prefix={field}
              rows={values.placement[part]}
              errors={errors}
              {...editorLabels[part]}
              onChange={(rows) =>
                set((v) => ({ ...v, placement: { ...v.placement, [part]: rows } }))
              }
            />
          </FormField>
        ))}
    </FormSectionExpandable>
  );
};

export default PlacementSection;
