/** The kinds the in-memory API serves, as a real API server's discovery describes them. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Subresources served besides the object itself. */
  subresources?: string[];
  /** How names are validated: most kinds take DNS-1123 subdomains, Services DNS-1035 labels. */
  nameRule: 'subdomain' | 'label-1035' | 'label-1123';
}

const r = (
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType => ({ group, version, plural, kind, namespaced, nameRule: 'subdomain', ...extra });

export const RESOURCES: ResourceType[] = [
  r('', 'v1', 'namespaces', 'Namespace', false, { nameRule: 'label-1123', shortNames: ['ns'] }),
  r('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'] }),
  r('', 'v1', 'services', 'Service', true, {
    nameRule: 'label-1035',
    subresources: ['proxy'],
    shortNames: ['svc'],
  }),
  r('', 'v1', 'endpoints', 'Endpoints', true, { shortNames: ['ep'] }),
  r('', 'v1', 'secrets', 'Secret', true),
  r('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'] }),
  r('', 'v1', 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  r('apps', 'v1', 'deployments', 'Deployment', true, {
    subresources: ['scale'],
    shortNames: ['deploy'],
  }),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'] }),
  // What the original pipcache templates made; deprecated since 4.14 but still served.
  r('apps.openshift.io', 'v1', 'deploymentconfigs', 'DeploymentConfig', true, {
    shortNames: ['dc'],
  }),
  r('batch', 'v1', 'jobs', 'Job', true),
  r('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
  }),
  r('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, { shortNames: ['sc'] }),
  r('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  r('route.openshift.io', 'v1', 'routes', 'Route', true),
  r('build.openshift.io', 'v1', 'buildconfigs', 'BuildConfig', true, {
    subresources: ['instantiate'],
    shortNames: ['bc'],
  }),
  r('build.openshift.io', 'v1', 'builds', 'Build', true),
  r('image.openshift.io', 'v1', 'imagestreams', 'ImageStream', true, { shortNames: ['is'] }),
  r('image.openshift.io', 'v1', 'imagestreamtags', 'ImageStreamTag', true, {
    shortNames: ['istag'],
  }),
  r('project.openshift.io', 'v1', 'projects', 'Project', false, { nameRule: 'label-1123' }),
  r('config.openshift.io', 'v1', 'builds', 'Build', false),
  r('config.openshift.io', 'v1', 'proxies', 'Proxy', false),
  r('operator.openshift.io', 'v1', 'consoles', 'Console', false),
];

/** `group/version` as apiVersion spells it (`v1` for the core group). */
export const apiVersionOf = (type: ResourceType): string =>
  type.group ? `${type.group}/${type.version}` : type.version;

/** Finds the resource type of an API path's group, version and plural. */
export const findResource = (
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined =>
  RESOURCES.find((t) => t.group === group && t.version === version && t.plural === plural);

/** Finds the resource type of an object's apiVersion and kind. */
export const findResourceByKind = (apiVersion: string, kind: string): ResourceType | undefined =>
  RESOURCES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
