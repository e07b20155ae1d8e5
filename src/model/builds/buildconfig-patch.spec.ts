import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import {
  stopUsingCachePatch,
  cacheUsePatch,
  usedCache,
  pointerSegment,
  strategyEnv,
} from './buildconfig-patch';
import type { BuildConfig, EnvEntry } from '../shared';

const bc = (
  type: 'Source' | 'Docker',
  env?: EnvEntry[],
  annotations?: Record<string, string>,
): BuildConfig => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name: 'app', namespace: 'team', ...(annotations ? { annotations } : {}) },
  spec: {
    source: { type: 'Git', git: { uri: 'https://github.com/team/app.git' } },
    strategy:
      type === 'Source'
        ? {
            type,
            sourceStrategy: {
              from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9', namespace: 'openshift' },
              ...(env ? { env } : {}),
            },
          }
        : { type, dockerStrategy: { ...(env ? { env } : {}) } },
  },
});

const cache = { namespace: 'demo', name: 'pipcache' };
const HTTP = 'http://pipcache.demo.svc/root/pypi/+simple/';
const HTTPS = 'https://pipcache-demo.apps.example.com/root/pypi/+simple/';

const use = (config: BuildConfig, url = HTTP): BuildConfig =>
  applyJsonPatch(config, cacheUsePatch(config, cache, url));
const stop = (config: BuildConfig): BuildConfig =>
  applyJsonPatch(config, stopUsingCachePatch(config));

/** Every starting shape of env the patch must handle, for both strategies. */
const SHAPES: [string, EnvEntry[] | undefined][] = [
  ['no env at all', undefined],
  ['an empty env', []],
  [
    'other variables only',
    [
      { name: 'APP_MODE', value: 'prod' },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ],
  ],
  [
    'an old PIP_INDEX_URL among others',
    [
      { name: 'A', value: '1' },
      { name: 'PIP_INDEX_URL', value: 'https://old.example.com/simple/' },
      { name: 'B', value: '2' },
    ],
  ],
  [
    'an old index and trusted host from a Secret',
    [
      { name: 'PIP_TRUSTED_HOST', valueFrom: { secretKeyRef: { name: 'pip', key: 'host' } } },
      { name: 'PIP_INDEX_URL', value: 'http://old/simple/' },
    ],
  ],
];

describe.each(['Source', 'Docker'] as const)('%s strategy', (type) => {
  it.each(SHAPES)('uses the cache and restores exactly, starting from %s', (_label, env) => {
    const original = bc(type, env, { keep: 'me' });
    const using = use(original);
    const names = strategyEnv(using).map((e) => e.name);
    expect(strategyEnv(using)).toEqual(
      expect.arrayContaining([
        { name: 'PIP_INDEX_URL', value: HTTP },
        { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
        { name: 'UV_DEFAULT_INDEX', value: HTTP },
      ]),
    );
    expect(names.filter((n) => n === 'PIP_INDEX_URL')).toHaveLength(1);
    // Variables the plugin does not manage are kept, in their order.
    expect(
      strategyEnv(using).filter((e) => !e.name.startsWith('PIP_') && !e.name.startsWith('UV_')),
    ).toEqual((env ?? []).filter((e) => !e.name.startsWith('PIP_')));
    expect(usedCache(using)).toEqual(cache);
    expect(using.metadata.annotations?.keep).toBe('me');
    expect(stop(using)).toEqual(original);
  });

  it('keeps the first recorded values when switching caches, so stop still restores the original', () => {
    const original = bc(type, [
      { name: 'PIP_INDEX_URL', value: 'https://old.example.com/simple/' },
    ]);
    const switched = use(use(original), HTTPS);
    expect(strategyEnv(switched)).toEqual([
      { name: 'PIP_INDEX_URL', value: HTTPS },
      { name: 'PIP_RETRIES', value: '8' },
      { name: 'UV_DEFAULT_INDEX', value: HTTPS },
    ]);
    expect(stop(switched)).toEqual(original);
  });
});

describe('guards', () => {
  it('fails instead of overwriting when someone changed the env after it was read', () => {
    const original = bc('Source', [{ name: 'A', value: '1' }]);
    const patch = cacheUsePatch(original, cache, HTTP)!;
    const changed = bc('Source', [{ name: 'A', value: '2' }]);
    expect(() => applyJsonPatch(changed, patch)).toThrow();
  });

  it('fails when the env appeared meanwhile on a BuildConfig that had none', () => {
    const patch = cacheUsePatch(bc('Docker'), cache, HTTP)!;
    expect(() => applyJsonPatch(bc('Docker', [{ name: 'X', value: 'y' }]), patch)).toThrow();
  });

  it('offers nothing for strategies without an env it manages, or to stop what it did not start', () => {
    const custom = {
      ...bc('Source'),
      spec: { ...bc('Source').spec, strategy: { type: 'Custom' as const } },
    };
    expect(cacheUsePatch(custom, cache, HTTP)).toBeUndefined();
    expect(
      stopUsingCachePatch(bc('Source', [{ name: 'PIP_INDEX_URL', value: 'x' }])),
    ).toBeUndefined();
  });

  it('escapes annotation keys as JSON Pointer segments', () => {
    expect(pointerSegment('pipcache-plugin/uses')).toBe('pipcache-plugin~1uses');
    expect(pointerSegment('a~b/c')).toBe('a~0b~1c');
  });
});
