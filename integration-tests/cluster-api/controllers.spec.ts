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

  it('generates a host on create, dry run included, and marks it generated, as the API server does', async () => {
    const route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'web' },
      spec: { path: '/root/pypi/+simple', to: { kind: 'Service', name: 'web' } },
    };
    const dry = await api(
      'POST',
      '/apis/route.openshift.io/v1/namespaces/demo/routes?dryRun=All',
      route,
    );
    expect(dry.status).toBe(201);
    expect(dry.body.spec.host).toBe('web-demo.apps.demo.example.com');
    expect(dry.body.metadata.annotations).toEqual({ 'openshift.io/host.generated': 'true' });
    expect(
      (await api('GET', '/apis/route.openshift.io/v1/namespaces/demo/routes/web')).status,
    ).toBe(404);
    const real = await api('POST', '/apis/route.openshift.io/v1/namespaces/demo/routes', route);
    expect(real.body.spec.host).toBe('web-demo.apps.demo.example.com');
    expect(real.body.metadata.annotations['openshift.io/host.generated']).toBe('true');
    // A typed host is kept and not marked.
    const typed = await api('POST', '/apis/route.openshift.io/v1/namespaces/demo/routes', {
      ...route,
      metadata: { name: 'typed' },
      spec: { ...route.spec, host: 'pypi.example.com' },
    });
    expect(typed.body.spec.host).toBe('pypi.example.com');
    expect(typed.body.metadata.annotations?.['openshift.io/host.generated']).toBeUndefined();
  });

  it('lets Routes of one namespace share a host on different paths, never the same path or another namespace', async () => {
    const host = 'pypi.apps.demo.example.com';
    const route = (name: string, path: string) => ({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name },
      spec: { host, path, to: { kind: 'Service', name: 'web' } },
    });
    const admission = async (namespace: string, name: string) =>
      (
        await until(
          () => api('GET', `/apis/route.openshift.io/v1/namespaces/${namespace}/routes/${name}`),
          (r) => Boolean(r.body.status),
        )
      ).body.status.ingress[0].conditions[0];
    await api(
      'POST',
      '/apis/route.openshift.io/v1/namespaces/demo/routes',
      route('web', '/root/pypi/+simple'),
    );
    expect(await admission('demo', 'web')).toMatchObject({ status: 'True' });
    await api(
      'POST',
      '/apis/route.openshift.io/v1/namespaces/demo/routes',
      route('web-files', '/root/pypi/+f'),
    );
    expect(await admission('demo', 'web-files')).toMatchObject({ status: 'True' });
    await api(
      'POST',
      '/apis/route.openshift.io/v1/namespaces/demo/routes',
      route('again', '/root/pypi/+f'),
    );
    expect(await admission('demo', 'again')).toMatchObject({
      status: 'False',
      reason: 'HostAlreadyClaimed',
    });
    // A Route of another namespace that holds the host keeps it, whatever the path.
    cluster.seed({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'theirs', namespace: 'other' },
      spec: { host: 'taken.apps.demo.example.com', path: '/', to: { kind: 'Service', name: 'x' } },
      status: {
        ingress: [
          {
            host: 'taken.apps.demo.example.com',
            conditions: [{ type: 'Admitted', status: 'True' }],
          },
        ],
      },
    });
    await api('POST', '/apis/route.openshift.io/v1/namespaces/demo/routes', {
      ...route('mine', '/root/pypi/+simple'),
      spec: { ...route('mine', '/root/pypi/+simple').spec, host: 'taken.apps.demo.example.com' },
    });
    expect(await admission('demo', 'mine')).toMatchObject({
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

describe('a Recreate rollout', () => {
  const plain = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'plain' },
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: { app: 'plain' } },
      template: {
        metadata: { labels: { app: 'plain' } },
        spec: { containers: [{ name: 'devpi', image: 'devpi:6' }] },
      },
    },
  };
  const path = '/apis/apps/v1/namespaces/demo/deployments/plain';
  const pods = async () =>
    (await api('GET', '/api/v1/namespaces/demo/pods?labelSelector=app%3Dplain')).body
      .items as Record<string, any>[];
  const ready = (pod: Record<string, any>) =>
    (pod.status?.conditions ?? []).some(
      (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
    );
  const readyPod = async () => {
    const found = await until(pods, (items) => items.length === 1 && ready(items[0]!));
    expect(found).toHaveLength(1);
    expect(ready(found[0]!)).toBe(true);
    return found[0]!;
  };

  it('stops the old pod before the new one starts, on a pod-template change only', async () => {
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', plain);
    const first = await readyPod();
    // Pods in the store, as the controller changes them: never two at once.
    const counts: number[] = [];
    const unsubscribe = cluster.store.subscribe((event) => {
      if (event.type_.plural === 'pods')
        counts.push(cluster.store.list(event.type_, 'demo').length);
    });

    // Only the Deployment's own metadata: no new pod.
    const labelled = await fetch(`${base}/api/kubernetes${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'add', path: '/metadata/labels', value: { team: 'a' } }]),
    });
    expect(labelled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await pods()).map((p) => p.metadata.name)).toEqual([first.metadata.name]);

    const patched = await fetch(`${base}/api/kubernetes${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([
        {
          op: 'add',
          path: '/spec/template/metadata/annotations',
          value: { 'pipcache-plugin/emptied-at': '2026-12-02T18:00:00.000Z' },
        },
      ]),
    });
    expect(patched.status).toBe(200);
    const second = await until(pods, (items) =>
      items.some((p) => p.metadata.name !== first.metadata.name && ready(p)),
    );
    unsubscribe();
    expect(second).toHaveLength(1);
    const pod = second[0]!;
    expect(pod.metadata.name).not.toBe(first.metadata.name);
    expect(pod.metadata.annotations).toEqual({
      'pipcache-plugin/emptied-at': '2026-12-02T18:00:00.000Z',
    });
    expect(pod.metadata.labels['pod-template-hash']).not.toBe(
      first.metadata.labels['pod-template-hash'],
    );
    // The old pod went (0 pods) before the new one came (1, not ready, then ready).
    expect(counts).toContain(0);
    expect(Math.max(...counts)).toBe(1);
    const status = (await api('GET', path)).body.status;
    expect(status).toMatchObject({ replicas: 1, readyReplicas: 1, updatedReplicas: 1 });
  });

  it('starts a new pod not ready, and counts it ready one step later', async () => {
    const added: Record<string, any>[] = [];
    const unsubscribe = cluster.store.subscribe((event) => {
      if (event.type_.plural === 'pods' && event.type === 'ADDED') added.push(event.object);
    });
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', plain);
    await readyPod();
    unsubscribe();
    expect(added).toHaveLength(1);
    expect(ready(added[0]!)).toBe(false);
    expect(added[0]!.status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating');
    expect((await api('GET', path)).body.status.readyReplicas).toBe(1);
  });

  it('scales to zero and back without touching pods of another Deployment', async () => {
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', plain);
    await api('POST', '/apis/apps/v1/namespaces/demo/deployments', {
      ...plain,
      metadata: { name: 'plain-2' },
      spec: {
        ...plain.spec,
        selector: { matchLabels: { app: 'other' } },
        template: { ...plain.spec.template, metadata: { labels: { app: 'other' } } },
      },
    });
    await readyPod();
    await fetch(`${base}/api/kubernetes${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: 0 } }),
    });
    expect(await until(pods, (items) => items.length === 0)).toHaveLength(0);
    const other = await until(
      async () =>
        (await api('GET', '/api/v1/namespaces/demo/pods?labelSelector=app%3Dother')).body.items,
      (items: unknown[]) => items.length === 1,
    );
    expect(other).toHaveLength(1);
    await fetch(`${base}/api/kubernetes${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: 1 } }),
    });
    await readyPod();
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

describe('the showcase seed', () => {
  it("makes the demo's cache with the model, and the controllers bring it to Ready", async () => {
    cluster.reset('showcase');
    const get = (path: string) => api('GET', path);
    const deployment = await until(
      () => get('/apis/apps/v1/namespaces/demo/deployments/pipcache'),
      (answer) => answer.body.status?.readyReplicas === 1,
    );
    expect(deployment.body.status.readyReplicas).toBe(1);
    // What the form makes: probes, resources, a restricted security context, the values annotation.
    const container = deployment.body.spec.template.spec.containers[0];
    expect(container.readinessProbe).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(
      JSON.parse(deployment.body.metadata.annotations['pipcache-plugin/values']),
    ).toMatchObject({ name: 'pipcache' });
    const build = await get('/apis/build.openshift.io/v1/namespaces/demo/builds/pipcache-1');
    expect(build.body.status.phase).toBe('Complete');
    const route = await get('/apis/route.openshift.io/v1/namespaces/demo/routes/pipcache');
    expect(route.body.status.ingress[0].conditions[0]).toMatchObject({
      type: 'Admitted',
      status: 'True',
    });
    // A Python application's BuildConfig to use the cache in.
    const app = await get('/apis/build.openshift.io/v1/namespaces/demo/buildconfigs/django-ex');
    expect(app.body.spec.strategy.sourceStrategy.from.name).toMatch(/^python:/);
  });
});
