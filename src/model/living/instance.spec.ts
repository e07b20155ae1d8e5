import {
  type Build,
  type BuildConfig,
  type Deployment,
  type PersistentVolumeClaim,
  type Route,
  appsDomainFrom,
  externalIndexUrl,
  internalIndexUrl,
  isSafeLink,
  routeAdmission,
  trustedHostFor,
} from '../shared';
import { cacheHealth } from './health';
import {
  externalUrlProblemText,
  latestBuild,
  toInstanceView,
  type CacheResources,
} from './instance';
import {
  buildManifests,
  fromValuesAnnotation,
  toValuesAnnotation,
  defaultValues,
  type PipCacheValues,
} from '../cache';
import { clientSnippet, pipEnvEntries, SNIPPET_KINDS } from '../builds';
import { seededRandom, t } from '../../test-support/test-utils';

const values = (): PipCacheValues => ({
  ...defaultValues({ pythonTags: ['3.12-ubi9'], allowedStrategies: ['docker'], canBuild: true }),
  storage: {
    kind: 'persistent',
    size: '2Gi',
    storageClass: 'standard-csi',
    dataPath: '/opt/app-root/data',
  },
  placement: { build: [{ key: 'speed', value: 'fast' }], pods: [] },
  labels: [{ key: 'team', value: 'python' }],
});

/** The objects as the cluster would hold them once things have happened. */
const resources = (
  v: PipCacheValues,
  changes: Partial<{
    ready: number;
    build: Build['status'];
    route: Route['status'];
    filesRoute: Route['status'];
  }> = {},
): CacheResources => {
  const objects = buildManifests(v, 'demo', seededRandom(3), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const deployment = objects.find((o) => o.kind === 'Deployment') as Deployment;
  const route = objects.find((o) => o.kind === 'Route' && o.metadata.name === v.name) as
    Route | undefined;
  const filesRoute = objects.find(
    (o) => o.kind === 'Route' && o.metadata.name === `${v.name}-files`,
  ) as Route | undefined;
  const admitted: Route['status'] = {
    ingress: [
      {
        host: 'pipcache-demo.apps.example.com',
        conditions: [{ type: 'Admitted', status: 'True' }],
      },
    ],
  };
  const pvc = objects.find((o) => o.kind === 'PersistentVolumeClaim') as
    PersistentVolumeClaim | undefined;
  return {
    deployment: {
      ...deployment,
      metadata: { ...deployment.metadata, creationTimestamp: '2026-11-23T10:00:00Z' },
      status: { readyReplicas: changes.ready ?? 1 },
    },
    service: objects.find((o) => o.kind === 'Service'),
    route: route && { ...route, status: changes.route ?? admitted },
    filesRoute: filesRoute && { ...filesRoute, status: changes.filesRoute ?? admitted },
    pvc: pvc && { ...pvc, status: { phase: 'Bound', capacity: { storage: '2Gi' } } },
    buildConfig: objects.find((o) => o.kind === 'BuildConfig') as BuildConfig | undefined,
    builds: changes.build
      ? [
          {
            apiVersion: 'build.openshift.io/v1',
            kind: 'Build',
            metadata: { name: 'pipcache-1', annotations: { 'openshift.io/build.number': '1' } },
            status: changes.build,
          },
        ]
      : [],
  };
};

describe('URLs', () => {
  it('takes the external URL from the admitted host with the scheme from TLS', () => {
    const route = resources(values()).route!;
    expect(externalIndexUrl(route)).toBe(
      'https://pipcache-demo.apps.example.com/root/pypi/+simple/',
    );
    expect(externalIndexUrl({ ...route, spec: { ...route.spec, tls: undefined, path: '/' } })).toBe(
      'http://pipcache-demo.apps.example.com/root/pypi/+simple/',
    );
    // The schema-1 route (path /root/pypi) and the narrowed one lead to the same index URL.
    for (const path of ['/root/pypi', '/root/pypi/', '/root/pypi/+simple', '/root/pypi/+simple/'])
      expect(externalIndexUrl({ ...route, spec: { ...route.spec, path } })).toBe(
        'https://pipcache-demo.apps.example.com/root/pypi/+simple/',
      );
    expect(route.spec.path).toBe('/root/pypi/+simple');
  });

  it('gives no external URL while the route is not admitted, and says why', () => {
    const route = resources(values(), {
      route: {
        ingress: [
          {
            host: 'x',
            conditions: [{ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' }],
          },
        ],
      },
    }).route!;
    expect(externalIndexUrl(route)).toBeUndefined();
    expect(routeAdmission(route)).toEqual({
      admitted: false,
      reason: 'HostAlreadyClaimed',
      message: undefined,
    });
    expect(externalUrlProblemText({ reason: 'HostAlreadyClaimed' }, t)).toMatch(
      /another route already claims this host/,
    );
  });

  it('builds the internal URL from the Service and trusts only plain-http hosts', () => {
    expect(internalIndexUrl('pipcache', 'demo')).toBe(
      'http://pipcache.demo.svc/root/pypi/+simple/',
    );
    expect(trustedHostFor('http://pipcache.demo.svc/root/pypi/+simple/')).toBe('pipcache.demo.svc');
    expect(trustedHostFor('https://x.example.com/root/pypi/+simple/')).toBeUndefined();
  });

  it('turns only http and https into links', () => {
    expect(
      [
        'https://a.example.com',
        'http://a',
        'javascript:alert(1)',
        'data:text/html,x',
        'ftp://x',
        '<b>',
      ].map(isSafeLink),
    ).toEqual([true, true, false, false, false, false]);
  });
});

describe('client snippets', () => {
  const http = 'http://pipcache.demo.svc/root/pypi/+simple/';
  const https = 'https://pipcache-demo.apps.example.com/root/pypi/+simple/';

  it('pairs PIP_INDEX_URL with PIP_TRUSTED_HOST whenever the URL is plain http', () => {
    expect(pipEnvEntries(http)).toEqual([
      { name: 'PIP_INDEX_URL', value: http },
      { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
      { name: 'PIP_RETRIES', value: '8' },
    ]);
    expect(pipEnvEntries(https)).toEqual([
      { name: 'PIP_INDEX_URL', value: https },
      { name: 'PIP_RETRIES', value: '8' },
    ]);
  });

  it.each(SNIPPET_KINDS)(
    '%s names the index URL, and the trusted host for http where the client needs it',
    (kind) => {
      const text = clientSnippet(kind, http);
      expect(text).toContain(http);
      if (['pip-env', 'pip-conf', 'requirements', 'buildconfig-env'].includes(kind))
        expect(text).toContain('pipcache.demo.svc');
      expect(clientSnippet(kind, https)).not.toMatch(/trusted/i);
    },
  );

  it('writes each client in its own syntax', () => {
    expect(clientSnippet('pip-conf', http)).toBe(
      `[global]\nindex-url = ${http}\ntrusted-host = pipcache.demo.svc\nretries = 8`,
    );
    expect(clientSnippet('uv', http)).toBe(`export UV_DEFAULT_INDEX=${http}`);
    expect(clientSnippet('poetry', https)).toBe(
      `poetry source add --priority=primary pipcache ${https}`,
    );
  });
});

describe('instance view and health', () => {
  it('says Building, then Starting, then Ready as the cluster progresses', () => {
    const v = values();
    const building = toInstanceView(resources(v, { ready: 0, build: { phase: 'Running' } }));
    expect(cacheHealth(building, { kind: 'skipped', why: 'not-yet' }, t)).toMatchObject({
      status: 'building',
      sentence: 'Starting: waiting for the first build.',
    });
    const starting = toInstanceView(resources(v, { ready: 0, build: { phase: 'Complete' } }));
    expect(cacheHealth(starting, { kind: 'skipped', why: 'not-yet' }, t).status).toBe('starting');
    const ready = toInstanceView(resources(v, { ready: 1, build: { phase: 'Complete' } }));
    expect(cacheHealth(ready, { kind: 'answered', latencyMs: 12 }, t)).toEqual({
      status: 'ready',
      severity: 'success',
      sentence: 'Ready — answered in 12 ms.',
    });
  });

  it('reports a failed build, an unreachable server and a skipped probe', () => {
    const v = values();
    expect(
      cacheHealth(
        toInstanceView(resources(v, { ready: 0, build: { phase: 'Failed' } })),
        { kind: 'skipped', why: 'not-yet' },
        t,
      ).status,
    ).toBe('failed');
    const ready = toInstanceView(resources(v));
    expect(cacheHealth(ready, { kind: 'timeout', latencyMs: 5000 }, t).sentence).toBe(
      'Unreachable: the service proxy timed out.',
    );
    expect(cacheHealth(ready, { kind: 'skipped', why: 'no-access' }, t).sentence).toMatch(
      /you may not use the service proxy/,
    );
  });

  it('is Degraded when devpi answers but the route is not admitted', () => {
    const instance = toInstanceView(
      resources(values(), {
        route: {
          ingress: [
            { conditions: [{ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' }] },
          ],
        },
      }),
    );
    expect(instance.externalUrl).toBeUndefined();
    expect(cacheHealth(instance, { kind: 'answered', latencyMs: 3 }, t)).toMatchObject({
      status: 'degraded',
      severity: 'warning',
    });
  });

  it('needs both routes admitted: a refused files route is a route problem', () => {
    const instance = toInstanceView(
      resources(values(), {
        filesRoute: {
          ingress: [
            { conditions: [{ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' }] },
          ],
        },
      }),
    );
    expect(instance.externalUrl).toBeUndefined();
    expect(instance.externalUrlProblem).toEqual({ reason: 'HostAlreadyClaimed' });
    expect(cacheHealth(instance, { kind: 'answered', latencyMs: 3 }, t).status).toBe('degraded');
    const pending = toInstanceView(resources(values(), { filesRoute: {} }));
    expect(pending.externalUrl).toBeUndefined();
    expect(pending.externalUrlProblem).toEqual({ reason: 'Pending' });
  });

  it('is Degraded, saying what to do, when the files route of a narrowed route is gone', () => {
    const instance = toInstanceView({ ...resources(values()), filesRoute: undefined });
    expect(instance.externalUrl).toBeUndefined();
    expect(instance.externalUrlProblem).toEqual({ reason: 'FilesRouteMissing' });
    expect(externalUrlProblemText(instance.externalUrlProblem!, t)).toMatch(
      /Open Edit settings and save/,
    );
    expect(cacheHealth(instance, { kind: 'answered', latencyMs: 3 }, t)).toMatchObject({
      status: 'degraded',
      sentence: expect.stringMatching(/package files is missing\. Open Edit settings/),
    });
  });

  it('keeps a schema-1 cache (one route on /root/pypi) healthy and says it needs an edit', () => {
    const { route, ...rest } = resources(values());
    const old = { ...route!, spec: { ...route!.spec, path: '/root/pypi' } };
    const instance = toInstanceView({ ...rest, route: old, filesRoute: undefined });
    expect(instance.externalUrl).toBe('https://pipcache-demo.apps.example.com/root/pypi/+simple/');
    expect(instance.externalUrlProblem).toBeUndefined();
    expect(instance.routeWiderThanNeeded).toBe(true);
    expect(cacheHealth(instance, { kind: 'answered', latencyMs: 3 }, t).status).toBe('ready');
    expect(toInstanceView(resources(values())).routeWiderThanNeeded).toBe(false);
  });

  it('describes storage, URLs and builds', () => {
    const instance = toInstanceView(resources(values(), { build: { phase: 'Complete' } }));
    expect(instance).toMatchObject({
      name: 'pipcache',
      namespace: 'demo',
      internalUrl: 'http://pipcache.demo.svc/root/pypi/+simple/',
      externalUrl: 'https://pipcache-demo.apps.example.com/root/pypi/+simple/',
      storage: { kind: 'persistent', size: '2Gi', storageClass: 'standard-csi', bound: true },
      build: { state: 'complete', name: 'pipcache-1' },
      builtInCluster: true,
    });
  });

  it('picks the newest build by number', () => {
    const build = (n: number): Build => ({
      apiVersion: 'build.openshift.io/v1',
      kind: 'Build',
      metadata: { name: `b-${n}`, annotations: { 'openshift.io/build.number': String(n) } },
    });
    expect(latestBuild([build(2), build(10), build(3)])?.metadata.name).toBe('b-10');
  });
});

describe('round trip', () => {
  it('values → manifests → instance view → values', () => {
    const original: PipCacheValues = {
      ...values(),
      name: 'cache-b',
      devpi: {
        upstreamUrl: 'https://nexus.example.com/simple/',
        upstreamUsername: 'bob',
        upstreamPassword: '',
        cacheExpiry: '600',
        requestTimeout: '',
        offline: false,
      },
      route: {
        enabled: true,
        host: 'pypi.example.com',
        insecureEdgeTermination: 'Allow',
        allowedCidrs: '10.0.0.0/8',
      },
    };
    expect(toInstanceView(resources(original)).values).toEqual(original);
  });

  it('never carries the upstream password through the annotation', () => {
    const withPassword = {
      ...values(),
      devpi: { ...values().devpi, upstreamUsername: 'bob', upstreamPassword: 'hunter2' },
    };
    const annotation = toValuesAnnotation(withPassword);
    expect(annotation).not.toContain('hunter2');
    expect(fromValuesAnnotation(annotation, defaultValues())?.devpi.upstreamPassword).toBe('');
  });

  it('refuses an annotation of another schema, a broken one, or one with a field of the wrong type', () => {
    expect(fromValuesAnnotation('{"schema":3,"name":"x"}', defaultValues())).toBeUndefined();
    expect(fromValuesAnnotation('{"schema":0,"name":"x"}', defaultValues())).toBeUndefined();
    // A schema-1 record (written before the Route was split in two) is still read.
    expect(fromValuesAnnotation('{"schema":1,"name":"x"}', defaultValues())?.name).toBe('x');
    expect(fromValuesAnnotation('{not json', defaultValues())).toBeUndefined();
    expect(
      fromValuesAnnotation(
        JSON.stringify({ schema: 1, name: 42, storage: { size: '9Gi' } }),
        defaultValues(),
      ),
    ).toBeUndefined();
    expect(
      fromValuesAnnotation(
        JSON.stringify({ schema: 1, storage: { size: '9Gi' } }),
        defaultValues(),
      ),
    ).toMatchObject({ name: 'pipcache', storage: { size: '9Gi' } });
  });
});

describe('appsDomainFrom', () => {
  const route = (name: string, host: string, admitted = true): Route => ({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name },
    spec: { to: { kind: 'Service', name } },
    status: {
      ingress: [{ host, conditions: [{ type: 'Admitted', status: admitted ? 'True' : 'False' }] }],
    },
  });

  it('learns the domain from an admitted generated host, ignoring custom and refused ones', () => {
    expect(
      appsDomainFrom(
        [
          route('web', 'shop.example.com'),
          route('api', 'api-demo.apps.c1.example.com', false),
          route('app', 'app-demo.apps.c1.example.com'),
        ],
        'demo',
      ),
    ).toBe('apps.c1.example.com');
    expect(appsDomainFrom([route('web', 'shop.example.com')], 'demo')).toBeUndefined();
  });
});
