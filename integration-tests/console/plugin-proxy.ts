/**
 * The console backend's two routes to a plugin's own web server, as `pkg/plugins/handlers.go`
 * and `pkg/server/server.go` of openshift/console release-4.19 (unchanged in 4.21 and 4.22)
 * implement them:
 *
 * - `GET /api/plugins/<name>/<path>` (behind the console's session: 401 without one) and
 *   `GET /locales/resource.json?lng=<lng>&ns=plugin__<name>` (no session needed; the plugin's
 *   `locales/<lng>/<ns>.json`, the path joined and cleaned) become a new GET to the plugin's
 *   Service over https, verified against the service CA only (Go's SecureTLSConfig: TLS 1.2
 *   or later), with a 120 s timeout.
 * - The request's headers go along except `Cookie` and `X-CSRFToken` (the console also sets
 *   `Authorization` to the user's bearer token, which the chart's nginx ignores; the shell
 *   sends none). The answer's status and headers come back except the hop-by-hop ones, the
 *   `Access-Control-*` ones and `Server` (`proxy.FilterHeaders`).
 * - Anything but GET is 405 with `Allow: GET`; a plugin that is not enabled is 404; a
 *   request the plugin's server never answers (down, refused, TLS not trusted) is 502. Each
 *   of these errors is the JSON `{"error": "..."}` with the console's wording.
 */
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';

/**
 * Where the enabled plugin's server is, or undefined while none is configured. An https `url`
 * with the `ca` to trust is what a cluster has; a plain http `url` (no `ca`) is the shell's
 * in-process stand-in for nginx, used only where nginx or openssl is missing
 * (./plugin-static.ts).
 */
export interface PluginUpstream {
  url: string;
  ca?: Buffer;
}

const FILTERED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'server',
]);
// Not sent on: the console's own session and CSRF token, and what belongs to this one hop
// (Go's client writes its own Host and connection handling too).
const DROPPED_REQUEST_HEADERS = new Set(['cookie', 'x-csrftoken', 'host', 'connection']);

/** Go's `path.Join` under `/`: cleaned, with no trailing slash. */
const goJoin = (...parts: string[]): string =>
  path.posix.join('/', ...parts).replace(/(.)\/+$/, '$1');

const sendError = (res: http.ServerResponse, status: number, message: string): void => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: message }));
};

const forward = (
  upstream: PluginUpstream,
  assetPath: string,
  pluginName: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void => {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers))
    if (!DROPPED_REQUEST_HEADERS.has(name) && value !== undefined) headers[name] = value;
  const target = new URL(assetPath, upstream.url);
  const onAnswer = (answer: http.IncomingMessage): void => {
    const copied: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers))
      if (!FILTERED_RESPONSE_HEADERS.has(name) && value !== undefined) copied[name] = value;
    res.writeHead(answer.statusCode ?? 502, copied);
    answer.pipe(res);
  };
  const options = { method: 'GET', headers, timeout: 120_000, agent: false } as const;
  // Everything but the transport is the same for the fallback's plain http.
  const request =
    target.protocol === 'http:'
      ? http.request(target, options, onAnswer)
      : https.request(target, { ...options, ca: upstream.ca, minVersion: 'TLSv1.2' }, onAnswer);
  request.on('timeout', () => request.destroy(new Error('Client.Timeout exceeded')));
  request.on('error', (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(
      res,
      502,
      `failed to send GET request for "${pluginName}" plugin: Get "${target.href}": ${error.message}`,
    );
  });
  request.end();
};

const onlyGet = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
  if (req.method === 'GET') return true;
  res.setHeader('Allow', 'GET');
  sendError(res, 405, 'Method unsupported, the only supported methods is GET');
  return false;
};

/**
 * Handles the console's plugin asset and locale routes for one enabled plugin; returns false
 * for any other URL. `hasSession` says whether the request carries a console session.
 */
export const handlePluginRequest = (
  {
    pluginName,
    upstream,
    hasSession,
  }: {
    pluginName: string;
    upstream: () => PluginUpstream | undefined;
    hasSession: (req: http.IncomingMessage) => boolean;
  },
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const endpointOf = (name: string): PluginUpstream | undefined =>
    name === pluginName ? upstream() : undefined;
  if (url.pathname.startsWith('/api/plugins/')) {
    if (!hasSession(req)) {
      res.writeHead(401).end();
      return true;
    }
    if (!onlyGet(req, res)) return true;
    const rest = url.pathname.slice('/api/plugins/'.length);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    const assetPath = slash < 0 ? '' : rest.slice(slash + 1);
    const endpoint = endpointOf(name);
    if (!endpoint) {
      sendError(res, 404, `failed to get endpoint for "${name}" plugin`);
      return true;
    }
    // The console builds the URL from the Service's endpoint and the path alone (the query is
    // not sent on), joined like Go's path.Join: cleaned, so `..` cannot climb out.
    forward(endpoint, goJoin(assetPath), name, req, res);
    return true;
  }
  if (url.pathname === '/locales/resource.json') {
    if (!onlyGet(req, res)) return true;
    const lng = url.searchParams.get('lng') ?? '';
    const ns = url.searchParams.get('ns') ?? '';
    if (lng === '' || ns === '') {
      sendError(
        res,
        400,
        `GET request "${req.url ?? ''}" is missing 'lng' or 'ns' query parameter`,
      );
      return true;
    }
    if (!ns.startsWith('plugin__')) {
      // The console's own namespaces come from its public folder, which the shell has not.
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('404 page not found\n');
      return true;
    }
    const name = ns.slice('plugin__'.length);
    const endpoint = endpointOf(name);
    if (!endpoint) {
      sendError(res, 404, `failed to get endpoint for "${name}" plugin`);
      return true;
    }
    forward(endpoint, goJoin('locales', lng, `${ns}.json`), name, req, res);
    return true;
  }
  return false;
};
