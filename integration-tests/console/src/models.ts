import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';

const m = (
  kind: string,
  plural: string,
  apiVersion: string,
  apiGroup: string | undefined,
  namespaced: boolean,
  abbr: string,
): K8sModel => ({
  kind,
  plural,
  apiVersion,
  ...(apiGroup ? { apiGroup } : {}),
  namespaced,
  abbr,
  label: kind,
  labelPlural: `${kind}s`,
  id: plural,
});

/** The models the shell "discovers", as the console would from the API server. */
export const SHELL_MODELS: K8sModel[] = [
  m('Namespace', 'namespaces', 'v1', undefined, false, 'NS'),
  m('Pod', 'pods', 'v1', undefined, true, 'P'),
  m('Service', 'services', 'v1', undefined, true, 'S'),
  m('Endpoints', 'endpoints', 'v1', undefined, true, 'EP'),
  m('Secret', 'secrets', 'v1', undefined, true, 'S'),
  m('ConfigMap', 'configmaps', 'v1', undefined, true, 'CM'),
  m('PersistentVolumeClaim', 'persistentvolumeclaims', 'v1', undefined, true, 'PVC'),
  m('Deployment', 'deployments', 'v1', 'apps', true, 'D'),
  m('DeploymentConfig', 'deploymentconfigs', 'v1', 'apps.openshift.io', true, 'DC'),
  m('ReplicaSet', 'replicasets', 'v1', 'apps', true, 'RS'),
  m('Job', 'jobs', 'v1', 'batch', true, 'J'),
  m('NetworkPolicy', 'networkpolicies', 'v1', 'networking.k8s.io', true, 'NP'),
  m('StorageClass', 'storageclasses', 'v1', 'storage.k8s.io', false, 'SC'),
  m('RoleBinding', 'rolebindings', 'v1', 'rbac.authorization.k8s.io', true, 'RB'),
  m('Route', 'routes', 'v1', 'route.openshift.io', true, 'RT'),
  m('BuildConfig', 'buildconfigs', 'v1', 'build.openshift.io', true, 'BC'),
  m('Build', 'builds', 'v1', 'build.openshift.io', true, 'B'),
  m('ImageStream', 'imagestreams', 'v1', 'image.openshift.io', true, 'IS'),
  m('ImageStreamTag', 'imagestreamtags', 'v1', 'image.openshift.io', true, 'IST'),
  m('Project', 'projects', 'v1', 'project.openshift.io', false, 'PR'),
  { ...m('Build', 'builds', 'v1', 'config.openshift.io', false, 'B'), label: 'Build (cluster)' },
  m('Proxy', 'proxies', 'v1', 'config.openshift.io', false, 'P'),
];

/** The console's reference for a model: `group~version~Kind`, or the kind for the core group. */
export const referenceFor = (model: Pick<K8sModel, 'apiGroup' | 'apiVersion' | 'kind'>): string =>
  model.apiGroup ? `${model.apiGroup}~${model.apiVersion}~${model.kind}` : model.kind;
