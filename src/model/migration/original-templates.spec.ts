import type { BuildConfig, Deployment } from '../shared';
import {
  buildManifests,
  type CacheManifest,
  defaultValues,
  ORIGINAL_GIT_URL,
  type PipCacheValues,
} from '../cache';
import { seededRandom } from '../../test-support/test-utils';

/**
 * The original README's example — `oc process pipcache-template-persistent -p
 * VOLUME_CAPACITY=512Mi`, then `oc patch bc/pipcache` and `dc/pipcache` with the node selector
 * `speed=fast` — through the model, showing where each original template parameter landed.
 */
describe('the original README example through the model', () => {
  const values: PipCacheValues = {
    ...defaultValues({
      pythonTags: ['3.12-ubi9'],
      allowedStrategies: ['docker', 's2i'],
      canBuild: true,
    }),
    name: 'pipcache',
    storage: {
      kind: 'persistent',
      size: '512Mi',
      storageClass: '',
      dataPath: '/opt/app-root/data',
    },
    placement: {
      build: [{ key: 'speed', value: 'fast' }],
      pods: [{ key: 'speed', value: 'fast' }],
    },
  };
  const objects = buildManifests(values, 'infra', seededRandom(1), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const get = <K extends CacheManifest['kind']>(kind: K): Extract<CacheManifest, { kind: K }> => {
    const found = objects.find((o) => o.kind === kind);
    if (!found) throw new Error(`no ${kind} was planned`);
    return found as Extract<CacheManifest, { kind: K }>;
  };

  it('NAME names every object (default pipcache)', () => {
    expect(
      new Set(objects.map((o) => o.metadata?.name?.replace(/-(root|data|files)$/, ''))),
    ).toEqual(new Set(['pipcache']));
  });

  it('VOLUME_CAPACITY becomes the ReadWriteOnce PVC pipcache-data of 512Mi', () => {
    const pvc = get('PersistentVolumeClaim');
    expect(pvc.metadata?.name).toBe('pipcache-data');
    expect(pvc.spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '512Mi' } },
    });
  });

  it('the hand-made `oc patch` node selectors are form fields for the build and the pods', () => {
    expect(get('BuildConfig').spec.nodeSelector).toEqual({ speed: 'fast' });
    expect(get('Deployment').spec?.template.spec?.nodeSelector).toEqual({
      speed: 'fast',
    });
  });

  it('DATA_VOLUME is where the data volume is mounted and devpi keeps its server directory', () => {
    const container = get('Deployment').spec!.template.spec!.containers[0]!;
    expect(container.volumeMounts).toContainEqual({
      name: 'data',
      mountPath: '/opt/app-root/data',
    });
    expect(container.env).toContainEqual({
      name: 'DEVPISERVER_SERVERDIR',
      value: '/opt/app-root/data/server',
    });
  });

  it('MEMORY_LIMIT and CPU_LIMIT are resource fields; memory defaults high enough for devpi 6', () => {
    const container = get('Deployment').spec!.template.spec!.containers[0]!;
    expect(container.resources?.limits).toEqual({ memory: '1536Mi', cpu: '2' });
    const withCpu = buildManifests(
      { ...values, resources: { ...values.resources, cpuLimit: '1' } },
      'infra',
      seededRandom(1),
      {
        pluginVersion: '0.1.0',
        rendering: 'create',
      },
    );
    const limited = withCpu.find((p) => p.object.kind === 'Deployment')!.object as Deployment;
    expect(limited.spec!.template.spec!.containers[0]!.resources?.limits).toEqual({
      memory: '1536Mi',
      cpu: '1',
    });
  });

  it('NAMESPACE of the builder image stream is openshift, with a python tag the cluster has', () => {
    const strategy = get('BuildConfig').spec.strategy;
    expect(strategy.dockerStrategy?.from).toEqual({
      kind: 'ImageStreamTag',
      namespace: 'openshift',
      name: 'python:3.12-ubi9',
    });
  });

  it('APPLICATION_DOMAIN is the route host (blank = generated); the route is edge TLS, redirecting', () => {
    const route = get('Route');
    expect(route.spec.host).toBeUndefined();
    expect(route.spec.tls).toEqual({
      termination: 'edge',
      insecureEdgeTerminationPolicy: 'Redirect',
    });
  });

  it('SOURCE_REPOSITORY_URL, SOURCE_REPOSITORY_REF, CONTEXT_DIR and GITHUB_WEBHOOK_SECRET live on as the git image source', () => {
    const git = buildManifests(
      {
        ...values,
        image: {
          ...values.image,
          source: 'git',
          gitRef: 'master',
          contextDir: 'src',
          githubWebhook: true,
        },
      },
      'infra',
      seededRandom(1),
      { pluginVersion: '0.1.0', rendering: 'create' },
    ).map((p) => p.object);
    const bc = git.find((o) => o.kind === 'BuildConfig') as BuildConfig;
    expect(bc.spec.source).toEqual({
      type: 'Git',
      git: { uri: ORIGINAL_GIT_URL, ref: 'master' },
      contextDir: 'src',
    });
    expect(bc.spec.triggers).toContainEqual({
      type: 'GitHub',
      github: { secretReference: { name: 'pipcache-webhook' } },
    });
    const webhook = git.find((o) => o.metadata?.name === 'pipcache-webhook');
    expect(webhook).toMatchObject({
      kind: 'Secret',
      stringData: { WebHookSecretKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/) as string },
    });
  });

  it('replaces the DeploymentConfig with a Deployment, Recreate, with an image trigger', () => {
    const deployment = get('Deployment');
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec?.strategy?.type).toBe('Recreate');
    expect(deployment.metadata?.annotations?.['image.openshift.io/triggers']).toContain(
      'pipcache:latest',
    );
  });
});
