import * as http from 'http';
import type { Duplex } from 'stream';
import { AsyncLocalStorage } from 'async_hooks';
import { authorize, tokenUserOf } from './access';
import { handleControl } from './control';
import { Controllers } from './controllers';
import { DEFAULT_CAPABILITIES, requireServed, type Capabilities } from './discovery';
import { clearFaults, type Faults } from './faults';
import { json, readBody, sendStatus } from './http-io';
import { Prometheus, PROMETHEUS_CLUSTER_PREFIX, PROMETHEUS_TENANCY_PREFIX } from './prometheus';
import { isAllowed, USERS, type AccessRequest, type RbacSettings, type UserName } from './rbac';
import { findResourceByKind } from './resources';
import { routeApi } from './routes';
import { seedObjects, type SeedName } from './seed';
import { ServiceProxy } from './service-proxy';
import { internalError, StatusError, type StatusBody } from './status';
import { Store, type K8sObject } from './store';
import { parsePath, type Target } from './target';
import { WatchSockets } from './watches';
import { Writes } from './writes';

export { SESSION_COOKIE } from './access';
export type { Capabilities } from './discovery';

export const API_PREFIX = '/api/kubernetes';

export const CONTROL_PREFIX = '/__cluster';

export interface ClusterOptions {
  seed?: SeedName;
  user?: UserName;
  domain?: string;
  /** Whether non-GET requests must carry `X-CSRFToken` equal to the `csrf-token` cookie. */
  csrf?: boolean;
  /** Simulated time of one controller step (build phase, pod start, route admission). */
  stepMs?: number;
}

/**
 * The in-memory cluster: a Kubernetes-shaped HTTP API over a Store. This class holds the state
 * (objects, users, capabilities, faults) and the front door; what it serves lives by concern in
 * routes.ts, reads.ts, writes.ts, watches.ts, discovery.ts, access.ts, control.ts and faults.ts.
 */
export class Cluster {
  readonly store = new Store();
  /** The user a request with a bearer token (and no session cookie) acts as, while it runs. */
  private readonly tokenUser = new AsyncLocalStorage<UserName>();
  /** The user picked in the shell's masthead: who the browser's requests act as. */
  private sessionUser: UserName = 'project-admin';
  readonly capabilities: Capabilities = { ...DEFAULT_CAPABILITIES };
  readonly domain: string;
  readonly rbac: RbacSettings = { projects: ['demo'], dockerBuilds: true, denials: [] };
  readonly faults: Faults = { failWrites: [], writesSeen: 0 };
  private readonly csrf: boolean;
  readonly controllers: Controllers;
  readonly writes: Writes;
  readonly proxy = new ServiceProxy(this.store);
  readonly prometheus = new Prometheus(
    this.store,
    (req) => this.can(req),
    () => USERS[this.user],
  );
  private readonly watchSockets = new WatchSockets(this.store);

  /** Who the current request acts as: its bearer token's user, else the session's. */
  get user(): UserName {
    return this.tokenUser.getStore() ?? this.sessionUser;
  }

  set user(user: UserName) {
    this.sessionUser = user;
  }

  constructor(options: ClusterOptions = {}) {
    this.user = options.user ?? 'project-admin';
    this.domain = options.domain ?? 'apps.demo.example.com';
    this.csrf = options.csrf ?? true;
    this.controllers = new Controllers(this.store, {
      stepMs: options.stepMs ?? 1000,
      failBuilds: false,
      domain: this.domain,
    });
    this.writes = new Writes(this.store, this.controllers, this.domain);
    this.reset(options.seed ?? 'demo');
  }

  /** Empties the cluster and loads a seed. */
  reset(seed: SeedName): void {
    this.controllers.stop();
    this.store.clear();
    clearFaults(this);
    this.proxy.reset();
    this.prometheus.reset();
    Object.assign(this.capabilities, DEFAULT_CAPABILITIES);
    // Seeded objects of a project go through the controllers as created ones do, so that a
    // seeded cache builds, rolls out and gets its Route admitted like one the plugin created.
    // (Cluster-scoped ones are left alone: the config.openshift.io Build is not a build.)
    for (const object of seedObjects(seed)) {
      const created = this.seed(object);
      if (object.metadata.namespace !== undefined)
        this.controllers.onCreated(object.kind ?? '', created);
    }
  }

  /** Creates an object without access checks or validation (fixtures, controllers). */
  seed(object: K8sObject): K8sObject {
    const type = findResourceByKind(object.apiVersion ?? '', object.kind ?? '');
    if (!type) throw new Error(`unknown kind ${String(object.apiVersion)} ${String(object.kind)}`);
    const existing = this.store.get(type, object.metadata.namespace, object.metadata.name ?? '');
    return existing
      ? this.store.update(type, {
          ...object,
          metadata: { ...existing.metadata, ...object.metadata },
        })
      : this.store.create(type, object);
  }

  setUser(user: UserName): void {
    this.user = user;
  }

  /** Closes every watch socket (as a dropped connection would). */
  dropWatches(): number {
    return this.watchSockets.drop();
  }

  close(): void {
    this.controllers.stop();
    this.proxy.close();
    this.watchSockets.close();
  }

  can(req: AccessRequest): boolean {
    return isAllowed(this.user, req, this.rbac);
  }

  /** Throws the API server's 403 unless the current user may do what `req` asks. */
  authorize(req: AccessRequest): void {
    authorize(this.user, req, this.rbac);
  }

  /** Parses the path after `/api/kubernetes` into a resource target. */
  parsePath(path: string): Target {
    return parsePath(path);
  }

  /** Creates an object through the API's checks, as a POST does (without access checks). */
  create(target: Target, body: K8sObject, dryRun: boolean): K8sObject {
    return this.writes.create(target, body, dryRun);
  }

  /** Handles `/api/kubernetes/*`, `/api/prometheus*` and `/__cluster/*`; false for any other path. */
  async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      await handleControl(this, req, res, url.pathname.slice(CONTROL_PREFIX.length), url);
      return true;
    }
    const prometheusScope = url.pathname.startsWith(`${PROMETHEUS_TENANCY_PREFIX}/`)
      ? 'tenancy'
      : url.pathname.startsWith(`${PROMETHEUS_CLUSTER_PREFIX}/`)
        ? 'cluster'
        : undefined;
    // Without cluster monitoring the console registers no Prometheus routes at all.
    if (prometheusScope && this.capabilities.monitoring) {
      const body = req.method === 'POST' ? await readBody(req) : '';
      try {
        this.prometheus.handle(req, res, url, body, prometheusScope);
      } catch (error) {
        // A bug of the stand-in must fail the test that hit it, not leave the request hanging.
        json(res, 500, { status: 'error', errorType: 'internal', error: String(error) });
      }
      return true;
    }
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    const path = url.pathname.slice(API_PREFIX.length);
    try {
      const tokenUser = tokenUserOf(req, this.csrf);
      await (tokenUser
        ? this.tokenUser.run(tokenUser, () => routeApi(this, req, res, path, url))
        : routeApi(this, req, res, path, url));
    } catch (error) {
      sendStatus(res, error instanceof StatusError ? error : internalError(String(error)));
    }
    return true;
  }

  /** Serves watch WebSockets under `/api/kubernetes/*`; false for other upgrades. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${API_PREFIX}/`) || url.searchParams.get('watch') !== 'true')
      return false;
    let target: Target;
    try {
      target = parsePath(url.pathname.slice(API_PREFIX.length));
      requireServed(target.type, this.capabilities);
      this.authorize({
        verb: 'watch',
        group: target.type.group,
        resource: target.type.plural,
        namespace: target.namespace,
      });
    } catch (error) {
      const code = error instanceof StatusError ? error.body.code : 400;
      socket.end(`HTTP/1.1 ${code} ${http.STATUS_CODES[code] ?? ''}\r\n\r\n`);
      return true;
    }
    this.watchSockets.serve(req, socket, head, target, url);
    return true;
  }
}

/** Creates an in-memory cluster. */
export const createCluster = (options?: ClusterOptions): Cluster => new Cluster(options);

/** Starts a standalone server for the cluster on 127.0.0.1 (port 0 picks a free one). */
export const startClusterServer = async (
  options: ClusterOptions & { port?: number } = {},
): Promise<{ url: string; cluster: Cluster; close: () => Promise<void> }> => {
  const cluster = createCluster(options);
  const server = http.createServer((req, res) => {
    void cluster.handleRequest(req, res).then((handled) => {
      if (!handled) json(res, 404, { message: 'not found' });
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!cluster.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cluster,
    close: () =>
      new Promise<void>((resolve) => {
        cluster.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type { StatusBody };
