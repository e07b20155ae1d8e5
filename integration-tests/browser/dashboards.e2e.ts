import {
  cacheDeployment,
  cacheObjects,
  type ClusterControl,
  expect,
  runningPod,
  test,
} from './fixtures';

const GiB = 1024 ** 3;

/** Three persistent caches in two projects, at 29%, 88% and 97% full, and an ephemeral one. */
const seedFillingCaches = async (cluster: ClusterControl) => {
  await cluster.seed([
    ...cacheObjects('calm', { persistent: true }),
    runningPod('calm', 'demo'),
    ...cacheObjects('busy', { persistent: true }),
    runningPod('busy', 'demo'),
    ...cacheObjects('scratch'),
    ...cacheObjects('full', { namespace: 'team-b', persistent: true }),
    runningPod('full', 'team-b'),
  ]);
  // Each volume is 1 GiB.
  await cluster.diskUsage('calm-data', 0.29 * GiB);
  await cluster.diskUsage('busy-data', 0.88 * GiB);
  await cluster.diskUsage('full-data', 0.97 * GiB, 'team-b');
};

/** A cache's anchor Deployment whose rollout gave up: what a crash-looping cache ends as. */
const brokenDeployment = (name: string, namespace: string) => ({
  ...cacheDeployment(name, namespace, false),
  status: {
    replicas: 1,
    unavailableReplicas: 1,
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
    ],
  },
});

test.describe('the Project Overview', () => {
  test("lists the project's cache with its status and copies its in-cluster pip settings", async ({
    page,
    cluster,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await cluster.seed([
      ...cacheObjects('pipcache'),
      ...cacheObjects('other', { namespace: 'team-b' }),
    ]);
    await page.goto('/k8s/cluster/projects/demo');
    const inventory = page.getByTestId('inventory-card').getByTestId('pipcache-inventory');
    await expect(inventory.getByRole('link', { name: 'Pip caches (1)' })).toBeVisible();
    const cache = inventory.getByTestId('pipcache-inventory-cache');
    await expect(cache).toHaveCount(1);
    await expect(cache.getByTestId('pipcache-status')).toHaveText(/^Ready/);

    // The name opens both URLs with their copy buttons, without leaving the Overview.
    await cache.getByRole('button', { name: 'pipcache', exact: true }).click();
    const urls = page.getByRole('dialog', { name: 'Index URLs of pipcache' });
    await expect(urls.getByRole('textbox', { name: 'External index URL of pipcache' })).toHaveValue(
      'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
    );
    await expect(urls.getByRole('textbox', { name: 'Internal index URL of pipcache' })).toHaveValue(
      'http://pipcache.demo.svc/root/pypi/+simple/',
    );
    // The copy button beside the internal URL (PatternFly names it "Copy …" by version).
    await urls.getByTestId('pipcache-internal-url').getByRole('button', { name: /^Copy/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'http://pipcache.demo.svc/root/pypi/+simple/',
    );
    await expect(urls.getByRole('link', { name: 'View pip cache' })).toHaveAttribute(
      'href',
      '/pipcache/ns/demo/pipcache',
    );
    await page.keyboard.press('Escape');
    await expect(urls).toBeHidden();

    await cache.getByTestId('pipcache-copy-pip').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'export PIP_INDEX_URL=http://pipcache.demo.svc/root/pypi/+simple/\nexport PIP_TRUSTED_HOST=pipcache.demo.svc\nexport PIP_RETRIES=8',
    );

    // A cache that stops being ready changes its status without a reload.
    await cluster.seed([cacheDeployment('pipcache', 'demo', false)]);
    await expect(cache.getByTestId('pipcache-status')).toHaveText(/^Building/);

    await inventory.getByRole('link', { name: 'Pip caches (1)' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
  });

  test("keeps each cache's copy button on the line of its name in the narrow Inventory card", async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('pipcache', { persistent: true }),
      runningPod('pipcache'),
      ...cacheObjects('team-wheels', { ready: false }),
    ]);
    // A filling volume adds a label to the row, which then no longer fits on one line.
    await cluster.diskUsage('pipcache-data', 0.86 * GiB);
    await page.goto('/k8s/cluster/projects/demo');
    const rows = page.getByTestId('pipcache-inventory').getByTestId('pipcache-inventory-cache');
    await expect(rows).toHaveCount(2);
    await expect(rows.first().getByTestId('pipcache-disk-label')).toBeVisible();
    for (const name of ['pipcache', 'team-wheels']) {
      const row = rows.filter({ has: page.getByRole('button', { name, exact: true }) });
      const link = await row.getByRole('button', { name, exact: true }).boundingBox();
      const copy = await row.getByTestId('pipcache-copy-pip').boundingBox();
      const middle = copy!.y + copy!.height / 2;
      expect(middle, `${name}: copy button beside the name`).toBeGreaterThan(link!.y);
      expect(middle, `${name}: copy button beside the name`).toBeLessThan(link!.y + link!.height);
    }
  });

  test("is the Developer perspective's Project page too", async ({ page, cluster }) => {
    await cluster.seed(cacheObjects('pipcache'));
    // Off by default since console 4.19, until an admin enables it.
    await cluster.capabilities({ developerPerspective: true });
    await page.goto('/');
    await page.getByTestId('perspective-dev').click();
    await page.getByTestId('shell-nav').getByRole('link', { name: 'Project', exact: true }).click();
    await expect(page).toHaveURL(/\/project-details\/ns\/demo$/);
    await expect(
      page.getByTestId('pipcache-inventory').getByTestId('pipcache-inventory-cache'),
    ).toHaveAttribute('data-test-name', 'pipcache');
  });

  test('offers to create a cache in a project that has none', async ({ page }) => {
    await page.goto('/k8s/cluster/projects/demo');
    const inventory = page.getByTestId('pipcache-inventory');
    await expect(inventory.getByTestId('pipcache-inventory-empty')).toHaveText(
      'None yet. Create pip cache',
    );
    await inventory.getByRole('link', { name: 'Create pip cache' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/~new$/);
    await expect(page.getByTestId('pipcache-new-page')).toBeVisible();
  });
});

test.describe('the cluster Overview', () => {
  test('has a PipCache tab that lists the caches of every project for a cluster admin', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await cluster.seed([
      ...cacheObjects('alpha'),
      ...cacheObjects('beta', { ready: false }),
      ...cacheObjects('other', { namespace: 'team-b' }),
    ]);
    await page.goto('/');
    await page.getByTestId('nav-section-home').getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/\/dashboards$/);
    await page.getByRole('tab', { name: 'PipCache' }).click();
    await expect(page).toHaveURL(/\/dashboards\/pipcache$/);
    const card = page.getByTestId('pipcache-cluster-card');
    await expect(card.getByText('Pip caches in the cluster')).toBeVisible();
    const rows = card.getByTestId('pipcache-cluster-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('alpha');
    await expect(rows.nth(0)).toContainText('demo');
    await expect(rows.nth(1)).toContainText('beta');
    await expect(rows.nth(1).getByTestId('pipcache-status')).toHaveText(/^Building/);
    await expect(rows.nth(2)).toContainText('other');
    await expect(rows.nth(2)).toContainText('team-b');

    // The tab has its own address, as the console's dashboard tabs do.
    await page.goto('/dashboards/pipcache');
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(3);
    await page
      .getByTestId('pipcache-cluster-row')
      .nth(2)
      .getByRole('link', { name: 'other', exact: true })
      .click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/team-b\/other$/);
  });

  test("reads each cache's URLs and its health from devpi on the PipCache tab", async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await cluster.seed([
      ...cacheObjects('alpha'),
      ...cacheObjects('bare', { route: false }),
      ...cacheObjects('other', { namespace: 'team-b', admitted: 'HostAlreadyClaimed' }),
    ]);
    await page.goto('/dashboards/pipcache');
    const row = (name: string) =>
      page.getByTestId('pipcache-cluster-card').locator(`[data-test-name="${name}"]`);
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(3);

    // An admitted Route with edge TLS: an https link to the mirror's simple index.
    const external = row('alpha').getByRole('link', {
      name: 'https://alpha-demo.apps.demo.example.com/root/pypi/+simple/',
    });
    await expect(external).toHaveAttribute(
      'href',
      'https://alpha-demo.apps.demo.example.com/root/pypi/+simple/',
    );
    await expect(row('alpha').getByTestId('pipcache-internal-url')).toHaveText(
      'http://alpha.demo.svc/root/pypi/+simple/',
    );
    await expect(row('alpha').getByTestId('pipcache-status')).toHaveText(
      /^Ready Ready — answered in \d+ ms\.$/,
    );

    await expect(row('bare').getByTestId('pipcache-external-url-problem')).toHaveText(
      'This cache has no route: it is reachable inside the cluster only.',
    );
    await expect(row('bare').getByTestId('pipcache-internal-url')).toHaveText(
      'http://bare.demo.svc/root/pypi/+simple/',
    );
    await expect(row('bare').getByTestId('pipcache-status')).toHaveText(/^Ready Ready — answered/);

    await expect(row('other').getByTestId('pipcache-external-url-problem')).toHaveText(
      'Route not admitted: another route already claims this host. Choose another host.',
    );
    await expect(row('other').getByTestId('pipcache-internal-url')).toHaveText(
      'http://other.team-b.svc/root/pypi/+simple/',
    );
    await expect(row('other').getByTestId('pipcache-status')).toHaveText(
      'Degraded Degraded: the cache answers inside the cluster, but its route is not admitted (HostAlreadyClaimed).',
    );
    await expect(row('other').getByRole('link', { name: 'team-b' })).toHaveAttribute(
      'href',
      '/pipcache/ns/team-b',
    );

    // Filtered by status.
    await page.getByRole('button', { name: 'Not ready' }).click();
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(1);
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveAttribute(
      'data-test-name',
      'other',
    );
  });

  test('says "Unreachable" on the PipCache tab when the service proxy breaks', async ({
    page,
    cluster,
    problems,
  }) => {
    // The browser logs the proxy's 503 answers.
    problems.allow.push(/status of 503/);
    await page.clock.install();
    await cluster.user('cluster-admin');
    await cluster.seed([
      ...cacheObjects('alpha'),
      ...cacheObjects('other', { namespace: 'team-b' }),
    ]);
    await page.goto('/dashboards/pipcache');
    const status = (name: string) =>
      page
        .locator(`[data-test="pipcache-cluster-row"][data-test-name="${name}"]`)
        .getByTestId('pipcache-status');
    await expect(status('alpha')).toHaveText(/^Ready Ready — answered/);
    await expect(status('other')).toHaveText(/^Ready Ready — answered/);

    await cluster.faults({ proxy: [{ service: 'team-b/other', mode: 'break' }] });
    // Each cache is asked once a minute.
    await page.clock.fastForward('01:01');
    await expect(status('other')).toHaveText(
      /^Unreachable Unreachable: the service proxy answered 503 \(.*connection refused\)\.$/,
    );
    await expect(status('alpha')).toHaveText(/^Ready Ready — answered/);
  });

  test('explains to a project user why the tab does not list every project', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('alpha'),
      ...cacheObjects('other', { namespace: 'team-b' }),
    ]);
    await page.goto('/dashboards/pipcache');
    const limited = page.getByTestId('pipcache-cluster-limited');
    await expect(limited).toContainText('You may see pip caches only in your own projects');
    await expect(limited).toContainText('needs permission to list Deployments in all projects');
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(0);
    await limited.getByRole('link', { name: 'Pip caches in demo' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
  });

  test("the Status card summarises the caches' health and changes when one breaks", async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    // One cache is scaled to zero on purpose: that is no problem.
    const napping = cacheDeployment('napping', 'team-b', false);
    await cluster.seed([
      cacheDeployment('alpha'),
      cacheDeployment('other', 'team-b'),
      { ...napping, spec: { ...napping.spec, replicas: 0 } },
    ]);
    await page.goto('/dashboards');
    const item = page.getByTestId('status-card').locator('[data-test-title="Pip caches"]');
    await expect(item.getByTestId('health-item-details')).toHaveText(
      '2 of 3 ready, the others scaled to zero',
    );
    // The console's Dynamic Plugins item (console-app's own extension) comes before the plugins'
    // items, so the Pip caches item starts the second row, where the link clicks below happen.
    await expect(page.getByTestId('status-card').getByTestId('health-item-title')).toHaveText([
      'Cluster',
      'Control Plane',
      'Dynamic Plugins',
      'Pip caches',
    ]);
    await expect(item).toHaveAttribute('data-health-state', 'OK');

    await cluster.seed([cacheDeployment('alpha', 'demo', false)]);
    await expect(item.getByTestId('health-item-details')).toHaveText('1 of 3 not ready, 1 ready');
    await expect(item).toHaveAttribute('data-health-state', 'WARNING');

    await cluster.seed([brokenDeployment('other', 'team-b')]);
    await expect(item.getByTestId('health-item-details')).toHaveText('1 of 3 failing, 0 ready');
    await expect(item).toHaveAttribute('data-health-state', 'ERROR');

    // The popup names the broken cache first and leads to it.
    await item.getByRole('button', { name: 'Pip caches' }).click();
    const popup = page.getByTestId('pipcache-health-popup');
    await expect(popup.getByTestId('pipcache-health-popup-cache')).toHaveText([
      'team-b/other',
      'demo/alpha',
      'team-b/napping',
    ]);
    await expect(popup.getByTestId('status-popup-item').first()).toContainText('Failed');
    await popup.getByRole('link', { name: 'team-b/other' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/team-b\/other$/);
  });

  test('the Status popup of many caches stays on the page and its links lead on', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
    await cluster.seed(names.map((name) => cacheDeployment(name, 'demo', name !== 'c1')));
    await page.goto('/dashboards');
    const item = page.getByTestId('status-card').locator('[data-test-title="Pip caches"]');
    await expect(item.getByTestId('health-item-details')).toHaveText('1 of 9 not ready, 8 ready');
    // The popover opens above the title around the spinner of the popup's code; the popup that
    // replaces it is too tall for the room above, so the popover has to place itself again
    // (below the title) or its top is off the page and its links move on the next press.
    await item.getByRole('button', { name: 'Pip caches' }).click();
    const popup = page.getByTestId('pipcache-health-popup');
    await expect(popup.getByTestId('pipcache-health-popup-cache')).toHaveCount(8);
    await expect.poll(async () => (await popup.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await popup.getByRole('link', { name: 'View all pip caches' }).click();
    await expect(page).toHaveURL(/\/pipcache\/all-namespaces$/);
  });

  test('the Status card says why a project user sees no cache health', async ({
    page,
    problems,
  }) => {
    // The item watches every project, which the API server refuses to a project user; the
    // browser logs the refused request.
    problems.allow.push(/status of 403/);
    await page.goto('/dashboards');
    const item = page.getByTestId('status-card').locator('[data-test-title="Pip caches"]');
    await expect(item.getByTestId('health-item-details')).toHaveText(
      'Not available: you may not list pip caches in every project.',
    );
    await expect(item).toHaveAttribute('data-health-state', 'NOT_AVAILABLE');
  });
});

test.describe('disk use on the cluster Overview', () => {
  test('the PipCache tab and the Status popup warn of the caches filling up', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await seedFillingCaches(cluster);
    await page.goto('/dashboards/pipcache');
    const row = (name: string) =>
      page.locator(`[data-test="pipcache-cluster-row"][data-test-name="${name}"]`);
    const disk = (name: string) => row(name).getByTestId('pipcache-cluster-disk');
    await expect(disk('full').getByTestId('pipcache-disk-label')).toContainText('97% full');
    await expect(disk('full').getByTestId('pipcache-disk-label')).toHaveAttribute(
      'data-level',
      'critical',
    );
    await expect(disk('busy').getByTestId('pipcache-disk-label')).toContainText('88% full');
    await expect(disk('busy').getByTestId('pipcache-disk-label')).toHaveAttribute(
      'data-level',
      'warning',
    );
    await expect(disk('calm')).toHaveText('29% full');
    await expect(disk('scratch')).toHaveText('Ephemeral');
    await expect(page.getByTestId('pipcache-cluster-disk-unknown')).toHaveCount(0);

    // The Status card's popup names them, fullest first, with what to do.
    await page.goto('/dashboards');
    const item = page.getByTestId('status-card').locator('[data-test-title="Pip caches"]');
    await expect(item.getByTestId('health-item-details')).toHaveText('4 of 4 ready');
    await item.getByRole('button', { name: 'Pip caches' }).click();
    const popup = page.getByTestId('pipcache-health-popup');
    await expect(popup.getByTestId('pipcache-health-popup-disk-summary')).toHaveText(
      'Volumes filling up: 2, nearly full: 1. When a volume is full, every build using its cache fails: expand the volume or empty the cache.',
    );
    await expect(popup.getByTestId('pipcache-health-popup-filling')).toHaveText([
      'team-b/full',
      'demo/busy',
    ]);
    await expect(popup.getByTestId('pipcache-health-popup-filling').first()).toHaveAttribute(
      'data-level',
      'critical',
    );
    await expect(
      popup.getByTestId('pipcache-health-popup-disk').getByTestId('status-popup-item-value'),
    ).toHaveText(['97% full', '88% full']);
    // The figures arrive after the popup opened and make it larger: it places itself again and
    // stays within the page, so that its links are where the pointer is.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    await popup
      .getByTestId('pipcache-health-popup-disk')
      .getByRole('link', { name: 'team-b/full' })
      .click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/team-b\/full$/);
  });

  test('reads each project through the tenancy API without access to cluster monitoring', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await cluster.faults({
      denials: [
        { user: 'cluster-admin', verb: '*', resource: 'monitoring.coreos.com/prometheuses/api' },
      ],
    });
    await seedFillingCaches(cluster);
    const queries: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/prometheus')) queries.push(url.pathname);
    });
    await page.goto('/dashboards/pipcache');
    const disk = (name: string) =>
      page
        .locator(`[data-test="pipcache-cluster-row"][data-test-name="${name}"]`)
        .getByTestId('pipcache-cluster-disk');
    await expect(disk('full')).toContainText('97% full');
    await expect(disk('busy')).toContainText('88% full');
    // Two queries for each of the two projects, none refused by the cluster-wide endpoint.
    expect(queries).toEqual(Array(4).fill('/api/prometheus-tenancy/api/v1/query'));
  });

  test('the tab says so when Prometheus does not answer', async ({ page, cluster, problems }) => {
    // The refused metrics queries are the point of the test; the browser logs their 503s.
    problems.allow.push(/status of 503/);
    await cluster.user('cluster-admin');
    await seedFillingCaches(cluster);
    await cluster.faults({ prometheusUnavailable: 503 });
    await page.goto('/dashboards/pipcache');
    const unknown = page.getByTestId('pipcache-cluster-disk-unknown');
    await expect(unknown).toContainText('Disk use unknown');
    await expect(unknown).toContainText('The cluster monitoring (Prometheus) did not answer');
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(4);
    await expect(
      page
        .locator('[data-test="pipcache-cluster-row"][data-test-name="full"]')
        .getByTestId('pipcache-cluster-disk'),
    ).toHaveText('Unknown');
  });
});
