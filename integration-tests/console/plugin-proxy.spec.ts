import { spawn, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { hasOpenssl, makeSelfSignedCert } from '../self-signed-cert';
import { hasNginx, startPluginNginx } from './plugin-nginx';
import { handlePluginRequest, type PluginUpstream } from './plugin-proxy';
import { startShell, type ShellServer } from './server';

/**
 * The shell reaches the plugin only through the chart's nginx, over TLS, the way the console's
 * backend does (pkg/plugins/handlers.go): what passes, what is dropped, and what a browser sees
 * when the plugin's server is down. The nginx parts are skipped where nginx or openssl is missing;
 * the shell's fallback to its static file server is tested everywhere.
 */
jest.setTimeout(60_000);

const SESSION = 'openshift-session-token=shell-session';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const request = (
  url: string,
  {
    method = 'GET',
    headers = {},
    body: sent,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(sent);
  });
const pluginServer = (shellUrl: string, running: boolean) =>
  request(`${shellUrl}/__shell/plugin-server`, {
    method: 'POST',
    body: JSON.stringify({ running }),
  });

const makeWww = (): string => {
  const www = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-www-'));
  fs.mkdirSync(path.join(www, 'locales/en'), { recursive: true });
  fs.writeFileSync(path.join(www, 'plugin-manifest.json'), '{"name":"pipcache-plugin"}');
  fs.writeFileSync(path.join(www, 'c.4d5e6f.js'), 'window.y = 1;');
  fs.writeFileSync(
    path.join(www, 'locales/en/plugin__pipcache-plugin.json'),
    '{"Pip caches":"Pip caches"}',
  );
  return www;
};

(hasNginx ? describe : describe.skip)('the shell serving the plugin through nginx', () => {
  let www: string;
  let shell: ShellServer;
  beforeAll(async () => {
    www = makeWww();
    shell = await startShell({ port: 0, seed: 'empty', plugin: { dist: www } });
  });
  afterAll(async () => {
    await shell.close();
    fs.rmSync(www, { recursive: true, force: true });
  });

  it("passes on nginx's answer: MIME type, nosniff and caching, without its Server header", async () => {
    const manifest = await request(
      `${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`,
      {
        headers: { Cookie: SESSION },
      },
    );
    expect(manifest.status).toBe(200);
    expect(manifest.body).toBe('{"name":"pipcache-plugin"}');
    expect(manifest.headers['content-type']).toBe('application/json');
    expect(manifest.headers['cache-control']).toBe('no-store');
    expect(manifest.headers['x-content-type-options']).toBe('nosniff');
    // nginx says `Server: nginx`; the console's proxy filters it out.
    expect(manifest.headers.server).toBeUndefined();
    const chunk = await request(`${shell.url}/api/plugins/pipcache-plugin/c.4d5e6f.js`, {
      headers: { Cookie: SESSION },
    });
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-type']).toBe('application/javascript');
    const missing = await request(`${shell.url}/api/plugins/pipcache-plugin/c.abcdef.js`, {
      headers: { Cookie: SESSION },
    });
    expect(missing.status).toBe(404);
  });

  it('serves plugin assets to a console session only, and only for GET', async () => {
    const url = `${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`;
    expect((await request(url)).status).toBe(401);
    const post = await request(url, { method: 'POST', headers: { Cookie: SESSION } });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    const other = await request(`${shell.url}/api/plugins/other-plugin/plugin-manifest.json`, {
      headers: { Cookie: SESSION },
    });
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body)).toEqual({
      error: 'failed to get endpoint for "other-plugin" plugin',
    });
  });

  it("answers the console's locales path from the plugin's locales folder", async () => {
    const locale = await request(
      `${shell.url}/locales/resource.json?lng=en&ns=plugin__pipcache-plugin`,
    );
    expect(locale.status).toBe(200);
    expect(JSON.parse(locale.body)).toEqual({ 'Pip caches': 'Pip caches' });
    expect(locale.headers['x-content-type-options']).toBe('nosniff');
    // The path is cleaned as Go's path.Join cleans it: `..` stays under locales/.
    expect(
      (await request(`${shell.url}/locales/resource.json?lng=../..&ns=plugin__pipcache-plugin`))
        .status,
    ).toBe(404);
    const missing = await request(`${shell.url}/locales/resource.json?lng=en`);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toEqual({
      error: `GET request "/locales/resource.json?lng=en" is missing 'lng' or 'ns' query parameter`,
    });
    expect(
      (await request(`${shell.url}/locales/resource.json?lng=en&ns=plugin__other`)).status,
    ).toBe(404);
  });

  it('answers 502 with the console’s error while nginx is down, and serves again once it is up', async () => {
    const url = `${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`;
    expect(JSON.parse((await pluginServer(shell.url, false)).body)).toEqual({ running: false });
    const down = await request(url, { headers: { Cookie: SESSION } });
    expect(down.status).toBe(502);
    expect(down.headers['content-type']).toBe('application/json');
    expect((JSON.parse(down.body) as { error: string }).error).toMatch(
      /^failed to send GET request for "pipcache-plugin" plugin: Get "https:\/\/127\.0\.0\.1:\d+\/plugin-manifest\.json": .*ECONNREFUSED/,
    );
    expect(JSON.parse((await pluginServer(shell.url, true)).body)).toEqual({ running: true });
    expect((await request(url, { headers: { Cookie: SESSION } })).status).toBe(200);
  });
});

(hasOpenssl ? describe : describe.skip)("the console backend's proxy to a plugin", () => {
  let dir: string;
  let seen: http.IncomingHttpHeaders | undefined;
  let upstream: https.Server;
  let front: http.Server;
  let trusted: PluginUpstream;
  let current: PluginUpstream;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipcache-proxy-'));
    makeSelfSignedCert(path.join(dir, 'tls.crt'), path.join(dir, 'tls.key'));
    makeSelfSignedCert(path.join(dir, 'other.crt'), path.join(dir, 'other.key'));
    // A plugin server that records what reached it and answers with headers a proxy filters.
    upstream = https.createServer(
      {
        cert: fs.readFileSync(path.join(dir, 'tls.crt')),
        key: fs.readFileSync(path.join(dir, 'tls.key')),
      },
      (req, res) => {
        seen = req.headers;
        res.writeHead(200, {
          'Content-Type': 'application/json',
          Server: 'test',
          'Access-Control-Allow-Origin': '*',
          'X-Plugin': 'kept',
        });
        res.end(JSON.stringify({ path: req.url }));
      },
    );
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const port = (upstream.address() as net.AddressInfo).port;
    trusted = { url: `https://127.0.0.1:${port}`, ca: fs.readFileSync(path.join(dir, 'tls.crt')) };
    current = trusted;
    front = http.createServer((req, res) => {
      if (
        !handlePluginRequest(
          { pluginName: 'pipcache-plugin', upstream: () => current, hasSession: () => true },
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
    await new Promise((resolve) => upstream.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const frontUrl = () => `http://127.0.0.1:${(front.address() as net.AddressInfo).port}`;

  it('drops Cookie and X-CSRFToken, the query, and the filtered answer headers', async () => {
    const answer = await request(`${frontUrl()}/api/plugins/pipcache-plugin/a/../b.js?x=1`, {
      headers: {
        Cookie: SESSION,
        'X-CSRFToken': 't',
        'Accept-Language': 'de',
        'If-None-Match': '"1"',
      },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ path: '/b.js' });
    expect(seen?.cookie).toBeUndefined();
    expect(seen?.['x-csrftoken']).toBeUndefined();
    expect(seen?.['accept-language']).toBe('de');
    expect(seen?.['if-none-match']).toBe('"1"');
    expect(answer.headers.server).toBeUndefined();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['x-plugin']).toBe('kept');
  });

  it('trusts only the service CA: another certificate is a 502', async () => {
    current = { url: trusted.url, ca: fs.readFileSync(path.join(dir, 'other.crt')) };
    try {
      const answer = await request(`${frontUrl()}/api/plugins/pipcache-plugin/b.js`);
      expect(answer.status).toBe(502);
      expect((JSON.parse(answer.body) as { error: string }).error).toMatch(
        /^failed to send GET request for "pipcache-plugin" plugin: .*certificate/,
      );
    } finally {
      current = trusted;
    }
  });
});

describe('the shell without nginx', () => {
  it('startPluginNginx refuses to run, naming the Debian package to install', async () => {
    const saved = process.env.NGINX_BIN;
    process.env.NGINX_BIN = '/nonexistent/nginx';
    try {
      await expect(startPluginNginx({ dist: __dirname })).rejects.toThrow(
        hasOpenssl ? /nginx is missing .*apt-get install nginx-light/ : /openssl/,
      );
    } finally {
      if (saved === undefined) delete process.env.NGINX_BIN;
      else process.env.NGINX_BIN = saved;
    }
  });

  it('starts with the static file server behind the same proxy, and says why in one line', async () => {
    const saved = process.env.NGINX_BIN;
    process.env.NGINX_BIN = '/nonexistent/nginx';
    const www = makeWww();
    let shell: ShellServer | undefined;
    try {
      shell = await startShell({ port: 0, seed: 'empty', plugin: { dist: www } });
      expect(shell.pluginFallback).toMatch(
        /^nginx \(\/nonexistent\/nginx\).* missing: the plugin is served by a plain http static file server, not by the chart's nginx\.conf over TLS \(Debian: sudo apt-get install -y nginx-light.*\)\.$/,
      );
      expect(shell.plugin?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const manifest = await request(
        `${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`,
        { headers: { Cookie: SESSION } },
      );
      expect(manifest.status).toBe(200);
      expect(manifest.headers['content-type']).toBe('application/json');
      // Not nginx: none of the chart's caching or nosniff headers.
      expect(manifest.headers['cache-control']).toBeUndefined();
      expect(manifest.headers['x-content-type-options']).toBeUndefined();
      expect(
        (await request(`${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`)).status,
      ).toBe(401);
      expect(JSON.parse((await pluginServer(shell.url, false)).body)).toEqual({ running: false });
      const down = await request(`${shell.url}/api/plugins/pipcache-plugin/plugin-manifest.json`, {
        headers: { Cookie: SESSION },
      });
      expect(down.status).toBe(502);
      expect(JSON.parse((await pluginServer(shell.url, true)).body)).toEqual({ running: true });
    } finally {
      await shell?.close();
      if (saved === undefined) delete process.env.NGINX_BIN;
      else process.env.NGINX_BIN = saved;
      fs.rmSync(www, { recursive: true, force: true });
    }
  });
});

(hasNginx ? describe : describe.skip)('the shell process', () => {
  it('stops its nginx and removes its files when it is stopped', async () => {
    const root = path.resolve(__dirname, '../..');
    const www = makeWww();
    // What the shell's command line runs (with a plugin folder of its own: dist/ may not be
    // built yet), in a process of its own as the demo and Playwright start it.
    const child = spawn(
      path.join(root, 'node_modules/.bin/ts-node'),
      [
        '-e',
        `require(${JSON.stringify(path.join(__dirname, 'server.ts'))}).runShell({ port: 0, seed: 'empty', plugin: { dist: ${JSON.stringify(www)} } })`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let nginxPids: number[] = [];
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`the shell exited with ${code}: ${out}`)));
      });
      const nginxPort = Number(/from nginx at https:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
      nginxPids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)])
        .toString()
        .trim()
        .split(/\s+/)
        .map(Number);
      expect(nginxPids).toHaveLength(1);
      // nginx runs with `-p <its temporary directory>`.
      // (Its master rewrites its command line as `nginx: master process <command line>`.)
      const cmdline = fs.readFileSync(`/proc/${nginxPids[0]}/cmdline`, 'utf8');
      const nginxDir = /-p\W(\S+?)\W-c/.exec(cmdline)?.[1] ?? '';
      expect(fs.existsSync(path.join(nginxDir, 'nginx.conf'))).toBe(true);
      child.kill('SIGTERM');
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
      // No nginx left, master or worker, and nothing listening on its port.
      const left = execFileSync('ps', ['-e', '-o', 'pid=,ppid=']).toString();
      for (const pid of nginxPids)
        expect(
          left.split('\n').filter((row) => row.trim().split(/\s+/).includes(String(pid))),
        ).toEqual([]);
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(nginxPort, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(open).toBe(false);
      expect(fs.existsSync(nginxDir)).toBe(false);
    } finally {
      // Should the test fail half-way, leave no shell and no nginx behind either.
      child.kill('SIGKILL');
      for (const pid of nginxPids) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone, as it should be.
        }
      }
      fs.rmSync(www, { recursive: true, force: true });
    }
  });
});
