/** The users the demo and the tests switch between, and what each may do. */
export type UserName = 'project-admin' | 'editor' | 'viewer' | 'cluster-admin';

export const USERS: Record<UserName, string> = {
  'project-admin': 'developer',
  editor: 'editor',
  viewer: 'viewer',
  'cluster-admin': 'kube:admin',
};

export interface AccessRequest {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface RbacSettings {
  /** Projects where the non-admin users have their role. */
  projects: string[];
  /** Whether ordinary users may run Docker-strategy builds (hardened clusters take it away). */
  dockerBuilds: boolean;
  /** Extra denials for tests: `verb group/resource[/subresource]` for a user. */
  denials: { user: UserName; verb: string; resource: string }[];
}

const READ = new Set(['get', 'list', 'watch']);

/** Objects every authenticated user may read, wherever they live (OpenShift's shared roles). */
const readableByEveryone = (req: AccessRequest): boolean =>
  READ.has(req.verb) &&
  ((req.group === 'storage.k8s.io' && req.resource === 'storageclasses') ||
    (req.namespace === 'openshift' &&
      req.group === 'image.openshift.io' &&
      ['imagestreams', 'imagestreamtags'].includes(req.resource)) ||
    (req.group === 'config.openshift.io' &&
      ['proxies', 'builds'].includes(req.resource) &&
      req.verb !== 'watch'));

const resourceKey = (req: AccessRequest): string =>
  `${req.group}/${req.resource}${req.subresource ? `/${req.subresource}` : ''}`;

/** Decides a request for a user as OpenShift's default roles (admin, edit, view) would. */
export const isAllowed = (user: UserName, req: AccessRequest, settings: RbacSettings): boolean => {
  if (
    settings.denials.some(
      (d) =>
        d.user === user &&
        (d.verb === req.verb || d.verb === '*') &&
        d.resource === resourceKey(req),
    )
  ) {
    return false;
  }
  if (user === 'cluster-admin') return true;
  if (readableByEveryone(req)) return true;
  // Projects the user belongs to are visible through the projects API (OpenShift filters the list).
  if (req.group === 'project.openshift.io' && req.resource === 'projects' && READ.has(req.verb))
    return true;
  if (
    req.group === '' &&
    req.resource === 'namespaces' &&
    req.verb === 'get' &&
    req.name &&
    settings.projects.includes(req.name)
  ) {
    return true;
  }
  if (req.group === 'authorization.k8s.io' && req.resource === 'selfsubjectaccessreviews')
    return true;
  if (!req.namespace || !settings.projects.includes(req.namespace)) return false;

  const isBuildStrategy =
    req.group === 'build.openshift.io' &&
    req.subresource &&
    ['docker', 'source', 'custom'].includes(req.subresource);
  if (isBuildStrategy) {
    if (user === 'viewer') return false;
    if (req.subresource === 'custom') return false;
    return req.subresource === 'source' || settings.dockerBuilds;
  }
  switch (user) {
    case 'project-admin':
      return true;
    case 'editor':
      return !(req.group === 'rbac.authorization.k8s.io' && !READ.has(req.verb));
    case 'viewer':
      return (
        READ.has(req.verb) &&
        req.resource !== 'secrets' &&
        req.subresource !== 'proxy' &&
        req.subresource !== 'log'
      );
  }
};
