import { matchesLabelSelector, type LabelSelector } from './selectors';
import type { K8sObject } from './store';

/**
 * The labels OpenShift's OVN-Kubernetes gives the host network as a policy peer: traffic from
 * node processes, which includes the API server's service proxy, is admitted only by a
 * namespaceSelector that matches them.
 */
export const HOST_NETWORK_LABELS: Record<string, string> = {
  'policy-group.network.openshift.io/host-network': '',
};

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr?: string; except?: string[] };
}

interface IngressRule {
  from?: PolicyPeer[];
  ports?: PolicyPort[];
}

interface PolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: IngressRule[];
}

/** The pod port the traffic goes to, by number and (if the container names it) by name. */
export interface TargetPort {
  number: number;
  name?: string;
}

const isEmptySelector = (selector: LabelSelector | undefined): boolean =>
  !selector ||
  (Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0);

/** A policy without policyTypes is an ingress policy (egress only when it has egress rules). */
const restrictsIngress = (spec: PolicySpec): boolean =>
  !spec.policyTypes || spec.policyTypes.length === 0 || spec.policyTypes.includes('Ingress');

const portMatches = (ports: PolicyPort[] | undefined, target: TargetPort): boolean =>
  !ports ||
  ports.length === 0 ||
  ports.some((entry) => {
    if (entry.protocol && entry.protocol !== 'TCP') return false;
    if (entry.port === undefined) return true;
    if (typeof entry.port === 'string') return entry.port === target.name;
    return entry.endPort
      ? target.number >= entry.port && target.number <= entry.endPort
      : target.number === entry.port;
  });

/** Whether a peer covers traffic from the host network (node addresses are not known here). */
const peerAdmitsHostNetwork = (peer: PolicyPeer): boolean => {
  if (peer.ipBlock) {
    const everything = peer.ipBlock.cidr === '0.0.0.0/0' || peer.ipBlock.cidr === '::/0';
    return everything && (peer.ipBlock.except ?? []).length === 0;
  }
  // A peer with only a podSelector means pods of the policy's own namespace, never the host.
  if (!peer.namespaceSelector) return false;
  return (
    matchesLabelSelector(peer.namespaceSelector, HOST_NETWORK_LABELS) &&
    isEmptySelector(peer.podSelector)
  );
};

/**
 * The NetworkPolicies that isolate a pod for ingress and, among them, whether any admits
 * host-network traffic to the port: as on a real cluster, a pod no policy selects takes all
 * traffic, and a selected pod takes only what some rule of a selecting policy allows.
 */
export const hostNetworkAccess = (
  policies: K8sObject[],
  podLabels: Record<string, string>,
  port: TargetPort,
): { isolatedBy: string[]; admitted: boolean } => {
  const selecting = policies.filter((policy) => {
    const spec = (policy.spec ?? {}) as PolicySpec;
    return restrictsIngress(spec) && matchesLabelSelector(spec.podSelector ?? {}, podLabels);
  });
  const admitted =
    selecting.length === 0 ||
    selecting.some((policy) =>
      ((policy.spec as PolicySpec).ingress ?? []).some(
        (rule) =>
          portMatches(rule.ports, port) &&
          (!rule.from || rule.from.length === 0 || rule.from.some(peerAdmitsHostNetwork)),
      ),
    );
  return { isolatedBy: selecting.map((policy) => policy.metadata.name ?? ''), admitted };
};
