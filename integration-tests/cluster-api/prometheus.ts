import type * as http from 'http';
import { matcherString, matches, parseSelector, PromQLError, type Matcher } from './promql';
import type { AccessRequest } from './rbac';
import { findResource } from './resources';
import type { Store } from './store';
import { volumeSeries, type Series } from './volume-metrics';

/** Where the console serves the tenancy port of thanos-querier (namespace-scoped queries). */
export const PROMETHEUS_TENANCY_PREFIX = '/api/prometheus-tenancy';
/** Where the console serves thanos-querier's cluster-wide port (cluster monitoring viewers). */
export const PROMETHEUS_CLUSTER_PREFIX = '/api/prometheus';

const PVCS = findResource('', 'v1', 'persistentvolumeclaims')!;

/** What tests set: Prometheus down (502 as the console's proxy, 503 as Prometheus), disk use. */
export interface PrometheusSettings {
  unavailable: false | 502 | 503;
  /** `namespace/claim` → bytes the devpi stand-in has written to the volume. */
  diskUsage: Map<string, number>;
}

const send = (
  res: http.ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    ...(contentType.startsWith('text/plain') ? { 'X-Content-Type-Options': 'nosniff' } : {}),
  });
  res.end(text);
};

/** kube-rbac-proxy and Go's http.Error: plain text with a newline. */
const plain = (res: http.ServerResponse, code: number, message: string) =>
  send(res, code, `${message}\n`, 'text/plain; charset=utf-8');

/** prom-label-proxy's own errors. */
const labelProxyError = (res: http.ServerResponse, code: number, message: string) =>
  send(res, code, { status: 'error', errorType: 'prom-label-proxy', error: message });

/** Prometheus's API errors. */
const apiError = (res: http.ServerResponse, code: number, errorType: string, message: string) =>
  send(res, code, { status: 'error', errorType, error: message });

const ALLOWED_PATHS = [
  /^\/api\/v1\/query$/,
  /^\/api\/v1\/query_range$/,
  /^\/api\/v1\/labels$/,
  /^\/api\/v1\/label\/[^/]+\/values$/,
  /^\/api\/v1\/series$/,
];

const VERBS: Record<string, string> = {
  GET: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** A Prometheus timestamp parameter: Unix seconds or RFC 3339. */
const parseTime = (value: string): number | undefined => {
  if (/^[+-]?\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}T/.test(value) ? undefined : parsed / 1000;
};

/** A Prometheus duration parameter: seconds (`30`, `0.5`) or a duration (`30s`, `5m`, `1h`). */
const parseDuration = (value: string): number | undefined => {
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = [...value.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) return undefined;
  return parts.reduce(
    (total, [, n = '0', unit = 's']) => total + Number(n) * (units[unit] ?? 1),
    0,
  );
};

/** A request's form, as Go's `ParseForm` reads it: the query string and, for POST, the body. */
const formOf = (req: http.IncomingMessage, url: URL, body: string): URLSearchParams => {
  const form = new URLSearchParams(url.search);
  if (req.method === 'POST') {
    for (const [key, value] of new URLSearchParams(body)) form.append(key, value);
  }
  return form;
};

/** Prometheus's refusal of a request parameter: the API answers it as 400 `bad_data`. */
class BadData extends Error {}

/** A timestamp parameter (seconds or RFC 3339), or BadData naming it. */
const timeParam = (form: URLSearchParams, name: string): number => {
  const text = form.get(name) ?? '';
  const value = parseTime(text);
  if (value === undefined)
    throw new BadData(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
  return value;
};

/**
 * The `data` of a query (`/api/v1/query`, a vector at `time`, now by default) or a range query
 * (a matrix with one point a `step` from `start` to `end`) over the selected series.
 */
const evaluate = (form: URLSearchParams, path: string, selected: Series[]): unknown => {
  if (path === '/api/v1/query') {
    const time = form.get('time') ? timeParam(form, 'time') : Date.now() / 1000;
    return {
      resultType: 'vector',
      result: selected.map((s) => ({ metric: s.metric, value: [time, String(s.value)] })),
    };
  }
  const start = timeParam(form, 'start');
  const end = timeParam(form, 'end');
  const step = parseDuration(form.get('step') ?? '');
  if (step === undefined)
    throw new BadData(
      `invalid parameter "step": cannot parse "${form.get('step') ?? ''}" to a valid duration`,
    );
  if (end < start)
    throw new BadData('invalid parameter "end": end timestamp must not be before start time');
  if (step <= 0)
    throw new BadData(
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  if ((end - start) / step > 11000)
    throw new BadData(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const times: number[] = [];
  for (let t = start; t <= end; t += step) times.push(t);
  return {
    resultType: 'matrix',
    result: selected.map((s) => ({
      metric: s.metric,
      values: times.map((t) => [t, String(s.value)]),
    })),
  };
};

/**
 * The console's `/api/prometheus-tenancy` as OpenShift builds it: kube-rbac-proxy (the user must
 * be allowed to `get pods` in every `namespace` of the query string), prom-label-proxy (forces
 * `namespace` onto the query, refusing a conflicting matcher: `--error-on-replace`), then
 * Prometheus itself, which here knows the kubelet's volume metrics of bound claims that a running
 * pod mounts, with the used bytes a test sets.
 */
export class Prometheus {
  readonly settings: PrometheusSettings = { unavailable: false, diskUsage: new Map() };

  constructor(
    private readonly store: Store,
    private readonly can: (req: AccessRequest) => boolean,
    private readonly userName: () => string,
  ) {}

  reset(): void {
    this.settings.unavailable = false;
    this.settings.diskUsage.clear();
  }

  /**
   * Answers `/api/prometheus-tenancy/*` (scope `tenancy`) or `/api/prometheus/*` (scope
   * `cluster`: kube-rbac-proxy checks that the user may `get` the `api` subresource of the
   * platform Prometheus, as `cluster-monitoring-view` grants; no label is injected).
   */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: string,
    scope: 'tenancy' | 'cluster' = 'tenancy',
  ): void {
    if (this.settings.unavailable === 502) {
      // The console's reverse proxy when thanos-querier cannot be reached: 502, no body.
      res.writeHead(502, { 'Content-Length': 0 });
      res.end();
      return;
    }
    if (this.settings.unavailable === 503) {
      apiError(
        res,
        503,
        'unavailable',
        'Prometheus is unavailable (a fault knob of the in-memory cluster)',
      );
      return;
    }
    const prefix = scope === 'cluster' ? PROMETHEUS_CLUSTER_PREFIX : PROMETHEUS_TENANCY_PREFIX;
    const path = url.pathname.slice(prefix.length);
    if (!ALLOWED_PATHS.some((allowed) => allowed.test(path))) {
      plain(res, 404, '404 page not found');
      return;
    }
    const verb = VERBS[req.method ?? ''] ?? '';
    if (scope === 'cluster') {
      this.handleCluster(req, res, url, body, path, verb);
      return;
    }
    // kube-rbac-proxy reads the namespace from the URL's query string only.
    const params = url.searchParams.getAll('namespace');
    if (params.length === 0) {
      plain(res, 400, 'Bad Request. The request or configuration is malformed.');
      return;
    }
    for (const namespace of params) {
      if (!this.can({ verb, group: '', resource: 'pods', namespace: namespace || undefined })) {
        plain(
          res,
          403,
          `Forbidden (user=${this.userName()}, verb=${verb}, resource=pods, subresource=)`,
        );
        return;
      }
    }
    // prom-label-proxy reads the form: query string and, for POST, the body.
    const form = formOf(req, url, body);
    const namespaces = form.getAll('namespace').filter(Boolean);
    if (namespaces.length === 0) {
      labelProxyError(res, 400, 'The "namespace" query parameter must be provided.');
      return;
    }
    const allowedMethods = /\/label\//.test(path) ? ['GET'] : ['GET', 'POST'];
    if (!allowedMethods.includes(req.method ?? '')) {
      plain(res, 404, '404 page not found');
      return;
    }
    const injected: Matcher =
      namespaces.length === 1
        ? { name: 'namespace', op: '=', value: namespaces[0] ?? '' }
        : { name: 'namespace', op: '=~', value: [...namespaces].sort().join('|') };
    this.answer(res, form, path, volumeSeries(this.store, namespaces, this.settings.diskUsage), {
      injected,
      namespaces,
    });
  }

  /**
   * Prometheus's answer to a query over `series`. With `scope` (the tenancy API) the query went
   * through prom-label-proxy first, which parses it, refuses a conflicting namespace matcher and
   * injects its own.
   */
  private answer(
    res: http.ServerResponse,
    form: URLSearchParams,
    path: string,
    series: Series[],
    scope?: { injected: Matcher; namespaces: string[] },
  ): void {
    if (path === '/api/v1/labels') {
      const names = [...new Set(series.flatMap((s) => Object.keys(s.metric)))].sort();
      send(res, 200, { status: 'success', data: names });
      return;
    }
    const labelValues = /^\/api\/v1\/label\/([^/]+)\/values$/.exec(path);
    if (labelValues) {
      const name = decodeURIComponent(labelValues[1] ?? '');
      const values = [
        ...new Set(series.map((s) => s.metric[name]).filter((v): v is string => !!v)),
      ].sort();
      send(res, 200, { status: 'success', data: values });
      return;
    }
    if (path === '/api/v1/series') {
      send(res, 200, { status: 'success', data: series.map((s) => s.metric) });
      return;
    }

    const query = form.get('query') ?? '';
    if (!query && scope) {
      // prom-label-proxy forwards nothing and writes nothing when there is no query.
      res.writeHead(200, { 'Content-Length': 0 });
      res.end();
      return;
    }
    if (!query) {
      apiError(
        res,
        400,
        'bad_data',
        'invalid parameter "query": 1:1: parse error: no expression found in input',
      );
      return;
    }
    let matchers: Matcher[];
    try {
      matchers = parseSelector(query);
    } catch (error) {
      if (error instanceof PromQLError && error.unsupported) {
        apiError(
          res,
          422,
          'execution',
          `the in-memory Prometheus evaluates only vector selectors such as metric{label="value"}, not: ${query}`,
        );
      } else if (scope) {
        labelProxyError(
          res,
          400,
          `failed to parse query string: ${error instanceof Error ? error.message : String(error)}`,
        );
      } else {
        apiError(
          res,
          400,
          'bad_data',
          `invalid parameter "query": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return;
    }
    const conflict = scope
      ? matchers.find(
          (m) => m.name === 'namespace' && !scope.namespaces.some((ns) => matches(m, ns)),
        )
      : undefined;
    if (scope && conflict) {
      labelProxyError(
        res,
        400,
        `conflicting label matcher: label matcher ${JSON.stringify(matcherString(conflict))} conflicts with injected matcher ${JSON.stringify(matcherString(scope.injected))}`,
      );
      return;
    }
    // prom-label-proxy replaces the query's namespace matchers with its own.
    const effective = scope
      ? [...matchers.filter((m) => m.name !== 'namespace'), scope.injected]
      : matchers;
    const selected = series.filter((s) => effective.every((m) => matches(m, s.metric[m.name])));

    try {
      send(res, 200, { status: 'success', data: evaluate(form, path, selected) });
    } catch (error) {
      if (!(error instanceof BadData)) throw error;
      apiError(res, 400, 'bad_data', error.message);
    }
  }

  /** The cluster-wide API: kube-rbac-proxy's check of the platform Prometheus, then Prometheus. */
  private handleCluster(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: string,
    path: string,
    verb: string,
  ): void {
    const allowed = this.can({
      verb,
      group: 'monitoring.coreos.com',
      resource: 'prometheuses',
      subresource: 'api',
      namespace: 'openshift-monitoring',
      name: 'k8s',
    });
    if (!allowed) {
      plain(
        res,
        403,
        `Forbidden (user=${this.userName()}, verb=${verb}, resource=prometheuses, subresource=api)`,
      );
      return;
    }
    const form = formOf(req, url, body);
    // Every project that has a claim: the kubelet reports volumes wherever they are.
    const namespaces = [
      ...new Set(this.store.list(PVCS).map((pvc) => pvc.metadata.namespace ?? '')),
    ].filter(Boolean);
    this.answer(res, form, path, volumeSeries(this.store, namespaces, this.settings.diskUsage));
  }
}
