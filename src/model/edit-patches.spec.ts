import { ANNOTATION_VALUES } from './contract';
import { editPatches, envWithDevpiOptions } from './edit-patches';
import {
  ALLOW_LIST_ANNOTATION,
  changedFields,
  editStartValues,
  hasDamagedValues,
  hasStaleStartScript,
  rebaseEdit,
  valuesProblems,
  valuesFromObjects,
  type EditableObjects,
} from './edit-values';
import { needsRouteSplit } from './route-split-patches';
import type { BuildConfig, Deployment, Route } from './k8s-types';
import { buildManifests } from './manifests';
import { DEVPI_COMMAND } from './start-script';
import { seededRandom } from './test-utils';
import { fromValuesAnnotation } from './values-annotation';
import { defaultValues, type PipCacheValues } from './values';

const base = (): PipCacheValues =>
  defaultValues({ pythonTags: ['3.12-ubi9'], allowedStrategies: ['docker'], canBuild: true });

/** The live objects of a cache made from `values`, with the resourceVersions a cluster gives. */
const live = (values: PipCacheValues): EditableObjects => {
  const objects = buildManifests(values, 'demo', seededRandom(1), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((planned) => planned.object);
  const withVersion = <T extends { metadata?: { resourceVersion?: string } }>(
    object: T,
    version: string,
  ): T => ({ ...object, metadata: { ...object.metadata, resourceVersion: version } });
  return {
    deployment: withVersion(objects.find((o) => o.kind === 'Deployment') as Deployment, '11'),
    buildConfig: withVersion(objects.find((o) => o.kind === 'BuildConfig') as BuildConfig, '12'),
    route: withVersion(
      objects.find((o) => o.kind === 'Route' && o.metadata.name === values.name) as Route,
      '13',
    ),
    filesRoute: withVersion(
      objects.find(
        (o) => o.kind === 'Route' && o.metadata.name === `${values.name}-files`,
      ) as Route,
      '14',
    ),
  };
};

/** The live objects of a cache made before contract schema 2: one Route on /root/pypi, generated host. */
const liveSchema1 = (values: PipCacheValues): EditableObjects => {
  const { deployment, buildConfig, route } = live(values);
  return {
    deployment,
    buildConfig,
    route: {
      ...route!,
      spec: { ...route!.spec, host: 'pipcache-demo.apps.example.com', path: '/root/pypi' },
    },
  };
};

describe('editPatches', () => {
  it('is empty when nothing changed', () => {
    const values = base();
    expect(editPatches(live(values), values, structuredClone(values))).toEqual([]);
  });

  it('ignores fields an edit may not change (name, storage, image)', () => {
    const values = base();
    const requested = {
      ...values,
      name: 'other',
      storage: { ...values.storage, kind: 'persistent' as const },
      image: { ...values.image, devpiVersion: '6.0.0' },
    };
    expect(editPatches(live(values), values, requested)).toEqual([]);
  });

  it('changes the memory limit and the pod node selector in the pod template, guarded, and records the values', () => {
    const values = base();
    const objects = live(values);
    const requested: PipCacheValues = {
      ...values,
      resources: { ...values.resources, memoryLimit: '2Gi' },
      placement: {
        ...values.placement,
        pods: [{ key: 'node-role.kubernetes.io/infra', value: '' }],
      },
    };
    const patches = editPatches(objects, values, requested);
    expect(patches.map((patch) => patch.kind)).toEqual(['Deployment']);
    const [deployment] = patches;
    expect(deployment?.operations).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '11' },
      { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'devpi' },
      {
        op: 'add',
        path: '/spec/template/spec/containers/0/resources',
        value: {
          requests: { memory: '512Mi', cpu: '500m' },
          limits: { memory: '2Gi', cpu: '2' },
        },
      },
      {
        op: 'add',
        path: '/spec/template/spec/nodeSelector',
        value: { 'node-role.kubernetes.io/infra': '' },
      },
      {
        op: 'add',
        path: '/metadata/annotations/pipcache-plugin~1values',
        value: expect.any(String) as unknown,
      },
    ]);
    const recorded = fromValuesAnnotation(
      deployment?.operations.at(-1)?.value as string,
      defaultValues(),
    );
    expect(recorded?.resources.memoryLimit).toBe('2Gi');
    expect(recorded?.placement.pods).toEqual([{ key: 'node-role.kubernetes.io/infra', value: '' }]);
  });

  it('gives a cache made by an earlier version the current start script with its next edit', () => {
    const values = base();
    const objects = live(values);
    const container = objects.deployment.spec?.template.spec?.containers[0];
    if (container) container.command = ['/bin/sh', '-c', 'devpi-server --root-passwd "$P" &'];
    const requested = { ...values, route: { ...values.route, allowedCidrs: '10.0.0.0/8' } };
    const deployment = editPatches(objects, values, requested).find((p) => p.kind === 'Deployment');
    expect(deployment?.operations.slice(0, 3)).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '11' },
      { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'devpi' },
      { op: 'add', path: '/spec/template/spec/containers/0/command', value: [...DEVPI_COMMAND] },
    ]);
    // A current cache's command is left alone.
    const current = editPatches(live(values), values, requested).find(
      (p) => p.kind === 'Deployment',
    );
    expect(JSON.stringify(current?.operations)).not.toContain('/command');
  });

  it('removes a pod node selector that was cleared', () => {
    const values = { ...base(), placement: { build: [], pods: [{ key: 'zone', value: 'a' }] } };
    const patches = editPatches(live(values), values, {
      ...values,
      placement: { build: [], pods: [] },
    });
    expect(patches[0]?.operations).toContainEqual({
      op: 'remove',
      path: '/spec/template/spec/nodeSelector',
    });
  });

  it('puts the build node selector on the BuildConfig, before the Deployment records the values', () => {
    const values = base();
    const patches = editPatches(live(values), values, {
      ...values,
      placement: { ...values.placement, build: [{ key: 'builds', value: 'yes' }] },
    });
    expect(patches.map((patch) => patch.kind)).toEqual(['BuildConfig', 'Deployment']);
    expect(patches[0]?.operations).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '12' },
      { op: 'add', path: '/spec/nodeSelector', value: { builds: 'yes' } },
    ]);
    // The pod template is untouched, so the pod does not roll for a build-only change.
    expect(patches[1]?.operations.map((operation) => operation.path)).toEqual([
      '/metadata/resourceVersion',
      `/metadata/annotations/pipcache-plugin~1values`,
    ]);
  });

  it('changes the route TLS policy and adds, changes and removes the allow-list', () => {
    const values = base();
    const objects = live(values);
    const allowed = {
      ...values,
      route: {
        ...values.route,
        insecureEdgeTermination: 'Allow' as const,
        allowedCidrs: '10.0.0.0/8  192.168.0.0/16',
      },
    };
    const [route] = editPatches(objects, values, allowed);
    expect(route).toEqual({
      kind: 'Route',
      name: 'pipcache',
      operations: [
        { op: 'test', path: '/metadata/resourceVersion', value: '13' },
        { op: 'add', path: '/spec/tls/insecureEdgeTerminationPolicy', value: 'Allow' },
        {
          op: 'add',
          path: '/metadata/annotations',
          value: { [ALLOW_LIST_ANNOTATION]: '10.0.0.0/8 192.168.0.0/16' },
        },
      ],
    });

    const restricted = live(allowed);
    const [changed] = editPatches(restricted, allowed, {
      ...allowed,
      route: { ...allowed.route, allowedCidrs: '10.0.0.0/8' },
    });
    expect(changed?.operations[1]).toEqual({
      op: 'add',
      path: '/metadata/annotations/haproxy.router.openshift.io~1ip_whitelist',
      value: '10.0.0.0/8',
    });
    const [removed] = editPatches(restricted, allowed, {
      ...allowed,
      route: { ...allowed.route, allowedCidrs: '' },
    });
    expect(removed?.operations[1]).toEqual({
      op: 'remove',
      path: '/metadata/annotations/haproxy.router.openshift.io~1ip_whitelist',
    });
  });

  it('patches the allow-list and TLS policy of both routes alike', () => {
    const values = base();
    const requested = {
      ...values,
      route: {
        ...values.route,
        insecureEdgeTermination: 'Allow' as const,
        allowedCidrs: '10.0.0.0/8',
      },
    };
    const routes = editPatches(live(values), values, requested).filter((p) => p.kind === 'Route');
    expect(routes.map((p) => [p.name, p.operations[0]?.value])).toEqual([
      ['pipcache', '13'],
      ['pipcache-files', '14'],
    ]);
    expect(routes[0]?.operations.slice(1)).toEqual(routes[1]?.operations.slice(1));
  });

  it('splits the route of a schema-1 cache: creates N-files on the same host first, then narrows N', () => {
    const values = base();
    const objects = liveSchema1(values);
    // Nothing changed, yet there is something to save: the route is wider than needed.
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => [p.kind, p.name, p.create ? 'create' : 'patch'])).toEqual([
      ['Route', 'pipcache-files', 'create'],
      ['Route', 'pipcache', 'patch'],
      ['Deployment', 'pipcache', 'patch'],
    ]);
    const created = patches[0]!.create!;
    expect(created.spec).toMatchObject({
      host: 'pipcache-demo.apps.example.com',
      path: '/root/pypi/+f',
      to: { kind: 'Service', name: 'pipcache' },
      tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
    });
    expect(created.metadata).toMatchObject({
      name: 'pipcache-files',
      namespace: 'demo',
      labels: { 'app.kubernetes.io/instance': 'pipcache', 'app.kubernetes.io/name': 'pipcache' },
    });
    expect(patches[0]!.operations).toEqual([]);
    expect(patches[1]!.operations).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '13' },
      { op: 'add', path: '/spec/path', value: '/root/pypi/+simple' },
    ]);
  });

  it('gives the created N-files the allow-list and TLS policy the edit ends with', () => {
    const values = base();
    const requested = {
      ...values,
      route: {
        ...values.route,
        insecureEdgeTermination: 'Allow' as const,
        allowedCidrs: '10.1.0.0/16',
      },
    };
    const [created, narrowed] = editPatches(liveSchema1(values), values, requested);
    expect(created?.create?.metadata.annotations).toEqual({
      [ALLOW_LIST_ANNOTATION]: '10.1.0.0/16',
    });
    expect(created?.create?.spec.tls?.insecureEdgeTerminationPolicy).toBe('Allow');
    expect(narrowed?.operations.map((o) => o.path)).toEqual([
      '/metadata/resourceVersion',
      '/spec/tls/insecureEdgeTerminationPolicy',
      '/metadata/annotations',
      '/spec/path',
    ]);
  });

  it('creates a missing N-files again for a narrowed route, and leaves a complete pair alone', () => {
    const values = base();
    const objects = { ...live(values), filesRoute: undefined };
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => [p.name, p.create ? 'create' : 'patch'])).toEqual([
      ['pipcache-files', 'create'],
      ['pipcache', 'patch'],
    ]);
    expect(needsRouteSplit(objects)).toBe(true);
    expect(needsRouteSplit(live(values))).toBe(false);
    expect(needsRouteSplit({ deployment: live(values).deployment })).toBe(false);
  });

  it('writes the values annotation map when the Deployment has no annotations', () => {
    const values = base();
    const objects = live(values);
    const bare = {
      ...objects.deployment,
      metadata: { ...objects.deployment.metadata, annotations: undefined },
    };
    const patches = editPatches({ ...objects, deployment: bare }, values, {
      ...values,
      resources: { ...values.resources, cpuLimit: '1' },
    });
    const last = patches.at(-1)?.operations.at(-1);
    expect(last?.path).toBe('/metadata/annotations');
    expect(Object.keys(last?.value as Record<string, string>)).toEqual([ANNOTATION_VALUES]);
  });
});

describe('envWithDevpiOptions', () => {
  it('sets, changes and removes only the devpi option variables, keeping the others in place', () => {
    const current = [
      { name: 'DEVPISERVER_SERVERDIR', value: '/data/server' },
      { name: 'DEVPI_REQUEST_TIMEOUT', value: '5' },
      { name: 'HOME', value: '/tmp' },
      { name: 'DEVPI_OFFLINE', value: 'true' },
    ];
    const values = base();
    const next = envWithDevpiOptions(current, {
      ...values,
      devpi: { ...values.devpi, requestTimeout: '30', cacheExpiry: '3600', offline: false },
    });
    expect(next).toEqual([
      { name: 'DEVPISERVER_SERVERDIR', value: '/data/server' },
      { name: 'DEVPI_REQUEST_TIMEOUT', value: '30' },
      { name: 'HOME', value: '/tmp' },
      { name: 'DEVPI_MIRROR_CACHE_EXPIRY', value: '3600' },
      { name: 'MALLOC_ARENA_MAX', value: '2' },
    ]);
  });

  it('adds the malloc arena cap to a cache made before it, once, when its pod is edited', () => {
    const values = base();
    const objects = live(values);
    const container = objects.deployment.spec!.template.spec!.containers[0]!;
    container.env = container.env!.filter((entry) => entry.name !== 'MALLOC_ARENA_MAX');
    const [deployment] = editPatches(objects, values, {
      ...values,
      resources: { ...values.resources, memoryLimit: '2Gi' },
    });
    const env = deployment?.operations.find((operation) => operation.path.endsWith('/env'));
    expect(env?.value).toContainEqual({ name: 'MALLOC_ARENA_MAX', value: '2' });
    // A cache that has it already gets no env operation for a resources change.
    const [again] = editPatches(live(values), values, {
      ...values,
      resources: { ...values.resources, memoryLimit: '2Gi' },
    });
    expect(again?.operations.some((operation) => operation.path.endsWith('/env'))).toBe(false);
  });

  it('is what the Deployment patch writes when a devpi option changes', () => {
    const values = base();
    const [deployment] = editPatches(live(values), values, {
      ...values,
      devpi: { ...values.devpi, offline: true, upstreamUrl: 'https://pypi.example.com/simple/' },
    });
    const env = deployment?.operations.find((operation) => operation.path.endsWith('/env'));
    expect(env?.value).toEqual(
      expect.arrayContaining([
        { name: 'DEVPI_OFFLINE', value: 'true' },
        { name: 'DEVPI_MIRROR_URL', value: 'https://pypi.example.com/simple/' },
        expect.objectContaining({ name: 'DEVPI_ROOT_PASSWORD' }),
      ]),
    );
  });
});

describe('valuesFromObjects', () => {
  it('reads the editable values back from the objects the manifests make', () => {
    const values: PipCacheValues = {
      ...base(),
      resources: { memoryRequest: '300Mi', memoryLimit: '1Gi', cpuRequest: '', cpuLimit: '2' },
      placement: { build: [{ key: 'b', value: '1' }], pods: [{ key: 'p', value: '2' }] },
      route: {
        enabled: true,
        host: '',
        insecureEdgeTermination: 'Allow',
        allowedCidrs: '10.0.0.0/8',
      },
      devpi: {
        ...base().devpi,
        upstreamUrl: 'https://pypi.example.com/simple/',
        cacheExpiry: '60',
        requestTimeout: '9',
        offline: true,
      },
    };
    const read = valuesFromObjects(live(values), defaultValues());
    expect(read.resources).toEqual(values.resources);
    expect(read.placement).toEqual(values.placement);
    expect(read.route).toEqual(values.route);
    expect(read.devpi).toEqual(values.devpi);
  });
});

describe('rebaseEdit', () => {
  it("keeps the user's changes and takes everything else from the values read again", () => {
    const before = base();
    const edited = { ...before, resources: { ...before.resources, memoryLimit: '2Gi' } };
    const current = {
      ...before,
      placement: { ...before.placement, pods: [{ key: 'zone', value: 'b' }] },
    };
    const rebased = rebaseEdit(before, edited, current);
    expect(rebased.resources.memoryLimit).toBe('2Gi');
    expect(rebased.placement.pods).toEqual([{ key: 'zone', value: 'b' }]);
    expect(changedFields(current, rebased)).toEqual(['resources.memoryLimit']);
  });
});

describe('editStartValues', () => {
  it('takes what an edit changes from the live objects and the rest from the values annotation', () => {
    const values = { ...base(), devpi: { ...base().devpi, requestTimeout: '42' } };
    const objects = live(values);
    const container = objects.deployment.spec?.template.spec?.containers[0];
    if (container) container.resources = { limits: { memory: '3Gi' }, requests: { memory: '1Gi' } };
    const start = editStartValues(objects, defaultValues());
    expect(start.image.pythonTag).toBe('3.12-ubi9');
    expect(start.resources.memoryLimit).toBe('3Gi');
    expect(start.devpi.requestTimeout).toBe('42');

    const bare = {
      ...objects,
      deployment: {
        ...objects.deployment,
        metadata: { ...objects.deployment.metadata, annotations: {} },
      },
    };
    const fallback = editStartValues(bare, defaultValues());
    expect(fallback.devpi.requestTimeout).toBe('42');
    expect(fallback.image.pythonTag).toBe(defaultValues().image.pythonTag);
  });
});

describe('hasStaleStartScript', () => {
  it('is false for a cache this version made and true for an older start script, which an unchanged edit still replaces', () => {
    const values = base();
    expect(hasStaleStartScript(live(values).deployment)).toBe(false);
    const objects = live(values);
    const container = objects.deployment.spec?.template.spec?.containers[0];
    if (container) container.command = ['/bin/sh', '-c', 'old'];
    expect(hasStaleStartScript(objects.deployment)).toBe(true);
    const patches = editPatches(objects, values, structuredClone(values));
    expect(patches.map((p) => p.kind)).toEqual(['Deployment']);
    expect(JSON.stringify(patches[0]?.operations)).toContain(
      '/spec/template/spec/containers/0/command',
    );
  });
});

describe('a damaged values annotation', () => {
  /** A persistent cache whose values annotation an editor of the project rewrote. */
  const planted = () => {
    const values = { ...base(), storage: { ...base().storage, kind: 'persistent' as const } };
    const objects = live(values);
    const recorded = JSON.parse(
      objects.deployment.metadata?.annotations?.[ANNOTATION_VALUES] ?? '',
    );
    const damaged = {
      ...recorded,
      image: { ...recorded.image, devpiVersion: '6.19.1" && sh && echo "', command: 'sh' },
      devpi: { ...recorded.devpi, upstreamPassword: 'hunter2' },
    };
    const deployment: Deployment = {
      ...objects.deployment,
      metadata: {
        ...objects.deployment.metadata,
        annotations: { [ANNOTATION_VALUES]: JSON.stringify(damaged) },
      },
    };
    return { values, objects: { ...objects, deployment } };
  };

  it('names what was wrong, field by field, and is not damaged when readable or missing', () => {
    const { values, objects } = planted();
    expect(valuesProblems(objects.deployment)).toEqual(
      expect.arrayContaining([
        { path: 'image.devpiVersion', reason: 'value' },
        { path: 'image.command', reason: 'unknown' },
        { path: 'devpi.upstreamPassword', reason: 'size' },
      ]),
    );
    expect(hasDamagedValues(objects.deployment)).toBe(true);
    expect(hasDamagedValues(live(values).deployment)).toBe(false);
    const bare = { ...objects.deployment, metadata: { ...objects.deployment.metadata } };
    delete bare.metadata.annotations;
    expect(valuesProblems(bare)).toBeUndefined();
  });

  it('is never used by an edit, which starts from the live objects and defaults', () => {
    const { objects } = planted();
    const start = editStartValues(objects, defaultValues());
    expect(start.image.devpiVersion).toBe(defaultValues().image.devpiVersion);
    expect(start.devpi.upstreamPassword).toBe('');
    // The storage kind is read from the pod template, not taken from the defaults.
    expect(start.storage.kind).toBe('persistent');
  });

  it('is replaced by an unchanged edit with a fresh record rebuilt from the values, nothing else', () => {
    const { objects } = planted();
    const start = editStartValues(objects, defaultValues());
    const patches = editPatches(objects, start, structuredClone(start));
    expect(patches.map((patch) => patch.kind)).toEqual(['Deployment']);
    const operations = patches[0]?.operations ?? [];
    expect(operations.filter((op) => op.op !== 'test')).toHaveLength(1);
    const written = operations.find((op) => op.op === 'add');
    expect(written?.path).toBe('/metadata/annotations/pipcache-plugin~1values');
    const text = String(written && 'value' in written ? written.value : '');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('&&');
    const fresh = fromValuesAnnotation(text, defaultValues());
    expect(fresh).toEqual(start);
    expect(
      hasDamagedValues({
        ...objects.deployment,
        metadata: { annotations: { [ANNOTATION_VALUES]: text } },
      }),
    ).toBe(false);
  });
});
