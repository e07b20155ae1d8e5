import { ANNOTATION_VALUES } from '../shared';
import { editPatches, envWithDevpiOptions } from './edit-patches';
import { ALLOW_LIST_ANNOTATION } from './edit-values';
import { DEVPI_COMMAND, fromValuesAnnotation, defaultValues, type PipCacheValues } from '../cache';
import {
  editBase as base,
  liveObjects as live,
  withRouteSettings,
} from '../../test-support/edit-objects';

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
    const allowed = withRouteSettings(values, {
      insecureEdgeTermination: 'Allow',
      allowedCidrs: '10.0.0.0/8  192.168.0.0/16',
    });
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
    const requested = withRouteSettings(values, {
      insecureEdgeTermination: 'Allow',
      allowedCidrs: '10.0.0.0/8',
    });
    const routes = editPatches(live(values), values, requested).filter((p) => p.kind === 'Route');
    expect(routes.map((p) => [p.name, p.operations[0]?.value])).toEqual([
      ['pipcache', '13'],
      ['pipcache-files', '14'],
    ]);
    expect(routes[0]?.operations.slice(1)).toEqual(routes[1]?.operations.slice(1));
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
