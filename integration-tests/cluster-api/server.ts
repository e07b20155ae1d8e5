import * as http from 'http';
import type { Duplex } from 'stream';
import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { Controllers } from './controllers';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, PatchError } from './patch';
import { isAllowed, USERS, type AccessRequest, type RbacSettings, type UserName } from './rbac';
import {
  apiVersionOf,
  findResource,
  findResourceByKind,
  RESOURCES,
  type ResourceType,
} from './resources';
import { seedObjects, type SeedName } from './seed';
import {
  Prometheus,
  PROMETHEUS_CLUSTER_PREFIX,
  PROMETHEUS_TENANCY_PREFIX,
  type PrometheusSettings,
} from './prometheus';
import { ServiceProxy, type ProxyFault } from './service-proxy';
import { matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import {
  alreadyExists,
  badRequest,
  conflict,
  expired,
  forbidden,
  invalid,
  methodNotAllowed,
  notFound,
  StatusError,
  type StatusBody,
} from './status';
import { Store, type K8sObject, type StoreEvent } from './store';
import { toTable, wantsTable } from './table';
import { validateObject } from './validation';
import { checkClaimResize } from './volume-resize';
import { keepAllocatedValues } from './service-update';

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

/** A parsed API path: which resource, where, and which verb the HTTP method means. */
interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The rest of the path after a `proxy` subresource. */
  proxyPath?: string;
}

/** Fault knobs tests set through the control API. */
interface Faults {
  /** Fail the Nth write from now (1 = the next one) with a status. */
  failWrites: { nth: number; code: number; message: string; kind?: string; dryRun?: boolean }[];
  writesSeen: number;
}

const json = (res: http.ServerResponse, code: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
};

const sendStatus = (res: http.ServerResponse, error: StatusError): void =>
  json(res, error.body.code, error.body);

const readBuffer = (req: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const readBody = async (req: http.IncomingMessage): Promise<string> =>
  (await readBuffer(req)).toString('utf8');

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('the request body could not be decoded as JSON');
  }
};

const cookie = (req: http.IncomingMessage, name: string): string | undefined =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

const VERB_OF_METHOD: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

const PROXY_FAULT_MODES = new Set(['slow', 'break', 'garble']);

/** Checks the service proxy faults a test sends; unknown modes are an error, not silently ignored. */
const parseProxyFaults = (entries: unknown[]): ProxyFault[] =>
  entries.map((entry) => {
    const fault = entry as ProxyFault;
    if (typeof entry !== 'object' || entry === null || !PROXY_FAULT_MODES.has(fault.mode))
      throw new Error(
        `a proxy fault needs "mode": slow, break or garble (got ${JSON.stringify(entry)})`,
      );
    if (fault.service !== undefined && !/^[^/]+\/[^/]+$/.test(fault.service))
      throw new Error(`a proxy fault's "service" is "namespace/name" (got ${fault.service})`);
    return fault;
  });

/** The console's session cookie: a request carrying it is the browser's, not kubectl's. */
export const SESSION_COOKIE = 'openshift-session-token';

/**
 * Optional parts of the cluster that a switch in the shell turns off: the Build capability
 * (no `build.openshift.io` API, and the console's flag `OPENSHIFT_BUILDCONFIG` false), cluster
 * monitoring (no `/api/prometheus*` routes in the console) and the Developer perspective
 * (off by default since console 4.19, until an admin enables it).
 */
export interface Capabilities {
  build: boolean;
  monitoring: boolean;
  developerPerspective: boolean;
}

const DEFAULT_CAPABILITIES: Capabilities = {
  build: true,
  monitoring: true,
  developerPerspective: false,
};

/** The in-memory cluster: a Kubernetes-shaped HTTP API over a Store. */
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
  readonly proxy = new ServiceProxy(this.store);
  readonly prometheus = new Prometheus(
    this.store,
    (req) => this.can(req),
    () => USERS[this.user],
  );
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();

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
    this.reset(options.seed ?? 'demo');
  }

  /** Empties the cluster and loads a seed. */
  reset(seed: SeedName): void {
    this.controllers.stop();
    this.controllers.settings.failBuilds = false;
    this.store.clear();
    this.faults.failWrites = [];
    this.faults.writesSeen = 0;
    this.rbac.denials = [];
    this.rbac.dockerBuilds = true;
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
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    return count;
  }

  close(): void {
    this.controllers.stop();
    this.proxy.close();
    this.dropWatches();
    this.wss.close();
  }

  can(req: AccessRequest): boolean {
    return isAllowed(this.user, req, this.rbac);
  }

  private authorize(req: AccessRequest): void {
    if (!this.can(req)) {
      throw forbidden(
        USERS[this.user],
        req.verb,
        req.subresource ? `${req.resource}/${req.subresource}` : req.resource,
        req.group,
        req.namespace,
        req.name,
      );
    }
  }

  /** Handles `/api/kubernetes/*` and `/__cluster/*`; false for any other path. */
  async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      await this.handleControl(req, res, url);
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
    try {
      // kubectl's way in: a bearer token and no console session acts as the user the token
      // names. The CSRF rule guards cookie sessions only, so such a request needs no header.
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer !== undefined && cookie(req, SESSION_COOKIE) === undefined) {
        const user = Object.keys(USERS).find((name) => name === bearer) as UserName | undefined;
        if (!user) {
          throw new StatusError({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'Unauthorized',
            reason: 'Unauthorized',
            code: 401,
          });
        }
        await this.tokenUser.run(user, () => this.route(req, res, url));
        return true;
      }
      if (this.csrf && req.method !== 'GET' && req.method !== 'HEAD') {
        const token = cookie(req, 'csrf-token');
        if (!token || req.headers['x-csrftoken'] !== token) {
          throw new StatusError({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'Invalid CSRF token',
            reason: 'Forbidden',
            code: 403,
          });
        }
      }
      await this.route(req, res, url);
    } catch (error) {
      if (error instanceof StatusError) sendStatus(res, error);
      else
        json(res, 500, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          code: 500,
          reason: 'InternalError',
          message: String(error),
        });
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
      target = this.parsePath(url.pathname.slice(API_PREFIX.length));
      this.requireAvailable(target.type);
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
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      const stop = this.startWatch(
        target,
        url,
        (frame) => ws.send(JSON.stringify(frame)),
        () => ws.close(),
      );
      ws.on('close', () => {
        stop();
        this.sockets.delete(ws);
      });
    });
    return true;
  }

  /** Streams watch events for a target from `resourceVersion`; returns the unsubscribe function. */
  private startWatch(
    target: Target,
    url: URL,
    send: (frame: { type: string; object: unknown }) => void,
    end: () => void,
  ): () => void {
    const filter = this.listFilter(target, url);
    const from = Number(url.searchParams.get('resourceVersion') ?? '0');
    const deliver = (event: StoreEvent) => {
      if (event.type_ !== target.type || !filter(event.object)) return;
      send({ type: event.type, object: event.object });
    };
    if (from > 0) {
      const past = this.store.eventsSince(from);
      if (!past) {
        send({
          type: 'ERROR',
          object: expired(`too old resource version: ${from} (${this.store.oldestWatchable})`).body,
        });
        end();
        return () => undefined;
      }
      past.forEach(deliver);
    } else {
      for (const object of this.store.list(target.type, target.namespace).filter(filter)) {
        send({ type: 'ADDED', object });
      }
    }
    return this.store.subscribe(deliver);
  }

  private listFilter(target: Target, url: URL): (object: K8sObject) => boolean {
    let labels: ReturnType<typeof parseLabelSelector> = [];
    let fields: ReturnType<typeof parseFieldSelector> = [];
    try {
      labels = parseLabelSelector(url.searchParams.get('labelSelector') ?? '');
      fields = parseFieldSelector(url.searchParams.get('fieldSelector') ?? '');
    } catch (error) {
      throw badRequest(String(error instanceof Error ? error.message : error));
    }
    return (object) =>
      (!target.type.namespaced ||
        !target.namespace ||
        object.metadata.namespace === target.namespace) &&
      matchesLabels(labels, object.metadata.labels) &&
      fields.every((f) => {
        const value =
          f.field === 'metadata.name' ? object.metadata.name : object.metadata.namespace;
        return f.op === 'eq' ? value === f.value : value !== f.value;
      });
  }

  /** Parses the path after `/api/kubernetes` into a resource target. */
  parsePath(path: string): Target {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    let group = '';
    let version: string;
    let rest: string[];
    if (parts[0] === 'api') {
      version = parts[1] ?? '';
      rest = parts.slice(2);
    } else if (parts[0] === 'apis') {
      group = parts[1] ?? '';
      version = parts[2] ?? '';
      rest = parts.slice(3);
    } else {
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural = '', name, subresource, ...tail] = rest;
    const type = findResource(group, version, plural);
    if (!type) {
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
    }
    return {
      type,
      namespace,
      name,
      subresource,
      proxyPath: subresource === 'proxy' ? `/${tail.join('/')}` : undefined,
    };
  }

  private async route(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    const path = url.pathname.slice(API_PREFIX.length);
    const discovery = this.discovery(path);
    if (discovery !== undefined) {
      json(res, 200, discovery);
      return;
    }
    if (
      path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' &&
      req.method === 'POST'
    ) {
      json(res, 201, this.accessReview(parseJson(await readBody(req))));
      return;
    }
    const target = this.parsePath(path);
    this.requireAvailable(target.type);
    if (target.type.group === 'project.openshift.io') {
      this.projects(req, res, target, url);
      return;
    }
    const dryRun = url.searchParams.get('dryRun') === 'All';
    const method = req.method ?? 'GET';
    const access: AccessRequest = {
      verb:
        method === 'GET'
          ? target.name
            ? 'get'
            : url.searchParams.get('watch') === 'true'
              ? 'watch'
              : 'list'
          : (VERB_OF_METHOD[method] ?? 'get'),
      group: target.type.group,
      resource: target.type.plural,
      subresource: target.subresource,
      namespace: target.type.namespaced ? target.namespace : undefined,
      name: target.name,
    };
    if (target.subresource === 'proxy') {
      // services/proxy is authorised by the HTTP method's verb (GET get, POST create, …).
      this.authorize({ ...access, verb: VERB_OF_METHOD[method] ?? 'get' });
      const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBuffer(req);
      await this.proxy.handle(req, res, target, url.search, body);
      return;
    }
    this.authorize(access);
    if (method !== 'GET') this.maybeFail(target, dryRun);

    // kubectl asks for server-side printing; other clients get the objects.
    const table = wantsTable(req.headers.accept);
    const includeObject = url.searchParams.get('includeObject');
    if (method === 'GET' && !target.name) {
      if (url.searchParams.get('watch') === 'true') {
        this.httpWatch(target, url, res, table ? (includeObject ?? '') : undefined);
        return;
      }
      const list = this.list(target, url);
      json(res, 200, table ? toTable(target.type, list.items, list.metadata, includeObject) : list);
      return;
    }
    if (method === 'GET') {
      const object = this.get(target);
      json(
        res,
        200,
        table
          ? toTable(
              target.type,
              [object],
              { resourceVersion: object.metadata.resourceVersion },
              includeObject,
            )
          : object,
      );
      return;
    }
    if (method === 'POST' && !target.name) {
      const body = parseJson(await readBody(req)) as K8sObject;
      json(res, 201, this.create(target, body, dryRun));
      return;
    }
    if (method === 'POST' && target.subresource === 'instantiate') {
      json(res, 201, this.instantiate(target));
      return;
    }
    if (method === 'PUT' && target.name) {
      const body = parseJson(await readBody(req)) as K8sObject;
      json(res, 200, this.update(target, body, dryRun));
      return;
    }
    if (method === 'PATCH' && target.name) {
      const body = parseJson(await readBody(req));
      json(res, 200, this.patch(target, req.headers['content-type'] ?? '', body, dryRun));
      return;
    }
    if (method === 'DELETE' && target.name) {
      const text = await readBody(req);
      const options = (text ? parseJson(text) : {}) as {
        preconditions?: { uid?: string; resourceVersion?: string };
      };
      json(res, 200, this.remove(target, dryRun, options.preconditions));
      return;
    }
    throw methodNotAllowed();
  }

  private maybeFail(target: Target, dryRun: boolean): void {
    this.faults.writesSeen += 1;
    const index = this.faults.failWrites.findIndex(
      (f) =>
        f.nth === this.faults.writesSeen &&
        (!f.kind || f.kind === target.type.kind) &&
        (f.dryRun ?? false) === dryRun,
    );
    if (index >= 0) {
      const fault = this.faults.failWrites[index]!;
      this.faults.failWrites.splice(index, 1);
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: fault.message,
        reason: http.STATUS_CODES[fault.code]?.replace(/\s/g, '') ?? 'InternalError',
        code: fault.code,
      });
    }
  }

  /** Whether an API group is served: `build.openshift.io` only with the Build capability. */
  private available(type: ResourceType): boolean {
    return this.capabilities.build || type.group !== 'build.openshift.io';
  }

  private requireAvailable(type: ResourceType): void {
    if (this.available(type)) return;
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  }

  private discovery(path: string): unknown {
    const trimmed = path.replace(/\/$/, '');
    if (trimmed === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0+in-memory' };
    if (trimmed === '/api')
      return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    const served = RESOURCES.filter((t) => this.available(t));
    const groups = [
      ...new Set(served.filter((t) => t.group).map((t) => `${t.group}/${t.version}`)),
    ];
    if (trimmed === '/apis') {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups, 'authorization.k8s.io/v1'].map((gv) => {
          const [name = '', version = ''] = gv.split('/');
          return {
            name,
            versions: [{ groupVersion: gv, version }],
            preferredVersion: { groupVersion: gv, version },
          };
        }),
      };
    }
    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(trimmed);
    if (!match) return undefined;
    const group = match[2] ?? '';
    const version = match[1] ?? match[3] ?? '';
    const types = served.filter((t) => t.group === group && t.version === version);
    if (types.length === 0 && !(group === 'authorization.k8s.io' && version === 'v1'))
      return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources: [
        ...types.flatMap((t) => [
          {
            name: t.plural,
            singularName: t.kind.toLowerCase(),
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: [
              'create',
              'delete',
              'deletecollection',
              'get',
              'list',
              'patch',
              'update',
              'watch',
            ],
            ...(t.shortNames ? { shortNames: t.shortNames } : {}),
          },
          ...(t.subresources ?? []).map((sub) => ({
            name: `${t.plural}/${sub}`,
            singularName: '',
            namespaced: t.namespaced,
            kind: t.kind,
            verbs: ['get', 'create'],
          })),
        ]),
        ...(group === 'authorization.k8s.io'
          ? [
              {
                name: 'selfsubjectaccessreviews',
                singularName: 'selfsubjectaccessreview',
                namespaced: false,
                kind: 'SelfSubjectAccessReview',
                verbs: ['create'],
              },
            ]
          : []),
      ],
    };
  }

  private accessReview(body: unknown): unknown {
    const spec = (
      body as { spec?: { resourceAttributes?: Partial<AccessRequest> & { resource?: string } } }
    ).spec;
    const attributes = spec?.resourceAttributes ?? {};
    const allowed = this.can({
      verb: attributes.verb ?? 'get',
      group: attributes.group ?? '',
      resource: attributes.resource ?? '',
      subresource: attributes.subresource || undefined,
      namespace: attributes.namespace || undefined,
      name: attributes.name || undefined,
    });
    return {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status: { allowed, ...(allowed ? {} : { reason: '' }) },
    };
  }

  private projects(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    target: Target,
    url: URL,
  ): void {
    const namespaces = this.store.list(findResource('', 'v1', 'namespaces')!);
    const visible = namespaces.filter(
      (n) => this.user === 'cluster-admin' || this.rbac.projects.includes(n.metadata.name ?? ''),
    );
    const asProject = (n: K8sObject): K8sObject => ({
      ...n,
      apiVersion: 'project.openshift.io/v1',
      kind: 'Project',
    });
    if (req.method !== 'GET') throw methodNotAllowed();
    if (target.name) {
      const found = visible.find((n) => n.metadata.name === target.name);
      if (!found)
        throw forbidden(
          USERS[this.user],
          'get',
          'projects',
          'project.openshift.io',
          undefined,
          target.name,
        );
      json(res, 200, asProject(found));
      return;
    }
    const metadata = { resourceVersion: String(this.store.resourceVersion) };
    const items = visible.map(asProject).filter(this.listFilter(target, url));
    json(
      res,
      200,
      wantsTable(req.headers.accept)
        ? toTable(target.type, items, metadata, url.searchParams.get('includeObject'))
        : { kind: 'ProjectList', apiVersion: 'project.openshift.io/v1', metadata, items },
    );
  }

  private list(
    target: Target,
    url: URL,
  ): { metadata: Record<string, unknown>; items: K8sObject[]; [key: string]: unknown } {
    const filter = this.listFilter(target, url);
    const all = this.store.list(target.type, target.namespace).filter(filter);
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const token = url.searchParams.get('continue');
    let offset = 0;
    if (token) {
      try {
        offset = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset: number })
          .offset;
      } catch {
        throw badRequest('continue key is not valid');
      }
    }
    const page = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const next =
      limit > 0 && offset + limit < all.length
        ? Buffer.from(JSON.stringify({ offset: offset + limit })).toString('base64')
        : undefined;
    return {
      kind: `${target.type.kind}List`,
      apiVersion: apiVersionOf(target.type),
      metadata: {
        resourceVersion: String(this.store.resourceVersion),
        ...(next ? { continue: next, remainingItemCount: all.length - offset - limit } : {}),
      },
      items: page,
    };
  }

  /** A watch over plain HTTP (kubectl's); `tableObject` set: events carry one-row Tables. */
  private httpWatch(
    target: Target,
    url: URL,
    res: http.ServerResponse,
    tableObject?: string,
  ): void {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    const stop = this.startWatch(
      target,
      url,
      (frame) => {
        const object =
          tableObject !== undefined && frame.type !== 'ERROR'
            ? toTable(
                target.type,
                [frame.object as K8sObject],
                { resourceVersion: (frame.object as K8sObject).metadata.resourceVersion },
                tableObject || null,
              )
            : frame.object;
        res.write(`${JSON.stringify({ type: frame.type, object })}\n`);
      },
      () => res.end(),
    );
    res.on('close', stop);
  }

  private get(target: Target): K8sObject {
    const object = this.store.get(target.type, target.namespace, target.name ?? '');
    if (!object) throw notFound(target.type, target.name ?? '');
    return object;
  }

  private prepare(target: Target, body: K8sObject): K8sObject {
    if (typeof body !== 'object' || typeof body.metadata !== 'object')
      throw badRequest("Object 'metadata' is missing");
    const object: K8sObject = { ...body, metadata: { ...body.metadata } };
    if (target.type.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== target.namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = target.namespace;
    }
    // As the API server does, a Secret's stringData is merged into data (base64) and dropped.
    if (
      target.type.kind === 'Secret' &&
      typeof object.stringData === 'object' &&
      object.stringData !== null
    ) {
      const data = { ...((object.data ?? {}) as Record<string, string>) };
      for (const [key, value] of Object.entries(object.stringData as Record<string, string>)) {
        data[key] = Buffer.from(value).toString('base64');
      }
      object.data = data;
      delete object.stringData;
    }
    if (!object.metadata.name && object.metadata.generateName) {
      object.metadata.name = `${object.metadata.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`;
    }
    return object;
  }

  create(target: Target, body: K8sObject, dryRun: boolean): K8sObject {
    const object = this.prepare(target, body);
    if (object.kind && object.kind !== target.type.kind)
      throw badRequest(`the kind ${object.kind} does not match the resource ${target.type.plural}`);
    const problems = validateObject(target.type, object, this.domain);
    if (problems.length > 0) throw invalid(target.type, object.metadata.name ?? '', problems);
    if (this.store.get(target.type, object.metadata.namespace, object.metadata.name ?? '')) {
      throw alreadyExists(target.type, object.metadata.name ?? '');
    }
    if (target.type.kind === 'Route') this.controllers.allocateRouteHost(object);
    if (dryRun) {
      return {
        ...object,
        apiVersion: apiVersionOf(target.type),
        kind: target.type.kind,
        metadata: {
          ...object.metadata,
          uid: 'dry-run',
          creationTimestamp: new Date().toISOString(),
        },
      };
    }
    const created = this.store.create(target.type, object);
    this.controllers.onCreated(target.type.kind, created);
    return created;
  }

  private update(target: Target, body: K8sObject, dryRun: boolean): K8sObject {
    const current = this.get(target);
    const object = this.prepare(target, body);
    if (object.metadata.name !== target.name)
      throw badRequest('the name of the object does not match the name on the URL');
    if (
      object.metadata.resourceVersion &&
      object.metadata.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw conflict(target.type, target.name ?? '');
    }
    checkClaimResize(target.type, current, object, (name) => this.storageClass(name));
    keepAllocatedValues(target.type, current, object);
    const problems = validateObject(target.type, object, this.domain);
    if (problems.length > 0) throw invalid(target.type, target.name ?? '', problems);
    return dryRun
      ? object
      : this.stored(target.type, current, this.store.update(target.type, object));
  }

  private patch(target: Target, contentType: string, body: unknown, dryRun: boolean): K8sObject {
    const current = this.get(target);
    let patched: K8sObject;
    try {
      patched = contentType.startsWith('application/json-patch+json')
        ? applyJsonPatch(current, body)
        : contentType.startsWith('application/strategic-merge-patch+json')
          ? applyStrategicMergePatch(current, body)
          : applyMergePatch(current, body);
    } catch (error) {
      if (error instanceof PatchError) {
        if (error.testFailed) {
          throw new StatusError({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'the server rejected our request due to an error in our request',
            reason: 'Invalid',
            details: {},
            code: 422,
          });
        }
        throw new StatusError({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: error.message,
          reason: 'Invalid',
          code: 422,
        });
      }
      throw error;
    }
    if (patched.metadata.resourceVersion !== current.metadata.resourceVersion) {
      // A patch that names a resourceVersion is a precondition, as on the real server.
      throw conflict(target.type, target.name ?? '');
    }
    checkClaimResize(target.type, current, patched, (name) => this.storageClass(name));
    const problems = validateObject(target.type, patched, this.domain);
    if (problems.length > 0) throw invalid(target.type, target.name ?? '', problems);
    return dryRun
      ? patched
      : this.stored(target.type, current, this.store.update(target.type, patched));
  }

  private remove(
    target: Target,
    dryRun: boolean,
    preconditions: { uid?: string; resourceVersion?: string } = {},
  ): K8sObject {
    const object = this.get(target);
    // DeleteOptions preconditions, as the real server checks them: another object of the same
    // name, or a newer version of it, is a conflict, not a delete.
    if (
      (preconditions.uid !== undefined && preconditions.uid !== object.metadata.uid) ||
      (preconditions.resourceVersion !== undefined &&
        preconditions.resourceVersion !== object.metadata.resourceVersion)
    )
      throw conflict(target.type, target.name ?? '');
    if (dryRun) return object;
    const deleted = this.store.delete(target.type, target.namespace, target.name ?? '') ?? object;
    this.collectGarbage(deleted.metadata.uid, target.namespace);
    return deleted;
  }

  private instantiate(target: Target): K8sObject {
    this.get({ ...target, subresource: undefined });
    const build = this.controllers.startBuild(target.namespace, target.name ?? '');
    if (!build) throw notFound(target.type, target.name ?? '');
    return build;
  }

  /** Background cascading deletion: objects owned by a deleted object go too, as the garbage collector does. */
  private collectGarbage(uid: string | undefined, namespace: string | undefined): void {
    if (!uid) return;
    for (const type of RESOURCES.filter((t) => t.namespaced)) {
      for (const object of this.store.list(type, namespace)) {
        const owners = (object.metadata.ownerReferences ?? []) as { uid?: string }[];
        if (owners.some((owner) => owner.uid === uid)) {
          const gone = this.store.delete(type, namespace, object.metadata.name ?? '');
          this.collectGarbage(gone?.metadata.uid, namespace);
        }
      }
    }
  }

  /** After an update: a Deployment whose spec changed rolls out a new pod, as it would. */
  /** A StorageClass by name, or the default one for a claim that names none. */
  private storageClass(name: string | undefined): K8sObject | undefined {
    const type = findResourceByKind('storage.k8s.io/v1', 'StorageClass');
    if (!type) return undefined;
    if (name) return this.store.get(type, undefined, name);
    return this.store
      .list(type)
      .find(
        (sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
      );
  }

  private stored(type: ResourceType, before: K8sObject, after: K8sObject): K8sObject {
    const specChanged = JSON.stringify(before.spec) !== JSON.stringify(after.spec);
    // A changed Deployment rolls out; a Route with a new host goes back to the router; a
    // claim asking for more space is resized by its (simulated) CSI driver.
    if (
      specChanged &&
      (type.kind === 'Deployment' ||
        type.kind === 'DeploymentConfig' ||
        type.kind === 'Route' ||
        type.kind === 'PersistentVolumeClaim')
    ) {
      this.controllers.onCreated(type.kind, after);
    }
    return after;
  }

  private async handleControl(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    const action = url.pathname.slice(CONTROL_PREFIX.length);
    const body =
      req.method === 'POST'
        ? (parseJson((await readBody(req)) || '{}') as Record<string, unknown>)
        : {};
    try {
      switch (`${req.method ?? ''} ${action}`) {
        case 'POST /reset':
          this.reset((body.seed as SeedName | undefined) ?? 'demo');
          break;
        case 'POST /user':
          this.setUser(body.user as UserName);
          break;
        case 'GET /user':
          json(res, 200, { user: this.user, name: USERS[this.user] });
          return;
        case 'POST /capabilities':
          for (const key of Object.keys(DEFAULT_CAPABILITIES) as (keyof Capabilities)[]) {
            const value = body[key];
            if (value === undefined) continue;
            if (typeof value !== 'boolean') throw new Error(`"${key}" is true or false`);
            this.capabilities[key] = value;
          }
          json(res, 200, this.capabilities);
          return;
        case 'GET /capabilities':
          json(res, 200, this.capabilities);
          return;
        case 'POST /objects':
          json(
            res,
            201,
            (Array.isArray(body.objects) ? body.objects : [body]).map((o) =>
              this.seed(o as K8sObject),
            ),
          );
          return;
        case 'GET /objects': {
          const kind = url.searchParams.get('kind');
          const namespace = url.searchParams.get('namespace') ?? undefined;
          const types = RESOURCES.filter((t) => !kind || t.kind === kind);
          json(
            res,
            200,
            types.flatMap((t) => this.store.list(t, namespace)),
          );
          return;
        }
        case 'POST /faults':
          if (Array.isArray(body.failWrites)) {
            this.faults.writesSeen = 0;
            this.faults.failWrites = body.failWrites as Faults['failWrites'];
          }
          if (Array.isArray(body.denials))
            this.rbac.denials = body.denials as RbacSettings['denials'];
          if (typeof body.dockerBuilds === 'boolean') this.rbac.dockerBuilds = body.dockerBuilds;
          if (typeof body.failBuilds === 'boolean')
            this.controllers.settings.failBuilds = body.failBuilds;
          if (typeof body.stepMs === 'number') this.controllers.settings.stepMs = body.stepMs;
          if (Array.isArray(body.proxy)) this.proxy.faults = parseProxyFaults(body.proxy);
          if (body.prometheusUnavailable !== undefined) {
            const value = body.prometheusUnavailable;
            if (![true, false, 502, 503].includes(value as number | boolean))
              throw new Error('"prometheusUnavailable" is true (503), 502, 503 or false');
            this.prometheus.settings.unavailable =
              value === true ? 503 : (value as PrometheusSettings['unavailable']);
          }
          break;
        case 'POST /disk-usage': {
          const { namespace, claim, bytes } = body;
          if (typeof namespace !== 'string' || typeof claim !== 'string')
            throw new Error('give "namespace" and "claim" of the PersistentVolumeClaim');
          if (bytes === null) this.prometheus.settings.diskUsage.delete(`${namespace}/${claim}`);
          else if (typeof bytes === 'number' && bytes >= 0)
            this.prometheus.settings.diskUsage.set(`${namespace}/${claim}`, bytes);
          else throw new Error('"bytes" is a number of bytes of at least 0 (or null to forget it)');
          break;
        }
        case 'GET /disk-usage':
          json(res, 200, Object.fromEntries(this.prometheus.settings.diskUsage));
          return;
        case 'POST /proxy-override': {
          const { namespace, service, url: backend } = body;
          if (typeof namespace !== 'string' || typeof service !== 'string')
            throw new Error('give "namespace" and "service" of the Service to point elsewhere');
          const key = `${namespace}/${service}`;
          if (backend === null || backend === undefined) {
            this.proxy.overrides.delete(key);
            break;
          }
          if (typeof backend !== 'string' || new URL(backend).protocol !== 'http:')
            throw new Error('"url" must be an http:// URL (or null to remove the override)');
          this.proxy.overrides.set(key, backend);
          break;
        }
        case 'GET /proxy-override':
          json(res, 200, Object.fromEntries(this.proxy.overrides));
          return;
        case 'POST /drop-watches':
          json(res, 200, { dropped: this.dropWatches() });
          return;
        default:
          json(res, 404, { message: `unknown control action ${action}` });
          return;
      }
      json(res, 200, { ok: true });
    } catch (error) {
      json(res, 400, { message: String(error) });
    }
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
