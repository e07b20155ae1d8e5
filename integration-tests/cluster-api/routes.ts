import type * as http from 'http';
import { accessReview } from './access';
import { discovery, requireServed } from './discovery';
import { failIfDue } from './faults';
import { json, parseJson, readBody, readBuffer } from './http-io';
import { getObject, listObjects, projectsAnswer } from './reads';
import type { Cluster } from './server';
import { methodNotAllowed } from './status';
import type { K8sObject } from './store';
import { toTable, wantsTable } from './table';
import { accessOf, parsePath, VERB_OF_METHOD } from './target';
import { httpWatch } from './watches';
import type { Preconditions } from './writes';

const ACCESS_REVIEWS_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/**
 * Dispatches one request to the path after `/api/kubernetes`, as the user it acts as: discovery,
 * access reviews, projects, the service proxy, then reads and writes of objects. Failures are
 * thrown as StatusErrors for the caller to answer.
 */
export const routeApi = async (
  cluster: Cluster,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  url: URL,
): Promise<void> => {
  const served = discovery(path, cluster.capabilities);
  if (served !== undefined) {
    json(res, 200, served);
    return;
  }
  if (path === ACCESS_REVIEWS_PATH && req.method === 'POST') {
    json(
      res,
      201,
      accessReview(parseJson(await readBody(req)), (r) => cluster.can(r)),
    );
    return;
  }
  const target = parsePath(path);
  requireServed(target.type, cluster.capabilities);
  if (target.type.group === 'project.openshift.io') {
    json(res, 200, projectsAnswer(cluster.store, cluster.user, cluster.rbac, req, target, url));
    return;
  }
  const dryRun = url.searchParams.get('dryRun') === 'All';
  const method = req.method ?? 'GET';
  const access = accessOf(target, method, url);
  if (target.subresource === 'proxy') {
    // services/proxy is authorised by the HTTP method's verb (GET get, POST create, …).
    cluster.authorize({ ...access, verb: VERB_OF_METHOD[method] ?? 'get' });
    const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBuffer(req);
    await cluster.proxy.handle(req, res, target, url.search, body);
    return;
  }
  cluster.authorize(access);
  if (method !== 'GET') failIfDue(cluster.faults, target.type.kind, method, dryRun);

  // kubectl asks for server-side printing; other clients get the objects.
  const table = wantsTable(req.headers.accept);
  const includeObject = url.searchParams.get('includeObject');
  if (method === 'GET' && !target.name) {
    if (url.searchParams.get('watch') === 'true') {
      httpWatch(cluster.store, target, url, res, table ? (includeObject ?? '') : undefined);
      return;
    }
    const list = listObjects(cluster.store, target, url);
    json(res, 200, table ? toTable(target.type, list.items, list.metadata, includeObject) : list);
    return;
  }
  if (method === 'GET') {
    const object = getObject(cluster.store, target);
    const metadata = { resourceVersion: object.metadata.resourceVersion };
    json(res, 200, table ? toTable(target.type, [object], metadata, includeObject) : object);
    return;
  }
  const { writes } = cluster;
  if (method === 'POST' && !target.name) {
    const body = parseJson(await readBody(req)) as K8sObject;
    json(res, 201, writes.create(target, body, dryRun));
    return;
  }
  if (method === 'POST' && target.subresource === 'instantiate') {
    json(res, 201, writes.instantiate(target));
    return;
  }
  if (method === 'PUT' && target.name) {
    const body = parseJson(await readBody(req)) as K8sObject;
    json(res, 200, writes.update(target, body, dryRun));
    return;
  }
  if (method === 'PATCH' && target.name) {
    const body = parseJson(await readBody(req));
    json(res, 200, writes.patch(target, req.headers['content-type'] ?? '', body, dryRun));
    return;
  }
  if (method === 'DELETE' && target.name) {
    const text = await readBody(req);
    const options = (text ? parseJson(text) : {}) as { preconditions?: Preconditions };
    json(res, 200, writes.remove(target, dryRun, options.preconditions));
    return;
  }
  throw methodNotAllowed();
};
