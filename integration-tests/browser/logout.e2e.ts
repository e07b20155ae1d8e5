import { cacheObjects, expect, runningPod, test } from './fixtures';

/**
 * The console logs the user out on a 401 from `/api/kubernetes/…`, except from service
 * proxies named `namespaces/\w+/services/\w+/proxy/` (the shell's fetch applies the same
 * rule, and every browser test asserts nothing tripped it). The plugin's devpi probes go
 * through `services/http:<name>:<port>/proxy/`, which the exception does not cover, so they
 * must only ask devpi paths that never answer 401.
 */
test.describe("the console's 401 logout rule", () => {
  test('no request of the plugin on its pages logs the user out', async ({ page, cluster }) => {
    await cluster.seed([...cacheObjects('pipcache', { persistent: true }), runningPod('pipcache')]);
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/kubernetes/')) requests.push(url.pathname + url.search);
    });
    for (const path of [
      '/pipcache/ns/demo',
      '/pipcache/ns/demo/pipcache',
      '/dashboards/pipcache',
      '/k8s/cluster/projects/demo',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    const proxied = requests.filter((path) => path.includes('/proxy/'));
    // The probe did run, through the service proxy …
    expect(proxied.length).toBeGreaterThan(0);
    // … and only ever asked devpi's `/+api`, `/+status` and the index settings
    // (`/root/pypi?no_projects=`), which answer anonymous reads and never 401: devpi-server
    // 6.19.1's `index_get` view (views.py) has no permission and answers 200 with the index
    // config, and devpi refuses anonymous writes with 403 (see the devpi notes).
    const asked = [...new Set(proxied.map((path) => path.replace(/^.*\/proxy\//, '/')))];
    expect(asked).toContain('/+api');
    expect(
      asked.filter((path) => !['/+api', '/+status', '/root/pypi?no_projects='].includes(path)),
    ).toEqual([]);
    expect(await page.evaluate(() => window.shellState!.unauthorizedUrls)).toEqual([]);
  });
});
