import {
  appBuildConfig,
  cacheObjects,
  expect,
  test,
  type ClusterControl,
  type EnvEntry,
} from './fixtures';
import { GENERATION, hasBuildConfigActions } from './generation';

const INTERNAL = 'http://pipcache.demo.svc/root/pypi/+simple/';
const EXTERNAL = 'https://pipcache-demo.apps.demo.example.com/root/pypi/+simple/';

const readBuildConfig = async (cluster: ClusterControl, name: string, namespace = 'demo') => {
  const all = await cluster.objects('BuildConfig', namespace);
  return all.find((bc) => bc.metadata.name === name);
};

const envOf = (bc: any): EnvEntry[] | undefined => bc.spec.strategy.sourceStrategy.env;

const ORIGINAL_ENV = [
  { name: 'PIP_INDEX_URL', value: 'https://nexus.example.com/repository/pypi/simple/' },
  { name: 'APP_MODULE', value: 'app:main' },
];

test.describe('using a cache in builds', () => {
  test("is found by clicking: Builds → BuildConfigs lists the project's BuildConfigs, each with its PipCache tab", async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('pipcache'),
      appBuildConfig('shop'),
      appBuildConfig('api', { image: 'python:3.11-ubi9' }),
    ]);
    await page.goto('/pipcache/ns/demo');
    await page.getByTestId('shell-nav').getByRole('link', { name: 'BuildConfigs' }).click();
    await expect(page).toHaveURL(/\/k8s\/ns\/demo\/buildconfigs$/);
    const rows = page.getByTestId('buildconfigs-row');
    // The cache's own BuildConfig is listed too, as the console lists every BuildConfig.
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toHaveAttribute('data-test-name', 'api');
    await expect(rows.nth(0)).toContainText('python:3.11-ubi9');
    await rows.nth(2).getByRole('link', { name: 'shop' }).click();
    await expect(page).toHaveURL(/\/k8s\/ns\/demo\/buildconfigs\/shop$/);
    await page.getByRole('tab', { name: 'PipCache' }).click();
    await expect(page.getByTestId('pipcache-bc-summary')).toBeVisible();
  });

  test('on console 4.19 and 4.20 the Actions menu has no plugin actions; the tab is there', async ({
    page,
    cluster,
  }) => {
    test.skip(hasBuildConfigActions, `console ${GENERATION} renders BuildConfig actions`);
    await cluster.seed([...cacheObjects('pipcache'), appBuildConfig('shop')]);
    await page.goto('/k8s/ns/demo/buildconfigs/shop');
    await expect(page.getByTestId('buildconfig-title')).toBeVisible();
    await page.getByTestId('actions-menu').click();
    await expect(page.getByRole('menuitem', { name: 'Use pip cache…' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'Stop using pip cache' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'PipCache' }).click();
    await expect(page.getByTestId('pipcache-bc-use')).toBeVisible();
  });

  test('from the Actions menu: the env is exactly as intended, and Stop using restores it', async ({
    page,
    cluster,
  }) => {
    test.skip(!hasBuildConfigActions, 'BuildConfig actions render from console 4.21');
    await cluster.seed([
      ...cacheObjects('pipcache'),
      appBuildConfig('shop', { env: ORIGINAL_ENV }),
    ]);
    await page.goto('/k8s/ns/demo/buildconfigs/shop');
    await page.getByTestId('actions-menu').click();
    await page.getByRole('menuitem', { name: 'Use pip cache…' }).click();

    const modal = page.getByTestId('pipcache-use-modal');
    await expect(modal).toContainText('set by hand');
    await expect(modal.getByTestId('pipcache-env-PIP_INDEX_URL')).toHaveAttribute(
      'data-change',
      'replaced',
    );
    await expect(modal.getByTestId('pipcache-env-PIP_INDEX_URL')).toContainText(INTERNAL);
    await expect(modal.getByTestId('pipcache-env-PIP_TRUSTED_HOST')).toContainText(
      'pipcache.demo.svc',
    );
    await expect(modal.getByTestId('pipcache-env-APP_MODULE')).toHaveAttribute(
      'data-change',
      'kept',
    );
    await modal.getByTestId('pipcache-use-apply').click();
    await expect(modal).toHaveCount(0);

    const used = await readBuildConfig(cluster, 'shop');
    expect(envOf(used)).toEqual([
      { name: 'PIP_INDEX_URL', value: INTERNAL },
      { name: 'APP_MODULE', value: 'app:main' },
      { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
      { name: 'PIP_RETRIES', value: '8' },
      { name: 'UV_DEFAULT_INDEX', value: INTERNAL },
    ]);
    expect(used.metadata.annotations['pipcache-plugin/uses']).toBe('demo/pipcache');
    // The console page follows the watch: the new env shows without a reload.
    await expect(page.getByTestId('buildconfig-env')).toContainText(`PIP_INDEX_URL=${INTERNAL}`);

    await page.getByTestId('actions-menu').click();
    await page.getByRole('menuitem', { name: 'Stop using pip cache' }).click();
    const stop = page.getByTestId('pipcache-stop-modal');
    await expect(stop.getByTestId('pipcache-env-PIP_INDEX_URL')).toContainText(
      'https://nexus.example.com/repository/pypi/simple/',
    );
    await stop.getByTestId('pipcache-stop-apply').click();
    await expect(stop).toHaveCount(0);
    const restored = await readBuildConfig(cluster, 'shop');
    expect(envOf(restored)).toEqual(ORIGINAL_ENV);
    expect(restored.metadata.annotations).toBeUndefined();
  });

  test('from the PipCache tab: the Route URL, a build started, the tab showing the cache', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([...cacheObjects('pipcache'), appBuildConfig('api')]);
    await page.goto('/k8s/ns/demo/buildconfigs/api/pipcache');
    await expect(page.getByTestId('pipcache-bc-summary')).toHaveText(
      'The builds of api download every package from PyPI: no pip cache is set.',
    );
    await page.getByTestId('pipcache-bc-use').click();
    const modal = page.getByTestId('pipcache-use-modal');
    await modal.getByText('Route', { exact: true }).click();
    await expect(modal.getByTestId('pipcache-env-PIP_INDEX_URL')).toContainText(EXTERNAL);
    // pip trusts an https index without help: no PIP_TRUSTED_HOST then.
    await expect(modal.getByTestId('pipcache-env-PIP_TRUSTED_HOST')).toHaveCount(0);
    await modal.getByTestId('pipcache-use-start').check();
    await modal.getByTestId('pipcache-use-apply').click();
    await expect(modal).toHaveCount(0);

    await expect(page.getByTestId('pipcache-bc-summary')).toHaveText(
      'The builds of api use a pip cache set by PipCache.',
    );
    await expect(page.getByTestId('pipcache-bc-cache')).toHaveText('pipcache in project demo');
    await expect(page.getByTestId('pipcache-bc-index-url')).toHaveText(EXTERNAL);
    await expect(page.getByTestId('pipcache-bc-used').getByTestId('pipcache-status')).toHaveText(
      /Ready/,
    );
    const builds = await cluster.objects('Build', 'demo');
    expect(builds.map((b) => b.metadata.labels?.['openshift.io/build-config.name'])).toContain(
      'api',
    );
    expect(envOf(await readBuildConfig(cluster, 'api'))).toEqual([
      { name: 'PIP_INDEX_URL', value: EXTERNAL },
      { name: 'PIP_RETRIES', value: '8' },
      { name: 'UV_DEFAULT_INDEX', value: EXTERNAL },
    ]);
  });

  test('a change made meanwhile is re-read and explained, never overwritten', async ({
    page,
    cluster,
    problems,
  }) => {
    // The refused patch is the point of the test; the browser logs its 422.
    problems.allow.push(/status of 422/);
    await cluster.seed([
      ...cacheObjects('pipcache'),
      appBuildConfig('shop', { env: ORIGINAL_ENV }),
    ]);
    await page.goto('/k8s/ns/demo/buildconfigs/shop/pipcache');
    await page.getByTestId('pipcache-bc-use').click();
    const modal = page.getByTestId('pipcache-use-modal');
    await expect(modal.getByTestId('pipcache-env-APP_MODULE')).toBeVisible();

    // Someone else edits the env while the dialog is open.
    const theirs = [...ORIGINAL_ENV, { name: 'DEBUG', value: '1' }];
    await cluster.seed([appBuildConfig('shop', { env: theirs })]);
    await modal.getByTestId('pipcache-use-apply').click();

    await expect(modal.getByTestId('pipcache-use-notice')).toContainText(
      'changed while you were looking at it',
    );
    await expect(modal.getByTestId('pipcache-env-DEBUG')).toBeVisible();
    expect(envOf(await readBuildConfig(cluster, 'shop'))).toEqual(theirs);

    await modal.getByTestId('pipcache-use-apply').click();
    await expect(modal).toHaveCount(0);
    const env = envOf(await readBuildConfig(cluster, 'shop')) ?? [];
    expect(env.find((e) => e.name === 'DEBUG')).toEqual({ name: 'DEBUG', value: '1' });
    expect(env.find((e) => e.name === 'PIP_INDEX_URL')?.value).toBe(INTERNAL);
  });

  test('a viewer sees the actions disabled, with the reason', async ({ page, cluster }) => {
    test.skip(!hasBuildConfigActions, 'BuildConfig actions render from console 4.21');
    await cluster.seed([...cacheObjects('pipcache'), appBuildConfig('shop')]);
    await cluster.user('viewer');
    await page.goto('/k8s/ns/demo/buildconfigs/shop');
    await page.getByTestId('actions-menu').click();
    const item = page.getByRole('menuitem', { name: 'Use pip cache…' });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await item.hover();
    await expect(page.getByRole('tooltip')).toHaveText(
      'You may not change BuildConfigs in project demo. Ask a project admin for the edit role.',
    );
    await item.click({ force: true });
    await expect(page.getByTestId('pipcache-use-modal')).toHaveCount(0);

    await page.keyboard.press('Escape');
    await page.goto('/k8s/ns/demo/buildconfigs/shop/pipcache');
    await expect(page.getByTestId('pipcache-bc-use')).toHaveAttribute('aria-disabled', 'true');
  });

  test('bulk apply from the cache page to three BuildConfigs, Python ones first', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('pipcache'),
      appBuildConfig('web', { image: 'nodejs:20-ubi9' }),
      appBuildConfig('shop', { env: ORIGINAL_ENV }),
      appBuildConfig('api'),
      appBuildConfig('worker', { image: 'python:3.11-ubi9' }),
    ]);
    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-use-in-builds').click();
    const modal = page.getByTestId('pipcache-bulk-modal');
    const rows = modal.locator('tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toHaveAttribute('data-test', 'pipcache-bulk-row-api');
    await expect(rows.nth(3)).toHaveAttribute('data-test', 'pipcache-bulk-row-web');
    await expect(modal.getByTestId('pipcache-bulk-uses-shop')).toHaveText(
      'Set by hand: https://nexus.example.com/repository/pypi/simple/',
    );
    for (const name of ['api', 'shop', 'worker'])
      await modal.getByTestId(`pipcache-bulk-select-${name}`).getByRole('checkbox').check();
    await modal.getByTestId('pipcache-bulk-apply').click();
    await expect(modal.getByTestId('pipcache-bulk-summary')).toContainText(
      'Done: BuildConfigs now using this cache: 3.',
    );
    for (const name of ['api', 'shop', 'worker']) {
      await expect(modal.getByTestId(`pipcache-bulk-uses-${name}`)).toHaveText('This cache');
      const env = envOf(await readBuildConfig(cluster, name)) ?? [];
      expect(env.find((e) => e.name === 'PIP_INDEX_URL')?.value).toBe(INTERNAL);
    }
    expect(envOf(await readBuildConfig(cluster, 'web'))).toBeUndefined();
  });

  test('the cluster-wide default is offered to a cluster admin only, and round-trips', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-use-in-builds')).toBeVisible();
    await expect(page.getByTestId('pipcache-use-cluster-wide')).toHaveCount(0);

    await cluster.user('cluster-admin');
    await page.reload();
    await page.getByTestId('pipcache-use-cluster-wide').click();
    const modal = page.getByTestId('pipcache-cluster-modal');
    await expect(modal.getByTestId('pipcache-cluster-current')).toHaveText(
      'The cluster build defaults set no pip index: builds use PyPI unless they say otherwise.',
    );
    // The trust it grants is named, and asked for deliberately.
    await expect(modal.getByTestId('pipcache-cluster-trust')).toContainText(
      'Whoever may edit project demo can change the cache',
    );
    await expect(modal.getByTestId('pipcache-cluster-apply')).toBeDisabled();
    await modal.getByTestId('pipcache-cluster-trust-accept').check();
    await modal.getByTestId('pipcache-cluster-apply').click();
    await expect(modal.getByTestId('pipcache-cluster-notice')).toHaveText(
      /Every build in the cluster now uses this cache by default/,
    );
    const clusterBuild = async () =>
      (await cluster.objects('Build')).find((o) => o.apiVersion === 'config.openshift.io/v1');
    expect((await clusterBuild()).spec.buildDefaults.env).toEqual([
      { name: 'PIP_INDEX_URL', value: INTERNAL },
      { name: 'PIP_TRUSTED_HOST', value: 'pipcache.demo.svc' },
      { name: 'PIP_RETRIES', value: '8' },
      { name: 'UV_DEFAULT_INDEX', value: INTERNAL },
    ]);
    await expect(modal.getByTestId('pipcache-cluster-current')).toHaveText(
      'Every build in the cluster uses pip cache pipcache in project demo by default.',
    );

    await modal.getByTestId('pipcache-cluster-undo').click();
    await expect(modal.getByTestId('pipcache-cluster-notice')).toHaveText(/as they were before/);
    const after = await clusterBuild();
    expect(after.spec).toEqual({ buildDefaults: {} });
    expect(after.metadata.annotations).toBeUndefined();
  });

  test('warns when network policies would block builds of another project, and lets it in', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await cluster.seed([
      ...cacheObjects('pipcache'),
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny-by-default', namespace: 'demo' },
        spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [] },
      },
      appBuildConfig('reports', { namespace: 'team-b' }),
    ]);
    await page.goto('/k8s/ns/team-b/buildconfigs/reports/pipcache');
    await page.getByTestId('pipcache-bc-use').click();
    const modal = page.getByTestId('pipcache-use-modal');
    await expect(modal.getByTestId('pipcache-use-cache')).toHaveValue('demo/pipcache');
    await expect(modal.getByTestId('pipcache-network-blocked')).toContainText(
      'Network policies in project demo would block builds of project team-b',
    );
    await modal.getByTestId('pipcache-network-admit').click();
    await expect(modal.getByTestId('pipcache-network-fixed')).toContainText(
      'Builds of project team-b may now reach the cache.',
    );
    const policies = await cluster.objects('NetworkPolicy', 'demo');
    const ours = policies.find((p) => p.metadata.name === 'pipcache-allow-clients');
    expect(JSON.stringify(ours.spec)).toContain('"values":["team-b"]');
  });

  test('delete lists the BuildConfigs still using the cache and stops their use first', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([
      ...cacheObjects('pipcache'),
      appBuildConfig('shop', { env: ORIGINAL_ENV }),
    ]);
    await page.goto('/k8s/ns/demo/buildconfigs/shop/pipcache');
    await page.getByTestId('pipcache-bc-use').click();
    await page.getByTestId('pipcache-use-apply').click();
    await expect(page.getByTestId('pipcache-bc-summary')).toHaveText(/set by PipCache/);

    await page.goto('/pipcache/ns/demo/pipcache');
    await page.getByTestId('pipcache-delete').click();
    const modal = page.getByTestId('pipcache-delete-modal');
    await expect(modal.getByTestId('pipcache-delete-users')).toContainText('shop');
    await modal.getByTestId('pipcache-delete-stop-uses').click();
    await expect(modal.getByTestId('pipcache-delete-stopped')).toContainText('shop');
    await expect(modal.getByTestId('pipcache-delete-users')).toHaveCount(0);
    expect(envOf(await readBuildConfig(cluster, 'shop'))).toEqual(ORIGINAL_ENV);
  });
});
