import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { groupCacheObjects, parseBuildConfig, parseWatchedLists } from './cache-resources';

const object = (
  kind: string,
  namespace: string,
  name: string,
  instance?: string,
): K8sResourceCommon => ({
  kind,
  metadata: {
    namespace,
    name,
    labels: instance
      ? { 'app.kubernetes.io/instance': instance, 'app.kubernetes.io/name': 'pipcache' }
      : {},
  },
});

describe('groupCacheObjects', () => {
  it('puts each object under the cache of its instance label in its own project', () => {
    const caches = groupCacheObjects({
      deployments: [
        object('Deployment', 'a', 'one', 'one'),
        object('Deployment', 'b', 'one', 'one'),
      ],
      services: [object('Service', 'a', 'one', 'one'), object('Service', 'b', 'one', 'one')],
      routes: [object('Route', 'a', 'one', 'one')],
      pods: [object('Pod', 'a', 'one-abc', 'one'), object('Pod', 'a', 'one-def', 'one')],
    });
    expect([...caches.keys()].sort()).toEqual(['a/one', 'b/one']);
    const a = caches.get('a/one')!;
    expect(a.pods.map((p) => p.metadata?.name)).toEqual(['one-abc', 'one-def']);
    expect(a.routes).toHaveLength(1);
    expect(caches.get('b/one')!.routes).toHaveLength(0);
    expect(caches.get('b/one')!.services).toHaveLength(1);
  });

  it('ignores objects of an instance without a Deployment and objects without the label', () => {
    const caches = groupCacheObjects({
      deployments: [object('Deployment', 'a', 'one', 'one')],
      services: [object('Service', 'a', 'two', 'two'), object('Service', 'a', 'x')],
    });
    expect(caches.get('a/one')!.services).toEqual([]);
    expect(caches.size).toBe(1);
  });
});

describe('parsing watched objects', () => {
  const labels = { 'app.kubernetes.io/instance': 'one' };
  const deployment = (extra: Record<string, unknown> = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace: 'a', name: 'one', labels },
    spec: { template: { spec: { containers: [] } } },
    ...extra,
  });

  it('types each list by its kind and keeps objects whose items leave kind out', () => {
    const lists = parseWatchedLists({
      deployments: [deployment()],
      routes: [{ metadata: { namespace: 'a', name: 'one', labels }, spec: { to: {} } }],
    });
    expect(lists.deployments[0]?.spec?.template.spec?.containers).toEqual([]);
    expect(lists.routes).toHaveLength(1);
    expect(lists.pods).toEqual([]);
  });

  it('leaves out what is not an object of the watched kind in the shape the views read', () => {
    const lists = parseWatchedLists({
      deployments: [
        deployment({ kind: 'StatefulSet' }),
        deployment({ apiVersion: 'apps/v1beta1' }),
        deployment({ spec: { template: 'x' } }),
        deployment({ spec: { template: { spec: { containers: 'devpi' } } } }),
        deployment({ metadata: { name: 'one', labels } }),
        deployment({ metadata: { namespace: 'a', name: 'one', labels: { a: 1 } } }),
        deployment({ metadata: { namespace: 'a', name: 'one', annotations: [] } }),
        null,
        'one',
        deployment(),
      ],
      services: [{ kind: 'Service', metadata: 'one' }],
    });
    expect(lists.deployments).toHaveLength(1);
    expect(lists.services).toEqual([]);
  });

  it('groups only parsed objects', () => {
    const caches = groupCacheObjects({
      deployments: [deployment({ kind: 'Pod' }), deployment()],
      pods: [object('Pod', 'a', 'p', 'one'), { ...object('Pod', 'a', 'q', 'one'), kind: 'Secret' }],
    });
    expect(caches.get('a/one')?.pods.map((pod) => pod.metadata?.name)).toEqual(['p']);
  });
});

describe('parseBuildConfig', () => {
  const buildConfig = (strategy: unknown, extra: Record<string, unknown> = {}): unknown => ({
    apiVersion: 'build.openshift.io/v1',
    kind: 'BuildConfig',
    metadata: { namespace: 'team', name: 'app', annotations: { a: 'b' } },
    spec: { strategy },
    ...extra,
  });
  const source = {
    type: 'Source',
    sourceStrategy: { env: [{ name: 'PIP_INDEX_URL', value: 'x' }] },
  };

  it('keeps a BuildConfig in the shape the plugin reads, also when a list item leaves kind out', () => {
    const input = buildConfig(source);
    expect(parseBuildConfig(input)).toBe(input);
    expect(parseBuildConfig(buildConfig({ type: 'Docker' }, { kind: undefined }))).toBeDefined();
    expect(parseBuildConfig(buildConfig({ type: 'Custom', customStrategy: {} }))).toBeDefined();
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'BuildConfig'],
    ['another kind', buildConfig(source, { kind: 'Build' })],
    ['another API version', buildConfig(source, { apiVersion: 'v1' })],
    ['no spec', buildConfig(source, { spec: undefined })],
    ['no strategy', buildConfig(undefined)],
    ['a strategy without a type', buildConfig({ sourceStrategy: {} })],
    ['an env that is not a list', buildConfig({ type: 'Source', sourceStrategy: { env: {} } })],
    ['an env entry without a name', buildConfig({ type: 'Docker', dockerStrategy: { env: [{}] } })],
    [
      'an env value that is not a string',
      buildConfig({ type: 'Source', sourceStrategy: { env: [{ name: 'A', value: 1 }] } }),
    ],
    ['a strategy that is a list', buildConfig({ type: 'Source', sourceStrategy: [] })],
    [
      'annotations that are not strings',
      {
        ...(buildConfig(source) as object),
        metadata: { namespace: 'a', name: 'b', annotations: { a: 1 } },
      },
    ],
  ])('leaves out %s', (_what, input) => {
    expect(parseBuildConfig(input)).toBeUndefined();
  });
});
