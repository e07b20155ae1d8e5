import { cacheDeployment, cacheObjects, expect, test } from './fixtures';

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
    await expect(cache.getByRole('link', { name: 'pipcache' })).toBeVisible();
    await expect(cache.getByTestId('pipcache-status')).toHaveText(/^Ready/);
    await cache.getByTestId('pipcache-copy-pip').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'export PIP_INDEX_URL=http://pipcache.demo.svc/root/pypi/+simple/\nexport PIP_TRUSTED_HOST=pipcache.demo.svc',
    );

    // A cache that stops being ready changes its status without a reload.
    await cluster.seed([cacheDeployment('pipcache', 'demo', false)]);
    await expect(cache.getByTestId('pipcache-status')).toHaveText(/^Building/);

    await inventory.getByRole('link', { name: 'Pip caches (1)' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
  });

  test("is the Developer perspective's Project page too", async ({ page, cluster }) => {
    await cluster.seed(cacheObjects('pipcache'));
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
      .getByRole('link', { name: 'other' })
      .click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/team-b\/other$/);
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
