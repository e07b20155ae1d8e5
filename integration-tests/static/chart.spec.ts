import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import * as yaml from 'js-yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { restrictedProblems, type PodSpecLike } from '../../src/model/shared';

const root = path.resolve(__dirname, '../..');
const chart = path.join(root, 'charts/pipcache-plugin');
let helm: string;

type Obj = Record<string, any>;

/** Images by digest, as the chart requires them (test values: nothing is pulled). */
const PLUGIN_IMAGE = `quay.io/pipcache/pipcache-plugin@sha256:${'a'.repeat(64)}`;
const JOB_IMAGE = `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${'b'.repeat(64)}`;
const IMAGES = ['--set', `plugin.image=${PLUGIN_IMAGE}`, '--set', `plugin.jobImage=${JOB_IMAGE}`];

const render = (...args: string[]): Obj[] => {
  const out = execFileSync(
    helm,
    ['template', 'pipcache-plugin', chart, '-n', 'pipcache-plugin', ...IMAGES, ...args],
    {
      encoding: 'utf8',
    },
  );
  return (yaml.loadAll(out) as (Obj | null)[]).filter((doc): doc is Obj => doc !== null);
};

const byKind = (objects: Obj[], kind: string, name?: string): Obj => {
  const found = objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''} rendered`);
  return found;
};

/** The ConsolePlugin v1 fields the console operator's CRD requires, as far as we use them. */
const consolePluginSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'console.openshift.io/v1' },
    kind: { const: 'ConsolePlugin' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' } },
    },
    spec: {
      type: 'object',
      required: ['displayName', 'backend'],
      additionalProperties: false,
      properties: {
        displayName: { type: 'string', minLength: 1, maxLength: 128 },
        i18n: {
          type: 'object',
          required: ['loadType'],
          properties: { loadType: { enum: ['Preload', 'Lazy', ''] } },
        },
        backend: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: { enum: ['Service'] },
            service: {
              type: 'object',
              required: ['name', 'namespace', 'port'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1 },
                namespace: { type: 'string', minLength: 1 },
                port: { type: 'integer', minimum: 1, maximum: 65535 },
                basePath: { type: 'string', pattern: '^/' },
              },
            },
          },
        },
        proxy: { type: 'array' },
        contentSecurityPolicy: { type: 'array' },
      },
    },
  },
};

const MODELS: Record<string, (data: Obj) => { validate(): void }> = {
  ConfigMap: (data) => new ConfigMap(data),
  Service: (data) => new Service(data),
  ServiceAccount: (data) => new ServiceAccount(data),
  Deployment: (data) => new Deployment(data),
  Job: (data) => new Job(data),
  ClusterRole: (data) => new ClusterRole(data),
  ClusterRoleBinding: (data) => new ClusterRoleBinding(data as never),
};

beforeAll(() => {
  const bin = execFileSync('bash', [path.join(root, 'scripts/get-helm.sh')], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  helm = path.join(bin, 'helm');
}, 180_000);

describe('charts/pipcache-plugin', () => {
  it('passes helm lint --strict', () => {
    const result = spawnSync(helm, ['lint', '--strict', chart, ...IMAGES], { encoding: 'utf8' });
    expect(result.stdout).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });

  it('fails helm lint --strict on values its schema rejects', () => {
    const bad = path.join(os.tmpdir(), `pipcache-bad-values-${process.pid}.yaml`);
    fs.writeFileSync(bad, 'plugin:\n  replicas: two\n  name: Not_A_Name\n');
    const result = spawnSync(helm, ['lint', '--strict', chart, ...IMAGES, '-f', bad], {
      encoding: 'utf8',
    });
    fs.rmSync(bad);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/replicas/);
  });

  it('takes every image by digest only: a tag or no image at all is refused', () => {
    const template = (...args: string[]) =>
      spawnSync(helm, ['template', 'pipcache-plugin', chart, ...args], { encoding: 'utf8' });
    const missing = template('--set', `plugin.jobImage=${JOB_IMAGE}`);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('plugin.image is required: an image by digest');
    const tagged = template(
      ...IMAGES,
      '--set',
      'plugin.jobImage=registry.redhat.io/openshift4/ose-cli:latest',
    );
    expect(tagged.status).not.toBe(0);
    expect(tagged.stderr).toMatch(/jobImage/);
    const objects = render();
    const images = objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .flatMap((o) => o.spec.template.spec.containers.map((c: Obj) => c.image as string));
    expect(images.sort()).toEqual([JOB_IMAGE, JOB_IMAGE, PLUGIN_IMAGE].sort());
    for (const image of images) expect(image).toMatch(/@sha256:[a-f0-9]{64}$/);
  });

  it('renders valid objects named pipcache-plugin', () => {
    const objects = render();
    expect(objects.map((o) => o.kind).sort()).toEqual(
      [
        'ClusterRole',
        'ClusterRoleBinding',
        'ConfigMap',
        'ConsolePlugin',
        'Deployment',
        'Job',
        'Job',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
    for (const object of objects) {
      const model = MODELS[object.kind];
      if (model) expect(() => model(object).validate()).not.toThrow();
    }
    const ajv = new Ajv({ allErrors: true });
    const plugin = byKind(objects, 'ConsolePlugin');
    expect(ajv.validate(consolePluginSchema, plugin) ? [] : ajv.errors).toEqual([]);
    expect(plugin.metadata.name).toBe('pipcache-plugin');
    expect(plugin.spec.i18n.loadType).toBe('Preload');
    expect(byKind(objects, 'Deployment').metadata.name).toBe('pipcache-plugin');
    expect(byKind(objects, 'Service').metadata.name).toBe('pipcache-plugin');
  });

  it('serves TLS on 9443 with the service CA certificate, wired end to end', () => {
    const objects = render();
    const service = byKind(objects, 'Service');
    const deployment = byKind(objects, 'Deployment');
    const plugin = byKind(objects, 'ConsolePlugin');
    const nginx = byKind(objects, 'ConfigMap').data['nginx.conf'] as string;
    const secret =
      service.metadata.annotations['service.beta.openshift.io/serving-cert-secret-name'];
    const pod = deployment.spec.template.spec;
    expect(pod.volumes.find((v: Obj) => v.name === 'certificate').secret.secretName).toBe(secret);
    expect(service.spec.ports[0].port).toBe(9443);
    expect(plugin.spec.backend.service).toMatchObject({
      name: 'pipcache-plugin',
      namespace: 'pipcache-plugin',
      port: 9443,
    });
    expect(pod.containers[0].ports[0].containerPort).toBe(9443);
    expect(nginx).toMatch(/listen 9443 ssl;/);
    // Only .mjs is added to nginx's mime.types (which maps js and json): no duplicate warnings.
    expect(/types \{([^}]*)\}/.exec(nginx)?.[1]?.trim()).toBe('application/javascript mjs;');
    expect(nginx).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;$/m);
    expect(nginx).toMatch(/nosniff/);
    expect(nginx).toMatch(/pid \/tmp\/nginx.pid;/);
  });

  it('passes restricted-v2 in every pod it ships', () => {
    const objects = render();
    const pods = objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .map((o) => [o.metadata.name, o.spec.template.spec as PodSpecLike] as const);
    expect(pods).toHaveLength(3);
    for (const [name, spec] of pods) {
      expect({ name, problems: restrictedProblems(spec) }).toEqual({ name, problems: [] });
    }
  });

  it('enables the plugin after install and disables it before delete, with least privilege', () => {
    const objects = render();
    const enable = byKind(objects, 'Job', 'pipcache-plugin-enable');
    const disable = byKind(objects, 'Job', 'pipcache-plugin-disable');
    expect(enable.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(disable.metadata.annotations['helm.sh/hook']).toBe('pre-delete');
    expect(enable.spec.template.spec.containers[0].args[0]).toContain('/spec/plugins/-');
    expect(disable.spec.template.spec.containers[0].args[0]).toContain('\\"op\\":\\"test\\"');
    // The patcher's RBAC exists only while a hook runs: created before the jobs of each event,
    // deleted once they succeeded (or failed), never a standing part of the release.
    for (const kind of ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']) {
      const object = byKind(objects, kind, 'pipcache-plugin-console-patcher');
      expect(object.metadata.annotations).toEqual({
        'helm.sh/hook': 'post-install,post-upgrade,pre-delete',
        'helm.sh/hook-weight': '-10',
        'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded,hook-failed',
      });
    }
    // Job pods carry their own labels: the Deployment's and the Service's selectors match none.
    const deployment = byKind(objects, 'Deployment');
    const service = byKind(objects, 'Service');
    for (const job of [enable, disable]) {
      const labels = job.spec.template.metadata.labels as Record<string, string>;
      expect(labels['app.kubernetes.io/component']).toBe('console-patcher');
      for (const selector of [deployment.spec.selector.matchLabels, service.spec.selector]) {
        const matches = Object.entries(selector as Record<string, string>).every(
          ([key, value]) => labels[key] === value,
        );
        expect(matches).toBe(false);
      }
    }
    const role = byKind(objects, 'ClusterRole');
    expect(role.rules).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = byKind(objects, 'ClusterRoleBinding');
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: enable.spec.template.spec.serviceAccountName,
        namespace: 'pipcache-plugin',
      },
    ]);
  });

  it('takes image, replicas, resources and placement from values, and can leave enabling to the admin', () => {
    const objects = render(
      '--set',
      `plugin.image=registry.example.com/team/pipcache-plugin@sha256:${'c'.repeat(64)}`,
      '--set',
      'plugin.replicas=3',
      '--set',
      'plugin.resources.limits.memory=64Mi',
      '--set',
      'plugin.nodeSelector.node-role\\.kubernetes\\.io/infra=',
      '--set',
      'plugin.tolerations[0].key=node-role.kubernetes.io/infra',
      '--set',
      'plugin.tolerations[0].effect=NoSchedule',
      '--set',
      'plugin.enable=false',
    );
    const deployment = byKind(objects, 'Deployment');
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBe(3);
    expect(pod.containers[0].image).toBe(
      `registry.example.com/team/pipcache-plugin@sha256:${'c'.repeat(64)}`,
    );
    expect(pod.containers[0].resources.limits.memory).toBe('64Mi');
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/infra': '' });
    expect(pod.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/infra', effect: 'NoSchedule' },
    ]);
    expect(objects.map((o) => o.kind)).not.toContain('Job');
    expect(objects.map((o) => o.kind)).not.toContain('ClusterRole');
    expect(() => new Deployment(deployment as never).validate()).not.toThrow();
  });
});
