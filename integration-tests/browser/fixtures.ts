import { test as base, expect, type Page } from '@playwright/test';
import '../console/src/shell-state';
import { buildManifests, defaultValues } from '../../src/model/cache';

type UserName = 'project-admin' | 'editor' | 'viewer' | 'cluster-admin';

/** Talks to the in-memory cluster's control API. */
export class ClusterControl {
  constructor(private readonly page: Page) {}

  async reset(seed: 'demo' | 'empty' = 'demo'): Promise<void> {
    await this.post('/__cluster/reset', { seed });
  }

  async user(user: UserName): Promise<void> {
    await this.post('/__cluster/user', { user });
  }

  async seed(objects: unknown[]): Promise<void> {
    await this.post('/__cluster/objects', { objects });
  }

  async objects(kind?: string, namespace?: string): Promise<any[]> {
    const query = new URLSearchParams();
    if (kind) query.set('kind', kind);
    if (namespace) query.set('namespace', namespace);
    const response = await this.page.request.get(`/__cluster/objects?${query.toString()}`);
    return (await response.json()) as any[];
  }

  /** Sets the bytes that the in-memory Prometheus reports in use on a claim's volume. */
  async diskUsage(claim: string, bytes: number, namespace = 'demo'): Promise<void> {
    await this.post('/__cluster/disk-usage', { namespace, claim, bytes: Math.round(bytes) });
  }

  /** Switches the cluster's optional parts (reset with the cluster before each test). */
  async capabilities(
    capabilities: Partial<Record<'build' | 'monitoring' | 'developerPerspective', boolean>>,
  ): Promise<void> {
    await this.post('/__cluster/capabilities', capabilities);
  }

  async faults(faults: Record<string, unknown>): Promise<void> {
    await this.post('/__cluster/faults', faults);
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await this.page.request.post(path, { data: body });
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  }
}

/** Problems the page reported: errors, CSP violations, missing facades, 401s. */
interface PageProblems {
  errors: string[];
  allow: RegExp[];
}

export const test = base.extend<{ cluster: ClusterControl; problems: PageProblems }>({
  // Every test starts from a fresh demo cluster as the project admin, whether it uses the
  // control API itself or not.
  cluster: [
    async ({ page }, use) => {
      const control = new ClusterControl(page);
      await control.reset('demo');
      await control.user('project-admin');
      await use(control);
    },
    { auto: true },
  ],
  problems: [
    async ({ page }, use) => {
      const problems: PageProblems = { errors: [], allow: [] };
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.errors.push(message.text());
      });
      page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
      await use(problems);
      const state = await page
        .evaluate(() => ({
          missing: window.shellState?.missingFacades() ?? [],
          unauthorized: window.shellState?.unauthorizedUrls ?? [],
        }))
        .catch(() => ({ missing: [] as string[], unauthorized: [] as string[] }));
      expect(state.missing, 'console facades the plugin used but the shell lacks').toEqual([]);
      expect(state.unauthorized, 'requests answered 401 (a real console would log out)').toEqual(
        [],
      );
      const unexpected = problems.errors.filter(
        (text) => !problems.allow.some((pattern) => pattern.test(text)),
      );
      expect(unexpected, 'console errors, page errors and CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The anchor Deployment of a cache, as the model makes it (the one of `cacheObjects`), ready or
 * not: seeding it alone changes the state of a cache, or makes a cache of its Deployment only.
 */
export const cacheDeployment = (name: string, namespace = 'demo', ready = true) =>
  cacheObjects(name, { namespace, ready }).find((object) => object.kind === 'Deployment');

/**
 * The objects the plugin would create for a cache (from the model itself), with the status a
 * running cluster would give them, ready to seed into the in-memory cluster.
 */
export const cacheObjects = (
  name: string,
  {
    namespace = 'demo',
    ready = true,
    persistent = false,
    admitted = true as boolean | string,
    route = true,
    extraLabels = {} as Record<string, string>,
  } = {},
): any[] => {
  const defaults = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });
  const values = {
    ...defaults,
    name,
    route: { ...defaults.route, enabled: route },
    storage: {
      kind: persistent ? ('persistent' as const) : ('ephemeral' as const),
      size: '1Gi',
      storageClass: 'standard-csi',
      dataPath: '/opt/app-root/data',
    },
    labels: Object.entries(extraLabels).map(([key, value]) => ({ key, value })),
  };
  const host = `${name}-${namespace}.apps.demo.example.com`;
  return buildManifests(values, namespace, (n) => new Uint8Array(n).fill(7), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map(({ object }) => {
    const copy = JSON.parse(JSON.stringify(object)) as any;
    if (copy.kind === 'Deployment')
      copy.status = ready
        ? { replicas: 1, readyReplicas: 1, availableReplicas: 1 }
        : { replicas: 1 };
    if (copy.kind === 'Route') {
      copy.status = {
        ingress: [
          {
            host,
            conditions: [
              admitted === true
                ? { type: 'Admitted', status: 'True' }
                : {
                    type: 'Admitted',
                    status: 'False',
                    reason: typeof admitted === 'string' ? admitted : 'HostAlreadyClaimed',
                  },
            ],
          },
        ],
      };
    }
    if (copy.kind === 'PersistentVolumeClaim')
      copy.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
    return copy;
  });
};

export interface EnvEntry {
  name: string;
  value?: string;
}

/** An application's BuildConfig, as Import from Git makes one. */
export const appBuildConfig = (
  name: string,
  {
    env,
    image = 'python:3.12-ubi9',
    namespace = 'demo',
  }: { env?: EnvEntry[]; image?: string; namespace?: string } = {},
) => ({
  apiVersion: 'build.openshift.io/v1',
  kind: 'BuildConfig',
  metadata: { name, namespace, labels: { app: name } },
  spec: {
    source: { type: 'Git', git: { uri: `https://git.example.com/team/${name}.git` } },
    strategy: {
      type: 'Source',
      sourceStrategy: {
        from: { kind: 'ImageStreamTag', name: image, namespace: 'openshift' },
        ...(env ? { env } : {}),
      },
    },
    output: { to: { kind: 'ImageStreamTag', name: `${name}:latest` } },
  },
});

/**
 * The running, ready pod of a persistent cache, mounting its claim `<name>-data`: the kubelet
 * reports only mounted volumes, so disk figures need it.
 */
export const runningPod = (name: string, namespace = 'demo') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: `${name}-7d9f-abcde`,
    namespace,
    labels: { 'app.kubernetes.io/name': 'pipcache', 'app.kubernetes.io/instance': name },
  },
  spec: {
    containers: [{ name: 'devpi', image: 'devpi:latest' }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } }],
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});
