import * as React from 'react';
import { Alert, Title } from '@patternfly/react-core';
import KeyValueEditor from '../../components/KeyValueEditor';
import { useNodeSelectorLabels } from '../../components/useNodeSelectorLabels';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';

interface PlacementSectionProps {
  binding: FormBinding;
  /** The project's default node selector, which applies on top of these. */
  projectNodeSelector?: string;
}

/** Node selectors for the image build and for the cache pod, set apart as the templates had them. */
const PlacementSection: React.FC<PlacementSectionProps> = ({ binding, projectNodeSelector }) => {
  const { t } = usePipCacheTranslation();
  const labels = useNodeSelectorLabels();
  const { values, set, errors } = binding;
  return (
    <FormSectionExpandable title={t('Placement')} data-test="pipcache-section-placement">
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
      <Title headingLevel="h3" size="md">
        {t('Node selector for the image build')}
      </Title>
      <KeyValueEditor
        id="pipcache-build-selector"
        prefix="placement.build"
        rows={values.placement.build}
        errors={errors}
        {...labels.build}
        onChange={(build) => set((v) => ({ ...v, placement: { ...v.placement, build } }))}
      />
      <Title headingLevel="h3" size="md">
        {t('Node selector for the cache pod')}
      </Title>
      <KeyValueEditor
        id="pipcache-pod-selector"
        prefix="placement.pods"
        rows={values.placement.pods}
        errors={errors}
        {...labels.pods}
        onChange={(pods) => set((v) => ({ ...v, placement: { ...v.placement, pods } }))}
      />
    </FormSectionExpandable>
  );
};

export default PlacementSection;
