import * as React from 'react';
import { Checkbox } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { controlId, showsField, type FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import { useFieldLabels } from './useFieldLabels';
import ValueTextField from './ValueTextField';

/** The upstream index devpi mirrors, its credentials, and how devpi talks to it. */
const DevpiOptionsSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  const labels = useFieldLabels();
  const { values, set } = binding;
  return (
    <FormSectionExpandable
      title={t('devpi options')}
      isPlain={Boolean(binding.editable)}
      data-test="pipcache-section-devpi"
    >
      <ValueTextField
        binding={binding}
        field="devpi.upstreamUrl"
        help={t(
          'Empty = PyPI. For example a company Nexus: https://nexus.example.com/repository/pypi/simple/',
        )}
      />
      <ValueTextField binding={binding} field="devpi.upstreamUsername" />
      <ValueTextField
        binding={binding}
        field="devpi.upstreamPassword"
        help={t('Kept only in the Secret {{name}}-root.', { name: values.name })}
        type="password"
      />
      <ValueTextField
        binding={binding}
        field="devpi.cacheExpiry"
        help={t(
          'How long devpi trusts its list of a project before asking upstream again; empty = 1800.',
        )}
      />
      <ValueTextField
        binding={binding}
        field="devpi.requestTimeout"
        help={t(
          "Empty = devpi's 5. Builds that ask for a project while devpi is still fetching it wait at most this long; 30 leaves room for big projects' pages on PyPI.",
        )}
      />
      <ValueTextField
        binding={binding}
        field="storage.dataPath"
        help={t(
          'Where the volume is mounted in the container; devpi keeps its server directory in it (the templates called it DATA_VOLUME).',
        )}
      />
      {showsField(binding, 'devpi.offline') && (
        <Checkbox
          id={controlId(binding, 'offline')}
          label={labels['devpi.offline']}
          isChecked={values.devpi.offline}
          onChange={(_event, offline) => set((v) => ({ ...v, devpi: { ...v.devpi, offline } }))}
          data-test={controlId(binding, 'offline')}
        />
      )}
    </FormSectionExpandable>
  );
};

export default DevpiOptionsSection;
