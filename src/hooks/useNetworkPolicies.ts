import { type NetworkPolicy, KINDS } from '../model/shared';
import { useK8sWatchResource } from '../sdk/console-sdk';

/** Watches the NetworkPolicies of a project; nothing is watched while `namespace` is undefined. */
export const useNetworkPolicies = (
  namespace: string | undefined,
): { policies: NetworkPolicy[]; loaded: boolean; loadError: unknown } => {
  const result = useK8sWatchResource<NetworkPolicy[]>(
    namespace
      ? {
          groupVersionKind: KINDS.NetworkPolicy.gvk,
          namespace,
          isList: true,
        }
      : null,
  );
  const [policies, loaded] = result;
  const loadError: unknown = result[2];
  // With no resource to watch the SDK returns no data at all, whatever its types say.
  return { policies: Array.isArray(policies) ? policies : [], loaded, loadError };
};
