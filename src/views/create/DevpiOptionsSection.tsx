import * as React from 'react';
import { Checkbox } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import ValueTextField from './ValueTextField';

/** The upstream index devpi mirrors, its credentials, and how devpi talks to it. */
const DevpiOptionsSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  const { values, set } = binding;
  return (
    <FormSectionExpandable title={t('devpi options')} data-test="pipcache-section-devpi">
      <ValueTextField
        binding={binding}
        field="devpi.upstreamUrl"
        label={t('Upstream index')}
        value={values.devpi.upstreamUrl}
        update={(v, upstreamUrl) => ({ ...v, devpi: { ...v.devpi, upstreamUrl } })}
        help={t(
          'Empty = PyPI. For example a company Nexus: https://nexus.example.com/repository/pypi/simple/',
        )}
      />
      <ValueTextField
        binding={binding}
        field="devpi.upstreamUsername"
        label={t('Upstream user name')}
        value={values.devpi.upstreamUsername}
        update={(v, upstreamUsername) => ({ ...v, devpi: { ...v.devpi, upstreamUsername } })}
      />
      <ValueTextField
        binding={binding}
        field="devpi.upstreamPassword"
        label={t('Upstream password')}
        value={values.devpi.upstreamPassword}
        update={(v, upstreamPassword) => ({ ...v, devpi: { ...v.devpi, upstreamPassword } })}
        help={t('Kept only in the Secret {{name}}-root.', { name: values.name })}
        type="password"
      />
      <ValueTextField
        binding={binding}
        field="devpi.cacheExpiry"
        label={t('Cache expiry (seconds)')}
        value={values.devpi.cacheExpiry}
        update={(v, cacheExpiry) => ({ ...v, devpi: { ...v.devpi, cacheExpiry } })}
        help={t(
          'How long devpi trusts its list of a project before asking upstream again; empty = 1800.',
        )}
      />
      <ValueTextField
        binding={binding}
        field="devpi.requestTimeout"
        label={t('Upstream timeout (seconds)')}
        value={values.devpi.requestTimeout}
        update={(v, requestTimeout) => ({ ...v, devpi: { ...v.devpi, requestTimeout } })}
        help={t(
          "Empty = devpi's 5. Builds that ask for a project while devpi is still fetching it wait at most this long; 30 leaves room for big projects' pages on PyPI.",
        )}
      />
      <ValueTextField
        binding={binding}
        field="storage.dataPath"
        label={t('Data folder')}
        value={values.storage.dataPath}
        update={(v, dataPath) => ({ ...v, storage: { ...v.storage, dataPath } })}
        help={t(
          'Where the volume is mounted in the container; devpi keeps its server directory in it (the templates called it DATA_VOLUME).',
        )}
      />
      <Checkbox
        id="pipcache-offline"
        label={t('Offline: serve only what is cached')}
        isChecked={values.devpi.offline}
        onChange={(_event, offline) => set((v) => ({ ...v, devpi: { ...v.devpi, offline } }))}
      />
    </FormSectionExpandable>
  );
};

export default DevpiOptionsSection;
