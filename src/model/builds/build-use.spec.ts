import {
  admitsBuildsFrom,
  cacheUseOf,
  envChanges,
  isPythonBuildConfig,
  selectorMatches,
  sortForCacheUse,
  stopUsingEnvChanges,
  cacheEnvChanges,
} from './build-use';
import type { BuildConfig, EnvEntry, NetworkPolicy } from '../shared';

const bc = (
  name: string,
  {
    image = 'python:3.12-ubi9',
    env,
    type = 'Source',
    annotations,
  }: {
    image?: string;
    env?: EnvEntry[];
    type?: 'Source' | 'Docker' | 'Custom';
    annotations?: Record<string, string>;
  } = {},
): BuildConfig => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name, namespace: 'team', ...(annotations ? { annotations } : {}) },
  spec: {
    source: { type: 'Git', git: { uri: 'https://example.com/app.git' } },
    strategy:
      type === 'Source'
        ? {
            type,
            sourceStrategy: {
              from: { kind: 'ImageStreamTag', name: image },
              ...(env ? { env } : {}),
            },
          }
        : type === 'Docker'
          ? {
              type,
              dockerStrategy: {
                from: { kind: 'DockerImage', name: image },
                ...(env ? { env } : {}),
              },
            }
          : { type },
  },
});

const URL_HTTP = 'http://pipcache.demo.svc/root/pypi/+simple/';

describe('cacheUseOf', () => {
  it('tells plugin-made, hand-made, none and unsupported apart', () => {
    expect(
      cacheUseOf(
        bc('a', {
          env: [{ name: 'PIP_INDEX_URL', value: URL_HTTP }],
          annotations: { 'pipcache-plugin/uses': 'demo/pipcache' },
        }),
      ),
    ).toEqual({
      kind: 'plugin',
      cache: { namespace: 'demo', name: 'pipcache' },
      indexUrl: URL_HTTP,
    });
    expect(cacheUseOf(bc('b', { env: [{ name: 'PIP_INDEX_URL', value: 'https://x/' }] }))).toEqual({
      kind: 'manual',
      indexUrl: 'https://x/',
    });
    expect(cacheUseOf(bc('c'))).toEqual({ kind: 'none' });
    expect(cacheUseOf(bc('d', { type: 'Custom' }))).toEqual({
      kind: 'unsupported',
      strategy: 'Custom',
    });
  });
});

describe('Python first', () => {
  it.each([
    ['python:3.12-ubi9', true],
    ['registry.access.redhat.com/ubi9/python-312@sha256:abc', true],
    ['nodejs:20-ubi9', false],
    ['quay.io/pythonista/nodejs:1', false],
  ])('%s is Python: %s', (image, python) => {
    expect(isPythonBuildConfig(bc('x', { image }))).toBe(python);
  });

  it('sorts Python BuildConfigs before the others, each by name', () => {
    const sorted = sortForCacheUse([
      bc('zeta', { image: 'nodejs:20' }),
      bc('beta'),
      bc('alpha', { image: 'golang:1.22' }),
      bc('able'),
    ]);
    expect(sorted.map((item) => item.metadata.name)).toEqual(['able', 'beta', 'alpha', 'zeta']);
  });
});

describe('env change preview', () => {
  it('shows replaced, added and kept entries, and never a secret value', () => {
    const config = bc('a', {
      env: [
        { name: 'PIP_INDEX_URL', value: 'https://old/simple/' },
        { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      ],
    });
    expect(cacheEnvChanges(config, URL_HTTP)).toEqual([
      { name: 'PIP_INDEX_URL', before: 'https://old/simple/', after: URL_HTTP, change: 'replaced' },
      { name: 'TOKEN', before: '(secretKeyRef)', after: '(secretKeyRef)', change: 'kept' },
      { name: 'PIP_TRUSTED_HOST', before: undefined, after: 'pipcache.demo.svc', change: 'added' },
      { name: 'PIP_RETRIES', before: undefined, after: '8', change: 'added' },
      { name: 'UV_DEFAULT_INDEX', before: undefined, after: URL_HTTP, change: 'added' },
    ]);
  });

  it('lists removed entries last', () => {
    expect(envChanges([{ name: 'A', value: '1' }], [])).toEqual([
      { name: 'A', before: '1', change: 'removed' },
    ]);
  });
});

describe('network policies and builds from other projects', () => {
  const pods = { 'app.kubernetes.io/name': 'pipcache', 'app.kubernetes.io/instance': 'pipcache' };
  const policy = (spec: NetworkPolicy['spec'], namespace = 'demo'): NetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'p', namespace },
    spec,
  });
  const client = { name: 'team', labels: {} };

  it('admits everything when no policy selects the pods', () => {
    expect(admitsBuildsFrom([], pods, 'demo', client)).toBe(true);
    expect(
      admitsBuildsFrom(
        [policy({ podSelector: { matchLabels: { app: 'other' } }, ingress: [] })],
        pods,
        'demo',
        client,
      ),
    ).toBe(true);
  });

  it('blocks with a deny-all policy, and with one that admits only the own project', () => {
    expect(admitsBuildsFrom([policy({ podSelector: {}, ingress: [] })], pods, 'demo', client)).toBe(
      false,
    );
    const own = policy({ podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] });
    expect(admitsBuildsFrom([own], pods, 'demo', client)).toBe(false);
    expect(admitsBuildsFrom([own], pods, 'demo', { name: 'demo', labels: {} })).toBe(true);
  });

  it('admits a project named by a namespace selector on devpi port, not on another port', () => {
    const named = (port: number) =>
      policy({
        podSelector: { matchLabels: pods },
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchExpressions: [
                    { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team'] },
                  ],
                },
              },
            ],
            ports: [{ protocol: 'TCP', port }],
          },
        ],
      });
    expect(admitsBuildsFrom([named(8080)], pods, 'demo', client)).toBe(true);
    expect(admitsBuildsFrom([named(9090)], pods, 'demo', client)).toBe(false);
    expect(admitsBuildsFrom([named(8080)], pods, 'demo', { name: 'other', labels: {} })).toBe(
      false,
    );
  });

  it('ignores Egress-only policies', () => {
    expect(
      admitsBuildsFrom(
        [policy({ podSelector: {}, policyTypes: ['Egress'] })],
        pods,
        'demo',
        client,
      ),
    ).toBe(true);
  });

  it('matches label selectors as Kubernetes does', () => {
    expect(selectorMatches({}, { a: '1' })).toBe(true);
    expect(selectorMatches({ matchLabels: { a: '1' } }, { a: '2' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {})).toBe(
      false,
    );
    expect(
      selectorMatches({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, {}),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: '' }),
    ).toBe(false);
  });
});

describe('stop using preview', () => {
  it('shows the old index coming back and the managed variables going', async () => {
    const { cacheUsePatch } = await import('./buildconfig-patch');
    const { applyJsonPatch } = await import('../../../integration-tests/cluster-api/patch');
    const start = bc('a', { env: [{ name: 'PIP_INDEX_URL', value: 'https://old/simple/' }] });
    const used = applyJsonPatch(
      start,
      cacheUsePatch(start, { namespace: 'demo', name: 'pipcache' }, URL_HTTP) ?? [],
    );
    expect(stopUsingEnvChanges(used)).toEqual([
      { name: 'PIP_INDEX_URL', before: URL_HTTP, after: 'https://old/simple/', change: 'replaced' },
      { name: 'PIP_TRUSTED_HOST', before: 'pipcache.demo.svc', change: 'removed' },
      { name: 'PIP_RETRIES', before: '8', change: 'removed' },
      { name: 'UV_DEFAULT_INDEX', before: URL_HTTP, change: 'removed' },
    ]);
    expect(stopUsingEnvChanges(start)).toBeUndefined();
  });
});
