import Ajv from 'ajv';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import buildConfigSchema from './schemas/buildconfig.json';
import imageStreamSchema from './schemas/imagestream.json';
import routeSchema from './schemas/route.json';
import {
  ANNOTATION_VALUES,
  type Deployment as DeploymentType,
  type BuildConfig,
  type Route,
  restrictedProblems,
  type PodSpecLike,
} from '../shared';
import { generateSecrets, randomString } from './generated-secrets';
import { buildManifests, SECRET_PLACEHOLDER, type CacheManifest } from './manifests';
import { seededRandom } from '../../test-support/test-utils';
import { defaultValues, type PipCacheValues } from './values';

const facts = {
  pythonTags: ['3.9-ubi8', '3.11-ubi9', '3.12-ubi9', 'latest'],
  allowedStrategies: ['docker', 's2i'] as const,
  canBuild: true,
};
const base = (): PipCacheValues =>
  defaultValues({ ...facts, allowedStrategies: [...facts.allowedStrategies] });
const options = { pluginVersion: '0.1.0', rendering: 'create' as const };

const plan = (values: PipCacheValues, rendering: 'create' | 'preview' = 'create') =>
  buildManifests(values, 'demo', seededRandom(7), { ...options, rendering }).map((p) => p.object);

const find = <K extends CacheManifest['kind']>(
  objects: CacheManifest[],
  kind: K,
): Extract<CacheManifest, { kind: K }> => {
  const found = objects.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found as Extract<CacheManifest, { kind: K }>;
};

const ajv = new Ajv({ allErrors: true, strict: false });
const SCHEMAS: Record<string, ReturnType<typeof ajv.compile>> = {
  Route: ajv.compile(routeSchema),
  BuildConfig: ajv.compile(buildConfigSchema),
  ImageStream: ajv.compile(imageStreamSchema),
};
const MODELS: Record<string, (o: never) => { validate(): void }> = {
  Secret: (o) => new Secret(o),
  ConfigMap: (o) => new ConfigMap(o),
  PersistentVolumeClaim: (o) => new PersistentVolumeClaim(o),
  Service: (o) => new Service(o),
  Deployment: (o) => new Deployment(o),
  NetworkPolicy: (o) => new NetworkPolicy(o),
};

/** Every variant the form can produce, for the checks that hold for all of them. */
const VARIANTS: [string, (v: PipCacheValues) => PipCacheValues][] = [
  ['defaults (ephemeral, Docker build)', (v) => v],
  [
    'persistent with a class',
    (v) => ({
      ...v,
      storage: { ...v.storage, kind: 'persistent', size: '512Mi', storageClass: 'fast-local' },
    }),
  ],
  ['s2i build from a ConfigMap', (v) => ({ ...v, image: { ...v.image, strategy: 's2i' } })],
  [
    'git source with webhook',
    (v) => ({ ...v, image: { ...v.image, source: 'git', githubWebhook: true, gitRef: 'main' } }),
  ],
  [
    'existing image, no route',
    (v) => ({
      ...v,
      image: { ...v.image, source: 'image', reference: 'quay.io/team/devpi:6.19.1' },
      route: { ...v.route, enabled: false },
    }),
  ],
  [
    'everything on',
    (v) => ({
      ...v,
      placement: {
        build: [{ key: 'speed', value: 'fast' }],
        pods: [{ key: 'speed', value: 'fast' }],
      },
      route: {
        ...v.route,
        host: 'pypi.apps.example.com',
        insecureEdgeTermination: 'Allow',
        allowedCidrs: '10.0.0.0/8 192.168.0.0/16',
      },
      devpi: {
        upstreamUrl: 'https://nexus.example.com/simple/',
        upstreamUsername: 'bob',
        upstreamPassword: 's3cret-upstream',
        cacheExpiry: '600',
        requestTimeout: '30',
        offline: true,
      },
      proxy: {
        enabled: true,
        httpProxy: 'http://proxy:3128',
        httpsProxy: 'http://proxy:3128',
        noProxy: '.svc',
        trustedCa: true,
      },
      network: { policy: true, clientProjects: 'team-a team-b' },
      labels: [{ key: 'cost-center', value: '42' }],
      resources: { memoryRequest: '256Mi', memoryLimit: '1Gi', cpuRequest: '250m', cpuLimit: '2' },
    }),
  ],
];

describe.each(VARIANTS)('manifests: %s', (_label, change) => {
  const values = change(base());
  const objects = plan(values);

  it('are valid objects of their kinds', () => {
    for (const object of objects) {
      const schema = SCHEMAS[object.kind];
      if (schema) {
        expect({ kind: object.kind, ok: schema(object), errors: schema.errors ?? null }).toEqual({
          kind: object.kind,
          ok: true,
          errors: null,
        });
      } else {
        const model = MODELS[object.kind];
        expect(model).toBeDefined();
        expect(() => model!(object as never).validate()).not.toThrow();
      }
    }
  });

  it('carry the resource contract labels, and only the contract names', () => {
    for (const object of objects) {
      expect(object.metadata?.labels).toMatchObject({
        'app.kubernetes.io/name': 'pipcache',
        'app.kubernetes.io/instance': values.name,
        'app.kubernetes.io/managed-by': 'pipcache-plugin',
        'app.kubernetes.io/part-of': values.name,
      });
      expect(object.metadata?.name).toMatch(
        /^pipcache(-root|-webhook|-source|-data|-allow-clients|-trusted-ca|-files)?$/,
      );
      expect(object.metadata?.namespace).toBe('demo');
    }
  });

  it('run devpi in a pod that passes restricted-v2', () => {
    const deployment = find(objects, 'Deployment');
    expect(restrictedProblems(deployment.spec!.template.spec as PodSpecLike)).toEqual([]);
    // devpi never calls the API server: no service account token is mounted into its pod.
    expect(deployment.spec!.template.spec?.automountServiceAccountToken).toBe(false);
  });

  it('keep every secret out of the preview and the values annotation', () => {
    const preview = JSON.stringify(plan(values, 'preview'));
    const secrets = generateSecrets(seededRandom(7));
    for (const secret of [secrets.rootPassword, secrets.webhookSecret, 's3cret-upstream']) {
      expect(preview).not.toContain(secret);
    }
    expect(preview).toContain(SECRET_PLACEHOLDER);
    const annotation = find(objects, 'Deployment').metadata!.annotations![ANNOTATION_VALUES]!;
    expect(annotation).not.toContain('s3cret-upstream');
    expect(annotation).not.toContain(secrets.rootPassword);
    expect(JSON.parse(annotation)).toMatchObject({ schema: 2, name: values.name });
  });

  it('create the objects a reference names before the object that names it', () => {
    const order = objects.map((o) => `${o.kind}/${o.metadata?.name ?? ''}`);
    const before = (a: string, b: string) => {
      if (order.includes(a) && order.includes(b))
        expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    };
    before('Secret/pipcache-root', 'Deployment/pipcache');
    before('PersistentVolumeClaim/pipcache-data', 'Deployment/pipcache');
    before('ConfigMap/pipcache-source', 'BuildConfig/pipcache');
    before('Secret/pipcache-webhook', 'BuildConfig/pipcache');
    before('ImageStream/pipcache', 'BuildConfig/pipcache');
    before('Service/pipcache', 'Route/pipcache');
    before('Route/pipcache', 'Route/pipcache-files');
  });
});

describe('manifest details', () => {
  it('starts devpi as the facts about devpi-server 6 require', () => {
    const deployment = find(plan(base()), 'Deployment') as DeploymentType;
    const container = deployment.spec!.template.spec!.containers[0]!;
    const script = container.command!.join(' ');
    // Its behaviour is proven by integration-tests/devpi-stand-in/start-script.spec.ts.
    expect(script).toContain('[ ! -f "$SERVERDIR/.pipcache-initialised" ]');
    expect(script).toContain(
      'DEVPISERVER_ROOT_PASSWD="$DEVPI_ROOT_PASSWORD" devpi-init --serverdir "$SERVERDIR" &',
    );
    expect(script).not.toContain('--root-passwd');
    expect(script).toContain('--restrict-modify root');
    expect(script).not.toContain('--init ');
    expect(script).toContain('"${DEVPISERVER_PORT:-8080}"');
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'DEVPISERVER_ARGON2_MEMORY_COST', value: '65536' },
        {
          name: 'DEVPI_ROOT_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'pipcache-root', key: 'password' } },
        },
      ]),
    );
    expect(container.startupProbe?.httpGet?.path).toBe('/+api');
    expect(container.readinessProbe?.httpGet?.path).toBe('/+api');
    expect(container.resources).toEqual({
      requests: { memory: '512Mi', cpu: '500m' },
      limits: { memory: '1536Mi', cpu: '2' },
    });
    expect(container.env).toContainEqual({ name: 'MALLOC_ARENA_MAX', value: '2' });
    expect(container.env).toContainEqual({ name: 'DEVPI_REQUEST_TIMEOUT', value: '30' });
    expect(deployment.spec!.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec!.replicas).toBe(1);
    expect(JSON.parse(deployment.metadata!.annotations!['image.openshift.io/triggers']!)).toEqual([
      {
        from: { kind: 'ImageStreamTag', name: 'pipcache:latest' },
        fieldPath: 'spec.template.spec.containers[?(@.name=="devpi")].image',
      },
    ]);
    expect(deployment.spec!.template.spec!.volumes!.map((v) => v.name)).toEqual(['data', 'tmp']);
  });

  it('publishes only the simple pages and the files, on two Routes of one host, edge TLS', () => {
    const planned = buildManifests(base(), 'demo', seededRandom(1), {
      pluginVersion: '0.1.0',
      rendering: 'create',
    });
    const routes = planned.filter((p) => p.object.kind === 'Route');
    expect(routes.map((p) => [p.object.metadata?.name, (p.object as Route).spec.path])).toEqual([
      ['pipcache', '/root/pypi/+simple'],
      ['pipcache-files', '/root/pypi/+f'],
    ]);
    for (const { object } of routes) {
      expect((object as Route).spec).toMatchObject({
        to: { kind: 'Service', name: 'pipcache' },
        tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
      });
      expect((object as Route).spec.host).toBeUndefined();
    }
    // Without a typed host, N-files takes the host the API server generates for N.
    expect(routes.map((p) => p.hostFrom)).toEqual([undefined, 'pipcache']);
  });

  it('gives both Routes a typed host and allow-list, and needs no host copied then', () => {
    const values = base();
    values.route = { ...values.route, host: 'pypi.example.com', allowedCidrs: '10.0.0.0/8' };
    const planned = buildManifests(values, 'demo', seededRandom(1), {
      pluginVersion: '0.1.0',
      rendering: 'create',
    }).filter((p) => p.object.kind === 'Route');
    expect(planned.map((p) => (p.object as Route).spec.host)).toEqual([
      'pypi.example.com',
      'pypi.example.com',
    ]);
    expect(planned.map((p) => p.object.metadata?.annotations)).toEqual([
      { 'haproxy.router.openshift.io/ip_whitelist': '10.0.0.0/8' },
      { 'haproxy.router.openshift.io/ip_whitelist': '10.0.0.0/8' },
    ]);
    expect(planned.map((p) => p.hostFrom)).toEqual([undefined, undefined]);
  });

  it('builds with the Docker strategy from the python image stream, pinning devpi-server', () => {
    const bc = find(plan(base()), 'BuildConfig') as BuildConfig;
    expect(bc.spec.strategy).toEqual({
      type: 'Docker',
      dockerStrategy: {
        from: { kind: 'ImageStreamTag', namespace: 'openshift', name: 'python:3.12-ubi9' },
      },
    });
    expect(bc.spec.source.dockerfile).toContain(
      'pip install --no-cache-dir "devpi-server==6.19.1"',
    );
    expect(bc.spec.source.dockerfile).not.toContain('devpi-web');
    expect(bc.spec.triggers?.map((trigger) => trigger.type)).toEqual([
      'ConfigChange',
      'ImageChange',
    ]);
  });

  it('pins the normal form of a version PEP 440 spells otherwise, for both strategies', () => {
    const typed = (strategy: 'docker' | 's2i') => {
      const values = base();
      return { ...values, image: { ...values.image, strategy, devpiVersion: '6.19.1-beta' } };
    };
    const docker = plan(typed('docker'));
    expect((find(docker, 'BuildConfig') as BuildConfig).spec.source.dockerfile).toContain(
      '"devpi-server==6.19.1b0"',
    );
    const annotation = find(docker, 'Deployment').metadata?.annotations?.[ANNOTATION_VALUES];
    expect(JSON.parse(annotation ?? '{}')).toMatchObject({ image: { devpiVersion: '6.19.1b0' } });
    const requirements = plan(typed('s2i')).find(
      (o) => o.kind === 'ConfigMap' && o.metadata?.name?.endsWith('-source'),
    );
    expect(requirements?.kind === 'ConfigMap' && requirements.data?.['requirements.txt']).toBe(
      'devpi-server==6.19.1b0\n',
    );
  });

  it('admits the router, host-network traffic and its own project in the NetworkPolicy', () => {
    const values = { ...base(), network: { policy: true, clientProjects: '' } };
    const policy = find(plan(values), 'NetworkPolicy');
    const from = JSON.stringify(policy.spec!.ingress![0]!.from);
    expect(from).toContain('policy-group.network.openshift.io/ingress');
    expect(from).toContain('policy-group.network.openshift.io/host-network');
    expect(from).toContain('"podSelector":{}');
  });

  it('generates unbiased alphanumeric secrets of the right length, once', () => {
    const text = randomString(seededRandom(1), 1000);
    expect(text).toMatch(/^[A-Za-z0-9]{1000}$/);
    const secrets = generateSecrets(seededRandom(3));
    expect(secrets.rootPassword).toHaveLength(32);
    expect(secrets.webhookSecret).toHaveLength(40);
    const fixed = buildManifests(base(), 'demo', seededRandom(9), { ...options, secrets });
    const root = find(
      fixed.map((p) => p.object),
      'Secret',
    );
    expect(root.stringData?.password).toBe(secrets.rootPassword);
  });
});
