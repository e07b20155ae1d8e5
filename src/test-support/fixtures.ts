import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';

/** What sets a test's anchor Deployment apart: readiness, creation time, a persistent claim. */
export interface AnchorOptions {
  ready?: number;
  created?: string;
  /** The claim of a persistent cache's `data` volume; none makes an ephemeral cache. */
  claim?: string;
}

/** The anchor Deployment of a cache as the watches return it (labels of the resource contract). */
export const anchorDeployment = (
  name: string,
  namespace = 'demo',
  { ready = 1, created, claim }: AnchorOptions = {},
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
  spec: {
    replicas: 1,
    selector: {},
    template: claim
      ? {
          spec: {
            containers: [],
            volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
          },
        }
      : {},
  },
  status: { readyReplicas: ready },
});
