import { startClusterServer, type Cluster } from './server';

let base: string;
let cluster: Cluster;
let close: () => Promise<void>;

const control = (path: string, body: unknown) =>
  fetch(`${base}/__cluster${path}`, { method: 'POST', body: JSON.stringify(body) });

/** A query as the console's usePrometheusPoll sends it for a project. */
const query = async (params: Record<string, string | string[]>, path = '/api/v1/query') => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, one);
  }
  const response = await fetch(`${base}/api/prometheus-tenancy${path}?${search.toString()}`);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body: (response.headers.get('content-type')?.startsWith('application/json')
      ? JSON.parse(text)
      : undefined) as Record<string, any> | undefined,
  };
};

const claim = (name: string, namespace: string, storage: string, phase: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
  status: { phase, ...(phase === 'Bound' ? { capacity: { storage } } : {}) },
});

const pod = (name: string, namespace: string, claims: string[], phase = 'Running') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: {
    nodeName: 'worker-1',
    containers: [{ name: 'devpi', image: 'x' }],
    volumes: claims.map((claimName, i) => ({
      name: `v${i}`,
      persistentVolumeClaim: { claimName },
    })),
  },
  status: { phase },
});

const claimsOf = (body: Record<string, any> | undefined) =>
  (body?.data.result as { metric: Record<string, string> }[]).map(
    (r) => `${r.metric.__name__}/${r.metric.persistentvolumeclaim}`,
  );

beforeEach(async () => {
  ({ url: base, cluster, close } = await startClusterServer({ port: 0 }));
  for (const object of [
    claim('cache-data', 'demo', '2Gi', 'Bound'),
    claim('idle-data', 'demo', '1Gi', 'Bound'),
    claim('waiting-data', 'demo', '1Gi', 'Pending'),
    claim('stopped-data', 'demo', '1Gi', 'Bound'),
    claim('team-data', 'team-b', '5Gi', 'Bound'),
    pod('cache-5d9f7', 'demo', ['cache-data', 'waiting-data']),
    pod('stopped-1', 'demo', ['stopped-data'], 'Succeeded'),
    pod('team-1', 'team-b', ['team-data']),
  ]) {
    cluster.seed(object);
  }
});
afterEach(async () => close());

describe('volume metrics through the tenancy proxy', () => {
  it('answers capacity and used bytes of bound claims that a running pod mounts', async () => {
    const capacity = await query({
      namespace: 'demo',
      query: 'kubelet_volume_stats_capacity_bytes',
    });
    expect(capacity.status).toBe(200);
    expect(capacity.body).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
    const result = capacity.body?.data.result as {
      metric: Record<string, string>;
      value: [number, string];
    }[];
    expect(result).toHaveLength(1);
    expect(result[0]?.metric).toMatchObject({
      __name__: 'kubelet_volume_stats_capacity_bytes',
      namespace: 'demo',
      persistentvolumeclaim: 'cache-data',
      node: 'worker-1',
      job: 'kubelet',
    });
    expect(result[0]?.value[1]).toBe(String(2 * 2 ** 30));
    expect(typeof result[0]?.value[0]).toBe('number');

    const used = () =>
      query({ namespace: 'demo', query: 'kubelet_volume_stats_used_bytes' }).then(
        (answer) => (answer.body?.data.result as { value: [number, string] }[])[0]?.value[1],
      );
    expect(await used()).toBe('0');
    expect(
      (await control('/disk-usage', { namespace: 'demo', claim: 'cache-data', bytes: 123456789 }))
        .status,
    ).toBe(200);
    expect(await used()).toBe('123456789');
    // A disk cannot hold more than it has.
    await control('/disk-usage', { namespace: 'demo', claim: 'cache-data', bytes: 2 ** 40 });
    expect(await used()).toBe(String(2 * 2 ** 30));
  });

  it.each([
    ['kubelet_volume_stats_used_bytes{persistentvolumeclaim="cache-data"}', ['used/cache-data']],
    [
      'kubelet_volume_stats_used_bytes{namespace="demo",persistentvolumeclaim="cache-data"}',
      ['used/cache-data'],
    ],
    ['kubelet_volume_stats_used_bytes{persistentvolumeclaim="idle-data"}', []],
    ['kubelet_volume_stats_used_bytes{persistentvolumeclaim=~"cache-.*"}', ['used/cache-data']],
    ['kubelet_volume_stats_used_bytes{persistentvolumeclaim!="cache-data"}', []],
    [
      '{__name__=~"kubelet_volume_stats_(used|capacity)_bytes", persistentvolumeclaim="cache-data"}',
      ['capacity/cache-data', 'used/cache-data'],
    ],
    ['container_memory_working_set_bytes{namespace="demo"}', []],
  ])('selects %s', async (promql, expected) => {
    const answer = await query({ namespace: 'demo', query: promql });
    expect(answer.status).toBe(200);
    expect(
      claimsOf(answer.body)
        .map((name) => name.replace(/^kubelet_volume_stats_(\w+)_bytes/, '$1'))
        .sort(),
    ).toEqual(expected);
  });

  it('answers a range query with one point per step', async () => {
    const answer = await query(
      {
        namespace: 'demo',
        query: 'kubelet_volume_stats_capacity_bytes',
        start: '1700000000',
        end: '1700000600',
        step: '5m',
      },
      '/api/v1/query_range',
    );
    expect(answer.body?.data.resultType).toBe('matrix');
    expect(answer.body?.data.result[0].values).toEqual([
      [1700000000, String(2 * 2 ** 30)],
      [1700000300, String(2 * 2 ** 30)],
      [1700000600, String(2 * 2 ** 30)],
    ]);
  });

  it('refuses time, range and step parameters it cannot use with the error Prometheus gives', async () => {
    const range = { start: '1700000000', end: '1700000600', step: '60' };
    const cases: [Record<string, string>, string][] = [
      [{ time: 'noon' }, 'invalid parameter "time": cannot parse "noon" to a valid timestamp'],
      [
        { ...range, start: 'x' },
        'invalid parameter "start": cannot parse "x" to a valid timestamp',
      ],
      [{ ...range, end: '' }, 'invalid parameter "end": cannot parse "" to a valid timestamp'],
      [
        { ...range, step: '5 min' },
        'invalid parameter "step": cannot parse "5 min" to a valid duration',
      ],
      [
        { ...range, end: '1600000000' },
        'invalid parameter "end": end timestamp must not be before start time',
      ],
      [
        { ...range, step: '0' },
        'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
      ],
      [
        { ...range, step: '0.01' },
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
      ],
    ];
    for (const [params, error] of cases) {
      const path = 'time' in params ? '/api/v1/query' : '/api/v1/query_range';
      const answer = await query({ namespace: 'demo', query: 'up', ...params }, path);
      expect([answer.status, answer.body?.errorType, answer.body?.error]).toEqual([
        400,
        'bad_data',
        error,
      ]);
    }
  });

  it('takes a POSTed form as Prometheus does', async () => {
    const response = await fetch(`${base}/api/prometheus-tenancy/api/v1/query?namespace=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'query=kubelet_volume_stats_capacity_bytes',
    });
    expect(claimsOf((await response.json()) as Record<string, any>)).toEqual([
      'kubelet_volume_stats_capacity_bytes/cache-data',
    ]);
  });
});

describe('tenancy as kube-rbac-proxy and prom-label-proxy enforce it', () => {
  it('refuses a request without a namespace, as kube-rbac-proxy does', async () => {
    const answer = await query({ query: 'kubelet_volume_stats_used_bytes' });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(answer.text).toBe('Bad Request. The request or configuration is malformed.\n');
  });

  it('refuses a project the user may not see, and lets a cluster admin see it', async () => {
    const denied = await query({ namespace: 'team-b', query: 'kubelet_volume_stats_used_bytes' });
    expect(denied.status).toBe(403);
    expect(denied.text).toBe('Forbidden (user=developer, verb=get, resource=pods, subresource=)\n');
    cluster.setUser('cluster-admin');
    const allowed = await query({ namespace: 'team-b', query: 'kubelet_volume_stats_used_bytes' });
    expect(claimsOf(allowed.body)).toEqual(['kubelet_volume_stats_used_bytes/team-data']);
  });

  it('lets a viewer of the project query it', async () => {
    cluster.setUser('viewer');
    const answer = await query({ namespace: 'demo', query: 'kubelet_volume_stats_used_bytes' });
    expect(claimsOf(answer.body)).toEqual(['kubelet_volume_stats_used_bytes/cache-data']);
  });

  it('never shows another namespace, and refuses a conflicting namespace matcher', async () => {
    const conflicting = await query({
      namespace: 'demo',
      query: 'kubelet_volume_stats_used_bytes{namespace="team-b"}',
    });
    expect(conflicting.status).toBe(400);
    expect(conflicting.body).toEqual({
      status: 'error',
      errorType: 'prom-label-proxy',
      error:
        'conflicting label matcher: label matcher "namespace=\\"team-b\\"" conflicts with injected matcher "namespace=\\"demo\\""',
    });
  });

  it('answers an empty namespace of a cluster admin with prom-label-proxy error', async () => {
    cluster.setUser('cluster-admin');
    const answer = await query({ namespace: '', query: 'kubelet_volume_stats_used_bytes' });
    expect(answer.status).toBe(400);
    expect(answer.body?.error).toBe('The "namespace" query parameter must be provided.');
  });

  it('serves only the paths the tenancy port allows', async () => {
    const answer = await query({ namespace: 'demo' }, '/api/v1/status/config');
    expect(answer.status).toBe(404);
  });

  it('tells a parse error from PromQL it does not evaluate', async () => {
    const broken = await query({ namespace: 'demo', query: 'kubelet_volume_stats_used_bytes{' });
    expect(broken.status).toBe(400);
    expect(broken.body?.error).toMatch(/^failed to parse query string: /);
    const aggregated = await query({
      namespace: 'demo',
      query: 'sum(kubelet_volume_stats_used_bytes)',
    });
    expect(aggregated.status).toBe(422);
    expect(aggregated.body).toMatchObject({ status: 'error', errorType: 'execution' });
  });
});

describe('Prometheus down', () => {
  it('answers 503 (Prometheus) or 502 (the console proxy) until the knob is off again', async () => {
    const ask = () => query({ namespace: 'demo', query: 'kubelet_volume_stats_used_bytes' });
    await control('/faults', { prometheusUnavailable: true });
    const down = await ask();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', errorType: 'unavailable' });
    await control('/faults', { prometheusUnavailable: 502 });
    const gateway = await ask();
    expect([gateway.status, gateway.text]).toEqual([502, '']);
    await control('/faults', { prometheusUnavailable: false });
    expect((await ask()).status).toBe(200);
  });

  it('rejects a knob value it does not know', async () => {
    expect((await control('/faults', { prometheusUnavailable: 'yes' })).status).toBe(400);
  });
});

describe('the cluster-wide API (/api/prometheus)', () => {
  const clusterQuery = async (search: string) => {
    const response = await fetch(`${base}/api/prometheus${search}`);
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: (response.headers.get('content-type')?.startsWith('application/json')
        ? JSON.parse(text)
        : undefined) as Record<string, any> | undefined,
    };
  };
  const ofEveryProject = (namespaced: Record<string, any> | undefined) =>
    (namespaced?.data.result as { metric: Record<string, string> }[])
      .map((r) => `${r.metric.namespace}/${r.metric.persistentvolumeclaim}`)
      .sort();

  it('answers a cluster monitoring viewer about the claims of every project', async () => {
    cluster.setUser('cluster-admin');
    const answer = await clusterQuery(
      `/api/v1/query?query=${encodeURIComponent('kubelet_volume_stats_used_bytes{persistentvolumeclaim=~".+-data"}')}`,
    );
    expect(answer.status).toBe(200);
    expect(ofEveryProject(answer.body)).toEqual(['demo/cache-data', 'team-b/team-data']);
  });

  it('refuses a user without access to the platform Prometheus, as kube-rbac-proxy does', async () => {
    const denied = await clusterQuery('/api/v1/query?query=kubelet_volume_stats_used_bytes');
    expect(denied.status).toBe(403);
    expect(denied.text).toBe(
      'Forbidden (user=developer, verb=get, resource=prometheuses, subresource=api)\n',
    );
    cluster.setUser('cluster-admin');
    await control('/faults', {
      denials: [
        { user: 'cluster-admin', verb: 'get', resource: 'monitoring.coreos.com/prometheuses/api' },
      ],
    });
    expect((await clusterQuery('/api/v1/query?query=up')).status).toBe(403);
  });

  it('reports parse errors and a missing query as Prometheus does, not as prom-label-proxy', async () => {
    cluster.setUser('cluster-admin');
    const empty = await clusterQuery('/api/v1/query');
    expect([empty.status, empty.body?.errorType]).toEqual([400, 'bad_data']);
    const broken = await clusterQuery(`/api/v1/query?query=${encodeURIComponent('up{')}`);
    expect(broken.status).toBe(400);
    expect(broken.body?.error).toMatch(/^invalid parameter "query": /);
    const namespaced = await clusterQuery(
      `/api/v1/query?query=${encodeURIComponent('kubelet_volume_stats_used_bytes{namespace="team-b"}')}`,
    );
    expect(ofEveryProject(namespaced.body)).toEqual(['team-b/team-data']);
  });
});
