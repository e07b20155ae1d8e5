import type { PatchOperation } from '../builds';
import type { NetworkPolicy } from '../shared';
import { networkPolicyManifest } from './route-manifests';
import type { PipCacheValues } from './values';

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** The name of a cache's own client NetworkPolicy (resource contract: `N-allow-clients`). */
export const clientPolicyName = (cacheName: string): string => `${cacheName}-allow-clients`;

/** The cache's client NetworkPolicy as the model makes it, admitting the given projects. */
export const clientPolicyFor = (
  values: PipCacheValues,
  namespace: string,
  clientProjects: readonly string[],
): NetworkPolicy =>
  networkPolicyManifest(
    { ...values, network: { policy: true, clientProjects: clientProjects.join(' ') } },
    namespace,
  );

/**
 * JSON Patch that adds a project to the `kubernetes.io/metadata.name In (...)` peer of the
 * cache's client policy, guarded by the list it read; undefined when the policy is not of the
 * model's shape (then the UI shows the policy instead of editing someone else's design).
 */
export const admitProjectPatch = (
  policy: NetworkPolicy,
  project: string,
): PatchOperation[] | undefined => {
  const ingress = policy.spec?.ingress ?? [];
  for (const [ruleIndex, rule] of ingress.entries()) {
    for (const [peerIndex, peer] of (rule.from ?? []).entries()) {
      const expressions = peer.namespaceSelector?.matchExpressions ?? [];
      const exprIndex = expressions.findIndex(
        (expression) => expression.key === NAME_LABEL && expression.operator === 'In',
      );
      const expression = expressions[exprIndex];
      if (!expression) continue;
      const values = expression.values ?? [];
      if (values.includes(project)) return [];
      const path = `/spec/ingress/${ruleIndex}/from/${peerIndex}/namespaceSelector/matchExpressions/${exprIndex}/values`;
      return [
        { op: 'test', path, value: values },
        { op: 'replace', path, value: [...values, project] },
      ];
    }
  }
  return undefined;
};
