import {
  buildManifests,
  defaultValues,
  type BuildStrategyKind,
  type ImageSourceKind,
  type PipCacheValues,
  type StorageKind,
} from '../cache';
import { restrictedProblems, type PodSpecLike } from './pod-security';
import { seededRandom } from '../../test-support/test-utils';

/** A pod spec that passes restricted-v2 and Pod Security "restricted", to break one way at a time. */
const good = (): PodSpecLike => ({
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'devpi',
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
      },
    },
  ],
  volumes: [{ name: 'data', emptyDir: {} }],
});

const withContainer = (context: Record<string, unknown>): PodSpecLike => {
  const spec = good();
  const container = spec.containers![0]!;
  return {
    ...spec,
    containers: [{ ...container, securityContext: { ...container.securityContext, ...context } }],
  };
};

describe('restrictedProblems (the checker itself)', () => {
  it('passes the reference pod', () => expect(restrictedProblems(good())).toEqual([]));

  it.each<[string, PodSpecLike, RegExp]>([
    ['host network', { ...good(), hostNetwork: true }, /host namespaces/],
    ['host PID', { ...good(), hostPID: true }, /host namespaces/],
    [
      'pinned runAsUser',
      { ...good(), securityContext: { ...good().securityContext, runAsUser: 0 } },
      /runAsUser/,
    ],
    [
      'pinned fsGroup',
      { ...good(), securityContext: { ...good().securityContext, fsGroup: 1000 } },
      /fsGroup/,
    ],
    [
      'hostPath volume',
      { ...good(), volumes: [{ name: 'root', hostPath: { path: '/' } }] },
      /hostPath/,
    ],
    [
      'an NFS volume',
      { ...good(), volumes: [{ name: 'share', nfs: { server: 'nas', path: '/x' } }] },
      /type restricted forbids \(nfs\)/,
    ],
    ['privileged', withContainer({ privileged: true }), /privileged/],
    [
      'privilege escalation left open',
      withContainer({ allowPrivilegeEscalation: undefined }),
      /privilege escalation/,
    ],
    ['capabilities kept', withContainer({ capabilities: {} }), /drop ALL/],
    [
      'capability added',
      withContainer({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } }),
      /adds capabilities/,
    ],
    ['may run as root', withContainer({ runAsNonRoot: false }), /may run as root/],
    ['unconfined seccomp', withContainer({ seccompProfile: { type: 'Unconfined' } }), /seccomp/],
    ['writable root', withContainer({ readOnlyRootFilesystem: false }), /writable root/],
    [
      'an init container that breaks the rules',
      { ...good(), initContainers: [{ name: 'init', securityContext: {} }] },
      /container init/,
    ],
  ])('finds %s', (_label, spec, expected) => {
    expect(restrictedProblems(spec).join('; ')).toMatch(expected);
  });
});

const SOURCES: [ImageSourceKind, BuildStrategyKind][] = [
  ['build', 'docker'],
  ['build', 's2i'],
  ['git', 'docker'],
  ['image', 'docker'],
];
const STORAGE: StorageKind[] = ['ephemeral', 'persistent'];

const variant = (
  source: ImageSourceKind,
  strategy: BuildStrategyKind,
  storage: StorageKind,
  extras: boolean,
): PipCacheValues => {
  const base = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker', 's2i'],
    canBuild: true,
  });
  return {
    ...base,
    storage: { ...base.storage, kind: storage, size: '1Gi' },
    image: { ...base.image, source, strategy, reference: 'quay.io/team/devpi:6.19.1' },
    devpi: extras
      ? {
          ...base.devpi,
          upstreamUrl: 'https://nexus.example.com/simple/',
          upstreamUsername: 'bob',
          upstreamPassword: 'pw',
        }
      : base.devpi,
    proxy: extras
      ? {
          enabled: true,
          httpProxy: 'http://proxy:3128',
          httpsProxy: 'http://proxy:3128',
          noProxy: '.svc',
          trustedCa: true,
        }
      : base.proxy,
    network: { ...base.network, policy: extras },
  };
};

/** Every pod template among the manifests, whatever kind carries it. */
const podSpecs = (values: PipCacheValues) =>
  buildManifests(values, 'demo', seededRandom(3), { pluginVersion: '0.1.0', rendering: 'create' })
    .map(
      ({ object }) =>
        object as {
          kind: string;
          metadata?: { name?: string };
          spec?: { template?: { spec?: PodSpecLike } };
        },
    )
    .filter((object) => object.spec?.template?.spec !== undefined)
    .map(
      (object) =>
        [`${object.kind}/${object.metadata?.name ?? ''}`, object.spec!.template!.spec!] as const,
    );

describe('every pod the plugin creates passes restricted-v2 and Pod Security "restricted"', () => {
  const cases = SOURCES.flatMap(([source, strategy]) =>
    STORAGE.flatMap((storage) =>
      [false, true].map(
        (extras) =>
          [
            `${source}/${strategy}, ${storage}${extras ? ', with upstream credentials, proxy and policy' : ''}`,
            source,
            strategy,
            storage,
            extras,
          ] as const,
      ),
    ),
  );

  it.each(cases)('%s', (_label, source, strategy, storage, extras) => {
    const specs = podSpecs(variant(source, strategy, storage, extras));
    // The Deployment is the only pod template; builds run in pods of the build controller.
    expect(specs.map(([name]) => name)).toEqual(['Deployment/pipcache']);
    for (const [name, spec] of specs) {
      expect({ name, problems: restrictedProblems(spec) }).toEqual({ name, problems: [] });
    }
  });
});
