import * as fs from 'fs';
import type { Page } from '@playwright/test';
import { cacheObjects, expect, test } from './fixtures';

const HOSTILE_HOST = 'javascript:alert(1)';
const HOSTILE_MARKUP = '<img src=x onerror="window.__pwned=1" data-injected="yes">';

/** Fails the test on any dialog: an alert() that ran is the worst outcome of hostile data. */
const watchDialogs = (page: Page) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
};

/** Nothing hostile ran or was parsed into the page: no dialog, no injected element, no bad link. */
const expectNothingInjected = async (page: Page, dialogs: string[]) => {
  expect(dialogs).toEqual([]);
  await expect(page.locator('[data-injected]')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).protocol));
  for (const protocol of hrefs) expect(['http:', 'https:']).toContain(protocol);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
};

test.describe('hostile strings from the cluster render as text', () => {
  test('a Route whose host and conditions hold script URLs and markup', async ({
    page,
    cluster,
  }) => {
    const dialogs = watchDialogs(page);
    const objects = cacheObjects('pipcache', { persistent: true }).map((o) => {
      if (o.kind === 'Route') {
        o.spec.host = HOSTILE_HOST;
        o.metadata.annotations = { ...o.metadata.annotations, description: HOSTILE_MARKUP };
        o.status.ingress[0].host = HOSTILE_HOST;
      }
      if (o.kind === 'PersistentVolumeClaim') o.spec.storageClassName = HOSTILE_MARKUP;
      return o;
    });
    await cluster.seed(objects);
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
    // The hostile class name is shown, as text.
    await expect(page.getByText(HOSTILE_MARKUP, { exact: false })).toHaveCount(1);
    await expectNothingInjected(page, dialogs);

    await page.goto('/pipcache/ns/demo');
    await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
    await expectNothingInjected(page, dialogs);
  });

  test('a Route not admitted with markup in its message, and a values annotation of script URLs', async ({
    page,
    cluster,
  }) => {
    const dialogs = watchDialogs(page);
    const objects = cacheObjects('pipcache').map((o) => {
      if (o.kind === 'Route') {
        o.status.ingress[0].conditions = [
          { type: 'Admitted', status: 'False', reason: 'Custom', message: HOSTILE_MARKUP },
        ];
      }
      if (o.kind === 'Deployment') {
        o.metadata.annotations = {
          ...o.metadata.annotations,
          'pipcache-plugin/values': JSON.stringify({
            devpi: { upstreamUrl: HOSTILE_HOST },
            route: { host: HOSTILE_MARKUP },
          }),
        };
      }
      return o;
    });
    await cluster.seed(objects);
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-external-url-problem')).toContainText(HOSTILE_MARKUP);
    await expectNothingInjected(page, dialogs);
  });

  test('an external URL that is not http(s) is shown as text, never as a link', async ({
    page,
    cluster,
  }) => {
    const dialogs = watchDialogs(page);
    const objects = cacheObjects('pipcache').map((o) => {
      if (o.kind === 'Route') o.status.ingress[0].host = 'evil.example.com/#"><img src=x>';
      return o;
    });
    await cluster.seed(objects);
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
    await expectNothingInjected(page, dialogs);
  });

  test('a BuildConfig whose pip settings hold a script URL and markup', async ({
    page,
    cluster,
  }) => {
    const dialogs = watchDialogs(page);
    await cluster.seed([
      ...cacheObjects('pipcache'),
      {
        apiVersion: 'build.openshift.io/v1',
        kind: 'BuildConfig',
        metadata: {
          name: 'api',
          namespace: 'demo',
          labels: { app: 'api' },
          annotations: { description: HOSTILE_MARKUP },
        },
        spec: {
          source: { type: 'Git', git: { uri: 'https://git.example.com/team/api.git' } },
          strategy: {
            type: 'Source',
            sourceStrategy: {
              from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9', namespace: 'openshift' },
              env: [
                { name: 'PIP_INDEX_URL', value: HOSTILE_HOST },
                { name: 'PIP_TRUSTED_HOST', value: HOSTILE_MARKUP },
              ],
            },
          },
          output: { to: { kind: 'ImageStreamTag', name: 'api:latest' } },
        },
      },
    ]);
    await page.goto('/k8s/ns/demo/buildconfigs/api/pipcache');
    await expect(page.getByTestId('pipcache-bc-summary')).toBeVisible();
    await expectNothingInjected(page, dialogs);
    // The modal that shows the change lists the hostile values as text too.
    await page.getByTestId('pipcache-bc-use').click();
    const modal = page.getByTestId('pipcache-use-modal');
    await expect(modal).toContainText(HOSTILE_HOST);
    await expect(modal).toContainText(HOSTILE_MARKUP);
    await expectNothingInjected(page, dialogs);
  });

  test('a garbled devpi answer through the proxy is never rendered', async ({ page, cluster }) => {
    const dialogs = watchDialogs(page);
    await cluster.seed(cacheObjects('pipcache'));
    await cluster.faults({ proxy: [{ service: 'demo/pipcache', mode: 'garble', body: 'html' }] });
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(
      'Unreachable: something that is not devpi answered on the service.',
    );
    await expectNothingInjected(page, dialogs);
    await expect(page.locator('html')).not.toContainText('<html');
  });
});

test('the upstream password never leaves the Secret', async ({ page, cluster }) => {
  const PASSWORD = 'Hunter2-S3cret-9f4e1b';
  const urls: string[] = [];
  const messages: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('console', (message) => messages.push(message.text()));

  await page.goto('/pipcache/ns/demo/~new');
  await expect(page.getByTestId('pipcache-name')).toHaveValue('pipcache');
  await page
    .getByTestId('pipcache-section-devpi')
    .getByRole('button', { name: 'devpi options' })
    .click();
  await page
    .getByTestId('pipcache-devpi-upstreamUrl')
    .fill('https://nexus.example.com/repository/pypi/simple/');
  await page.getByTestId('pipcache-devpi-upstreamUsername').fill('bob');
  await page.getByTestId('pipcache-devpi-upstreamPassword').fill(PASSWORD);

  // The YAML preview and its download.
  await page.getByTestId('pipcache-section-yaml').getByRole('button').first().click();
  const yaml = page.getByTestId('pipcache-yaml');
  await expect(yaml).toContainText('kind: Secret');
  await expect(yaml).not.toContainText(PASSWORD);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('pipcache-yaml-download').click();
  const download = await downloading;
  const downloaded = fs.readFileSync((await download.path())!, 'utf8');
  expect(downloaded).toContain('kind: Deployment');
  expect(downloaded).not.toContain(PASSWORD);
  // The page, less the password field's own value (which is not text).
  expect(await page.locator('body').innerText()).not.toContain(PASSWORD);

  await page.getByTestId('pipcache-create-submit').click();
  await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
  await expect(page.getByTestId('pipcache-details-title')).toHaveText('pipcache');
  expect(await page.locator('body').innerText()).not.toContain(PASSWORD);
  expect(await page.content()).not.toContain(PASSWORD);

  const objects = await cluster.objects(undefined, 'demo');
  const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'pipcache-root');
  const stored =
    secret.stringData?.['upstream-password'] ??
    Buffer.from(secret.data['upstream-password'], 'base64').toString('utf8');
  // The test would prove nothing if the password had not been kept at all.
  expect(stored).toBe(PASSWORD);
  const holders = objects
    .filter((o) => o !== secret && JSON.stringify(o).includes(PASSWORD))
    .map((o) => `${o.kind}/${o.metadata.name}`);
  expect(holders).toEqual([]);
  const deployment = objects.find((o) => o.kind === 'Deployment');
  expect(deployment.metadata.annotations['pipcache-plugin/values']).not.toContain(PASSWORD);
  expect(JSON.stringify(deployment)).not.toContain(Buffer.from(PASSWORD).toString('base64'));

  expect(
    urls.filter((url) => url.includes(PASSWORD) || url.includes(encodeURIComponent(PASSWORD))),
  ).toEqual([]);
  expect(messages.filter((text) => text.includes(PASSWORD))).toEqual([]);
});

test('a full tour of the console never leaves its origin', async ({ page, cluster, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  await cluster.seed([
    {
      apiVersion: 'build.openshift.io/v1',
      kind: 'BuildConfig',
      metadata: { name: 'api', namespace: 'demo', labels: { app: 'api' } },
      spec: {
        source: { type: 'Git', git: { uri: 'https://git.example.com/team/api.git' } },
        strategy: {
          type: 'Source',
          sourceStrategy: {
            from: { kind: 'ImageStreamTag', name: 'python:3.12-ubi9', namespace: 'openshift' },
          },
        },
        output: { to: { kind: 'ImageStreamTag', name: 'api:latest' } },
      },
    },
  ]);

  await page.goto('/pipcache/ns/demo');
  await expect(page.getByTestId('pipcache-empty-state')).toBeVisible();
  await page.goto('/pipcache/ns/demo/~new');
  await page.getByTestId('pipcache-section-yaml').getByRole('button').first().click();
  await expect(page.getByTestId('pipcache-yaml')).toContainText('kind: Deployment');
  await page.getByTestId('pipcache-create-submit').click();
  await expect(page).toHaveURL(/\/pipcache\/ns\/demo\/pipcache$/);
  await expect(page.getByTestId('pipcache-health-sentence')).toHaveText(/^Ready — answered/, {
    timeout: 30_000,
  });
  await page.getByTestId('pipcache-snippet-tab-uv').click();
  await page.goto('/pipcache/ns/demo');
  await expect(page.getByTestId('pipcache-row')).toHaveCount(1);
  await page.goto('/k8s/ns/demo/buildconfigs/api/pipcache');
  await expect(page.getByTestId('pipcache-bc-summary')).toBeVisible();
  await page.goto('/k8s/cluster/projects/demo');
  await expect(page.getByTestId('pipcache-inventory')).toBeVisible();

  // A refused request would be a console error; naming it here says which one.
  expect(refused).toEqual([]);
  expect(requests.length).toBeGreaterThan(20);
  const elsewhere = requests.filter((url) => {
    const parsed = new URL(url);
    const own =
      parsed.protocol === 'ws:' || parsed.protocol === 'wss:'
        ? `http${parsed.protocol === 'wss:' ? 's' : ''}://${parsed.host}`
        : parsed.origin;
    return own !== origin;
  });
  expect(elsewhere).toEqual([]);
});
