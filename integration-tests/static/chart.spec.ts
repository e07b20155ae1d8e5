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
import { restrictedProblems, type PodSpecLike } from '../../src/model/pod-security';

const root = path.resolve(__dirname, '../..');
const chart = path.join(root, 'charts/pipcache-plugin');
let helm: string;

type Obj = Record<string, any>;

const render = (...args: string[]): Obj[] => {
  const out = execFileSync(
    helm,
    ['template', 'pipcache-plugin', chart, '-n', 'pipcache-plugin', ...args],
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
    const result = spawnSync(helm, ['lint', '--strict', chart], { encoding: 'utf8' });
    expect(result.stdout).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });

  it('fails helm lint --strict on values its schema rejects', () => {
    const bad = path.join(os.tmpdir(), `pipcache-bad-values-${process.pid}.yaml`);
    fs.writeFileSync(bad, 'plugin:\n  replicas: two\n  name: Not_A_Name\n');
    const result = spawnSync(helm, ['lint', '--strict', chart, '-f', bad], { encoding: 'utf8' });
    fs.rmSync(bad);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/replicas/);
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
    expect(nginx).toMatch(/application\/javascript js/);
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
      'plugin.image=registry.example.com/team/pipcache-plugin:1.2.3',
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
    expect(pod.containers[0].image).toBe('registry.example.com/team/pipcache-plugin:1.2.3');
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
