import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { templateObjects } from './template-objects';
import { appBuildConfig, cacheObjects, expect, runningPod, test } from './fixtures';

/** What axe found against WCAG 2.1 A and AA under `selector`, one line per rule and node. */
const violations = async (page: Page, selector: string): Promise<string[]> => {
  // Colours are measured at rest: a button's or a dialog's transition still running would be
  // judged half-way (a spinner's endless animation is left alone).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // A selector that matched nothing would pass every rule: make sure axe looked at something.
  expect(results.passes.length, `axe checked nothing under ${selector}`).toBeGreaterThan(0);
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${node.target.join(' ')}`),
  );
};

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test.beforeEach(async ({ cluster }) => {
    await cluster.seed([
      ...cacheObjects('pipcache', { persistent: true }),
      runningPod('pipcache'),
      ...cacheObjects('beta', { ready: false, admitted: 'HostAlreadyClaimed' }),
      appBuildConfig('shop'),
    ]);
    // A volume nearly full, so that the warnings are on the pages too.
    await cluster.diskUsage('pipcache-data', 0.9 * 1024 ** 3);
  });

  test('the list, the project Overview item and the cluster Overview tab', async ({
    page,
    cluster,
  }) => {
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-disk-label')).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-list-page"]')).toEqual([]);
    // The audit itself finds a field without a label.
    await page.evaluate(() => {
      const probe = document.createElement('input');
      probe.dataset.test = 'a11y-probe';
      document.querySelector('[data-test="pipcache-list-page"]')?.append(probe);
    });
    expect(await violations(page, '[data-test="pipcache-list-page"]')).toEqual([
      expect.stringMatching(/^label: .* at input\[data-test="a11y-probe"\]$/),
    ]);
    await page.evaluate(() => document.querySelector('[data-test="a11y-probe"]')?.remove());
    // A row's kebab menu, open.
    await page.getByRole('button', { name: 'Actions for pipcache' }).click();
    await expect(page.getByRole('menuitem')).toHaveCount(2);
    expect(await violations(page, '[data-test="pipcache-list-page"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menuitem')).toHaveCount(0);

    await page.goto('/k8s/cluster/projects/demo');
    await expect(page.getByTestId('pipcache-inventory-cache')).toHaveCount(2);
    expect(await violations(page, '[data-test="pipcache-inventory"]')).toEqual([]);
    // A cache's URLs popover, open.
    await page
      .getByTestId('pipcache-inventory')
      .getByRole('button', { name: 'pipcache', exact: true })
      .click();
    await expect(page.getByTestId('pipcache-urls-popover')).toBeVisible();
    // The popover fades in: contrast is measured once it is fully opaque.
    await expect(page.getByRole('dialog', { name: 'Index URLs of pipcache' })).toHaveCSS(
      'opacity',
      '1',
    );
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');

    await cluster.user('cluster-admin');
    await page.goto('/dashboards/pipcache');
    await expect(page.getByTestId('pipcache-cluster-row')).toHaveCount(2);
    // Once devpi has answered, with the URLs, the filter and the pagination.
    await expect(
      page.getByTestId('pipcache-status').filter({ hasText: 'answered' }).first(),
    ).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-cluster-card"]')).toEqual([]);
  });

  test('a cache page and each of its dialogs', async ({ page }) => {
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(/^Ready/);
    await expect(page.getByTestId('pipcache-disk-sentence')).toHaveAttribute(
      'data-level',
      'warning',
    );
    expect(await violations(page, '[data-test="pipcache-details-page"]')).toEqual([]);

    const dialogs: [string, string][] = [
      ['pipcache-edit', 'pipcache-edit-modal'],
      ['pipcache-disk-expand', 'pipcache-expand-modal'],
      ['pipcache-disk-empty', 'pipcache-empty-modal'],
      ['pipcache-upgrade', 'pipcache-upgrade-modal'],
      ['pipcache-delete', 'pipcache-delete-modal'],
    ];
    for (const [button, modal] of dialogs) {
      await page.getByTestId(button).click();
      await expect(page.getByTestId(modal)).toBeVisible();
      expect(await violations(page, `[data-test="${modal}"]`), modal).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(modal)).toHaveCount(0);
    }
  });

  test('the BuildConfig tab and its dialog', async ({ page }) => {
    await page.goto('/k8s/ns/demo/buildconfigs/shop/pipcache');
    await expect(page.getByTestId('pipcache-bc-use')).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-bc-tab"]')).toEqual([]);
    await page.getByTestId('pipcache-bc-use').click();
    await expect(page.getByTestId('pipcache-use-modal')).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-use-modal"]')).toEqual([]);
  });

  test('the create form, every section open and a field in error', async ({ page }) => {
    await page.goto('/pipcache/ns/demo/~new');
    for (const section of ['image', 'resources', 'placement', 'route', 'devpi', 'network']) {
      await page.getByTestId(`pipcache-section-${section}`).getByRole('button').first().click();
    }
    await page.getByTestId('pipcache-section-labels').getByRole('button').first().click();
    await page.getByTestId('pipcache-name').fill('Bad_Name');
    await expect(page.getByTestId('pipcache-name-error')).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-new-page"]')).toEqual([]);
  });

  test('a cache made by the original templates: its listing and the migration form', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(templateObjects());
    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-template-caches')).toContainText('oldcache');
    expect(await violations(page, '[data-test="pipcache-list-page"]')).toEqual([]);

    await page.goto('/pipcache/ns/demo/~new?migrate=oldcache');
    await expect(page.getByTestId('pipcache-migration-plan')).toBeVisible();
    expect(await violations(page, '[data-test="pipcache-new-page"]')).toEqual([]);
  });
});
