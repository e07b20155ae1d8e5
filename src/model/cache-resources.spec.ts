import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { groupCacheObjects, parseWatchedLists } from './cache-resources';

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
