import { appBuildConfig, cacheObjects, expect, runningPod, test } from './fixtures';

/**
 * The cluster's optional parts, switched in the masthead or the control API: the Build
 * capability (flag OPENSHIFT_BUILDCONFIG), cluster monitoring (the console's Prometheus
 * routes) and the Developer perspective (off by default since console 4.19).
 */
test.describe('optional cluster capabilities', () => {
  test('the Developer perspective is off until enabled, from the masthead switch', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('perspective-admin')).toBeVisible();
    await expect(page.getByTestId('perspective-dev')).toHaveCount(0);
    // The Add page stays reachable by its URL, with the plugin's card.
    await page.goto('/add/ns/demo');
    await expect(page.getByTestId('add-action-pipcache-create')).toBeVisible();

    await page.getByTestId('capability-developerPerspective').click({ force: true });
    await expect(page.getByTestId('perspective-dev')).toBeVisible();
    await page.getByTestId('perspective-dev').click();
    await expect(
      page.getByTestId('shell-nav').getByRole('link', { name: 'PipCache' }),
    ).toBeVisible();
  });

  test('without the Build capability the plugin shows none of its build entry points', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([...cacheObjects('pipcache'), appBuildConfig('shop')]);
    await page.goto('/');
    await expect(page.getByTestId('nav-section-builds').locator('[data-test-nav]')).toHaveText([
      'BuildConfigs',
      'PipCache',
    ]);
    // Switched off in the masthead: the console hides its Builds items and every plugin
    // extension that requires OPENSHIFT_BUILDCONFIG.
    await page.getByTestId('capability-build').click({ force: true });
    await expect(page.getByTestId('capability-build')).not.toBeChecked();
    await expect(page.getByTestId('nav-section-builds')).toHaveCount(0);
    await expect(page.getByTestId('shell-nav').getByRole('link', { name: 'PipCache' })).toHaveCount(
      0,
    );
    await page.goto('/add/ns/demo');
    await expect(page.getByTestId('add-page')).toBeVisible();
    await expect(page.getByTestId('add-action-pipcache-create')).toHaveCount(0);
    // The API is gone too, as on such a cluster.
    const answer = await page.request.get(
      '/api/kubernetes/apis/build.openshift.io/v1/namespaces/demo/buildconfigs',
    );
    expect(answer.status()).toBe(404);
    const manifest = (await (
      await page.request.get('/api/plugins/pipcache-plugin/plugin-manifest.json')
    ).json()) as { extensions: { type: string; flags?: { required?: string[] } }[] };
    const needBuilds = manifest.extensions.filter((e) =>
      [
        'console.navigation/href',
        'dev-console.add/action-group',
        'dev-console.add/action',
        'console.action/resource-provider',
        'console.tab/horizontalNav',
        'dev-console.import/environment',
      ].includes(e.type),
    );
    expect(needBuilds.length).toBe(7);
    for (const extension of needBuilds)
      expect(extension.flags?.required, extension.type).toEqual(['OPENSHIFT_BUILDCONFIG']);
  });

  test('without the Build capability the list, details and create form work and say builds are unavailable', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([...cacheObjects('pipcache', { persistent: true }), runningPod('pipcache')]);
    await cluster.capabilities({ build: false });
    // Page errors and console errors fail every test (fixture `problems`); on top of that the
    // plugin asks the missing build API nothing.
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('build.openshift.io')) asked.push(request.url());
    });
    await page.goto('/pipcache/ns/demo');
    await expect(page.locator('[data-test-name="pipcache"]')).toBeVisible();
    await expect(page.getByTestId('pipcache-builds-unavailable')).toContainText(
      'Builds are unavailable on this cluster',
    );
    await page.getByTestId('pipcache-row-actions').click();
    await expect(page.getByTestId('pipcache-row-use')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
    await expect(page.getByTestId('pipcache-status')).toBeVisible();
    await expect(page.getByTestId('pipcache-builds-unavailable')).toContainText(
      'Builds are unavailable on this cluster',
    );
    await expect(page.getByTestId('pipcache-build-state')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Start build/ })).toHaveCount(0);

    await page.goto('/pipcache/ns/demo/~new');
    await page
      .getByTestId('pipcache-section-image')
      .getByRole('button', { name: 'Image source' })
      .click();
    await expect(page.getByTestId('pipcache-builds-unavailable')).toContainText(
      'Builds are unavailable on this cluster',
    );
    await expect(page.locator('#pipcache-image-build')).toBeDisabled();
    await expect(page.locator('#pipcache-image-git')).toBeDisabled();
    await expect(page.locator('#pipcache-image-existing')).toBeChecked();
    expect(asked).toEqual([]);
  });

  test('without monitoring there are no Prometheus routes and the cache page still works', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([...cacheObjects('pipcache', { persistent: true }), runningPod('pipcache')]);
    await cluster.capabilities({ monitoring: false });
    const answer = await page.request.get(
      '/api/prometheus-tenancy/api/v1/query?namespace=demo&query=up',
    );
    expect(answer.status()).toBe(404);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/prometheus')) asked.push(request.url());
    });
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
    await expect(page.getByTestId('pipcache-status')).toBeVisible();
    // The console's SERVER_FLAGS name no Prometheus, so the plugin asks it nothing.
    expect(asked).toEqual([]);
    await page.goto('/dashboards/pipcache');
    await page.goto('/pipcache/ns/demo');
    await expect(page.locator('[data-test-name="pipcache"]')).toBeVisible();
    expect(asked).toEqual([]);
    await expect(page.getByTestId('capability-monitoring')).not.toBeChecked();
  });
});
