import {
  CONSOLE_422_EXTRA_SHARED_MODULES,
  SHELL_SHARED_MODULES,
} from '../console/src/generation/console-shared-modules';
import { hasNginx } from '../console/plugin-nginx';
import { lowContrastTexts } from './contrast';
import { appBuildConfig, cacheDeployment, cacheObjects, expect, test } from './fixtures';
import { GENERATION } from './generation';

test.describe('the plugin in the console shell', () => {
  test('loads as the console loads it, with every code reference resolving', async ({ page }) => {
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-list-page')).toBeVisible();
    const info = await page.evaluate(() => window.shellState!.pluginInfo());
    expect(info.map((entry) => entry.status)).toEqual(['loaded']);
    expect(await page.evaluate(() => window.shellState!.resolveAllCodeRefs())).toEqual([]);
  });

  test("is fetched from the chart's nginx through the console's plugin proxy", async ({ page }) => {
    test.skip(
      !hasNginx,
      "nginx or openssl is missing: the shell serves the plugin from its static file server, not the chart's nginx.conf",
    );
    // What the browser sees of each plugin file: the chart's nginx.conf at work (its caching
    // rules, nosniff, gzip), through the console backend's proxy (no Server header).
    const seen = new Map<string, Record<string, string>>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/plugins/') || url.pathname.startsWith('/locales/'))
        void response.allHeaders().then((headers) => {
          seen.set(`${url.pathname}${url.search}`, {
            status: String(response.status()),
            ...headers,
          });
        });
    });
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-list-page')).toBeVisible();
    const manifest = seen.get('/api/plugins/pipcache-plugin/plugin-manifest.json');
    expect(manifest).toMatchObject({
      status: '200',
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(manifest?.server).toBeUndefined();
    const chunks = [...seen].filter(([name]) =>
      /^\/api\/plugins\/pipcache-plugin\/c\.[0-9a-f]+\.js$/.test(name),
    );
    expect(chunks.length).toBeGreaterThan(0);
    for (const [name, headers] of chunks) {
      expect(headers, name).toMatchObject({
        status: '200',
        'content-type': 'application/javascript',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-encoding': 'gzip',
      });
      expect(headers.server, name).toBeUndefined();
    }
    // The translations, from the console's own locales endpoint (ConsolePlugin Preload).
    expect(seen.get('/locales/resource.json?lng=en&ns=plugin__pipcache-plugin')).toMatchObject({
      status: '200',
      'content-type': 'application/json',
      'x-content-type-options': 'nosniff',
    });
    await expect(page.getByRole('heading', { name: 'Pip caches', exact: true })).toBeVisible();
  });

  test('shows a plugin whose server is down as the console does: a notification, no pages', async ({
    page,
    problems,
    cluster,
  }) => {
    // The browser says so for the manifest's 502, and the loader says why it gave up.
    problems.allow.push(
      /Failed to load resource: the server responded with a status of 502/,
      /Failed to get a valid plugin manifest from \/api\/plugins\/pipcache-plugin\//,
    );
    const pluginServer = async (running: boolean) => {
      const answer = await page.request.post('/__shell/plugin-server', { data: { running } });
      expect(await answer.json()).toEqual({ running });
    };
    await pluginServer(false);
    try {
      const manifest = page.waitForResponse((r) => r.url().endsWith('/plugin-manifest.json'));
      await page.goto('/pipcache/ns/demo');
      const answer = await manifest;
      expect(answer.status()).toBe(502);
      expect(((await answer.json()) as { error: string }).error).toMatch(
        /^failed to send GET request for "pipcache-plugin" plugin: /,
      );
      // The console goes on without the plugin: its pages are not there.
      await expect(page.getByTestId('not-found')).toBeVisible();
      expect(
        await page.evaluate(() => window.shellState!.pluginInfo().map((p) => p.status)),
      ).toEqual(['failed']);
      const badge = page.getByTestId('notification-badge');
      await expect(badge).toContainText('1');
      await badge.click();
      const item = page.getByTestId('notification-plugin-failed-pipcache-plugin');
      await expect(item).toContainText('Dynamic plugin error');
      await expect(item).toContainText('Something went wrong with the pipcache-plugin plugin.');
      // And the cluster Overview's Dynamic Plugins health item is in error, naming it.
      await cluster.user('cluster-admin');
      await page.goto('/dashboards');
      const health = page.locator('[data-test="health-item"][data-test-title="Dynamic Plugins"]');
      await expect(health).toHaveAttribute('data-health-state', 'ERROR');
      await health.getByRole('button', { name: 'Dynamic Plugins' }).click();
      await expect(page.getByTestId('dynamic-plugins-failed')).toHaveText(
        'Failed plugins: pipcache-plugin',
      );
    } finally {
      await pluginServer(true);
    }
    // Back up, the plugin loads again and nothing is left to notify.
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-list-page')).toBeVisible();
    await expect(page.getByTestId('notification-badge')).not.toContainText('1');
    await page.goto('/dashboards');
    await expect(
      page.locator('[data-test="health-item"][data-test-title="Dynamic Plugins"]'),
    ).toHaveAttribute('data-health-state', 'OK');
  });

  test('is served exactly the shared modules of the console generation under test', async ({
    page,
  }) => {
    // The same plugin build runs in every generation; this pins down which one a run
    // exercised, and that the shell provides no more than that console does.
    const consoleModules = [...SHELL_SHARED_MODULES];
    const expected = {
      '4.19': {
        console: '4.19.0',
        loader: 'console-object',
        webpackScope: false,
        provided: consoleModules,
        // The console's loader files every module under `*`, whatever its version.
        loaded: {
          react: '*',
          'react-i18next': '*',
          'react-router-dom-v5-compat': '*',
          '@openshift-console/dynamic-plugin-sdk': '*',
          // The plugin's own PatternFly, which its `init` put into the console's object.
          '@patternfly/react-core/dist/dynamic/components/Button': '6.2.2',
        },
      },
      '4.21': {
        console: '4.21.0',
        loader: 'module-federation',
        webpackScope: true,
        provided: consoleModules,
        loaded: {
          react: '17.0.2',
          'react-i18next': '11.18.6',
          'react-router-dom-v5-compat': '6.30.6',
          '@patternfly/react-core/dist/dynamic/components/Button': '6.2.2',
        },
      },
      '4.22': {
        console: '4.22.0',
        loader: 'dynamic-plugin-sdk',
        webpackScope: true,
        provided: [...consoleModules, ...CONSOLE_422_EXTRA_SHARED_MODULES],
        loaded: {
          react: '18.3.1',
          'react-router-dom-v5-compat': '7.13.1',
          'react-i18next': '16.5.8',
          '@openshift/dynamic-plugin-sdk': '8.2.0',
          '@patternfly/react-core/dist/dynamic/components/Button': '6.4.3',
        },
      },
    }[GENERATION];
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-list-page')).toBeVisible();
    const state = await page.evaluate(() => ({
      console: window.shellState!.consoleVersion,
      generation: window.shellState!.generation,
      loader: window.shellState!.loader,
      webpackScope: window.shellState!.shareScopeIsWebpacks(),
      provided: window.shellState!.providedShares,
      loaded: window.shellState!.loadedShares(),
      entryCallback: typeof window.__load_plugin_entry__,
    }));
    expect(state.generation).toBe(GENERATION);
    expect(state.console).toBe(expected.console);
    expect(state.loader).toBe(expected.loader);
    expect(state.webpackScope).toBe(expected.webpackScope);
    // Only console 4.22 has the dynamic-plugin-sdk's entry callback: a plugin built with SDK
    // 4.22 calls it and does not load on 4.19 to 4.21.
    expect(state.entryCallback).toBe(GENERATION === '4.22' ? 'function' : 'undefined');
    const patternfly = state.provided.filter((name) =>
      /^@patternfly\/react-(core|icons|table)(\/|$)/.test(name),
    );
    const nonPatternfly = state.provided.filter((name) => !patternfly.includes(name));
    expect(nonPatternfly).toEqual([...expected.provided].sort());
    // PatternFly core: 4.19 to 4.21 provide none (the plugin loads its own, about 160 KB gzip
    // more per page); 4.22 provides 6.4 for every dynamic module the plugin asks for.
    if (GENERATION === '4.22')
      expect(patternfly).toContain('@patternfly/react-core/dist/dynamic/components/Button');
    else expect(patternfly).toEqual([]);
    expect(state.provided).not.toContain('react-dom');
    for (const [name, version] of Object.entries(expected.loaded)) {
      expect(state.loaded[name], name).toEqual([version]);
    }
    // The plugin's build asks for console 4.19's singletons (webpack only warns: the shares
    // are not strict). Console 4.19/4.20 file them under `*`, which webpack's version check
    // cannot read, so it warns for each one the plugin takes; console 4.22 hands it newer
    // versions, and its legacy entry callback warns as well. 4.21 shares real versions.
    const unsatisfied = (version: string, name: string, required: string) =>
      `Unsatisfied version ${version} from undefined of shared singleton module ${name} (required ${required})`;
    expect(
      warnings.filter((text) => /^(Unsatisfied version|\[DEPRECATION WARNING\])/.test(text)).sort(),
    ).toEqual(
      {
        '4.19': [
          unsatisfied('*', '@openshift-console/dynamic-plugin-sdk', '=4.19.1'),
          unsatisfied('*', 'react', '^17.0.1'),
          unsatisfied('*', 'react-i18next', '^11.12.0'),
          unsatisfied('*', 'react-router-dom-v5-compat', '^6.11.2'),
        ],
        '4.21': [],
        '4.22': [
          unsatisfied('16.5.8', 'react-i18next', '^11.12.0'),
          unsatisfied('18.3.1', 'react', '^17.0.1'),
          unsatisfied('7.13.1', 'react-router-dom-v5-compat', '^6.11.2'),
          '[DEPRECATION WARNING] pipcache-plugin@0.1.0 was built for an older version of Console and may not work correctly in this version.',
        ],
      }[GENERATION],
    );
  });

  test("names its own console generation on the cluster Overview, never another's", async ({
    page,
    cluster,
  }) => {
    // The cluster Overview is an admin's page: a project admin's plugin items are refused there.
    await cluster.user('cluster-admin');
    await page.goto('/dashboards');
    await expect(page.getByTestId('shell-openshift-version')).toHaveText(
      `${GENERATION} (console shell)`,
    );
  });

  test('shows the empty state with a Create button that opens the form', async ({ page }) => {
    await page.goto('/pipcache/ns/demo');
    const empty = page.getByTestId('pipcache-empty-state');
    await expect(empty.getByText('No pip caches in this project')).toBeVisible();
    await empty.getByRole('link', { name: 'Create pip cache' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/~new$/);
    await expect(page.getByTestId('pipcache-new-page')).toBeVisible();
  });

  test('lists the caches of the project from a live watch', async ({ page, cluster }) => {
    await cluster.seed([
      cacheDeployment('alpha'),
      cacheDeployment('beta', 'demo', false),
      cacheDeployment('other', 'team-b'),
    ]);
    await page.goto('/pipcache/ns/demo');
    const rows = page.getByTestId('pipcache-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-test-name', 'alpha');
    await expect(rows.nth(0).getByTestId('pipcache-status')).toHaveAttribute(
      'data-status',
      'ready',
    );
    await expect(rows.nth(1).getByTestId('pipcache-status')).toHaveAttribute(
      'data-status',
      'starting',
    );

    // A cache that appears in the cluster shows up without a reload.
    await cluster.seed([cacheDeployment('gamma')]);
    await expect(rows).toHaveCount(3);
    await expect(page.locator('[data-test-name="gamma"]')).toBeVisible();
  });

  test('routes ~new to the form and any other name to the details page', async ({
    page,
    cluster,
  }) => {
    await cluster.seed([cacheDeployment('alpha')]);
    await page.goto('/pipcache/ns/demo/~new');
    await expect(page.getByTestId('pipcache-new-page')).toBeVisible();
    await page.goto('/pipcache/ns/demo/alpha');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('alpha');
  });

  test('has its navigation item after BuildConfigs in the Administrator perspective', async ({
    page,
  }) => {
    await page.goto('/');
    const builds = page.getByTestId('nav-section-builds');
    const items = builds.locator('[data-test-nav]');
    await expect(items).toHaveText(['BuildConfigs', 'PipCache']);
    await builds.getByRole('link', { name: 'PipCache' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo$/);
    await expect(page.getByRole('heading', { name: 'Pip caches', exact: true })).toBeVisible();
  });

  test('has its navigation item and Add card in the Developer perspective', async ({
    page,
    cluster,
  }) => {
    // Off by default since console 4.19, until an admin enables it.
    await cluster.capabilities({ developerPerspective: true });
    await page.goto('/');
    await page.getByTestId('perspective-dev').click();
    await expect(page.getByTestId('add-page')).toBeVisible();
    await expect(
      page.getByTestId('shell-nav').getByRole('link', { name: 'PipCache' }),
    ).toBeVisible();
    await page.getByTestId('shell-nav').getByRole('link', { name: 'PipCache' }).click();
    await expect(page.getByTestId('pipcache-empty-state')).toContainText(
      'No pip caches in this project',
    );
    await page.goto('/add/ns/demo');
    const card = page.getByTestId('add-action-pipcache-create');
    await expect(card).toContainText('Run a caching mirror of PyPI');
    await card.getByRole('link', { name: 'PipCache' }).click();
    await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/~new$/);
  });

  test('shows the Add card to an editor and hides it from a viewer', async ({ page, cluster }) => {
    await cluster.user('editor');
    await page.goto('/add/ns/demo');
    await expect(page.getByTestId('add-action-pipcache-create')).toBeVisible();
    await cluster.user('viewer');
    await page.goto('/add/ns/demo');
    await expect(page.getByTestId('add-page')).toBeVisible();
    await expect(page.getByTestId('add-group-pipcache')).toBeVisible();
    await expect(page.getByTestId('add-action-pipcache-create')).toHaveCount(0);
  });

  test('lists caches of every project on the all-projects page for a cluster admin', async ({
    page,
    cluster,
  }) => {
    await cluster.user('cluster-admin');
    await cluster.seed([cacheDeployment('alpha'), cacheDeployment('other', 'team-b')]);
    await page.goto('/pipcache/all-namespaces');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(2);
    await expect(page.getByRole('columnheader', { name: 'Project' })).toBeVisible();
  });

  test('renders in the dark theme', async ({ page }) => {
    await page.goto('/pipcache/ns/demo');
    await page.getByText('Dark theme').click();
    await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    expect(Math.max(...channels)).toBeLessThan(100);
    await expect(page.getByTestId('pipcache-empty-state')).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`every text of the list, details and its dialogs, dashboards, BuildConfig tab and create form is readable in the ${theme} theme`, async ({
      page,
      cluster,
    }) => {
      await cluster.seed([
        ...cacheObjects('alpha', { persistent: true }),
        ...cacheObjects('beta', { ready: false, admitted: 'HostAlreadyClaimed' }),
        appBuildConfig('shop'),
      ]);
      await page.addInitScript((chosen) => localStorage.setItem('shell-theme', chosen), theme);

      await page.goto('/pipcache/ns/demo');
      await expect(page.getByTestId('pipcache-row')).toHaveCount(2);
      await expect(page.locator('html')).toHaveClass(
        theme === 'dark' ? /pf-v6-theme-dark/ : /^(?!.*pf-v6-theme-dark)/,
      );
      // The check itself sees a text painted in the wrong colour for the theme.
      await page.evaluate((chosen) => {
        const probe = document.createElement('span');
        probe.textContent = 'contrast probe';
        probe.style.color = chosen === 'dark' ? 'rgb(40, 40, 40)' : 'rgb(230, 230, 230)';
        probe.dataset.test = 'contrast-probe';
        document.querySelector('[data-test="pipcache-list-page"]')?.append(probe);
      }, theme);
      expect(
        (await lowContrastTexts(page, '[data-test="pipcache-list-page"]')).map((t) => t.text),
      ).toEqual(['contrast probe']);
      await page.evaluate(() => document.querySelector('[data-test="contrast-probe"]')?.remove());
      expect(await lowContrastTexts(page, '[data-test="pipcache-list-page"]')).toEqual([]);

      await page.goto('/pipcache/ns/demo/alpha');
      await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(/^Ready/);
      expect(await lowContrastTexts(page, '[data-test="pipcache-details-page"]')).toEqual([]);
      // The dialogs lie over the page on a backdrop of their own.
      for (const [button, modal] of [
        ['pipcache-edit', 'pipcache-edit-modal'],
        ['pipcache-upgrade', 'pipcache-upgrade-modal'],
        ['pipcache-delete', 'pipcache-delete-modal'],
      ]) {
        await page.getByTestId(button!).click();
        await expect(page.getByTestId(modal!)).toBeVisible();
        await expect(page.getByTestId(modal!).getByRole('progressbar')).toHaveCount(0);
        // PatternFly's required-field asterisk: see the create form below.
        expect(
          await lowContrastTexts(page, `[data-test="${modal}"]`, ['.pf-v6-c-form__label-required']),
          modal,
        ).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId(modal!)).toHaveCount(0);
      }

      await page.goto('/pipcache/ns/demo/beta');
      await expect(page.getByTestId('pipcache-details-title')).toHaveText('beta');
      await expect(page.getByTestId('pipcache-health-sentence')).not.toHaveText(/^Ready/);
      expect(await lowContrastTexts(page, '[data-test="pipcache-details-page"]')).toEqual([]);

      await page.goto('/k8s/cluster/projects/demo');
      await expect(page.getByTestId('pipcache-inventory-cache')).toHaveCount(2);
      expect(await lowContrastTexts(page, '[data-test="pipcache-inventory"]')).toEqual([]);

      // The rest as a cluster admin, who sees every project on the cluster tab.
      await cluster.user('cluster-admin');
      await page.goto('/dashboards/pipcache');
      await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(2);
      expect(await lowContrastTexts(page, '[data-test="pipcache-cluster-card"]')).toEqual([]);

      await page.goto('/k8s/ns/demo/buildconfigs/shop/pipcache');
      await expect(page.getByTestId('pipcache-bc-use')).toBeVisible();
      expect(await lowContrastTexts(page, '[data-test="pipcache-bc-tab"]')).toEqual([]);

      await page.goto('/pipcache/ns/demo/~new');
      for (const section of ['image', 'resources', 'placement', 'route', 'devpi', 'network']) {
        await page.getByTestId(`pipcache-section-${section}`).getByRole('button').first().click();
      }
      await page.getByTestId('pipcache-name').fill('Bad_Name');
      // A storage class that cannot grow the volume: its warning is read in both themes too.
      await page.getByLabel('Persistent volume').check();
      await page.getByTestId('pipcache-storage-class').selectOption('fast-local');
      await expect(page.getByTestId('pipcache-storage-class-help')).toContainText('cannot expand');
      await expect(page.getByTestId('pipcache-name-error')).toBeVisible();
      // PatternFly's own required-field asterisk is 4.2:1 in its dark theme, in every console
      // form alike; the plugin leaves PatternFly's styles alone, and "required" reaches screen
      // readers through the input itself.
      expect(
        await lowContrastTexts(page, '[data-test="pipcache-new-page"]', [
          '.pf-v6-c-form__label-required',
        ]),
      ).toEqual([]);
    });
  }
});
