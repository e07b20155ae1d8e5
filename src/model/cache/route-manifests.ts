import { cacheLabels, podSelector } from './cache-labels';
import {
  type NetworkPolicy,
  type Route,
  KINDS,
  typeMeta,
  FILES_ROUTE_PATH,
  filesRouteName,
  SIMPLE_ROUTE_PATH,
} from '../shared';
import type { PipCacheValues } from './values';

/**
 * One of the cache's two Routes. They share one host: `N` publishes the simple pages and
 * `N-files` the package files they link to, and nothing else of devpi (not /+status, /+login,
 * user management or the index's JSON config) is reachable from outside the cluster.
 */
export const routeManifest = (
  values: PipCacheValues,
  namespace: string,
  part: 'simple' | 'files' = 'simple',
): Route => {
  const cidrs = values.route.allowedCidrs.split(/\s+/).filter(Boolean);
  return {
    ...typeMeta(KINDS.Route),
    metadata: {
      name: part === 'simple' ? values.name : filesRouteName(values.name),
      namespace,
      labels: cacheLabels(values, 'cache'),
      ...(cidrs.length
        ? { annotations: { 'haproxy.router.openshift.io/ip_whitelist': cidrs.join(' ') } }
        : {}),
    },
    spec: {
      ...(values.route.host ? { host: values.route.host } : {}),
      path: part === 'simple' ? SIMPLE_ROUTE_PATH : FILES_ROUTE_PATH,
      to: { kind: 'Service', name: values.name, weight: 100 },
      port: { targetPort: 'http' },
      tls: {
        termination: 'edge',
        insecureEdgeTerminationPolicy: values.route.insecureEdgeTermination,
      },
      wildcardPolicy: 'None',
    },
  };
};

/** The NetworkPolicy that admits the router, the API server's service proxy, the cache's own project and its client projects. */
export const networkPolicyManifest = (values: PipCacheValues, namespace: string): NetworkPolicy => {
  const clients = values.network.clientProjects.split(/\s+/).filter(Boolean);
  const namespaceLabel = (key: string, value = '') => ({
    namespaceSelector: { matchLabels: { [key]: value } },
  });
  return {
    ...typeMeta(KINDS.NetworkPolicy),
    metadata: {
      name: `${values.name}-allow-clients`,
      namespace,
      labels: cacheLabels(values, 'network'),
    },
    spec: {
      podSelector: { matchLabels: podSelector(values) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            // The cache's own project.
            { podSelector: {} },
            // The router, for the Route (current and older label).
            namespaceLabel('policy-group.network.openshift.io/ingress'),
            namespaceLabel('network.openshift.io/policy-group', 'ingress'),
            // Host-network traffic: how the API server's service proxy (the health probe) arrives.
            namespaceLabel('policy-group.network.openshift.io/host-network'),
            // Build pods of the client projects (every project when none is named).
            clients.length
              ? {
                  namespaceSelector: {
                    matchExpressions: [
                      { key: 'kubernetes.io/metadata.name', operator: 'In', values: clients },
                    ],
                  },
                }
              : { namespaceSelector: {} },
          ],
          ports: [{ protocol: 'TCP', port: 8080 }],
        },
      ],
    },
  };
};
