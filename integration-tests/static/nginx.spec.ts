import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { SecureVersion } from 'tls';
import { hasOpenssl, makeSelfSignedCert } from '../self-signed-cert';

/**
 * The chart's own nginx.conf, run by Debian's nginx (package nginx-light) over TLS with a
 * certificate made here by openssl, serving a dist-like folder: what the console's backend
 * fetches from the plugin's Service. Skipped where nginx or openssl is missing.
 */
const root = path.resolve(__dirname, '../..');
// /usr/sbin is not on every user's PATH.
const nginxBin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const available = hasOpenssl && !spawnSync(nginxBin, ['-v'], { stdio: 'ignore' }).error;

jest.setTimeout(30_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });

(available ? describe : describe.skip)("the chart's nginx.conf", () => {
  let dir: string;
  let port: number;
  let nginx: ChildProcess;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-nginx-'));
    // Run as root (a CI container), nginx's workers are `nobody`: they must read the files.
    fs.chmodSync(dir, 0o755);
    const www = path.join(dir, 'www');
    fs.mkdirSync(path.join(www, 'locales/en'), { recursive: true });
    fs.writeFileSync(path.join(www, 'plugin-manifest.json'), '{"name":"pipcache-plugin"}');
    fs.writeFileSync(path.join(www, 'plugin-entry.0123ab.min.js'), 'window.x = 1;');
    fs.writeFileSync(path.join(www, 'c.4d5e6f.js'), 'window.y = 1;');
    // A development build's entry carries no hash.
    fs.writeFileSync(path.join(www, 'plugin-entry.js'), 'window.z = 1;');
    fs.writeFileSync(path.join(www, 'locales/en/plugin__pipcache-plugin.json'), '{}');
    makeSelfSignedCert(path.join(dir, 'tls.crt'), path.join(dir, 'tls.key'));
    port = await freePort();
    // The nginx.conf block of the chart's ConfigMap, with the pod's paths pointed here.
    const template = fs.readFileSync(
      path.join(root, 'charts/pipcache-plugin/templates/configmap.yaml'),
      'utf8',
    );
    const conf = template
      .slice(template.indexOf('nginx.conf: |') + 'nginx.conf: |'.length)
      .split('\n')
      .map((line) => line.replace(/^ {4}/, ''))
      .join('\n')
      .replace(/\{\{ \.Values\.plugin\.port \}\}/g, String(port))
      .replace(/listen \[::\]:\d+ ssl;\n/, '')
      .replace(/\/tmp\//g, `${dir}/`)
      .replace('/var/cert/', `${dir}/`)
      .replace('/var/cert/', `${dir}/`)
      .replace('/opt/app-root/src', www);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
    nginx = spawn(
      nginxBin,
      ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 50; i += 1) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(() => {
    nginx.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (urlPath: string, tls: { min?: SecureVersion; max?: SecureVersion } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const request = https.get(
          {
            host: '127.0.0.1',
            port,
            path: urlPath,
            rejectUnauthorized: false,
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
