import * as React from 'react';
import { Alert, AlertActionLink } from '@patternfly/react-core';
import { toK8sErrorInfo } from '../../api/k8s-error';
import { admitBuildsFromProject } from '../../api/use-cache';
import { useNetworkPolicies } from '../../hooks/useNetworkPolicies';
import { usePipCacheTranslation } from '../../hooks/usePipCacheTranslation';
import { admitsBuildsFrom } from '../../model/builds';
import { clientPolicyName } from '../../model/cache';
import { instanceSelector } from '../../model/shared';
import type { CacheInstance } from '../../model/living';

interface NetworkReachAlertProps {
  cache: CacheInstance;
  /** The project whose build pods are to reach the cache. */
  clientProject: string;
}

/**
 * Says when the NetworkPolicies of a cache's project would stop builds of another project from
 * reaching it, and offers to admit that project in the cache's own client policy.
 */
const NetworkReachAlert: React.FC<NetworkReachAlertProps> = ({ cache, clientProject }) => {
  const { t } = usePipCacheTranslation();
  const other = cache.namespace !== clientProject;
  const { policies, loaded, loadError } = useNetworkPolicies(other ? cache.namespace : undefined);
  const [working, setWorking] = React.useState(false);
  const [result, setResult] = React.useState<{ ok: boolean; message: string }>();
  if (!other || (!loaded && !loadError)) return null;
  if (loadError) {
    return (
      <Alert
        isInline
        isPlain
        variant="info"
        title={t('Could not check the network policies of project {{project}}: {{message}}', {
          project: cache.namespace,
          message: toK8sErrorInfo(loadError).message,
        })}
        data-test="pipcache-network-unknown"
      />
    );
  }
  const admitted = admitsBuildsFrom(policies, instanceSelector(cache.name), cache.namespace, {
    name: clientProject,
    labels: {},
  });
  if (admitted && !result) return null;
  if (result?.ok) {
    return (
      <Alert isInline variant="success" title={result.message} data-test="pipcache-network-fixed" />
    );
  }
  const existing = policies.find(
    (policy) => policy.metadata?.name === clientPolicyName(cache.name),
  );
  const values = cache.values;
  const admit = async () => {
    if (!values || working) return;
    setWorking(true);
    const outcome = await admitBuildsFromProject(values, cache.namespace, existing, clientProject);
    setWorking(false);
    switch (outcome.state) {
      case 'applied':
        setResult({
          ok: true,
          message: t('Builds of project {{project}} may now reach the cache.', {
            project: clientProject,
          }),
        });
        break;
      case 'changed':
        setResult({
          ok: false,
          message: t(
            'The NetworkPolicy {{name}} changed meanwhile; nothing was overwritten. Try again.',
            { name: clientPolicyName(cache.name) },
          ),
        });
        break;
      case 'failed':
        setResult({ ok: false, message: outcome.error.message });
        break;
      case 'not-applicable':
        setResult({
          ok: false,
          message: t(
            'The NetworkPolicy {{name}} is not of the shape PipCache makes; add project {{project}} to it by hand.',
            { name: clientPolicyName(cache.name), project: clientProject },
          ),
        });
        break;
    }
  };
  return (
    <Alert
      isInline
      variant="warning"
      title={t(
        'Network policies in project {{cacheProject}} would block builds of project {{project}} from reaching this cache.',
        { cacheProject: cache.namespace, project: clientProject },
      )}
      actionLinks={
        values ? (
          <AlertActionLink
            onClick={() => void admit()}
            isDisabled={working}
            data-test="pipcache-network-admit"
          >
            {existing
              ? t('Add project {{project}} to {{name}}', {
                  project: clientProject,
                  name: clientPolicyName(cache.name),
                })
              : t('Create NetworkPolicy {{name}} for project {{project}}', {
                  project: clientProject,
                  name: clientPolicyName(cache.name),
                })}
          </AlertActionLink>
        ) : undefined
      }
      data-test="pipcache-network-blocked"
    >
      {result && !result.ok
        ? result.message
        : t('Use a cache in the same project, or let this project in.')}
    </Alert>
  );
};

export default NetworkReachAlert;
