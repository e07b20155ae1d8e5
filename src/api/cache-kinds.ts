import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';

const model = (
  kind: string,
  plural: string,
  apiVersion: string,
  apiGroup: string | undefined,
  label: string,
  labelPlural: string,
  abbr: string,
): K8sModel => ({
  kind,
  plural,
  apiVersion,
  ...(apiGroup ? { apiGroup } : {}),
  label,
  labelPlural,
  abbr,
  namespaced: true,
});

/**
 * Every kind a cache may own, in the order the UI deletes them: what serves traffic first, the
 * data last, so that a half-finished delete never leaves a running server without its secret.
 */
export const CACHE_OWNED_KINDS: readonly K8sModel[] = [
  model('Route', 'routes', 'v1', 'route.openshift.io', 'Route', 'Routes', 'RT'),
  model(
    'NetworkPolicy',
    'networkpolicies',
    'v1',
    'networking.k8s.io',
    'NetworkPolicy',
    'NetworkPolicies',
    'NETPOL',
  ),
  model('Service', 'services', 'v1', undefined, 'Service', 'Services', 'S'),
  model('Deployment', 'deployments', 'v1', 'apps', 'Deployment', 'Deployments', 'D'),
  model(
    'BuildConfig',
    'buildconfigs',
    'v1',
    'build.openshift.io',
    'BuildConfig',
    'BuildConfigs',
    'BC',
  ),
  model(
    'ImageStream',
    'imagestreams',
    'v1',
    'image.openshift.io',
    'ImageStream',
    'ImageStreams',
    'IS',
  ),
  model('ConfigMap', 'configmaps', 'v1', undefined, 'ConfigMap', 'ConfigMaps', 'CM'),
  model('Secret', 'secrets', 'v1', undefined, 'Secret', 'Secrets', 'S'),
  model(
    'PersistentVolumeClaim',
    'persistentvolumeclaims',
    'v1',
    undefined,
    'PersistentVolumeClaim',
    'PersistentVolumeClaims',
    'PVC',
  ),
];

/** Pods are not owned by a cache, but emptying and migration watch them come and go. */
export const POD_MODEL: K8sModel = model('Pod', 'pods', 'v1', undefined, 'Pod', 'Pods', 'P');

/** The model of a kind a cache owns; any other kind is a programming error. */
export const cacheKindModel = (kind: string): K8sModel => {
  const found = CACHE_OWNED_KINDS.find((m) => m.kind === kind);
  if (!found) throw new Error(`No model for ${kind}`);
  return found;
};

/** The original templates' DeploymentConfig kind, which a migration replaces. */
export const DEPLOYMENT_CONFIG_MODEL: K8sModel = model(
  'DeploymentConfig',
  'deploymentconfigs',
  'v1',
  'apps.openshift.io',
  'DeploymentConfig',
  'DeploymentConfigs',
  'DC',
);

/** Builds are not owned by a cache either; a migration waits for its image's build. */
export const BUILD_MODEL: K8sModel = model(
  'Build',
  'builds',
  'v1',
  'build.openshift.io',
  'Build',
  'Builds',
  'B',
);
