import * as React from 'react';
import { Alert, Checkbox } from '@patternfly/react-core';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from '../shared/form-binding';
import FormSectionExpandable from '../shared/FormSectionExpandable';
import ValueTextField from '../shared/ValueTextField';

/** Who may reach the cache (a NetworkPolicy) and how the cache reaches its upstream (a proxy). */
const NetworkSection: React.FC<{ binding: FormBinding }> = ({ binding }) => {
  const { t } = usePipCacheTranslation();
  const { values, set } = binding;
  return (
    <FormSectionExpandable title={t('Network')} data-test="pipcache-section-network">
      <Checkbox
        id="pipcache-network-policy"
        label={t('Add a NetworkPolicy that admits builds from other projects')}
        description={t(
          'Also admits the router, the API server (for the health check) and this project.',
        )}
        isChecked={values.network.policy}
        onChange={(_event, policy) => set((v) => ({ ...v, network: { ...v.network, policy } }))}
      />
      {values.network.policy && (
        <ValueTextField
          binding={binding}
          field="network.clientProjects"
          help={t('Separated by spaces; empty = every project.')}
        />
      )}
      {values.network.policy && !values.network.clientProjects.trim() && (
        <Alert
          isInline
          variant="warning"
          title={t('With no client projects, the NetworkPolicy admits every project')}
          data-test="pipcache-network-every-project"
        >
          {t(
            'Pods of every project in the cluster may then reach the cache. Name the projects whose builds use it to admit only those.',
          )}
        </Alert>
      )}
      <Checkbox
        id="pipcache-proxy"
        label={t('Reach the upstream through an HTTP proxy')}
        isChecked={values.proxy.enabled}
        onChange={(_event, enabled) =>
          set((v) => ({ ...v, proxy: { ...v.proxy, enabled, trustedCa: enabled } }))
        }
      />
      {values.proxy.enabled && (
        <>
          <ValueTextField binding={binding} field="proxy.httpProxy" />
          <ValueTextField binding={binding} field="proxy.httpsProxy" />
          <ValueTextField binding={binding} field="proxy.noProxy" />
        </>
      )}
    </FormSectionExpandable>
  );
};

export default NetworkSection;
