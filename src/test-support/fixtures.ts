import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';

/** The anchor Deployment of a cache as the watches return it (labels of the resource contract). */
export const anchorDeployment = (
  name: string,
  namespace = 'demo',
  { ready = 1, created }: { ready?: number; created?: string } = {},
): IDeployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace,
    ...(created ? { creationTimestamp: created } : {}),
    labels: {
      'app.kubernetes.io/name': 'pipcache',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/managed-by': 'pipcache-plugin',
    },
  },
  spec: { replicas: 1, selector: {}, template: {} },
  status: { readyReplicas: ready },
});
