import { startClusterServer, type Cluster } from './server';

let base: string;
let cluster: Cluster;
let close: () => Promise<void>;

const headers = { 'Content-Type': 'application/json', 'X-CSRFToken': 't', Cookie: 'csrf-token=t' };
const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}/api/kubernetes${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 3000,
): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeEach(async () => {
  ({ url: base, cluster, close } = await startClusterServer({ port: 0, stepMs: 10 }));
});
afterEach(async () => close());

const cache = 'web';
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: cache,
    annotations: {
      'image.openshift.io/triggers': JSON.stringify([
        {
          from: { kind: 'ImageStreamTag', name: `${cache}:latest` },
          fieldPath: 'spec.template.spec.containers[?(@.name=="devpi")].image',
        },
      ]),
    },
  },
  spec: {
    replicas: 1,
    template: {
      metadata: { labels: { app: cache } },
      spec: { containers: [{ name: 'devpi', image: `${cache}:latest` }] },
    },
  },
};
const buildConfig = {
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: cache },
  spec: {
    source: { type: 'Dockerfile', dockerfile: 'FROM python' },
    strategy: { type: 'Docker', dockerStrategy: {} },
    output: { to: { kind: 'ImageStreamTag', name: `${cache}:latest` } },
    triggers: [{ type: 'ConfigChange' }],
  },
};

describe('controllers', () => {
  it('builds on creation, pushes the image, and then the Deployment gets a ready pod', async () => {
    await api('POST', '/apis/image.openshift.io/v1/namespaces/demo/imagestreams', {
      kind: 'ImageStream',
      apiVersion: 'image.openshift.io/v1',
      metadata: { name: cache },
    });
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', deployment);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No image yet: the pod cannot start.
    expect(
      (await api('GET', `/apis/apps/v1/namespaces/demo/deployments/${cache}`)).body.status
        ?.readyReplicas,
    ).toBeUndefined();
    await api('POST', '/apis/build.openshift.io/v1/namespaces/demo/buildconfigs', buildConfig);
    const build = await until(
      () => api('GET', `/apis/build.openshift.io/v1/namespaces/demo/builds/${cache}-1`),
      (b) => b.body.status?.phase === 'Complete',
    );
    expect(build.body.status.phase).toBe('Complete');
    const ready = await until(
      () => api('GET', `/apis/apps/v1/namespaces/demo/deployments/${cache}`),
      (d) => d.body.status?.readyReplicas === 1,
    );
    expect(ready.body.status.readyReplicas).toBe(1);
    const pods = await api('GET', '/api/v1/namespaces/demo/pods?labelSelector=app%3Dweb');
    expect(pods.body.items).toHaveLength(1);
    const stream = await api(
      'GET',
      `/apis/image.openshift.io/v1/namespaces/demo/imagestreams/${cache}`,
    );
    expect(stream.body.status.tags[0].tag).toBe('latest');
  });

  it('starts another build on instantiate, and fails builds on the knob', async () => {
    await api('POST', '/apis/build.openshift.io/v1/namespaces/demo/buildconfigs', {
      ...buildConfig,
      spec: { ...buildConfig.spec, triggers: [] },
    });
    cluster.controllers.settings.failBuilds = true;
    const started = await api(
      'POST',
      `/apis/build.openshift.io/v1/namespaces/demo/buildconfigs/${cache}/instantiate`,
      { kind: 'BuildRequest', apiVersion: 'build.openshift.io/v1', metadata: { name: cache } },
    );
    expect(started.status).toBe(201);
    expect(started.body.metadata.name).toBe(`${cache}-1`);
    const failed = await until(
      () => api('GET', `/apis/build.openshift.io/v1/namespaces/demo/builds/${cache}-1`),
      (b) => b.body.status?.phase === 'Failed',
    );
    expect(failed.body.status.phase).toBe('Failed');
  });

  it('admits a route with a generated host, and refuses a host another route holds', async () => {
    const route = (name: string, host?: string) => ({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name },
      spec: { ...(host ? { host } : {}), to: { kind: 'Service', name } },
    });
    await api('POST', '/apis/route.openshift.io/v1/namespaces/demo/routes', route('first'));
    const first = await until(
      () => api('GET', '/apis/route.openshift.io/v1/namespaces/demo/routes/first'),
      (r) => Boolean(r.body.status),
    );
    expect(first.body.status.ingress[0]).toMatchObject({
      host: 'first-demo.apps.demo.example.com',
      conditions: [{ type: 'Admitted', status: 'True' }],
    });
    const second = await api(
      'POST',
      '/apis/route.openshift.io/v1/namespaces/demo/routes',
      route('second', 'first-demo.apps.demo.example.com'),
    );
    expect(second.status).toBe(201);
    const refused = await until(
      () => api('GET', '/apis/route.openshift.io/v1/namespaces/demo/routes/second'),
      (r) => Boolean(r.body.status),
    );
    expect(refused.body.status.ingress[0].conditions[0]).toMatchObject({
      type: 'Admitted',
      status: 'False',
      reason: 'HostAlreadyClaimed',
    });
  });

  it('binds claims and gives Services a cluster IP', async () => {
    await api('POST', '/api/v1/namespaces/demo/persistentvolumeclaims', {
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    const claim = await until(
      () => api('GET', '/api/v1/namespaces/demo/persistentvolumeclaims/data'),
      (c) => c.body.status?.phase === 'Bound',
    );
    expect(claim.body.status).toMatchObject({ phase: 'Bound', capacity: { storage: '1Gi' } });
    await api('POST', '/api/v1/namespaces/demo/services', {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'svc' },
      spec: { ports: [{ port: 80 }] },
    });
    expect((await api('GET', '/api/v1/namespaces/demo/services/svc')).body.spec.clusterIP).toMatch(
      /^172\.30\./,
    );
  });
});

describe('garbage collection', () => {
  it('deletes the builds of a deleted BuildConfig and the pods of a deleted Deployment', async () => {
    await api('POST', '/apis/build.openshift.io/v1/namespaces/demo/buildconfigs', buildConfig);
    expect(
      (await api('GET', '/apis/build.openshift.io/v1/namespaces/demo/builds')).body.items,
    ).toHaveLength(1);
    await api('DELETE', `/apis/build.openshift.io/v1/namespaces/demo/buildconfigs/${cache}`);
    expect(
      (await api('GET', '/apis/build.openshift.io/v1/namespaces/demo/builds')).body.items,
    ).toHaveLength(0);
  });
});
