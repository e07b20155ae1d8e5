import * as React from 'react';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import ValueTextField from './ValueTextField';

/** Memory and CPU requests and limits of the cache pod. */
const ResourcesSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  const { resources } = binding.values;
  return (
    <FormSectionExpandable title={t('Resources')} data-test="pipcache-section-resources">
      <ValueTextField
        binding={binding}
        field="resources.memoryRequest"
        label={t('Memory request')}
        value={resources.memoryRequest}
        update={(v, memoryRequest) => ({ ...v, resources: { ...v.resources, memoryRequest } })}
      />
      <ValueTextField
        binding={binding}
        field="resources.memoryLimit"
        label={t('Memory limit')}
        value={resources.memoryLimit}
        update={(v, memoryLimit) => ({ ...v, resources: { ...v.resources, memoryLimit } })}
        help={t('devpi needs room for its first start; 768Mi is safe.')}
      />
      <ValueTextField
        binding={binding}
        field="resources.cpuRequest"
        label={t('CPU request')}
        value={resources.cpuRequest}
        update={(v, cpuRequest) => ({ ...v, resources: { ...v.resources, cpuRequest } })}
      />
      <ValueTextField
        binding={binding}
        field="resources.cpuLimit"
        label={t('CPU limit')}
        value={resources.cpuLimit}
        update={(v, cpuLimit) => ({ ...v, resources: { ...v.resources, cpuLimit } })}
        help={t('Empty = no limit.')}
      />
    </FormSectionExpandable>
  );
};

export default ResourcesSection;
