import type { Page } from '@playwright/test';
import { cacheObjects, expect, test, type ClusterControl } from './fixtures';

/** A cache whose image was already built and pushed, with its running pod, as a cluster has it. */
const runningCache = (name = 'pipcache') => [
  ...cacheObjects(name).map((object) =>
    object.kind === 'ImageStream'
      ? {
          ...object,
          status: {
            tags: [
              {
                tag: 'latest',
                items: [
                  {
                    dockerImageReference: `image-registry.openshift-image-registry.svc:5000/demo/${name}@sha256:${'1'.repeat(64)}`,
                    image: `sha256:${'1'.repeat(64)}`,
                  },
                ],
              },
            ],
          },
        }
      : object,
  ),
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-first`,
      namespace: 'demo',
      labels: {
        'app.kubernetes.io/name': 'pipcache',
        'app.kubernetes.io/instance': name,
        'app.kubernetes.io/component': 'cache',
      },
    },
    spec: { containers: [{ name: 'devpi', image: 'devpi' }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'devpi', ready: true, state: { running: {} } }],
    },
  },
];

const deploymentOf = async (cluster: ClusterControl, name = 'pipcache') =>
  (await cluster.objects('Deployment', 'demo')).find((d) => d.metadata.name === name);

const openEdit = async (page: Page) => {
  await page.getByTestId('pipcache-edit').click();
  const modal = page.getByTestId('pipcache-edit-modal');
  await expect(modal).toBeVisible();
  return modal;
};

test.describe('editing a cache', () => {
  test('a new memory limit and node selector roll the pod and show on the page and in the Deployment', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-setting-memory')).toHaveText(
      'request 512Mi, limit 1536Mi',
    );
    await expect(page.getByTestId('pipcache-setting-pod-nodes')).toHaveText('Any node');

    const modal = await openEdit(page);
    const limit = modal.getByTestId('pipcache-edit-resources-memoryLimit');
    await expect(limit).toHaveValue('1536Mi');
    await expect(modal.getByTestId('pipcache-edit-ephemeral-warning')).toHaveCount(0);
    await limit.fill('lots');
    await expect(modal.getByTestId('pipcache-edit-resources-memoryLimit-error')).toHaveText(
      /Enter a size such as 512Mi/,
    );
    await expect(modal.getByTestId('pipcache-edit-save')).toBeDisabled();
    await limit.fill('128Mi');
    await expect(modal.getByTestId('pipcache-edit-resources-memoryLimit-error')).toContainText(
      'The request must not be larger than the limit (128Mi).',
    );
    await limit.fill('1Gi');
    await expect(modal.getByTestId('pipcache-edit-ephemeral-warning')).toContainText(
      'the restart empties it',
    );
    await modal.getByTestId('pipcache-edit-pod-selector-add').click();
    await modal.getByTestId('pipcache-edit-pod-selector-key-0').fill('disktype');
    await modal.getByTestId('pipcache-edit-pod-selector-value-0').fill('ssd');
    await modal.getByTestId('pipcache-edit-save').click();
    await expect(modal).toHaveCount(0);

    await expect(page.getByTestId('pipcache-setting-memory')).toHaveText(
      'request 512Mi, limit 1Gi',
    );
    await expect(page.getByTestId('pipcache-setting-pod-nodes')).toHaveText('disktype=ssd');

    const deployment = await deploymentOf(cluster);
    const template = deployment.spec.template.spec;
    expect(template.containers[0].resources.limits.memory).toBe('1Gi');
    expect(template.nodeSelector).toEqual({ disktype: 'ssd' });
    const recorded = JSON.parse(deployment.metadata.annotations['pipcache-plugin/values']);
    expect(recorded.resources.memoryLimit).toBe('1Gi');

    // The pod template changed, so the old pod is replaced by one with the new settings (as
    // the strategy is Recreate, the old one stops first and for a moment there is none).
    await expect
      .poll(async () => (await cluster.objects('Pod', 'demo')).map((p) => p.metadata.name))
      .toEqual([expect.not.stringMatching(/^pipcache-first$/)]);
    await expect
      .poll(async () => (await cluster.objects('Pod', 'demo')).map((p) => p.spec.nodeSelector))
      .toEqual([{ disktype: 'ssd' }]);
    const [pod] = await cluster.objects('Pod', 'demo');
    await page.getByTestId('pipcache-tab-objects').click();
    await expect(page.getByTestId('pipcache-objects')).toContainText(pod.metadata.name);
    await expect(page.getByTestId('pipcache-objects')).not.toContainText('pipcache-first');
  });

  test('the route policy, the allow-list, the build node selector and devpi options reach their objects', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    const modal = await openEdit(page);
    await modal.getByTestId('pipcache-edit-route-allow-http').check();
    await modal.getByTestId('pipcache-edit-route-allowedCidrs').fill('10.0.0.0/33');
    await expect(modal.getByTestId('pipcache-edit-route-allowedCidrs-error')).toHaveText(
      /10\.0\.0\.0\/33 is not a CIDR/,
    );
    await modal.getByTestId('pipcache-edit-route-allowedCidrs').fill('10.0.0.0/8 192.168.1.0/24');
    await modal.getByTestId('pipcache-edit-build-selector-add').click();
    await modal.getByTestId('pipcache-edit-build-selector-key-0').fill('builder');
    await modal.getByTestId('pipcache-edit-build-selector-value-0').fill('yes');
    await modal.getByTestId('pipcache-edit-devpi-requestTimeout').fill('60');
    await modal.getByTestId('pipcache-edit-offline').check();
    await modal.getByTestId('pipcache-edit-save').click();
    await expect(modal).toHaveCount(0);

    await expect(page.getByTestId('pipcache-setting-insecure')).toHaveText('Allowed');
    await expect(page.getByTestId('pipcache-setting-allowed')).toHaveText(
      '10.0.0.0/8 192.168.1.0/24',
    );
    await expect(page.getByTestId('pipcache-setting-build-nodes')).toHaveText('builder=yes');
    await expect(page.getByTestId('pipcache-setting-timeout')).toHaveText('60 s');
    await expect(page.getByTestId('pipcache-setting-offline')).toHaveText(
      'On: only cached packages are served',
    );

    // Both Routes (the simple pages and the files) get the same policy and allow-list.
    const routes = await cluster.objects('Route', 'demo');
    expect(routes.map((route: any) => route.metadata.name).sort()).toEqual([
      'pipcache',
      'pipcache-files',
    ]);
    for (const route of routes) {
      expect(route.spec.tls.insecureEdgeTerminationPolicy).toBe('Allow');
      expect(route.metadata.annotations['haproxy.router.openshift.io/ip_whitelist']).toBe(
        '10.0.0.0/8 192.168.1.0/24',
      );
    }
    const buildConfig = (await cluster.objects('BuildConfig', 'demo'))[0];
    expect(buildConfig.spec.nodeSelector).toEqual({ builder: 'yes' });
    const env = (await deploymentOf(cluster)).spec.template.spec.containers[0].env;
    expect(env).toEqual(
      expect.arrayContaining([
        { name: 'DEVPI_REQUEST_TIMEOUT', value: '60' },
        { name: 'DEVPI_OFFLINE', value: 'true' },
      ]),
    );
  });

  test('a cache of an earlier version gets the narrower Routes with its next save, the URL unchanged', async ({
    page,
    cluster,
  }) => {
    // Schema 1: one Route on /root/pypi with the host the API server generated, no N-files.
    const host = 'pipcache-demo.apps.demo.example.com';
    await cluster.seed(
      runningCache()
        .filter((object) => object.metadata.name !== 'pipcache-files')
        .map((object) =>
          object.kind === 'Route'
            ? { ...object, spec: { ...object.spec, host, path: '/root/pypi' } }
            : object,
        ),
    );
    await page.goto('/pipcache/ns/demo/pipcache');
    const url = `https://${host}/root/pypi/+simple/`;
    await expect(page.getByTestId('pipcache-external-url')).toContainText(url);
    await expect(page.getByTestId('pipcache-route-wider')).toContainText(
      'publishes all of /root/pypi',
    );
    await page.getByTestId('pipcache-route-wider-edit').click();
    const modal = page.getByTestId('pipcache-edit-modal');
    await expect(modal.getByTestId('pipcache-edit-route-split')).toContainText(
      'a second route pipcache-files with the same host',
    );
    await modal.getByTestId('pipcache-edit-save').click();
    await expect(modal).toHaveCount(0);

    const routes = await cluster.objects('Route', 'demo');
    expect(
      routes.map((route: any) => [route.metadata.name, route.spec.host, route.spec.path]).sort(),
    ).toEqual([
      ['pipcache', host, '/root/pypi/+simple'],
      ['pipcache-files', host, '/root/pypi/+f'],
    ]);
    // The router admits both (one host, two paths of one project): the URL stays as it was.
    await expect(page.getByTestId('pipcache-route-wider')).toHaveCount(0);
    await expect(page.getByTestId('pipcache-external-url')).toContainText(url);
  });

  test('a change made meanwhile is explained, kept, and not overwritten', async ({
    page,
    cluster,
    problems,
  }) => {
    // The refused dry run is logged by the browser; the dialog explains it.
    problems.allow.push(/status of 422/);
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    const modal = await openEdit(page);

    // Someone else raises the memory limit while the dialog is open.
    const other = await deploymentOf(cluster);
    other.spec.template.spec.containers[0].resources.limits.memory = '2Gi';
    delete other.metadata.resourceVersion;
    await cluster.seed([other]);

    await modal.getByTestId('pipcache-edit-pod-selector-add').click();
    await modal.getByTestId('pipcache-edit-pod-selector-key-0').fill('zone');
    await modal.getByTestId('pipcache-edit-pod-selector-value-0').fill('a');
    await modal.getByTestId('pipcache-edit-save').click();

    const conflict = modal.getByTestId('pipcache-edit-conflict');
    await expect(conflict).toContainText('Deployment pipcache changed meanwhile');
    await expect(modal.getByTestId('pipcache-edit-conflict-fields')).toHaveText(
      'Changed by the other edit: Memory limit',
    );
    // The form now shows the other change and still holds the user's own.
    await expect(modal.getByTestId('pipcache-edit-resources-memoryLimit')).toHaveValue('2Gi');
    await expect(modal.getByTestId('pipcache-edit-pod-selector-key-0')).toHaveValue('zone');
    let deployment = await deploymentOf(cluster);
    expect(deployment.spec.template.spec.nodeSelector).toBeUndefined();

    await modal.getByTestId('pipcache-edit-save').click();
    await expect(modal).toHaveCount(0);
    deployment = await deploymentOf(cluster);
    expect(deployment.spec.template.spec.nodeSelector).toEqual({ zone: 'a' });
    expect(deployment.spec.template.spec.containers[0].resources.limits.memory).toBe('2Gi');
    await expect(page.getByTestId('pipcache-setting-memory')).toHaveText(
      'request 512Mi, limit 2Gi',
    );
  });

  test('when one object refuses after another was saved, the dialog says which and retries the rest', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/500/);
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    const modal = await openEdit(page);
    await modal.getByTestId('pipcache-edit-build-selector-add').click();
    await modal.getByTestId('pipcache-edit-build-selector-key-0').fill('builder');
    await modal.getByTestId('pipcache-edit-resources-memoryLimit').fill('900Mi');
    // Writes: dry runs of the BuildConfig and the Deployment, then the BuildConfig, then the
    // Deployment: the fourth fails for real.
    await cluster.faults({
      failWrites: [
        { nth: 4, code: 500, message: 'etcdserver: request timed out', kind: 'Deployment' },
      ],
    });
    await modal.getByTestId('pipcache-edit-save').click();
    const report = modal.getByTestId('pipcache-edit-report');
    await expect(report).toContainText('Only some changes were saved');
    await expect(report).toContainText('BuildConfig pipcache: saved');
    await expect(report).toContainText(
      'Deployment pipcache: refused: etcdserver: request timed out',
    );
    expect((await cluster.objects('BuildConfig', 'demo'))[0].spec.nodeSelector).toEqual({
      builder: '',
    });
    expect(
      (await deploymentOf(cluster)).spec.template.spec.containers[0].resources.limits.memory,
    ).toBe('1536Mi');

    await modal.getByTestId('pipcache-edit-retry').click();
    await expect(modal).toHaveCount(0);
    expect(
      (await deploymentOf(cluster)).spec.template.spec.containers[0].resources.limits.memory,
    ).toBe('900Mi');
  });
});

test('Start build starts a new build and its phase shows as it runs', async ({ page, cluster }) => {
  await cluster.seed(runningCache());
  await page.goto('/pipcache/ns/demo/pipcache');
  await expect(page.getByTestId('pipcache-build-state')).toHaveText('No build yet');
  await page.getByTestId('pipcache-start-build').click();
  await expect(page.getByTestId('pipcache-build-state')).toHaveText(
    /^(Waiting to build|Building) \(pipcache-1\)$/,
  );
  await expect(page.getByTestId('pipcache-build-state')).toHaveText('Complete (pipcache-1)', {
    timeout: 20_000,
  });
  const builds = (await cluster.objects('Build', 'demo')).filter(
    (b) => b.metadata.labels?.buildconfig === 'pipcache',
  );
  expect(builds.map((b) => b.metadata.name)).toEqual(['pipcache-1']);
});

test.describe("devpi's own status", () => {
  test('shows the version, serial and last change, never server paths', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-devpi-version')).toHaveText('devpi-server 6.19.1');
    await expect(page.getByTestId('pipcache-devpi-serial')).toHaveText('serial 0');
    await expect(page.getByTestId('pipcache-devpi-last-commit')).toContainText('last change');
    await expect(page.getByTestId('pipcache-details-page').locator('..')).not.toContainText(
      '/opt/app-root',
    );
  });

  test('explains why it is not shown to a viewer, or before the pod is ready', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.seed(cacheObjects('starting', { ready: false }));
    await cluster.user('viewer');
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-devpi-status-unavailable')).toHaveText(
      /service proxy, which you may not use/,
    );
    await expect(page.getByTestId('pipcache-edit')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('pipcache-start-build')).toHaveAttribute('aria-disabled', 'true');
    await cluster.user('project-admin');
    await page.goto('/pipcache/ns/demo/starting');
    await expect(page.getByTestId('pipcache-devpi-status-unavailable')).toHaveText(
      "devpi's status is shown once its pod is ready.",
    );
  });
});

test('200 caches in one project use as many watches as one cache', async ({ page, cluster }) => {
  const watchesFor = async (count: number): Promise<string[]> => {
    await cluster.reset('empty');
    await cluster.user('project-admin');
    const objects = Array.from({ length: count }, (_, i) =>
      cacheObjects(`cache-${String(i).padStart(3, '0')}`),
    ).flat();
    await cluster.seed(objects);
    const watches: string[] = [];
    const listener = (socket: { url: () => string }) => {
      const url = new URL(socket.url());
      if (url.searchParams.get('watch') === 'true') watches.push(url.pathname);
    };
    page.on('websocket', listener);
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row').first()).toBeVisible();
    await expect(page.getByTestId('pipcache-list-page')).toContainText(
      `cache-${String(count - 1).padStart(3, '0')}`,
    );
    // The seven watched kinds and the template caches' DeploymentConfigs each open one watch,
    // not all at once: wait until all eight are open and no further one opened for a second.
    let last = -1;
    await expect
      .poll(
        () => {
          const size = new Set(watches).size;
          const settled = size === last && size >= 8;
          last = size;
          return settled;
        },
        { intervals: [1000], timeout: 20_000 },
      )
      .toBe(true);
    page.off('websocket', listener);
    return [...watches].sort();
  };
  const one = await watchesFor(1);
  const many = await watchesFor(200);
  expect(many).toEqual(one);
  expect(one.length).toBeGreaterThanOrEqual(8);
});

test.describe('what the pod went through', () => {
  test('an OOM kill of devpi shows on the page with its limit and opens Edit settings to raise it', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(runningCache());
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-setting-memory')).toBeVisible();
    await expect(page.getByTestId('pipcache-restarts')).toHaveCount(0);

    // The kubelet restarts a container killed at its memory limit and records why in lastState.
    const [pod] = (await cluster.objects('Pod', 'demo')).filter((p) =>
      String(p.metadata.name).startsWith('pipcache'),
    );
    // As the Deployment's pods do, it carries the pod template's labels (the watch selects on them).
    const templateLabels = (await deploymentOf(cluster)).spec.template.metadata.labels;
    await cluster.seed([
      {
        ...pod,
        metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, ...templateLabels } },
        status: {
          ...pod.status,
          containerStatuses: [
            {
              name: 'devpi',
              ready: true,
              restartCount: 2,
              state: { running: { startedAt: '2026-12-06T06:01:00Z' } },
              lastState: {
                terminated: {
                  reason: 'OOMKilled',
                  exitCode: 137,
                  finishedAt: '2026-12-06T06:00:58Z',
                },
              },
            },
          ],
        },
      },
    ]);
    const alert = page.getByTestId('pipcache-restarts');
    await expect(alert).toContainText(
      'devpi was killed for using more memory than its limit (OOMKilled)',
    );
    await expect(alert).toContainText('its memory limit of 1536Mi');
    await expect(alert).toContainText('Raise the memory limit above 1536Mi in Edit settings.');
    await expect(alert).toContainText('2 restarts of devpi so far.');
    await page.getByTestId('pipcache-restarts-edit').click();
    await expect(page.getByTestId('pipcache-edit-modal')).toBeVisible();
    await expect(page.getByTestId('pipcache-edit-resources-memoryLimit')).toHaveValue('1536Mi');
  });
});

test('a cache made with the old sizing is raised to the recommended one from Edit settings', async ({
  page,
  cluster,
}) => {
  // As caches were made before the sizing for a wave of builds: 768Mi, 100m, no arena cap.
  const old = runningCache().map((object) => {
    if (object.kind !== 'Deployment') return object;
    const container = object.spec.template.spec.containers[0];
    container.resources = {
      requests: { memory: '256Mi', cpu: '100m' },
      limits: { memory: '768Mi' },
    };
    container.env = container.env.filter(
      (entry: { name: string }) =>
        entry.name !== 'MALLOC_ARENA_MAX' && entry.name !== 'DEVPI_REQUEST_TIMEOUT',
    );
    return object;
  });
  await cluster.seed(old);
  await page.goto('/pipcache/ns/demo/pipcache');
  const modal = await openEdit(page);
  const sizing = modal.getByTestId('pipcache-edit-sizing');
  await expect(sizing).toContainText('The memory limit 768Mi is below 1536Mi');
  await expect(sizing).toContainText('The CPU request 100m is below 500m');
  await modal.getByTestId('pipcache-edit-use-recommended').click();
  await expect(sizing).toHaveCount(0);
  await modal.getByTestId('pipcache-edit-save').click();
  await expect(modal).toHaveCount(0);
  await expect(page.getByTestId('pipcache-setting-memory')).toHaveText(
    'request 512Mi, limit 1536Mi',
  );
  const container = (await deploymentOf(cluster)).spec.template.spec.containers[0];
  expect(container.resources).toEqual({
    requests: { memory: '512Mi', cpu: '500m' },
    limits: { memory: '1536Mi' },
  });
  expect(container.env).toEqual(
    expect.arrayContaining([
      { name: 'MALLOC_ARENA_MAX', value: '2' },
      { name: 'DEVPI_REQUEST_TIMEOUT', value: '30' },
    ]),
  );
});
