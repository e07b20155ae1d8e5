import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import type { SecureVersion } from 'tls';
import { hasNginx, startPluginNginx, type PluginNginx } from '../console/plugin-nginx';

/**
 * The chart's own nginx.conf, run by Debian's nginx (package nginx-light) over TLS with a
 * certificate made by openssl, serving a dist-like folder: what the console's backend
 * fetches from the plugin's Service, and what the console shell serves the plugin with
 * (integration-tests/console/plugin-nginx.ts). Skipped where nginx or openssl is missing.
 */
jest.setTimeout(30_000);

(hasNginx ? describe : describe.skip)("the chart's nginx.conf", () => {
  let www: string;
  let nginx: PluginNginx;
  let port: number;

  beforeAll(async () => {
    www = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-www-'));
    fs.mkdirSync(path.join(www, 'locales/en'), { recursive: true });
    fs.writeFileSync(path.join(www, 'plugin-manifest.json'), '{"name":"pipcache-plugin"}');
    fs.writeFileSync(path.join(www, 'plugin-entry.0123ab.min.js'), 'window.x = 1;');
    fs.writeFileSync(path.join(www, 'c.4d5e6f.js'), 'window.y = 1;');
    // A development build's entry carries no hash.
    fs.writeFileSync(path.join(www, 'plugin-entry.js'), 'window.z = 1;');
    fs.writeFileSync(path.join(www, 'locales/en/plugin__pipcache-plugin.json'), '{}');
    nginx = await startPluginNginx({ dist: www });
    port = Number(new URL(nginx.url).port);
  });
  afterAll(async () => {
    await nginx.stop();
    fs.rmSync(www, { recursive: true, force: true });
  });

  const get = (urlPath: string, tls: { min?: SecureVersion; max?: SecureVersion } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const request = https.get(
          {
            host: '127.0.0.1',
            port,
            path: urlPath,
            ca: nginx.ca,
            minVersion: tls.min,
            maxVersion: tls.max,
            ciphers: tls.max ? 'DEFAULT@SECLEVEL=0' : undefined,
          },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0, headers: response.headers });
          },
        );
        request.on('error', reject);
      },
    );

  it('serves JavaScript and JSON with their MIME types and nosniff', async () => {
    const js = await get('/plugin-entry.0123ab.min.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('application/javascript');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const locale = await get('/locales/en/plugin__pipcache-plugin.json');
    expect(locale.headers['content-type']).toBe('application/json');
    expect(locale.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never lets the manifest be cached', async () => {
    const manifest = await get('/plugin-manifest.json');
    expect(manifest.headers['content-type']).toBe('application/json');
    expect(manifest.headers['cache-control']).toBe('no-store');
    expect(manifest.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await get('/no-such-chunk.js')).status).toBe(404);
  });

  // Until issue 23 the chart set no Cache-Control on hashed files and this test pinned that
  // (heuristic caching, a revalidation round trip per chunk). webpack.config.ts names every
  // chunk and the production entry by content hash, so a name never refers to other bytes:
  // they are now cached for a year without revalidation.
  it('lets browsers keep content-hashed chunks and the hashed entry for a year', async () => {
    for (const file of ['/plugin-entry.0123ab.min.js', '/c.4d5e6f.js']) {
      const response = await get(file);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-type']).toBe('application/javascript');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('revalidates what is not content-hashed and never caches a missing chunk', async () => {
    for (const file of ['/locales/en/plugin__pipcache-plugin.json', '/plugin-entry.js']) {
      const response = await get(file);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBeUndefined();
      expect(response.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(response.headers['last-modified']).toBeDefined();
    }
    // During a rolling update an old pod may be asked for a new chunk: its 404 must not stick.
    const missing = await get('/c.abcdef.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  // Debian's OpenSSL 3 (like RHEL's crypto policy in the image) already refuses TLS 1.0 and
  // 1.1 at its default security level, whatever nginx's `ssl_protocols` says; this checks the
  // result a client sees.
  it('refuses TLS below 1.2', async () => {
    await expect(
      get('/plugin-manifest.json', { min: 'TLSv1.1', max: 'TLSv1.1' }),
    ).rejects.toThrow();
    expect((await get('/plugin-manifest.json', { min: 'TLSv1.2', max: 'TLSv1.2' })).status).toBe(
      200,
    );
  });
});
