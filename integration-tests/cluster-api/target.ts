import type { AccessRequest } from './rbac';
import { findResource, type ResourceType } from './resources';
import { unknownResource } from './status';

/** A parsed API path: which resource, where, and which verb the HTTP method means. */
export interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The rest of the path after a `proxy` subresource. */
  proxyPath?: string;
}

/** The verb of a write's HTTP method (a GET's verb depends on the path, see `accessOf`). */
export const VERB_OF_METHOD: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** Parses the path after `/api/kubernetes` into a resource target. */
export const parsePath = (path: string): Target => {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else {
    throw unknownResource();
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural = '', name, subresource, ...tail] = rest;
  const type = findResource(group, version, plural);
  if (!type) throw unknownResource();
  return {
    type,
    namespace,
    name,
    subresource,
    proxyPath: subresource === 'proxy' ? `/${tail.join('/')}` : undefined,
  };
};

/** What a request asks to do, for RBAC: GET is `get`, `list` or `watch` by path and query. */
export const accessOf = (target: Target, method: string, url: URL): AccessRequest => ({
  verb:
    method === 'GET'
      ? target.name
        ? 'get'
        : url.searchParams.get('watch') === 'true'
          ? 'watch'
          : 'list'
      : (VERB_OF_METHOD[method] ?? 'get'),
  group: target.type.group,
  resource: target.type.plural,
  subresource: target.subresource,
  namespace: target.type.namespaced ? target.namespace : undefined,
  name: target.name,
});
