import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { handlePluginRequest } from './plugin-proxy';
import { fileUnder, startPluginStatic, type PluginStatic } from './plugin-static';

/**
 * The shell's stand-in for nginx where nginx or openssl is missing: a plain static file server
 * that answers with the right Content-Type and nothing of nginx's, reached through the
 * console's plugin proxy like nginx. Runs everywhere (it needs neither).
 */
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw GET: the path is sent exactly as given (no URL cleaning by the client). */
const get = (port: number, rawPath: string, method = 'GET'): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
const portOf = (url: string): number => Number(new URL(url).port);

describe('the static file server that stands in for nginx', () => {
  let parent: string;
  let www: string;
  let plugin: PluginStatic;
  let front: http.Server;
  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-static-'));
    www = path.join(parent, 'www');
    fs.mkdirSync(path.join(www, 'locales/en'), { recursive: true });
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside');
    fs.writeFileSync(path.join(www, 'plugin-manifest.json'), '{"name":"pipcache-plugin"}');
    fs.writeFileSync(path.join(www, 'c.4d5e6f.js'), 'window.y = 1;');
    fs.writeFileSync(path.join(www, 'c.4d5e6f.css'), 'a{}');
    fs.writeFileSync(path.join(www, 'logo.svg'), '<svg/>');
    fs.writeFileSync(path.join(www, 'data.bin'), 'x');
    fs.writeFileSync(
      path.join(www, 'locales/en/plugin__pipcache-plugin.json'),
      '{"Pip caches":"Pip caches"}',
    );
    plugin = await startPluginStatic({ dist: www });
    // The console's proxy in front of it, as the shell runs it.
    front = http.createServer((req, res) => {
      if (
        !handlePluginRequest(
          {
            pluginName: 'pipcache-plugin',
            upstream: () => ({ url: plugin.url }),
            hasSession: (r) => r.headers.cookie === 'openshift-session-token=s',
          },
          req,
          res,
        )
      )
        res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => front.close(resolve));
    await plugin.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('answers each file with its content type and none of nginx’s headers', async () => {
    const port = portOf(plugin.url);
    expect(plugin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const types: [string, string][] = [
      ['/plugin-manifest.json', 'application/json'],
      ['/c.4d5e6f.js', 'application/javascript'],
      ['/c.4d5e6f.css', 'text/css'],
      ['/logo.svg', 'image/svg+xml'],
      ['/data.bin', 'application/octet-stream'],
    ];
    for (const [file, type] of types) {
      const answer = await get(port, file);
      expect([file, answer.status, answer.headers['content-type']]).toEqual([file, 200, type]);
      expect(answer.headers['cache-control']).toBeUndefined();
      expect(answer.headers['x-content-type-options']).toBeUndefined();
      expect(answer.headers['content-encoding']).toBeUndefined();
    }
    expect((await get(port, '/c.4d5e6f.js')).body).toBe('window.y = 1;');
    expect((await get(port, '/plugin-manifest.json', 'POST')).status).toBe(405);
  });

  it('answers 404 for a missing file or a folder', async () => {
    const port = portOf(plugin.url);
    expect((await get(port, '/c.abcdef.js')).status).toBe(404);
    expect((await get(port, '/locales')).status).toBe(404);
    expect((await get(port, '/')).status).toBe(404);
  });

  it('refuses paths that climb out of its folder, encoded or not', async () => {
    const port = portOf(plugin.url);
    for (const climb of [
      '/../secret.txt',
      '/locales/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/%E0%A4%A',
    ]) {
      const answer = await get(port, climb);
      expect([climb, answer.status]).toEqual([climb, 400]);
      expect(answer.body).not.toContain('outside');
    }
    expect(fileUnder(www, '/../secret.txt')).toBeUndefined();
    expect(fileUnder(www, '/a/b.js')).toBe(path.join(www, 'a/b.js'));
  });

  it('is served through the console’s plugin proxy: session, GET only, locales, 502 while down', async () => {
    const frontPort = (front.address() as net.AddressInfo).port;
    const asked = (rawPath: string, method = 'GET', session = true) =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: frontPort,
            path: rawPath,
            method,
            headers: session ? { Cookie: 'openshift-session-token=s' } : {},
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    const manifest = await asked('/api/plugins/pipcache-plugin/plugin-manifest.json');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/json');
    expect(manifest.body).toBe('{"name":"pipcache-plugin"}');
    expect(
      (await asked('/api/plugins/pipcache-plugin/plugin-manifest.json', 'GET', false)).status,
    ).toBe(401);
    expect((await asked('/api/plugins/pipcache-plugin/plugin-manifest.json', 'POST')).status).toBe(
      405,
    );
    const locale = await asked('/locales/resource.json?lng=en&ns=plugin__pipcache-plugin', 'GET');
    expect(locale.status).toBe(200);
    expect(JSON.parse(locale.body)).toEqual({ 'Pip caches': 'Pip caches' });
    await plugin.stopServing();
    expect(plugin.running()).toBe(false);
    const down = await asked('/api/plugins/pipcache-plugin/plugin-manifest.json');
    expect(down.status).toBe(502);
    expect((JSON.parse(down.body) as { error: string }).error).toMatch(
      /^failed to send GET request for "pipcache-plugin" plugin: Get "http:\/\/127\.0\.0\.1:\d+\/plugin-manifest\.json": .*ECONNREFUSED/,
    );
    await plugin.start();
    expect(plugin.running()).toBe(true);
    expect((await asked('/api/plugins/pipcache-plugin/plugin-manifest.json')).status).toBe(200);
  });
});
