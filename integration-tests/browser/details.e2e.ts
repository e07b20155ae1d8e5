import { cacheObjects, expect, test } from './fixtures';

test.describe('seeing a cache', () => {
  test('shows health from devpi itself, the index URLs and copies exactly what it shows', async ({
    page,
    cluster,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await cluster.seed(cacheObjects('pipcache', { persistent: true }));
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(
      /^Ready — answered in \d+ ms\.$/,
    );
    await expect(page.getByTestId('pipcache-external-url')).toHaveAttribute(
      'href',
      'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
    );
    await expect(page.getByTestId('pipcache-internal-url')).toHaveText(
      'http://pipcache.demo.svc/root/pypi/+simple/',
    );

    const internal = page.getByTestId('pipcache-copy-internal');
    await expect(internal).toContainText(
      'export PIP_INDEX_URL=http://pipcache.demo.svc/root/pypi/+simple/',
    );
    await internal.getByRole('button', { name: /^Copy/ }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'export PIP_INDEX_URL=http://pipcache.demo.svc/root/pypi/+simple/\nexport PIP_TRUSTED_HOST=pipcache.demo.svc\nexport PIP_RETRIES=8',
    );
    await expect(internal.getByTestId('copy-announcement')).toHaveText(/Copied/);

    await page.getByTestId('pipcache-snippet-tab-uv').click();
    await expect(page.getByTestId('pipcache-snippet-uv').getByRole('textbox')).toHaveValue(
      'export UV_DEFAULT_INDEX=https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/',
    );

    // The breadcrumb leads back to the project's list.
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb).toContainText('Pip cache details');
    await breadcrumb.getByRole('link', { name: 'Pip caches' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
  });

  test('a viewer sees readiness-based health and why devpi was not asked', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.user('viewer');
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(
      /you may not use the service proxy/,
    );
    // What a viewer may not do is shown disabled, with the reason, on the page and in the list.
    await expect(page.getByTestId('pipcache-delete')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('pipcache-use-in-builds')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await page.getByTestId('pipcache-delete').hover();
    await expect(page.getByRole('tooltip')).toHaveText(
      'You may not delete pip caches in project demo.',
    );
    await page.goto('/pipcache/ns/demo');
    await page.getByRole('button', { name: 'Actions for pipcache' }).click();
    const remove = page.getByRole('menuitem', { name: 'Delete pip cache' });
    await expect(remove).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('menuitem', { name: 'Use in builds…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await remove.click({ force: true });
    await expect(page.getByTestId('pipcache-delete-modal')).toHaveCount(0);
    await expect(remove).toBeVisible();
  });

  test('says a route is not admitted, and why, instead of showing a URL', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache', { admitted: 'HostAlreadyClaimed' }));
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-external-url')).toHaveCount(0);
    await expect(page.getByTestId('pipcache-external-url-problem')).toHaveText(
      /another route already claims this host/,
    );
    await expect(page.getByTestId('pipcache-status')).toHaveAttribute('data-status', 'degraded');
  });

  test('the list shows status, storage and URL, and copies the in-cluster pip settings', async ({
    page,
    cluster,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await cluster.seed([
      ...cacheObjects('alpha', { persistent: true }),
      ...cacheObjects('beta', { ready: false }),
    ]);
    await page.goto('/pipcache/ns/demo');
    const alpha = page.locator('[data-test-name="alpha"]');
    await expect(alpha.getByTestId('pipcache-status')).toHaveAttribute('data-status', 'ready');
    await expect(alpha.getByTestId('pipcache-storage')).toHaveText('Persistent, 1Gi');
    await expect(alpha.getByTestId('pipcache-external-url')).toHaveText(
      'https://alpha-demo.apps.demo.example.com/root/pypi/+simple/',
    );
    await expect(
      page.locator('[data-test-name="beta"]').getByTestId('pipcache-status'),
    ).toHaveAttribute('data-status', 'building');
    await alpha.getByTestId('pipcache-copy-pip').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'export PIP_INDEX_URL=http://alpha.demo.svc/root/pypi/+simple/\nexport PIP_TRUSTED_HOST=alpha.demo.svc\nexport PIP_RETRIES=8',
    );
  });

  test('delete names every object, warns about data, and removes those objects and nothing else', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('doomed', { persistent: true }),
      ...cacheObjects('survivor'),
    ]);
    // An object that shares the instance label but is not labelled as part of a pip cache.
    await cluster.seed([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'doomed-notes',
          namespace: 'demo',
          labels: { 'app.kubernetes.io/instance': 'doomed' },
        },
        data: {},
      },
    ]);
    await page.goto('/pipcache/ns/demo/doomed');
    await page.getByTestId('pipcache-delete').click();
    const modal = page.getByTestId('pipcache-delete-modal');
    const list = modal.getByTestId('pipcache-delete-objects');
    await expect(list).toContainText('PersistentVolumeClaim doomed-data');
    await expect(list).toContainText('Secret doomed-root');
    await expect(list).not.toContainText('doomed-notes');
    const confirm = modal.getByTestId('pipcache-delete-confirm');
    await expect(confirm).toBeDisabled();
    await modal
      .getByText('I understand that every cached package is lost with the volume.')
      .click();
    await confirm.click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);

    const remaining = (await cluster.objects(undefined, 'demo')).map(
      (o) => `${o.kind}/${o.metadata.name}`,
    );
    expect(remaining.filter((n) => n.includes('doomed'))).toEqual(['ConfigMap/doomed-notes']);
    expect(remaining).toEqual(
      expect.arrayContaining(['Deployment/survivor', 'Service/survivor', 'Secret/survivor-root']),
    );
  });

  test("a row's kebab menu deletes its cache from the list, by keyboard, and the list stays", async ({
    page,
    cluster,
  }) => {
    await cluster.seed([...cacheObjects('doomed'), ...cacheObjects('survivor')]);
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(2);
    const toggle = page.getByRole('button', { name: 'Actions for doomed' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem')).toHaveText(['Use in builds…', 'Delete pip cache']);
    await page.getByRole('menuitem', { name: 'Delete pip cache' }).click();
    const modal = page.getByTestId('pipcache-delete-modal');
    await expect(modal.getByTestId('pipcache-delete-objects')).toContainText('Deployment doomed');
    await modal.getByTestId('pipcache-delete-confirm').click();
    await expect(modal).toHaveCount(0);
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
    await expect(page.getByTestId('pipcache-row')).toHaveAttribute('data-test-name', 'survivor');
    const deployments = (await cluster.objects('Deployment', 'demo')).map((o) => o.metadata.name);
    expect(deployments).toEqual(['survivor']);
  });
});

test('a route whose host is claimed gets another host from the details page', async ({
  page,
  cluster,
}) => {
  await cluster.seed(cacheObjects('pipcache', { admitted: 'HostAlreadyClaimed' }));
  await page.goto('/pipcache/ns/demo/pipcache');
  await page.getByTestId('pipcache-change-host').click();
  const modal = page.getByTestId('pipcache-change-host-modal');
  await modal.getByTestId('pipcache-new-host').fill('bad_host.example.com');
  await expect(modal.getByTestId('pipcache-change-host-save')).toBeDisabled();
  await modal.getByTestId('pipcache-new-host').fill('pypi-team.apps.demo.example.com');
  await modal.getByTestId('pipcache-change-host-save').click();
  await expect(modal).toHaveCount(0);
  await expect(page.getByTestId('pipcache-external-url')).toHaveText(
    'https://pypi-team.apps.demo.example.com/root/pypi/+simple/',
    {
      timeout: 15_000,
    },
  );
  // Both Routes move: the simple pages and the files they link to share one host.
  const routes = await cluster.objects('Route', 'demo');
  expect(routes.map((r: any) => [r.metadata.name, r.spec.host]).sort()).toEqual([
    ['pipcache', 'pypi-team.apps.demo.example.com'],
    ['pipcache-files', 'pypi-team.apps.demo.example.com'],
  ]);
});

test('"All projects" for a user who may not list every project shows their project and says why', async ({
  page,
  cluster,
}) => {
  await cluster.seed([
    ...cacheObjects('alpha'),
    ...cacheObjects('elsewhere', { namespace: 'team-b' }),
  ]);
  await page.goto('/pipcache/all-namespaces');
  await expect(page.getByTestId('pipcache-all-projects-limited')).toContainText(
    'This page shows project demo',
  );
  await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
  await expect(page.locator('[data-test-name="alpha"]')).toBeVisible();
  await expect(page.getByTestId('pipcache-load-error')).toHaveCount(0);
});
