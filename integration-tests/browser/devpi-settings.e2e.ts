import * as http from 'http';
import type { AddressInfo } from 'net';
import { cacheObjects, expect, test } from './fixtures';

/** A backend that answers like a devpi whose index config a previous plugin version wrote. */
const oldDevpi = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/+api') {
      res.end(JSON.stringify({ type: 'apiconfig', result: { login: 'x' } }));
    } else if (req.url === '/+status') {
      res.end(
        JSON.stringify({
          type: 'status',
          result: { versioninfo: { 'devpi-server': '6.19.1' }, serial: 3, role: 'primary' },
        }),
      );
    } else if (req.url?.startsWith('/root/pypi?')) {
      res.end(
        JSON.stringify({
          type: 'indexconfig',
          result: {
            type: 'mirror',
            volatile: false,
            title: 'PyPI',
            mirror_url: 'https://robot:Sup3rSecretPw@nexus.example.com/simple/',
            mirror_cache_expiry: 600,
            mirror_ignore_serial_header: true,
            mirror_no_project_list: true,
          },
        }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

test.describe("devpi's own index settings on a cache's page", () => {
  test('shows the settings devpi has, read through the service proxy, matching the configured ones', async ({
    page,
    cluster,
  }) => {
    await cluster.seed(cacheObjects('pipcache'));
    await page.goto('/pipcache/ns/demo/pipcache');
    await expect(page.getByTestId('pipcache-index-settings')).toHaveText(
      'upstream https://pypi.org/simple/ · expiry 1800 s',
    );
    await expect(page.getByTestId('pipcache-index-settings-differ')).toHaveCount(0);
    await expect(page.getByTestId('pipcache-index-credentials-in-url')).toHaveCount(0);
  });

  test('a cache of an earlier version: its credentials in mirror_url are never shown, the page says how to repair it, and an unchanged edit does', async ({
    page,
    cluster,
  }) => {
    const backend = await oldDevpi();
    try {
      const objects = cacheObjects('pipcache').map((object) => {
        if (object.kind !== 'Deployment') return object;
        const copy = structuredClone(object);
        copy.spec.template.spec.containers[0].command = [
          '/bin/sh',
          '-c',
          'devpi-server --serverdir /data &',
        ];
        return copy;
      });
      await cluster.seed(objects);
      const override = await page.request.post('/__cluster/proxy-override', {
        data: { namespace: 'demo', service: 'pipcache', url: backend.url },
      });
      expect(override.ok()).toBe(true);
      await page.goto('/pipcache/ns/demo/pipcache');
      await expect(page.getByTestId('pipcache-index-settings')).toContainText(
        'upstream https://nexus.example.com/simple/ · expiry 600 s · no project list',
      );
      await expect(page.getByTestId('pipcache-index-credentials-in-url')).toContainText(
        'open Edit settings and save to repair it',
      );
      await expect(page.getByTestId('pipcache-index-settings-differ')).toContainText(
        'mirror_url, mirror_cache_expiry, mirror_ignore_serial_header, mirror_no_project_list',
      );
      await expect(page.locator('body')).not.toContainText('Sup3rSecretPw');
      await expect(page.locator('body')).not.toContainText('robot');

      await page.getByTestId('pipcache-edit').click();
      const modal = page.getByTestId('pipcache-edit-modal');
      await expect(modal.getByTestId('pipcache-edit-stale-script')).toBeVisible();
      await modal.getByTestId('pipcache-edit-save').click();
      await expect
        .poll(async () => {
          const [deployment] = await cluster.objects('Deployment', 'demo');
          return (deployment.spec.template.spec.containers[0].command as string[])[2] ?? '';
        })
        .toContain('devpiserver_get_mirror_auth');
    } finally {
      await page.request.post('/__cluster/proxy-override', {
        data: { namespace: 'demo', service: 'pipcache', url: null },
      });
      await backend.close();
    }
  });
});
