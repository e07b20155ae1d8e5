import type { Page } from '@playwright/test';
import { cacheObjects, expect, test } from './fixtures';

/** Objects of the cache `name` that the plugin made (the controllers add builds and pods). */
const cacheParts = async (
  cluster: { objects: (kind?: string, namespace?: string) => Promise<any[]> },
  name = 'pipcache',
) =>
  (await cluster.objects(undefined, 'demo'))
    .filter(
      (o) =>
        o.metadata.labels?.['app.kubernetes.io/instance'] === name &&
        !['Build', 'Pod'].includes(o.kind),
    )
    .map((o) => `${o.kind}/${o.metadata.name}`);

/** Counts the requests the page sends to devpi's `/+api` through the service proxy. */
const countProbes = (page: Page) => {
  const probes: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/proxy/+api')) probes.push(request.url());
  });
  return probes;
};

/**
 * Closes the page's watch sockets. The page opens them just after its first lists answer, so
 * this asks until at least one socket was really dropped.
 */
const dropWatches = async (page: Page) => {
  await expect
    .poll(async () => {
      const response = await page.request.post('/__cluster/drop-watches');
      return ((await response.json()) as { dropped: number }).dropped;
    })
    .toBeGreaterThan(0);
};

// The default cache is seven objects: seven dry runs are writes 1–7, the real creates 8–14 in
// the order Secret, ImageStream, BuildConfig, Service, Deployment, Route, Route (the files).
const STATUS_CLASSES = [
  { code: 403, nth: 12, object: 'Deployment pipcache', message: 'exceeded quota: compute' },
  { code: 409, nth: 13, object: 'Route pipcache', message: 'routes "pipcache" already exists' },
  {
    code: 409,
    nth: 14,
    object: 'Route pipcache-files',
    message: 'routes "pipcache-files" already exists',
  },
  { code: 422, nth: 8, object: 'Secret pipcache-root', message: 'data: Invalid value' },
  {
    code: 504,
    nth: 9,
    object: 'ImageStream pipcache',
    message: 'the server was unable to return a response in the time allotted',
  },
];

test.describe('creating when the cluster refuses a write', () => {
  for (const { code, nth, object, message } of STATUS_CLASSES) {
    test(`a ${code} on ${object} leaves nothing behind and says why`, async ({
      page,
      cluster,
      problems,
    }) => {
      // The browser logs the refused request; that is the point of this test.
      problems.allow.push(new RegExp(`status of ${code}`));
      await page.goto('/pipcache/ns/demo/~new');
      await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache');
      await cluster.faults({ failWrites: [{ nth, code, message }] });
      await page.getByTestId('pipcache-create-submit').click();
      const report = page.getByTestId('pipcache-create-report');
      await expect(report).toContainText(`${object}: refused: ${message}`);
      await expect(report).toContainText('everything this attempt created was removed again');
      expect(await cacheParts(cluster)).toEqual([]);
      await expect(page).toHaveURL(/~new$/);
    });
  }

  test('when a removal fails too, the report names what is left and a retry removes it', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 500/);
    await page.goto('/pipcache/ns/demo/~new');
    await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache');
    // The Deployment (write 12) fails; the rollback then deletes Service (13), BuildConfig (14),
    // ImageStream (15) and Secret (16): the BuildConfig's delete fails as well.
    await cluster.faults({
      failWrites: [
        { nth: 12, code: 500, message: 'etcdserver: leader changed' },
        { nth: 14, code: 500, message: 'etcdserver: request timed out' },
      ],
    });
    await page.getByTestId('pipcache-create-submit').click();
    const report = page.getByTestId('pipcache-create-report');
    await expect(report).toContainText(
      'Creating the cache failed, and some objects could not be removed.',
    );
    await expect(report).toContainText(
      'BuildConfig pipcache: created, and could not be removed: etcdserver: request timed out',
    );
    await expect(report).toContainText('Service pipcache: created, then removed again');
    expect(await cacheParts(cluster)).toEqual(['BuildConfig/pipcache']);

    await report.getByRole('button', { name: 'Try removing them again' }).click();
    await expect(report).toContainText('everything this attempt created was removed again');
    expect(await cacheParts(cluster)).toEqual([]);
  });
});

test.describe('watches that drop', () => {
  test('the list recovers without a reload: a cache made after the drop shows up', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('alpha'));
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
    await dropWatches(page);
    await cluster.seed(cacheObjects('beta', { ready: false }));
    // The SDK's watch actions reconnect a closed socket after a pause (about 15 s here).
    await expect(page.getByTestId('pipcache-row')).toHaveCount(2, { timeout: 45_000 });
    await expect(
      page.locator('[data-test-name="beta"]').getByTestId('pipcache-status'),
    ).toHaveAttribute('data-status', 'building');
  });

  test('the details page recovers without a reload: a change after the drop shows up', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache', { admitted: 'HostAlreadyClaimed' }));
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-external-url-problem')).toBeVisible();
    await dropWatches(page);
    // The router admits both routes after the drop.
    await cluster.seed(cacheObjects('pipcache').filter((o) => o.kind === 'Route'));
    await expect(page.getByTestId('pipcache-external-url')).toHaveText(
      'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
      { timeout: 45_000 },
    );
  });
});

test.describe('the service proxy in front of devpi misbehaves: health says so', () => {
  const cases = [
    {
      label: 'slow beyond the probe timeout',
      fault: { mode: 'slow', delayMs: 8000 },
      sentence: 'Unreachable: the service proxy timed out.',
    },
    {
      label: 'refusing connections',
      fault: { mode: 'break' },
      sentence: /^Unreachable: the service proxy answered 503 \(.*connection refused\)\.$/,
      allow: /status of 503/,
    },
    {
      label: 'resetting connections',
      fault: { mode: 'break', reset: true },
      sentence: /^Unreachable: /,
      allow: /ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|Failed to fetch/,
    },
    {
      label: 'answering an HTML page',
      fault: { mode: 'garble', body: 'html' },
      sentence: 'Unreachable: something that is not devpi answered on the service.',
    },
    {
      label: 'answering JSON of the wrong shape',
      fault: { mode: 'garble', body: 'json' },
      sentence: 'Unreachable: something that is not devpi answered on the service.',
    },
  ];
  for (const { label, fault, sentence, allow } of cases) {
    test(`${label}: "Unreachable", no spinner, a bounded number of probes, and recovery`, async ({
      page,
      cluster,
      problems,
    }) => {
      if (allow) problems.allow.push(allow);
      await cluster.seed(cacheObjects('pipcache'));
      await cluster.faults({ proxy: [{ service: 'demo/pipcache', ...fault }] });
      const probes = countProbes(page);
      await page.goto('/pipcache/ns/demo/pipcache');
      const health = page.getByTestId('pipcache-health-sentence');
      await expect(health).toHaveText(sentence, { timeout: 15_000 });
      await expect(page.getByTestId('pipcache-status')).toHaveAttribute(
        'data-status',
        'unreachable',
      );
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      // Failures back off (5 s, then 10 s, …): over the next 12 s the page asks a few more
      // times at most, never in a tight loop.
      const seen = probes.length;
      await page.waitForTimeout(12_000);
      expect(probes.length - seen).toBeLessThanOrEqual(2);
      await expect(health).toHaveText(sentence);

      // Once the proxy behaves, the next probe says so, without a reload.
      await cluster.faults({ proxy: [] });
      await expect(health).toHaveText(/^Ready — answered in \d+ ms\.$/, { timeout: 30_000 });
    });
  }
});

test.describe('lists the user may not read', () => {
  test('403 on Deployments: the list explains what is missing and what to do, no crash', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 403/);
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.faults({
      denials: [
        { user: 'project-admin', verb: 'list', resource: 'apps/deployments' },
        { user: 'project-admin', verb: 'watch', resource: 'apps/deployments' },
      ],
    });
    await page.goto('/pipcache/ns/demo');
    const error = page.getByTestId('pipcache-load-error');
    await expect(error).toContainText('You may not list the pip caches of project demo.');
    await expect(error).toContainText('Ask an administrator of the project for the view role');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(0);
  });

  test('403 on Routes and Services: the caches are still listed, without their URLs', async ({
    page,
    cluster,
    problems,
  }) => {
    problems.allow.push(/status of 403/);
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.faults({
      denials: [
        { user: 'project-admin', verb: '*', resource: 'route.openshift.io/routes' },
        { user: 'project-admin', verb: '*', resource: '/services' },
      ],
    });
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
    await expect(page.getByTestId('pipcache-external-url')).toHaveCount(0);
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
  });
});
