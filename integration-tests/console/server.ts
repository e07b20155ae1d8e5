/**
 * The local console shell's server: the shell's page with the console's Content-Security-Policy
 * enforced, the in-memory cluster under `/api/kubernetes/`, and the plugin as a cluster serves
 * it: the chart's nginx.conf in Debian's nginx over TLS (./plugin-nginx.ts) serving a copy of
 * `dist/`, reached through `/api/plugins/pipcache-plugin/` and `/locales/resource.json` the way
 * the console's backend proxies them (./plugin-proxy.ts). Where nginx or openssl is missing, a
 * plain http static file server in this process (./plugin-static.ts) stands in for nginx
 * behind the same proxy, and the shell says so when it starts.
 *
 * Run: `ts-node integration-tests/console/server.ts [--port 9000] [--plugin-port 10000]
 * [--seed demo|empty|showcase]`; nginx listens on 127.0.0.1, by default on the shell's port
 * plus 1000 (`PLUGIN_PORT`), so that shells on different ports run side by side. With
 * `CONSOLE_GENERATION=4.21` or `4.22` it serves that generation of the shell (`dist-4.21/`,
 * `dist-4.22/`, built with the same variable) instead of the 4.19 one (`dist/`, standing for
 * consoles 4.19 and 4.20); the plugin's `dist/` is the same.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { Duplex } from 'stream';
import { createCluster, SESSION_COOKIE, type Cluster } from '../cluster-api/server';
import type { SeedName } from '../cluster-api/seed';
import { nginxMissing, startPluginNginx, type PluginNginx } from './plugin-nginx';
import { handlePluginRequest, type PluginUpstream } from './plugin-proxy';
import { startPluginStatic, type PluginStatic } from './plugin-static';

const root = path.resolve(__dirname, '../..');
/** The shell generation to serve, from `CONSOLE_GENERATION` (4.19 when unset). */
export const shellGeneration = (
  value = process.env.CONSOLE_GENERATION,
): '4.19' | '4.21' | '4.22' => {
  if (value === undefined || value === '' || value === '4.19' || value === '4.20') return '4.19';
  if (value === '4.21' || value === '4.22') return value;
  throw new Error(`CONSOLE_GENERATION must be 4.19 (or 4.20), 4.21 or 4.22, not ${value}.`);
};
export type ShellGenerationName = ReturnType<typeof shellGeneration>;
/** Where a generation's build of the shell lives (`npm run build-shell[-4.21|-4.22]`). */
export const shellDistOf = (generation: ShellGenerationName): string =>
  path.join(__dirname, generation === '4.19' ? 'dist' : `dist-${generation}`);
const pluginDist = path.join(root, 'dist');
const PLUGIN_NAME = 'pipcache-plugin';
/** How far the plugin's nginx port lies from the shell's by default. */
export const PLUGIN_PORT_OFFSET = 1000;

const MIME: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The console's policy, enforced here (the console still reports only) so tests catch violations. */
export const contentSecurityPolicy = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');

const sendFile = (
  res: http.ServerResponse,
  file: string,
  headers: Record<string, string | string[]> = {},
): void => {
  fs.readFile(file, (error, data) => {
    if (error) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    res.end(data);
  });
};

/** Resolves a URL path inside a directory, refusing anything that climbs out of it. */
const inside = (dir: string, urlPath: string): string | undefined => {
  const file = path.normalize(path.join(dir, decodeURIComponent(urlPath)));
  return file.startsWith(dir + path.sep) ? file : undefined;
};

export interface ShellServer {
  url: string;
  /** The https address, when started with `tls`. */
  tlsUrl?: string;
  cluster: Cluster;
  /**
   * The plugin's server, unless started with `plugin: false`: nginx, or the static file
   * server where nginx or openssl is missing (then `pluginFallback` says why, in one line).
   */
  plugin?: PluginNginx | PluginStatic;
  pluginFallback?: string;
  close: () => Promise<void>;
}

/** Whether a request carries the console's session (a cookie) or a bearer token. */
const hasSession = (req: http.IncomingMessage): boolean =>
  (req.headers.cookie ?? '')
    .split(';')
    .some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`)) ||
  /^Bearer\s+\S+$/i.test(req.headers.authorization ?? '');

/** Starts the shell on 127.0.0.1; port 0 picks a free port. */
export const startShell = async ({
  port = 9000,
  seed = 'demo',
  generation = shellGeneration(),
  tls,
  plugin = {},
}: {
  port?: number;
  seed?: SeedName;
  generation?: ShellGenerationName;
  /** Also serve over https on this port (0: any free one) with this certificate, for kubectl. */
  tls?: { port: number; cert: string; key: string };
  /**
   * The plugin's nginx: its port (default: the shell's plus 1000, or a free one with port 0)
   * and the folder it serves (default `dist/`). `false`: no plugin is enabled (tests of the
   * cluster alone), and the plugin routes answer as the console's do for an unknown plugin.
   */
  plugin?: { port?: number; dist?: string } | false;
} = {}): Promise<ShellServer> => {
  const shellDist = shellDistOf(generation);
  const consoleVersion = `${generation}.0`;
  // The plugin's server first: a shell that cannot serve the plugin does not start.
  const missing = plugin === false ? [] : nginxMissing();
  const pluginFallback =
    missing.length > 0
      ? `${missing.map((m) => m.what).join(' and ')} missing: the plugin is served by a plain http static file server, not by the chart's nginx.conf over TLS (Debian: sudo apt-get install -y ${missing.map((m) => m.debianPackage).join(' ')}).`
      : undefined;
  const pluginServerOptions =
    plugin === false
      ? undefined
      : {
          dist: plugin.dist ?? pluginDist,
          port: plugin.port ?? (port === 0 ? 0 : port + PLUGIN_PORT_OFFSET),
        };
  let nginx: PluginNginx | PluginStatic | undefined;
  let upstream: PluginUpstream | undefined;
  if (pluginServerOptions && pluginFallback) {
    const fallback = await startPluginStatic(pluginServerOptions);
    nginx = fallback;
    upstream = { url: fallback.url };
  } else if (pluginServerOptions) {
    const started = await startPluginNginx(pluginServerOptions);
    nginx = started;
    upstream = { url: started.url, ca: started.ca };
  }
  const cluster = createCluster({ seed });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    void (async () => {
      if (await cluster.handleRequest(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (
        handlePluginRequest(
          {
            pluginName: PLUGIN_NAME,
            upstream: () => upstream,
            hasSession,
          },
          req,
          res,
        )
      )
        return;
      // The shell's own control, for browser tests: stop the plugin's nginx (a plugin pod
      // that went away) or run it again.
      if (url.pathname === '/__shell/plugin-server') {
        if (req.method === 'POST') {
          const body = await new Promise<string>((resolve) => {
            let text = '';
            req.on('data', (chunk: Buffer) => (text += chunk.toString()));
            req.on('end', () => resolve(text));
          });
          const { running } = JSON.parse(body || '{}') as { running?: boolean };
          if (nginx && running === false) await nginx.stopServing();
          if (nginx && running === true) await nginx.start();
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ running: nginx?.running() ?? false }));
        return;
      }
      if (url.pathname === '/server-flags.js') {
        res.writeHead(200, {
          'Content-Type': MIME['.js'] ?? '',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(
          `window.SERVER_FLAGS = ${JSON.stringify({
            basePath: '/',
            consoleVersion,
            branding: 'okd',
            releaseVersion: consoleVersion,
            // The console sets these only when it proxies cluster monitoring.
            ...(cluster.capabilities.monitoring
              ? {
                  prometheusBaseURL: '/api/prometheus',
                  prometheusTenancyBaseURL: '/api/prometheus-tenancy',
                }
              : {}),
          })};\n`,
        );
        return;
      }
      // Like the console's backend: any other `/api/` path (such as `/api/prometheus` without
      // cluster monitoring) is not found, never the app's page.
      if (url.pathname.startsWith('/api/')) {
        res.writeHead(404, {
          'Content-Type': 'text/plain; charset=utf-8',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end('404 page not found\n');
        return;
      }
      if (url.pathname.startsWith('/static/')) {
        const file = inside(shellDist, url.pathname.slice('/static/'.length));
        if (file) sendFile(res, file);
        else res.writeHead(400).end();
        return;
      }
      // Only a page navigation gets the app (and, with it, a fresh CSRF cookie). A file the
      // shell does not have, such as the browser's own `/favicon.ico` request, is not found:
      // answering it with the page would replace the CSRF cookie while the app's writes are in
      // flight, and those would then be refused ("Invalid CSRF token"), which no console does.
      if (/\.(ico|png|svg|jpe?g|gif|webp|css|js|map|json|txt|woff2?)$/i.test(url.pathname)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const nonce = randomBytes(16).toString('base64');
      sendFile(res, path.join(shellDist, 'index.html'), {
        'Content-Security-Policy': contentSecurityPolicy(nonce),
        // The console's session (its user is the masthead's) and its CSRF token cookie.
        'Set-Cookie': [
          `${SESSION_COOKIE}=shell-session; Path=/; HttpOnly; SameSite=Strict`,
          `csrf-token=${randomBytes(16).toString('hex')}; Path=/; SameSite=Strict`,
        ],
        'Cache-Control': 'no-store',
      });
    })();
  };
  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!cluster.handleUpgrade(req, socket, head)) socket.destroy();
  };
  const server = http.createServer(handle);
  server.on('upgrade', upgrade);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  // The same server over TLS, for kubectl: client-go sends a bearer token only over https.
  let tlsServer: https.Server | undefined;
  if (tls) {
    tlsServer = https.createServer(
      { cert: fs.readFileSync(tls.cert), key: fs.readFileSync(tls.key) },
      handle,
    );
    tlsServer.on('upgrade', upgrade);
    const listening = tlsServer;
    await new Promise<void>((resolve) => listening.listen(tls.port, '127.0.0.1', resolve));
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const tlsAddress = tlsServer?.address();
  return {
    url: `http://127.0.0.1:${actualPort}`,
    ...(typeof tlsAddress === 'object' && tlsAddress
      ? { tlsUrl: `https://127.0.0.1:${tlsAddress.port}` }
      : {}),
    cluster,
    ...(nginx ? { plugin: nginx } : {}),
    ...(pluginFallback ? { pluginFallback } : {}),
    close: async () => {
      await new Promise<void>((resolve) => {
        cluster.close();
        tlsServer?.closeAllConnections();
        tlsServer?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await nginx?.stop();
    },
  };
};

/**
 * Runs the shell as a program: starts it, says where it is, and on Ctrl+C (SIGINT), SIGTERM
 * (Playwright stopping its web server) or SIGHUP stops nginx, removes its files and exits.
 * Without nginx or openssl it first says, in one line on stderr, that the plugin is served
 * by the static file server instead. A shell that cannot start (a port in use) says why and
 * exits with 1.
 */
export const runShell = (options: Parameters<typeof startShell>[0]): void => {
  const generation = options?.generation ?? shellGeneration();
  startShell(options).then(
    (shell) => {
      if (shell.pluginFallback) console.warn(shell.pluginFallback);
      console.log(
        `Console ${generation} shell with PipCache: ${shell.url}/pipcache/ns/demo (the plugin from ${shell.pluginFallback ? 'a static file server' : 'nginx'} at ${shell.plugin?.url ?? 'nowhere'})`,
      );
      let closing = false;
      const stop = () => {
        if (closing) return;
        closing = true;
        void shell.close().finally(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      process.on('SIGHUP', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
};

const SEEDS: readonly SeedName[] = ['demo', 'empty', 'showcase'];

/** The seed named on the command line, or `demo`. */
const parseSeed = (value: string | undefined): SeedName => {
  const seed = SEEDS.find((candidate) => candidate === value);
  if (value !== undefined && !seed) {
    console.error(`Unknown seed ${value}; use one of ${SEEDS.join(', ')}.`);
    process.exit(1);
  }
  return seed ?? 'demo';
};

if (require.main === module) {
  const arg = (name: string): string | undefined => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const generation = shellGeneration();
  for (const dir of [shellDistOf(generation), pluginDist]) {
    if (!fs.existsSync(dir)) {
      console.error(
        `${path.relative(root, dir)}/ is missing: run \`npm run build\` and \`npm run ${generation === '4.19' ? 'build-shell' : `build-shell-${generation}`}\` first.`,
      );
      process.exit(1);
    }
  }
  const pluginPort = arg('plugin-port') ?? process.env.PLUGIN_PORT;
  runShell({
    port: Number(arg('port') ?? process.env.PORT ?? 9000),
    seed: parseSeed(arg('seed')),
    generation,
    tls: arg('tls-port')
      ? { port: Number(arg('tls-port')), cert: arg('tls-cert') ?? '', key: arg('tls-key') ?? '' }
      : undefined,
    plugin: pluginPort === undefined ? {} : { port: Number(pluginPort) },
  });
}
