import * as http from 'http';
import type { AddressInfo } from 'net';
import { buildManifests, defaultValues } from '../../src/model/cache';
import { seededRandom } from '../../src/test-support/test-utils';
import { startClusterServer, type Cluster } from './server';
import type { K8sObject } from './store';

let base: string;
let cluster: Cluster;
let close: () => Promise<void>;

const CSRF = 'test-token';
const headers = {
  'Content-Type': 'application/json',
  'X-CSRFToken': CSRF,
  Cookie: `csrf-token=${CSRF}`,
};

const control = async (path: string, body: unknown) => {
  const response = await fetch(`${base}/__cluster${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** A request through the API server's service proxy, as the plugin's probes send it. */
const proxy = async (
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  service = 'cache',
) => {
  const response = await fetch(
    `${base}/api/kubernetes/api/v1/namespaces/demo/services/http:${service}:80/proxy${path}`,
    { method: init.method ?? 'GET', headers: { ...headers, ...init.headers }, body: init.body },
  );
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    text: await response.text(),
  };
};

const labels = { 'app.kubernetes.io/name': 'pipcache', 'app.kubernetes.io/instance': 'cache' };

/** A Service `cache` in `demo` with a ready Deployment, shaped as the plugin creates them. */
const seedCache = (name = 'cache') => {
  const own = { ...labels, 'app.kubernetes.io/instance': name };
  cluster.seed({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'demo', labels: own },
    spec: { selector: own, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  cluster.seed({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'demo', labels: own },
    spec: {
      selector: { matchLabels: own },
      template: {
        metadata: { labels: { ...own, 'app.kubernetes.io/component': 'cache' } },
        spec: {
          containers: [
            { name: 'devpi', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] },
          ],
        },
      },
    },
    status: { readyReplicas: 1 },
  });
};

const policy = (name: string, spec: Record<string, unknown>, namespace = 'demo') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});

const fromClients = { namespaceSelector: { matchLabels: { 'pipcache-client': 'true' } } };
const fromHostNetwork = {
  namespaceSelector: { matchLabels: { 'policy-group.network.openshift.io/host-network': '' } },
};

beforeEach(async () => {
  ({ url: base, cluster, close } = await startClusterServer({ port: 0 }));
  seedCache();
});
afterEach(async () => close());

describe('NetworkPolicies in front of the service proxy', () => {
  it('answers through a pod that no policy isolates', async () => {
    const answer = await proxy('/+api');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'apiconfig' });
  });

  it('answers 503 with the dial timeout of a real API server when a policy keeps the host network out', async () => {
    cluster.seed(
      policy('cache-allow-clients', {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress'],
        ingress: [{ from: [fromClients] }],
      }),
    );
    const blocked = await proxy('/+api');
    expect(blocked.status).toBe(503);
    const status = JSON.parse(blocked.text) as Record<string, unknown>;
    expect(status).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
    expect(status.message).toMatch(
      /^error trying to reach service: dial tcp 10\.128\.\d+\.\d+:8080: i\/o timeout$/,
    );

    // The fix the plugin offers: a rule that admits host-network traffic.
    cluster.seed(
      policy('cache-allow-clients', {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress'],
        ingress: [{ from: [fromClients, fromHostNetwork] }],
      }),
    );
    expect((await proxy('/+api')).status).toBe(200);
  });

  it.each([
    ['an empty podSelector with no rules denies everything', { podSelector: {}, ingress: [] }, 503],
    [
      'policyTypes left out still means Ingress',
      { podSelector: { matchLabels: labels }, ingress: [{ from: [fromClients] }] },
      503,
    ],
    [
      'a matchExpressions podSelector selects the pods too',
      {
        podSelector: {
          matchExpressions: [
            { key: 'app.kubernetes.io/component', operator: 'In', values: ['cache'] },
          ],
        },
        ingress: [{ from: [fromClients] }],
      },
      503,
    ],
    [
      'a policy for other pods leaves these alone',
      {
        podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'other' } },
        ingress: [],
      },
      200,
    ],
    [
      'an egress-only policy does not isolate ingress',
      { podSelector: {}, policyTypes: ['Egress'], egress: [] },
      200,
    ],
    ['a rule without peers admits every source', { podSelector: {}, ingress: [{}] }, 200],
    [
      'a host-network rule for another port does not help',
      { podSelector: {}, ingress: [{ from: [fromHostNetwork], ports: [{ port: 9999 }] }] },
      503,
    ],
    [
      'a host-network rule for the named port admits the proxy',
      { podSelector: {}, ingress: [{ from: [fromHostNetwork], ports: [{ port: 'http' }] }] },
      200,
    ],
    [
      'a podSelector peer means pods of the project, not the host network',
      { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] },
      503,
    ],
  ])('%s', async (_, spec, expected) => {
    cluster.seed(policy('p', spec));
    expect((await proxy('/+api')).status).toBe(expected);
  });

  it('ignores policies of other projects', async () => {
    cluster.seed(policy('deny-all', { podSelector: {}, ingress: [] }, 'team-b'));
    expect((await proxy('/+api')).status).toBe(200);
  });
});

describe('pointing a Service at a real backend', () => {
  let backend: http.Server;
  let backendUrl: string;
  const seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders }[] =
    [];

  beforeEach(async () => {
    seen.length = 0;
    backend = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: req.headers,
        });
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Devpi-Serial': '7' });
        res.end(JSON.stringify({ type: 'indexconfig', result: { mirror_cache_expiry: 600 } }));
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    backend.closeAllConnections();
    await new Promise((resolve) => backend.close(resolve));
  });

  it('forwards method, path, query and body and relays status, headers and body', async () => {
    expect(
      (await control('/proxy-override', { namespace: 'demo', service: 'cache', url: backendUrl }))
        .status,
    ).toBe(200);
    const answer = await proxy('/root/pypi?no_projects=&x=1', {
      method: 'PATCH',
      body: '["mirror_cache_expiry=600"]',
      headers: { Authorization: 'Basic cm9vdDpzZWNyZXQ=' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-devpi-serial')).toBe('7');
    expect(JSON.parse(answer.text)).toEqual({
      type: 'indexconfig',
      result: { mirror_cache_expiry: 600 },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/root/pypi?no_projects=&x=1',
      body: '["mirror_cache_expiry=600"]',
    });
    // As the real API server's proxy, the user's credentials stay behind.
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers.cookie).toBeUndefined();
  });

  it('keeps a base path, lists overrides and goes back to the stand-in when removed', async () => {
    await control('/proxy-override', {
      namespace: 'demo',
      service: 'cache',
      url: `${backendUrl}/mirror`,
    });
    await proxy('/+api');
    expect(seen.map((s) => s.url)).toEqual(['/mirror/+api']);
    const listed = await fetch(`${base}/__cluster/proxy-override`);
    expect(await listed.json()).toEqual({ 'demo/cache': `${backendUrl}/mirror` });

    await control('/proxy-override', { namespace: 'demo', service: 'cache', url: null });
    const standIn = await proxy('/+api');
    expect(JSON.parse(standIn.text)).toMatchObject({ type: 'apiconfig' });
    expect(seen).toHaveLength(1);
  });

  it('still needs a ready pod that NetworkPolicies let the proxy reach', async () => {
    await control('/proxy-override', { namespace: 'demo', service: 'cache', url: backendUrl });
    cluster.seed(policy('deny-all', { podSelector: {}, ingress: [] }));
    expect((await proxy('/+api')).status).toBe(503);
    expect(seen).toHaveLength(0);
  });

  it('answers 503 "error trying to reach service" when the backend is down', async () => {
    await control('/proxy-override', {
      namespace: 'demo',
      service: 'cache',
      url: 'http://127.0.0.1:1',
    });
    const down = await proxy('/+api');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toMatchObject({
      reason: 'ServiceUnavailable',
      message: expect.stringMatching(/^error trying to reach service: .*ECONNREFUSED/),
    });
  });

  it('refuses an override that is not an http URL', async () => {
    const bad = await control('/proxy-override', {
      namespace: 'demo',
      service: 'cache',
      url: 'ftp://example.com',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/http:\/\/ URL/);
  });
});

describe('proxy fault knobs', () => {
  beforeEach(() => seedCache('other'));

  it('breaks one Service with the 503 of a refused connection and leaves the others alone', async () => {
    await control('/faults', { proxy: [{ service: 'demo/cache', mode: 'break' }] });
    const broken = await proxy('/+api');
    expect(broken.status).toBe(503);
    expect(JSON.parse(broken.text)).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      message: expect.stringMatching(
        /^error trying to reach service: dial tcp [\d.]+:8080: connect: connection refused$/,
      ),
    });
    expect((await proxy('/+api', {}, 'other')).status).toBe(200);
  });

  it('resets the connection when asked to', async () => {
    await control('/faults', { proxy: [{ mode: 'break', reset: true }] });
    await expect(proxy('/+api')).rejects.toThrow();
  });

  it('garbles the answer of every Service: an HTML page or JSON of the wrong shape, with 200', async () => {
    await control('/faults', { proxy: [{ mode: 'garble' }] });
    const html = await proxy('/+api', {}, 'other');
    expect(html.status).toBe(200);
    expect(html.contentType).toMatch(/^text\/html/);
    expect(() => JSON.parse(html.text) as unknown).toThrow();

    await control('/faults', { proxy: [{ mode: 'garble', body: 'json' }] });
    const json = await proxy('/+api');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).not.toHaveProperty('type');
  });

  it('slows one Service down: its answer comes after those of a faster Service', async () => {
    await control('/faults', { proxy: [{ service: 'demo/cache', mode: 'slow', delayMs: 800 }] });
    const order: string[] = [];
    const slow = proxy('/+api').then((answer) => {
      order.push('slow');
      return answer;
    });
    await proxy('/+api', {}, 'other').then(() => order.push('other'));
    const answer = await slow;
    expect(order).toEqual(['other', 'slow']);
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'apiconfig' });
  });

  it('rejects an unknown mode and forgets its faults on reset', async () => {
    expect((await control('/faults', { proxy: [{ mode: 'explode' }] })).status).toBe(400);
    await control('/faults', { proxy: [{ mode: 'break' }] });
    expect((await proxy('/+api')).status).toBe(503);
    await control('/reset', { seed: 'demo' });
    seedCache();
    expect((await proxy('/+api')).status).toBe(200);
  });
});

describe('the NetworkPolicy the plugin creates', () => {
  const plan = (policy: boolean) => {
    const values = defaultValues({
      pythonTags: ['3.12-ubi9'],
      allowedStrategies: ['docker', 's2i'],
      canBuild: true,
    });
    values.name = 'planned';
    values.network = { policy, clientProjects: 'team-b' };
    return buildManifests(values, 'demo', seededRandom(3), {
      pluginVersion: '0.1.0',
      rendering: 'create',
    }).map((planned) => planned.object as unknown as K8sObject);
  };
  const seedPlan = (objects: K8sObject[]) => {
    for (const object of objects) {
      cluster.seed({
        ...object,
        metadata: { ...object.metadata, namespace: 'demo' },
        // The cache as it runs: its Deployment has a ready replica.
        ...(object.kind === 'Deployment' ? { status: { readyReplicas: 1 } } : {}),
      });
    }
  };

  it('lets the health probe through the service proxy', async () => {
    const objects = plan(true);
    expect(objects.map((o) => o.kind)).toContain('NetworkPolicy');
    seedPlan(objects);
    const probe = await proxy('/+api', {}, 'planned');
    expect(probe.status).toBe(200);
  });

  it('would cut the probe off without its host-network peer', async () => {
    const objects = plan(true).map((object) => {
      if (object.kind !== 'NetworkPolicy') return object;
      const spec = object.spec as { ingress: { from: Record<string, unknown>[] }[] };
      const from = spec.ingress[0]!.from.filter(
        (peer) => !JSON.stringify(peer).includes('host-network'),
      );
      return { ...object, spec: { ...spec, ingress: [{ ...spec.ingress[0], from }] } };
    });
    seedPlan(objects);
    expect((await proxy('/+api', {}, 'planned')).status).toBe(503);
  });
});

describe('the devpi stand-in keeps the index settings a pod applied', () => {
  const seedDeployment = (env: { name: string; value: string }[]) => {
    cluster.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cache', namespace: 'demo', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'devpi',
                image: 'x',
                ports: [{ name: 'http', containerPort: 8080 }],
                env: [
                  ...env,
                  {
                    name: 'DEVPI_ROOT_PASSWORD',
                    valueFrom: { secretKeyRef: { name: 'cache-root', key: 'password' } },
                  } as unknown as { name: string; value: string },
                ],
              },
            ],
          },
        },
      },
      status: { readyReplicas: 1 },
    });
  };
  const seedPod = (name: string) =>
    cluster.seed({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'demo', labels },
      spec: { containers: [{ name: 'devpi', image: 'x' }] },
      status: { phase: 'Running' },
    });
  const config = async () => {
    const answer = await proxy('/root/pypi?no_projects=');
    expect(answer.status).toBe(200);
    return (JSON.parse(answer.text) as { type: string; result: Record<string, unknown> }).result;
  };
  const upstream = [
    { name: 'DEVPI_MIRROR_URL', value: 'https://nexus.example.com/simple/' },
    { name: 'DEVPI_MIRROR_CACHE_EXPIRY', value: '600' },
    { name: 'DEVPI_OFFLINE', value: 'true' },
  ];

  it('answers GET /root/pypi with the settings the start script applied, and 502 offline for an unknown project', async () => {
    seedDeployment(upstream);
    seedPod('cache-1');
    expect(await config()).toEqual({
      type: 'mirror',
      volatile: false,
      title: 'PyPI',
      mirror_url: 'https://nexus.example.com/simple/',
      mirror_web_url_fmt: 'https://pypi.org/project/{name}/',
      mirror_cache_expiry: 600,
      mirror_ignore_serial_header: true,
      mirror_no_project_list: true,
    });
    expect((await proxy('/root/pypi/+simple/no-such-project/')).status).toBe(502);
  });

  it('keeps them until another pod starts, which applies the cleared settings, defaults included', async () => {
    seedDeployment(upstream);
    seedPod('cache-1');
    expect(await config()).toMatchObject({ mirror_cache_expiry: 600 });
    seedDeployment([]);
    expect(await config()).toMatchObject({
      mirror_cache_expiry: 600,
      mirror_no_project_list: true,
    });
    const deleted = await fetch(`${base}/api/kubernetes/api/v1/namespaces/demo/pods/cache-1`, {
      method: 'DELETE',
      headers,
    });
    expect(deleted.status).toBe(200);
    seedPod('cache-2');
    expect(await config()).toMatchObject({
      mirror_url: 'https://pypi.org/simple/',
      mirror_cache_expiry: 1800,
      mirror_ignore_serial_header: false,
      mirror_no_project_list: false,
    });
    const unknown = await proxy('/root/pypi/+simple/no-such-project/');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('The project no-such-project does not exist.');
  });

  it('refuses a write through the proxy as devpi refuses an anonymous one (403)', async () => {
    const answer = await proxy('/root/pypi', {
      method: 'PATCH',
      body: '["mirror_url=https://x/"]',
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('403 Forbidden');
  });
});
