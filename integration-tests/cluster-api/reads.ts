import type * as http from 'http';
import type { RbacSettings, UserName } from './rbac';
import { USERS } from './rbac';
import { apiVersionOf, findResource } from './resources';
import { matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { badRequest, forbidden, methodNotAllowed, notFound } from './status';
import type { K8sObject, Store } from './store';
import { toTable, wantsTable } from './table';
import type { Target } from './target';

/** The objects a list or watch selects: its namespace, `labelSelector` and `fieldSelector`. */
export const listFilter = (target: Target, url: URL): ((object: K8sObject) => boolean) => {
  let labels: ReturnType<typeof parseLabelSelector> = [];
  let fields: ReturnType<typeof parseFieldSelector> = [];
  try {
    labels = parseLabelSelector(url.searchParams.get('labelSelector') ?? '');
    fields = parseFieldSelector(url.searchParams.get('fieldSelector') ?? '');
  } catch (error) {
    throw badRequest(String(error instanceof Error ? error.message : error));
  }
  return (object) =>
    (!target.type.namespaced ||
      !target.namespace ||
      object.metadata.namespace === target.namespace) &&
    matchesLabels(labels, object.metadata.labels) &&
    fields.every((f) => {
      const value = f.field === 'metadata.name' ? object.metadata.name : object.metadata.namespace;
      return f.op === 'eq' ? value === f.value : value !== f.value;
    });
};

/** The object a target names, or the API server's 404. */
export const getObject = (store: Store, target: Target): K8sObject => {
  const object = store.get(target.type, target.namespace, target.name ?? '');
  if (!object) throw notFound(target.type, target.name ?? '');
  return object;
};

/** A list answer, paged by `limit` and `continue` as the API server pages it. */
export const listObjects = (
  store: Store,
  target: Target,
  url: URL,
): { metadata: Record<string, unknown>; items: K8sObject[]; [key: string]: unknown } => {
  const filter = listFilter(target, url);
  const all = store.list(target.type, target.namespace).filter(filter);
  const limit = Number(url.searchParams.get('limit') ?? '0');
  const token = url.searchParams.get('continue');
  let offset = 0;
  if (token) {
    try {
      offset = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset: number })
        .offset;
    } catch {
      throw badRequest('continue key is not valid');
    }
  }
  const page = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
  const next =
    limit > 0 && offset + limit < all.length
      ? Buffer.from(JSON.stringify({ offset: offset + limit })).toString('base64')
      : undefined;
  return {
    kind: `${target.type.kind}List`,
    apiVersion: apiVersionOf(target.type),
    metadata: {
      resourceVersion: String(store.resourceVersion),
      ...(next ? { continue: next, remainingItemCount: all.length - offset - limit } : {}),
    },
    items: page,
  };
};

/**
 * OpenShift's projects API: the namespaces a user belongs to (every one for cluster-admin),
 * read-only; a project the user may not see is 403, as on OpenShift, not 404.
 */
export const projectsAnswer = (
  store: Store,
  user: UserName,
  rbac: RbacSettings,
  req: http.IncomingMessage,
  target: Target,
  url: URL,
): unknown => {
  const namespaces = store.list(findResource('', 'v1', 'namespaces')!);
  const visible = namespaces.filter(
    (n) => user === 'cluster-admin' || rbac.projects.includes(n.metadata.name ?? ''),
  );
  const asProject = (n: K8sObject): K8sObject => ({
    ...n,
    apiVersion: 'project.openshift.io/v1',
    kind: 'Project',
  });
  if (req.method !== 'GET') throw methodNotAllowed();
  if (target.name) {
    const found = visible.find((n) => n.metadata.name === target.name);
    if (!found)
      throw forbidden(
        USERS[user],
        'get',
        'projects',
        'project.openshift.io',
        undefined,
        target.name,
      );
    return asProject(found);
  }
  const metadata = { resourceVersion: String(store.resourceVersion) };
  const items = visible.map(asProject).filter(listFilter(target, url));
  return wantsTable(req.headers.accept)
    ? toTable(target.type, items, metadata, url.searchParams.get('includeObject'))
    : { kind: 'ProjectList', apiVersion: 'project.openshift.io/v1', metadata, items };
};
