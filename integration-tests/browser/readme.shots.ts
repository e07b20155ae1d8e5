import * as path from 'path';
import { cacheObjects, expect, runningPod, test } from './fixtures';

// Takes the README's pictures from the production build in the console shell, so that they
// show what the plugin does today: `npm run screenshots` (not part of `npm test`).
const docs = path.resolve(__dirname, '../../docs');

test.beforeEach(async ({ cluster }) => {
  await cluster.seed([
    ...cacheObjects('pipcache', { persistent: true }),
    runningPod('pipcache'),
    ...cacheObjects('team-wheels', { ready: false }),
  ]);
  await cluster.diskUsage('pipcache-data', 0.86 * 1024 ** 3);
});

test("the cluster Overview's PipCache card with URLs and health", async ({ page, cluster }) => {
  await cluster.user('cluster-admin');
  await cluster.seed([
    ...cacheObjects('ml-wheels', { namespace: 'team-b' }),
    ...cacheObjects('scratch', { route: false }),
  ]);
  await page.goto('/dashboards/pipcache');
  const rows = page.getByTestId('pipcache-cluster-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('pipcache-status').filter({ hasText: 'answered' })).toHaveCount(3);
  await expect(page.getByTestId('pipcache-external-url').first()).toBeVisible();
  await page.screenshot({
    path: path.join(docs, 'screenshot-dashboard.png'),
    animations: 'disabled',
  });
});

test('a cache page', async ({ page }) => {
  await page.goto('/pipcache/ns/demo/pipcache');
  await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(/^Ready/);
  await expect(page.getByTestId('pipcache-disk-sentence')).toHaveAttribute('data-level', 'warning');
  await expect(page.getByTestId('pipcache-start-build')).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.screenshot({ path: path.join(docs, 'screenshot.png'), animations: 'disabled' });
});

test('the create form', async ({ page }) => {
  await page.goto('/pipcache/ns/demo/~new');
  await page.getByTestId('pipcache-name').fill('team-cache');
  await page.getByLabel('Persistent volume').check();
  await page.getByTestId('pipcache-section-placement').getByRole('button').first().click();
  await expect(page.getByTestId('pipcache-storage-size')).toHaveValue('5Gi');
  await page.screenshot({ path: path.join(docs, 'screenshot-create.png'), animations: 'disabled' });
});

test('the list in the dark theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('shell-theme', 'dark'));
  await page.goto('/pipcache/ns/demo');
  await expect(page.getByTestId('pipcache-row')).toHaveCount(2);
  await expect(page.getByTestId('pipcache-disk-label')).toBeVisible();
  await page.screenshot({ path: path.join(docs, 'screenshot-dark.png'), animations: 'disabled' });
});
