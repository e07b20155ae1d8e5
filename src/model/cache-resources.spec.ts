import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { groupCacheObjects } from './cache-resources';

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
