import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import {
  clusterPipDefaults,
  stopUsingCacheForAllBuildsPatch,
  allBuildsCachePatch,
  type ClusterBuildConfig,
} from './build-defaults';

const config = (spec?: ClusterBuildConfig['spec']): ClusterBuildConfig => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'Build',
  metadata: { name: 'cluster', resourceVersion: '7' },
  ...(spec ? { spec } : {}),
});

const cache = { namespace: 'demo', name: 'pipcache' };
const URL_HTTP = 'http://pipcache.demo.svc/root/pypi/+simple/';

describe('cluster build defaults', () => {
  it.each([
    ['no spec', config()],
    ['no buildDefaults', config({})],
    ['empty buildDefaults', config({ buildDefaults: {} })],
    ['an env without pip', config({ buildDefaults: { env: [{ name: 'TZ', value: 'UTC' }] } })],
    [
      'an old PIP_INDEX_URL',
      config({
        buildDefaults: {
          env: [
            { name: 'PIP_INDEX_URL', value: 'https://old.example.com/simple/' },
            { name: 'TZ', value: 'UTC' },
          ],
          imageLabels: [{ name: 'a', value: 'b' }],
        },
      }),
    ],
  ])(
    'with %s: sets the pip variables, keeps the rest, and undo restores it exactly',
    (_, start) => {
      const used = applyJsonPatch(start, allBuildsCachePatch(start, cache, URL_HTTP));
      const env = used.spec?.buildDefaults?.env ?? [];
      expect(env).toEqual(
        expect.arrayContaining([
          { name: 'PIP_INDEX_URL', value: URL_HTTP },
          { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
          { name: 'UV_DEFAULT_INDEX', value: URL_HTTP },
        ]),
      );
      const others = (start.spec?.buildDefaults?.env ?? []).filter((e) => e.name === 'TZ');
      expect(env.filter((e) => e.name === 'TZ')).toEqual(others);
      expect(clusterPipDefaults(used).cache).toEqual(cache);

      const undo = stopUsingCacheForAllBuildsPatch(used);
      expect(undo).toBeDefined();
      const restored = applyJsonPatch(used, undo ?? []);
      expect(restored.spec?.buildDefaults?.env).toEqual(start.spec?.buildDefaults?.env);
      expect(restored.metadata.annotations).toBeUndefined();
      expect(clusterPipDefaults(restored).cache).toBeUndefined();
    },
  );

  it('fails its guard when someone changed the defaults meanwhile', () => {
    const start = config({ buildDefaults: { env: [{ name: 'TZ', value: 'UTC' }] } });
    const patch = allBuildsCachePatch(start, cache, URL_HTTP);
    const changed = config({ buildDefaults: { env: [{ name: 'TZ', value: 'CET' }] } });
    expect(() => applyJsonPatch(changed, patch)).toThrow();
  });

  it('has nothing to undo where the plugin did not set the defaults', () => {
    const manual = config({
      buildDefaults: { env: [{ name: 'PIP_INDEX_URL', value: 'https://x.example.com/' }] },
    });
    expect(stopUsingCacheForAllBuildsPatch(manual)).toBeUndefined();
    expect(clusterPipDefaults(manual).entries).toEqual([
      { name: 'PIP_INDEX_URL', value: 'https://x.example.com/' },
    ]);
  });
});
