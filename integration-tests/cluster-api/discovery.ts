import { RESOURCES, type ResourceType } from './resources';
import { unknownResource } from './status';

/**
 * Optional parts of the cluster that a switch in the shell turns off: the Build capability
 * (no `build.openshift.io` API, and the console's flag `OPENSHIFT_BUILDCONFIG` false), cluster
 * monitoring (no `/api/prometheus*` routes in the console) and the Developer perspective
 * (off by default since console 4.19, until an admin enables it).
 */
export interface Capabilities {
  build: boolean;
  monitoring: boolean;
  developerPerspective: boolean;
}

export const DEFAULT_CAPABILITIES: Capabilities = {
  build: true,
  monitoring: true,
  developerPerspective: false,
};

/** Whether an API group is served: `build.openshift.io` only with the Build capability. */
const isServed = (type: ResourceType, capabilities: Capabilities): boolean =>
  capabilities.build || type.group !== 'build.openshift.io';

/** Throws the real server's 404 for a resource of an API group the cluster does not serve. */
export const requireServed = (type: ResourceType, capabilities: Capabilities): void => {
  if (!isServed(type, capabilities)) throw unknownResource();
};

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

const ACCESS_REVIEWS = {
  name: 'selfsubjectaccessreviews',
  singularName: 'selfsubjectaccessreview',
  namespaced: false,
  kind: 'SelfSubjectAccessReview',
  verbs: ['create'],
};

/** The APIResourceList entries of one kind: the resource and its subresources. */
const resourceEntries = (type: ResourceType): unknown[] => [
  {
    name: type.plural,
    singularName: type.kind.toLowerCase(),
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: ALL_VERBS,
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
  },
  ...(type.subresources ?? []).map((sub) => ({
    name: `${type.plural}/${sub}`,
    singularName: '',
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: ['get', 'create'],
  })),
];

/**
 * Legacy discovery (`/version`, `/api`, `/apis`, `/api/v1`, `/apis/G/V`) as kubectl reads it;
 * undefined for any other path.
 */
export const discovery = (path: string, capabilities: Capabilities): unknown => {
  const trimmed = path.replace(/\/$/, '');
  if (trimmed === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0+in-memory' };
  if (trimmed === '/api')
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  const served = RESOURCES.filter((t) => isServed(t, capabilities));
  const groups = [...new Set(served.filter((t) => t.group).map((t) => `${t.group}/${t.version}`))];
  if (trimmed === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups, 'authorization.k8s.io/v1'].map((gv) => {
        const [name = '', version = ''] = gv.split('/');
        return {
          name,
          versions: [{ groupVersion: gv, version }],
          preferredVersion: { groupVersion: gv, version },
        };
      }),
    };
  }
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(trimmed);
  if (!match) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3] ?? '';
  const types = served.filter((t) => t.group === group && t.version === version);
  const authorization = group === 'authorization.k8s.io' && version === 'v1';
  if (types.length === 0 && !authorization) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: [...types.flatMap(resourceEntries), ...(authorization ? [ACCESS_REVIEWS] : [])],
  };
};
