import WebSocket from 'ws';
import { startClusterServer, type Cluster } from './server';

let base: string;
let cluster: Cluster;
let close: () => Promise<void>;

const CSRF = 'test-token';
const headers = (contentType = 'application/json') => ({
  'Content-Type': contentType,
  'X-CSRFToken': CSRF,
  Cookie: `csrf-token=${CSRF}`,
});

const api = async (method: string, path: string, body?: unknown, contentType?: string) => {
  const response = await fetch(`${base}/api/kubernetes${path}`, {
    method,
    headers: headers(contentType),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const configMap = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data: { a: '1' },
});

beforeEach(async () => {
  ({ url: base, cluster, close } = await startClusterServer({ port: 0 }));
});
afterEach(async () => close());

describe('CRUD and Status bodies', () => {
  it('creates, reads, updates and deletes with resourceVersions that only grow', async () => {
    const created = await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('one'));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'one', namespace: 'demo', generation: 1 });
    const rv1 = Number(created.body.metadata.resourceVersion);

    const read = await api('GET', '/api/v1/namespaces/demo/configmaps/one');
    expect(read.body.data).toEqual({ a: '1' });

    const updated = await api('PUT', '/api/v1/namespaces/demo/configmaps/one', {
      ...read.body,
      data: { a: '2' },
    });
    expect(updated.status).toBe(200);
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(rv1);

    const stale = await api('PUT', '/api/v1/namespaces/demo/configmaps/one', {
      ...read.body,
      data: { a: '3' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
    });

    expect((await api('DELETE', '/api/v1/namespaces/demo/configmaps/one')).status).toBe(200);
    const gone = await api('GET', '/api/v1/namespaces/demo/configmaps/one');
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      reason: 'NotFound',
      message: 'configmaps "one" not found',
      details: { name: 'one', kind: 'configmaps' },
      code: 404,
    });
  });

  it('deletes only the object a uid precondition names, as the real server does', async () => {
    const created = await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('exact'));
    const options = (uid: string) => ({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      preconditions: { uid },
    });
    const other = await api('DELETE', '/api/v1/namespaces/demo/configmaps/exact', options('x'));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ reason: 'Conflict' });
    expect((await api('GET', '/api/v1/namespaces/demo/configmaps/exact')).status).toBe(200);
    const same = await api(
      'DELETE',
      '/api/v1/namespaces/demo/configmaps/exact',
      options(created.body.metadata.uid as string),
    );
    expect(same.status).toBe(200);
    expect((await api('GET', '/api/v1/namespaces/demo/configmaps/exact')).status).toBe(404);
  });

  it('answers AlreadyExists for a second object of the same name', async () => {
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } },
    });
    const again = await api('POST', '/apis/apps/v1/namespaces/demo/deployments', {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'deployments.apps "d" already exists',
    });
  });

  it('rejects what the real server rejects with 422 Invalid and field causes', async () => {
    const bad = await api('POST', '/api/v1/namespaces/demo/services', {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: '1cache', labels: { 'bad key': 'x' } },
      spec: { ports: [{ port: 80 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.reason).toBe('Invalid');
    expect(bad.body.details.causes.map((c: { field: string }) => c.field)).toEqual([
      'metadata.name',
      'metadata.labels',
    ]);

    const pvc = await api('POST', '/api/v1/namespaces/demo/persistentvolumeclaims', {
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2GB!' } } },
    });
    expect(pvc.status).toBe(422);
    expect(pvc.body.details.causes[0].field).toBe('spec.resources.requests.storage');

    const longRoute = await api('POST', '/apis/route.openshift.io/v1/namespaces/demo/routes', {
      kind: 'Route',
      apiVersion: 'route.openshift.io/v1',
      metadata: { name: 'a'.repeat(60) },
      spec: { to: { kind: 'Service', name: 'x' } },
    });
    expect(longRoute.status).toBe(422);
    expect(longRoute.body.details.causes[0]).toMatchObject({ field: 'spec.host' });
  });

  it('validates a dry run fully but stores nothing and bumps no version', async () => {
    const before = cluster.store.resourceVersion;
    const dry = await api(
      'POST',
      '/api/v1/namespaces/demo/configmaps?dryRun=All',
      configMap('dry'),
    );
    expect(dry.status).toBe(201);
    expect(cluster.store.resourceVersion).toBe(before);
    expect((await api('GET', '/api/v1/namespaces/demo/configmaps/dry')).status).toBe(404);
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('taken'));
    const clash = await api(
      'POST',
      '/api/v1/namespaces/demo/configmaps?dryRun=All',
      configMap('taken'),
    );
    expect(clash.status).toBe(409);
  });
});

describe('lists', () => {
  beforeEach(async () => {
    for (const [name, labels] of [
      ['a', { app: 'x', tier: 'web' }],
      ['b', { app: 'x' }],
      ['c', { app: 'y' }],
    ] as const) {
      await api('POST', '/api/v1/namespaces/demo/configmaps', configMap(name, labels));
    }
  });

  const names = (body: Record<string, any>) =>
    body.items.map((i: { metadata: { name: string } }) => i.metadata.name);

  it.each([
    ['app=x', ['a', 'b']],
    ['app==x,tier=web', ['a']],
    ['app!=x', ['c']],
    ['app in (x,y),!tier', ['b', 'c']],
    ['app notin (x)', ['c']],
    ['tier', ['a']],
  ])('selects by label %s', async (selector, expected) => {
    const list = await api(
      'GET',
      `/api/v1/namespaces/demo/configmaps?labelSelector=${encodeURIComponent(selector)}`,
    );
    expect(names(list.body)).toEqual(expected);
  });

  it('selects by field and pages with limit and continue', async () => {
    const byName = await api(
      'GET',
      '/api/v1/namespaces/demo/configmaps?fieldSelector=metadata.name%3Db',
    );
    expect(names(byName.body)).toEqual(['b']);
    const first = await api('GET', '/api/v1/namespaces/demo/configmaps?limit=2');
    expect(names(first.body)).toEqual(['a', 'b']);
    expect(first.body.metadata.continue).toBeTruthy();
    const second = await api(
      'GET',
      `/api/v1/namespaces/demo/configmaps?limit=2&continue=${encodeURIComponent(first.body.metadata.continue)}`,
    );
    expect(names(second.body)).toEqual(['c']);
    expect(second.body.metadata.continue).toBeUndefined();
  });

  it('lists across namespaces on the cluster-wide path for a cluster admin only', async () => {
    expect((await api('GET', '/api/v1/configmaps')).status).toBe(403);
    cluster.setUser('cluster-admin');
    const all = await api('GET', '/api/v1/configmaps');
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual(['a', 'b', 'c']);
  });
});

describe('watches', () => {
  const watch = (path: string) =>
    new Promise<{ events: { type: string; object: Record<string, any> }[]; socket: WebSocket }>(
      (resolve) => {
        const socket = new WebSocket(`${base.replace('http', 'ws')}/api/kubernetes${path}`);
        const events: { type: string; object: Record<string, any> }[] = [];
        socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString())));
        socket.on('open', () => resolve({ events, socket }));
      },
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('streams changes after the list resourceVersion, filtered by label', async () => {
    const list = await api('GET', '/api/v1/namespaces/demo/configmaps');
    const { events, socket } = await watch(
      `/api/v1/namespaces/demo/configmaps?watch=true&labelSelector=app%3Dx&resourceVersion=${list.body.metadata.resourceVersion}`,
    );
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('in', { app: 'x' }));
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('out', { app: 'y' }));
    await api(
      'PATCH',
      '/api/v1/namespaces/demo/configmaps/in',
      { data: { a: '9' } },
      'application/merge-patch+json',
    );
    await api('DELETE', '/api/v1/namespaces/demo/configmaps/in');
    await settle();
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED in',
      'MODIFIED in',
      'DELETED in',
    ]);
    socket.close();
  });

  it('resumes from an older resourceVersion with the events missed', async () => {
    const list = await api('GET', '/api/v1/namespaces/demo/configmaps');
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('missed'));
    const { events, socket } = await watch(
      `/api/v1/namespaces/demo/configmaps?watch=true&resourceVersion=${list.body.metadata.resourceVersion}`,
    );
    await settle();
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED missed']);
    socket.close();
  });

  it('answers a too-old resourceVersion with an ERROR event carrying 410 Expired', async () => {
    const list = await api('GET', '/api/v1/namespaces/demo/configmaps');
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('later'));
    cluster.store.compact();
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('latest'));
    const { events } = await watch(
      `/api/v1/namespaces/demo/configmaps?watch=true&resourceVersion=${list.body.metadata.resourceVersion}`,
    );
    await settle();
    expect(events[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
  });
});

describe('patches', () => {
  it('applies a JSON patch and answers 422 when its test op fails', async () => {
    await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('p'));
    const ok = await api(
      'PATCH',
      '/api/v1/namespaces/demo/configmaps/p',
      [
        { op: 'test', path: '/data/a', value: '1' },
        { op: 'replace', path: '/data/a', value: '2' },
        { op: 'add', path: '/metadata/annotations', value: { 'pipcache-plugin/uses': 'x' } },
      ],
      'application/json-patch+json',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data.a).toBe('2');
    const guarded = await api(
      'PATCH',
      '/api/v1/namespaces/demo/configmaps/p',
      [
        { op: 'test', path: '/data/a', value: '1' },
        { op: 'replace', path: '/data/a', value: '3' },
      ],
      'application/json-patch+json',
    );
    expect(guarded.status).toBe(422);
    expect(guarded.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
    expect((await api('GET', '/api/v1/namespaces/demo/configmaps/p')).body.data.a).toBe('2');
  });
});

describe('access', () => {
  const review = async (attributes: Record<string, string>) =>
    (
      await api('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      })
    ).body.status.allowed as boolean;

  it('answers access reviews per user and enforces the same rules on requests', async () => {
    const createDeployments = {
      group: 'apps',
      resource: 'deployments',
      verb: 'create',
      namespace: 'demo',
    };
    const proxy = {
      group: '',
      resource: 'services',
      subresource: 'proxy',
      verb: 'get',
      namespace: 'demo',
    };
    const bind = {
      group: 'rbac.authorization.k8s.io',
      resource: 'rolebindings',
      verb: 'create',
      namespace: 'demo',
    };
    cluster.setUser('editor');
    expect([await review(createDeployments), await review(proxy), await review(bind)]).toEqual([
      true,
      true,
      false,
    ]);
    cluster.setUser('viewer');
    expect([await review(createDeployments), await review(proxy)]).toEqual([false, false]);
    const denied = await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('v'));
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      reason: 'Forbidden',
      message:
        'configmaps is forbidden: User "viewer" cannot create resource "configmaps" in API group "" in the namespace "demo"',
    });
    expect((await api('GET', '/api/v1/namespaces/demo/configmaps')).status).toBe(200);
    expect((await api('GET', '/api/v1/namespaces/team-b/configmaps')).status).toBe(403);
  });

  it('lets a hardened cluster take Docker builds away while s2i stays allowed', async () => {
    cluster.rbac.dockerBuilds = false;
    cluster.setUser('editor');
    const docker = await review({
      group: 'build.openshift.io',
      resource: 'builds',
      subresource: 'docker',
      verb: 'create',
      namespace: 'demo',
    });
    const source = await review({
      group: 'build.openshift.io',
      resource: 'builds',
      subresource: 'source',
      verb: 'create',
      namespace: 'demo',
    });
    expect([docker, source]).toEqual([false, true]);
  });

  it('refuses writes without the CSRF token of the cookie', async () => {
    const response = await fetch(`${base}/api/kubernetes/api/v1/namespaces/demo/configmaps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'csrf-token=a', 'X-CSRFToken': 'b' },
      body: JSON.stringify(configMap('x')),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      message: 'Invalid CSRF token',
      code: 403,
    });
  });

  it('lists only the projects the user belongs to', async () => {
    const projects = await api('GET', '/apis/project.openshift.io/v1/projects');
    expect(projects.body.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(
      ['demo'],
    );
    cluster.setUser('cluster-admin');
    const all = await api('GET', '/apis/project.openshift.io/v1/projects');
    expect(all.body.items.length).toBeGreaterThan(2);
  });
});

describe('faults', () => {
  it('fails the Nth write with the chosen status, once', async () => {
    cluster.faults.failWrites = [{ nth: 2, code: 500, message: 'etcd is unhappy' }];
    expect((await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('f1'))).status).toBe(
      201,
    );
    const failed = await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('f2'));
    expect(failed.status).toBe(500);
    expect(failed.body.message).toBe('etcd is unhappy');
    expect((await api('POST', '/api/v1/namespaces/demo/configmaps', configMap('f3'))).status).toBe(
      201,
    );
  });

  it('gives a failed write the Status the API server gives its code', async () => {
    cluster.faults.failWrites = [
      { nth: 1, code: 500, message: 'etcdserver: request timed out' },
      { nth: 2, code: 409, message: 'taken' },
      { nth: 3, code: 409, message: 'modified' },
      { nth: 4, code: 422, message: 'bad' },
      { nth: 5, code: 504, message: 'slow' },
    ];
    const path = '/api/v1/namespaces/demo/configmaps';
    const answers = [
      await api('POST', path, configMap('s1')),
      await api('POST', path, configMap('s2')),
      await api('PUT', `${path}/s3`, configMap('s3')),
      await api('PATCH', `${path}/s4`, {}, 'application/merge-patch+json'),
      await api('DELETE', `${path}/s5`),
    ];
    expect(answers.map((a) => [a.status, a.body.reason, a.body.message])).toEqual([
      [500, 'InternalError', 'etcdserver: request timed out'],
      [409, 'AlreadyExists', 'taken'],
      [409, 'Conflict', 'modified'],
      [422, 'Invalid', 'bad'],
      [504, 'Timeout', 'slow'],
    ]);
    expect(answers[0]!.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'etcdserver: request timed out',
      reason: 'InternalError',
      code: 500,
    });
  });
});

describe('service proxy', () => {
  const proxy = (service: string, path: string) =>
    api('GET', `/api/v1/namespaces/demo/services/http:${service}:80/proxy${path}`);

  it('answers like devpi-server 6.19.1 while a ready Deployment backs the Service, and 503 otherwise', async () => {
    cluster.seed({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'cache', namespace: 'demo' },
      spec: { ports: [{ port: 80 }] },
    });
    cluster.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cache', namespace: 'demo' },
      spec: { template: { spec: { containers: [{ name: 'devpi', image: 'x' }] } } },
      status: { readyReplicas: 0 },
    });
    const down = await proxy('cache', '/+api');
    expect(down.status).toBe(503);
    expect(down.body.message).toBe('no endpoints available for service "cache"');
    cluster.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cache', namespace: 'demo' },
      status: { readyReplicas: 1 },
    });
    const up = await proxy('cache', '/+api');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      type: 'apiconfig',
      result: { login: 'http://cache.demo.svc/+login' },
    });
    expect((await proxy('missing', '/+api')).status).toBe(404);
  });

  it('is forbidden to a viewer, as the view role lacks services/proxy', async () => {
    cluster.setUser('viewer');
    expect((await proxy('cache', '/+api')).status).toBe(403);
  });
});

describe('what migrating from the original templates relies on', () => {
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'old' },
    spec: { selector: { name: 'old' }, ports: [{ port: 80, targetPort: 8080 }] },
  };

  it('keeps a Service cluster IP on an update that leaves it out, and refuses another one', async () => {
    await api('POST', '/api/v1/namespaces/demo/services', service);
    const read = await api('GET', '/api/v1/namespaces/demo/services/old');
    const ip = read.body.spec.clusterIP as string;
    expect(ip).toMatch(/^172\.30\./);
    const updated = await api('PUT', '/api/v1/namespaces/demo/services/old', {
      ...read.body,
      spec: { selector: { 'app.kubernetes.io/instance': 'old' }, ports: [{ port: 80 }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.spec).toMatchObject({ clusterIP: ip, clusterIPs: [ip] });
    const moved = await api('PUT', '/api/v1/namespaces/demo/services/old', {
      ...updated.body,
      spec: { ...updated.body.spec, clusterIP: '172.30.99.99' },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.details.causes[0]).toMatchObject({ field: 'spec.clusterIPs[0]' });
    expect(moved.body.message).toContain('may not change once set');
  });

  it('gives a DeploymentConfig a pod and takes it away when it is scaled to zero', async () => {
    await fetch(`${base}/__cluster/faults`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ stepMs: 5 }),
    });
    const dc = await api('POST', '/apis/apps.openshift.io/v1/namespaces/demo/deploymentconfigs', {
      apiVersion: 'apps.openshift.io/v1',
      kind: 'DeploymentConfig',
      metadata: { name: 'old', labels: { app: 'pipcache' } },
      spec: {
        replicas: 1,
        template: {
          metadata: { labels: { name: 'old' } },
          spec: { containers: [{ name: 'devpi', image: 'devpi' }] },
        },
      },
    });
    expect(dc.status).toBe(201);
    const pods = async () =>
      (await api('GET', '/api/v1/namespaces/demo/pods?labelSelector=deploymentconfig%3Dold')).body
        .items as { metadata: { name: string } }[];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await pods()).toHaveLength(1);
    expect((await pods())[0]?.metadata.name).toMatch(/^old-1-/);
    const scaled = await api(
      'PATCH',
      '/apis/apps.openshift.io/v1/namespaces/demo/deploymentconfigs/old',
      [{ op: 'replace', path: '/spec/replicas', value: 0 }],
      'application/json-patch+json',
    );
    expect(scaled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await pods()).toHaveLength(0);
    const after = await api(
      'GET',
      '/apis/apps.openshift.io/v1/namespaces/demo/deploymentconfigs/old',
    );
    expect(after.body.status).toMatchObject({ replicas: 0, readyReplicas: 0 });
  });
});

describe('bearer tokens (kubectl) and cookie sessions (the console)', () => {
  const asToken = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}/api/kubernetes${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('acts as the user a token names, with no CSRF header, whoever the session user is', async () => {
    cluster.setUser('viewer');
    const created = await asToken(
      'editor',
      'POST',
      '/api/v1/namespaces/demo/configmaps',
      configMap('t'),
    );
    expect(created.status).toBe(201);
    const refused = await asToken(
      'viewer',
      'POST',
      '/api/v1/namespaces/demo/configmaps',
      configMap('u'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('User "viewer" cannot create resource "configmaps"');
    // The session user is untouched by the token's request.
    expect(cluster.user).toBe('viewer');
  });

  it('answers an unknown token 401 Unauthorized', async () => {
    const answer = await asToken('nobody', 'GET', '/api/v1/namespaces/demo/configmaps');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('keeps the CSRF rule for a request with the console session cookie, token or not', async () => {
    const response = await fetch(`${base}/api/kubernetes/api/v1/namespaces/demo/configmaps`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer cluster-admin',
        Cookie: 'openshift-session-token=s; csrf-token=a',
      },
      body: JSON.stringify(configMap('v')),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe('Invalid CSRF token');
  });
});

describe('capabilities', () => {
  it('serves no build.openshift.io API without the Build capability', async () => {
    expect(
      (await api('GET', '/apis/build.openshift.io/v1/namespaces/demo/buildconfigs')).status,
    ).toBe(200);
    cluster.capabilities.build = false;
    const answer = await api('GET', '/apis/build.openshift.io/v1/namespaces/demo/buildconfigs');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
    const groups = (await api('GET', '/apis')).body.groups as { name: string }[];
    expect(groups.map((g) => g.name)).not.toContain('build.openshift.io');
    cluster.reset('demo');
    expect(cluster.capabilities.build).toBe(true);
  });

  it('has no Prometheus routes without monitoring', async () => {
    const query = `${base}/api/prometheus-tenancy/api/v1/query?namespace=demo&query=up`;
    expect((await fetch(query)).status).not.toBe(404);
    cluster.capabilities.monitoring = false;
    // The standalone server answers 404 for any path the cluster does not handle.
    expect((await fetch(query)).status).toBe(404);
  });
});
