import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { hostNetworkAccess, type TargetPort } from './network-policy';
import { findResource } from './resources';
import { matchesLabelSelector } from './selectors';
import { notFound, serviceUnavailable } from './status';
import type { K8sObject, Store } from './store';
import { record } from './objects';
import { managedIndexSettings } from '../../src/model/cache';

/** Recorded answers of a real devpi-server 6.19.1 (see integration-tests/fixtures). */
const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/devpi-6.19.1');
const DEVPI_FIXTURES: Record<string, string> = {
  '/+api': 'api.body',
  '/+status': 'status.body',
  '/root/pypi/+api': 'root-pypi-api.body',
};

const type = (group: string, plural: string) => {
  const found = findResource(group, 'v1', plural);
  if (!found) throw new Error(`no resource ${group}/${plural}`);
  return found;
};
const SERVICES = type('', 'services');
const PODS = type('', 'pods');
const DEPLOYMENTS = type('apps', 'deployments');
const NETWORK_POLICIES = type('networking.k8s.io', 'networkpolicies');

/** A fault of the service proxy's backend, for one Service (`namespace/name`) or for all. */
export interface ProxyFault {
  service?: string;
  /** `slow` delays the answer, `break` fails the connection, `garble` answers 200 with a wrong body. */
  mode: 'slow' | 'break' | 'garble';
  /** For `slow`: how long the backend takes before it answers. */
  delayMs?: number;
  /** For `break`: reset the client's connection instead of answering 503 "connection refused". */
  reset?: boolean;
  /** For `garble`: an HTML page (`html`, the default) or JSON of the wrong shape (`json`). */
  body?: 'html' | 'json';
}

/** Headers the API server's proxy does not pass to the backend (credentials, hop-by-hop). */
const DROPPED_REQUEST_HEADERS = new Set([
  'authorization',
  'cookie',
  'x-csrftoken',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authorization',
  'content-length',
]);
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/** A stable made-up pod IP in OpenShift's default cluster network, for error messages. */
const podIp = (pod: K8sObject | undefined, fallbackName: string): string => {
  const ip = record(pod?.status).podIP;
  if (typeof ip === 'string') return ip;
  const hash = createHash('sha256')
    .update(pod?.metadata.name ?? fallbackName)
    .digest();
  return `10.128.${(hash[0] ?? 0) % 4}.${((hash[1] ?? 0) % 250) + 2}`;
};

const unreachable = (address: string, cause: string) =>
  serviceUnavailable(`error trying to reach service: dial tcp ${address}: ${cause}`);

/**
 * The API server's service proxy (`/api/v1/namespaces/NS/services/[scheme:]NAME[:port]/proxy/…`):
 * it reaches the Service's pods only while a ready Deployment backs it and no NetworkPolicy keeps
 * host-network traffic out, then answers from a devpi stand-in (recorded answers of a real
 * devpi-server 6.19.1) or from a URL a test points the Service at, with fault knobs on the way.
 */
export class ServiceProxy {
  /** `namespace/name` → base URL of a real backend that replaces the stand-in. */
  readonly overrides = new Map<string, string>();
  faults: ProxyFault[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /**
   * devpi's `root/pypi` settings per Service (`namespace/name`): what the pod named in `pod`
   * applied when it started. Index settings persist in devpi's server directory; the stand-in
   * keeps them for as long as one pod runs and takes them again from the pod template when
   * another pod answers, as the start script applies them at every start.
   */
  private readonly indexConfigs = new Map<
    string,
    { pod: string; config: Record<string, unknown> }
  >();

  constructor(private readonly store: Store) {}

  /** Forgets overrides and faults (a cluster reset). */
  reset(): void {
    this.overrides.clear();
    this.faults = [];
    this.indexConfigs.clear();
    this.close();
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Proxies one request; throws a StatusError for what the API server itself answers. */
  async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    target: { namespace?: string; name?: string; proxyPath?: string },
    search: string,
    body: Buffer,
  ): Promise<void> {
    const [, serviceName = '', portName] =
      /^(?:https?:)?([^:]+)(?::(.*))?$/.exec(target.name ?? '') ?? [];
    const namespace = target.namespace ?? '';
    const service = this.store.get(SERVICES, namespace, serviceName);
    if (!service) throw notFound(SERVICES, serviceName);
    const deployment = this.store.get(DEPLOYMENTS, namespace, serviceName);
    const ready = (record(deployment?.status).readyReplicas as number | undefined) ?? 0;
    if (ready < 1) throw serviceUnavailable(`no endpoints available for service "${serviceName}"`);

    const selector = (record(service.spec).selector ?? {}) as Record<string, string>;
    const pod = this.store
      .list(PODS, namespace)
      .find(
        (p) =>
          Object.keys(selector).length > 0 &&
          matchesLabelSelector({ matchLabels: selector }, p.metadata.labels),
      );
    const template = record(record(deployment?.spec).template);
    const podLabels = {
      ...selector,
      ...((record(template.metadata).labels ?? {}) as Record<string, string>),
      ...(pod?.metadata.labels ?? {}),
    };
    const port = this.targetPort(service, portName, template);
    const address = `${podIp(pod, `${namespace}/${serviceName}`)}:${port.number}`;
    const access = hostNetworkAccess(this.store.list(NETWORK_POLICIES, namespace), podLabels, port);
    // The packets are dropped, so the API server's dial runs into its timeout; here at once.
    if (!access.admitted) throw unreachable(address, 'i/o timeout');

    const key = `${namespace}/${serviceName}`;
    const faults = this.faults.filter((f) => !f.service || f.service === key);
    const delay = faults
      .filter((f) => f.mode === 'slow')
      .reduce((total, f) => total + (f.delayMs ?? 0), 0);
    if (delay > 0) await this.wait(delay);
    if (res.destroyed) return;
    const broken = faults.find((f) => f.mode === 'break');
    if (broken?.reset) {
      res.socket?.destroy();
      return;
    }
    if (broken) throw unreachable(address, 'connect: connection refused');
    const garbled = faults.find((f) => f.mode === 'garble');
    if (garbled) {
      const json = garbled.body === 'json';
      const text = json
        ? JSON.stringify({ garbled: true, note: 'a fault knob of the in-memory cluster' })
        : '<html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>\n';
      res.writeHead(200, { 'Content-Type': json ? 'application/json' : 'text/html' });
      res.end(text);
      return;
    }

    const override = this.overrides.get(key);
    if (override) {
      await this.forward(req, res, override, `${target.proxyPath ?? '/'}${search}`, body);
      return;
    }
    const devpiPath = target.proxyPath ?? '';
    const env = containerEnv(template);
    if (devpiPath === '/root/pypi' || devpiPath === '/root/pypi/') {
      if (req.method !== 'GET') {
        // The service proxy drops the user's Authorization: devpi sees an anonymous write.
        this.fixture(res, 'patch-index-no-auth', 403, 'text/html; charset=UTF-8');
        return;
      }
      const config = this.indexConfig(key, pod?.metadata.name ?? '', env);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ result: config, type: 'indexconfig' }, null, 2));
      return;
    }
    if (req.method === 'GET' && /^\/root\/pypi\/\+simple\/[^/]+\/?$/.test(devpiPath)) {
      // Nothing is cached in the stand-in: in offline mode without a project list devpi answers
      // 502 for a project it does not have, otherwise 404.
      const config = this.indexConfig(key, pod?.metadata.name ?? '', env);
      if (env.DEVPI_OFFLINE === 'true' && config.mirror_no_project_list === true) {
        res.writeHead(502, { 'Content-Type': 'text/html; charset=UTF-8' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      }
      this.fixture(res, 'simple-unknown-project', 404, 'text/html; charset=UTF-8');
      return;
    }
    const fixture = DEVPI_FIXTURES[devpiPath];
    if (!fixture) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', message: 'not found' }));
      return;
    }
    const text = fs
      .readFileSync(path.join(FIXTURE_DIR, fixture), 'utf8')
      .replace(/pipcache\.demo\.svc/g, `${serviceName}.${namespace}.svc`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(text);
  }

  /** Answers with a recorded body of devpi-server 6.19.1. */
  private fixture(res: http.ServerResponse, name: string, status: number, contentType: string) {
    res.writeHead(status, { 'Content-Type': contentType });
    res.end(fs.readFileSync(path.join(FIXTURE_DIR, `${name}.body`), 'utf8'));
  }

  /** The index config devpi has: what the current pod applied at its start. */
  private indexConfig(
    key: string,
    pod: string,
    env: Record<string, string>,
  ): Record<string, unknown> {
    const known = this.indexConfigs.get(key);
    if (known && known.pod === pod) return known.config;
    const applied = managedIndexSettings({
      upstreamUrl: env.DEVPI_MIRROR_URL ?? '',
      cacheExpiry: env.DEVPI_MIRROR_CACHE_EXPIRY ?? '',
    });
    // The keys in the order a real devpi-server 6.19.1 lists them after the start script's PATCH.
    const config = {
      type: 'mirror',
      volatile: false,
      title: 'PyPI',
      mirror_url: applied.mirror_url,
      mirror_web_url_fmt: 'https://pypi.org/project/{name}/',
      mirror_cache_expiry: applied.mirror_cache_expiry,
      mirror_ignore_serial_header: applied.mirror_ignore_serial_header,
      mirror_no_project_list: applied.mirror_no_project_list,
    };
    this.indexConfigs.set(key, { pod, config });
    return config;
  }

  /** The pod port a Service port leads to (a named targetPort resolves through the containers). */
  private targetPort(
    service: K8sObject,
    portName: string | undefined,
    template: Record<string, unknown>,
  ): TargetPort {
    const ports = (record(service.spec).ports ?? []) as {
      name?: string;
      port?: number;
      targetPort?: number | string;
    }[];
    const chosen =
      ports.find(
        (p) => portName !== undefined && (p.name === portName || String(p.port) === portName),
      ) ?? ports[0];
    const targetPort = chosen?.targetPort ?? chosen?.port ?? 8080;
    if (typeof targetPort === 'number') return { number: targetPort };
    const containers = (record(template.spec).containers ?? []) as {
      ports?: { name?: string; containerPort?: number }[];
    }[];
    const named = containers.flatMap((c) => c.ports ?? []).find((p) => p.name === targetPort);
    return { number: named?.containerPort ?? 8080, name: targetPort };
  }

  /** Sends the request on to a real backend and relays its answer, as the API server's proxy does. */
  private forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    base: string,
    pathAndQuery: string,
    body: Buffer,
  ): Promise<void> {
    const url = new URL(base);
    const basePath = url.pathname.replace(/\/$/, '');
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !DROPPED_REQUEST_HEADERS.has(name)) headers[name] = value;
    }
    if (body.length > 0) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          hostname: url.hostname,
          port: url.port || 80,
          method: req.method,
          path: `${basePath}${pathAndQuery}`,
          headers,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const answer = Buffer.concat(chunks);
            const relayed: http.OutgoingHttpHeaders = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) relayed[name] = value;
            }
            relayed['content-length'] = answer.length;
            res.writeHead(incoming.statusCode ?? 502, relayed);
            res.end(answer);
            resolve();
          });
        },
      );
      outgoing.on('error', (error) =>
        reject(serviceUnavailable(`error trying to reach service: ${error.message}`)),
      );
      outgoing.end(body);
    });
  }
}

/** The plain env values of the pod template's devpi container (Secret references left out). */
const containerEnv = (template: Record<string, unknown>): Record<string, string> => {
  const containers = (record(template.spec).containers ?? []) as {
    name?: string;
    env?: { name: string; value?: string }[];
  }[];
  const devpi = containers.find((c) => c.name === 'devpi') ?? containers[0];
  return Object.fromEntries(
    (devpi?.env ?? [])
      .filter((e) => typeof e.value === 'string')
      .map((e) => [e.name, e.value ?? '']),
  );
};
