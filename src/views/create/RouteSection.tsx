import * as React from 'react';
import { Checkbox } from '@patternfly/react-core';
import { filesRouteName } from '../../model/urls';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import type { FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import ValueTextField from './ValueTextField';

interface RouteSectionProps {
  binding: FormBinding;
  namespace: string;
  /** The apps domain learnt from the project's routes, to show the generated host exactly. */
  appsDomain?: string;
}

/** Whether and how the mirror is published outside the cluster. */
const RouteSection: React.FC<RouteSectionProps> = ({ binding, namespace, appsDomain }) => {
  const { t } = usePipCacheTranslation();
  const { values, set } = binding;
  return (
    <FormSectionExpandable title={t('Route')} data-test="pipcache-section-route">
      <Checkbox
        id="pipcache-route-enabled"
        label={t('Publish the mirror outside the cluster with a Route')}
        description={t(
          'Only what pip needs is published, on one host: the simple pages (/root/pypi/+simple/) on the Route {{name}} and the package files they link to (/root/pypi/+f/) on a second Route {{files}}. Builds in the cluster use the Service either way.',
          { name: values.name, files: filesRouteName(values.name) },
        )}
        isChecked={values.route.enabled}
        onChange={(_event, enabled) => set((v) => ({ ...v, route: { ...v.route, enabled } }))}
      />
      {values.route.enabled && (
        <>
          <ValueTextField
            binding={binding}
            field="route.host"
            label={t('Host')}
            value={values.route.host}
            update={(v, host) => ({ ...v, route: { ...v.route, host } })}
            help={t('Empty = generated: {{host}}', {
              host: `${values.name}-${namespace}.${appsDomain ?? t('<apps domain of the cluster>')}`,
            })}
          />
          <Checkbox
            id="pipcache-route-allow-http"
            label={t('Also serve plain http (otherwise http redirects to https)')}
            isChecked={values.route.insecureEdgeTermination === 'Allow'}
            onChange={(_event, allow) =>
              set((v) => ({
                ...v,
                route: { ...v.route, insecureEdgeTermination: allow ? 'Allow' : 'Redirect' },
              }))
            }
          />
          <ValueTextField
            binding={binding}
            field="route.allowedCidrs"
            label={t('Allowed source addresses')}
            value={values.route.allowedCidrs}
            update={(v, allowedCidrs) => ({ ...v, route: { ...v.route, allowedCidrs } })}
            help={t('CIDRs separated by spaces, such as 10.0.0.0/8; empty = everyone.')}
          />
        </>
      )}
    </FormSectionExpandable>
  );
};

export default RouteSection;
