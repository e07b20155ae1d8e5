import * as React from 'react';
import { Checkbox } from '@patternfly/react-core';
import { filesRouteName } from '../../model/shared';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { controlId, type FormBinding } from './form-binding';
import FormSectionExpandable from './FormSectionExpandable';
import { useFieldLabels } from './useFieldLabels';
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
  const labels = useFieldLabels();
  const { values, set } = binding;
  // Edit settings changes a Route that is there; publishing one or not is the create form's.
  const creating = !binding.editable;
  return (
    <FormSectionExpandable
      title={t('Route')}
      isPlain={!creating}
      data-test="pipcache-section-route"
    >
      {creating && (
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
      )}
      {(values.route.enabled || !creating) && (
        <>
          <ValueTextField
            binding={binding}
            field="route.host"
            help={t('Empty = generated: {{host}}', {
              host: `${values.name}-${namespace}.${appsDomain ?? t('<apps domain of the cluster>')}`,
            })}
          />
          <Checkbox
            id={controlId(binding, 'route-allow-http')}
            label={labels['route.insecureEdgeTermination']}
            isChecked={values.route.insecureEdgeTermination === 'Allow'}
            onChange={(_event, allow) =>
              set((v) => ({
                ...v,
                route: { ...v.route, insecureEdgeTermination: allow ? 'Allow' : 'Redirect' },
              }))
            }
            data-test={controlId(binding, 'route-allow-http')}
          />
          <ValueTextField
            binding={binding}
            field="route.allowedCidrs"
            help={t('CIDRs separated by spaces, such as 10.0.0.0/8; empty = everyone.')}
          />
        </>
      )}
    </FormSectionExpandable>
  );
};

export default RouteSection;
