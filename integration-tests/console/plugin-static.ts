/**
 * The shell's stand-in for the plugin's nginx where nginx or openssl is missing: a small
 * static file server in this process, plain http on 127.0.0.1, serving `dist/` with a correct
 * Content-Type and nothing more. It is not the chart's nginx.conf and does not imitate it (no
 * caching rules, no nosniff, no gzip): those are checked only where nginx runs. The shell still
 * reaches it through the console's plugin proxy (./plugin-proxy.ts), so what the proxy does
 * (session, GET only, filtered headers, 502 while it is down, the locales path) stays exercised.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

/** Content types by file extension, as Debian nginx's mime.types names them. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.html': 'text/html',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface PluginStatic {
  /** Its http address, such as `http://127.0.0.1:10123`. */
  url: string;
  /** Whether it is listening now. */
  running: () => boolean;
  /** Stops listening (a plugin pod that went away); `start` listens again on the same port. */
  stopServing: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops listening for good. */
  stop: () => Promise<void>;
}

/**
 * The file under `root` that a URL path names, or undefined when the path is malformed or
 * leaves `root` (`..`, encoded or not).
 */
export const fileUnder = (root: string, urlPath: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.sep}${decoded}`);
  return file === base || file.startsWith(base + path.sep) ? file : undefined;
};

const plain = (res: http.ServerResponse, status: number, text: string): void => {
  res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`${text}\n`);
};

/** Answers one request from the files under `root`: GET and HEAD of regular files only. */
const serve = (root: string, req: http.IncomingMessage, res: http.ServerResponse): void => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    plain(res, 405, 'Method not allowed');
    return;
  }
  // The raw path, not a URL-cleaned one: this server's own check is what keeps `..` inside.
  const file = fileUnder(root, (req.url ?? '/').split('?')[0] ?? '/');
  if (!file) {
    plain(res, 400, 'Bad request');
    return;
  }
  fs.stat(file, (error, stats) => {
    if (error || !stats.isFile()) {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stats.size,
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
};

const listen = (server: http.Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} (the plugin's server) is in use: stop what listens there or set PLUGIN_PORT.`,
            )
          : error,
      );
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as { port: number }).port);
    });
  });

/** Starts the static file server for `dist` on 127.0.0.1:`port` (0: a free one). */
export const startPluginStatic = async ({
  dist,
  port = 0,
}: {
  dist: string;
  port?: number;
}): Promise<PluginStatic> => {
  const root = path.resolve(dist);
  let server: http.Server | undefined = http.createServer((req, res) => serve(root, req, res));
  const listenPort = await listen(server, port);
  const stopServing = async (): Promise<void> => {
    const running = server;
    if (!running) return;
    server = undefined;
    await new Promise<void>((resolve) => {
      running.closeAllConnections();
      running.close(() => resolve());
    });
  };
  return {
    url: `http://127.0.0.1:${listenPort}`,
    running: () => server !== undefined,
    stopServing,
    start: async () => {
      if (server) return;
      const started = http.createServer((req, res) => serve(root, req, res));
      await listen(started, listenPort);
      server = started;
    },
    stop: stopServing,
  };
};
