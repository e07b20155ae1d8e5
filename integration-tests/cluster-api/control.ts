import type * as http from 'http';
import { DEFAULT_CAPABILITIES, type Capabilities } from './discovery';
import { setFaults } from './faults';
import { json, parseJson, readBody } from './http-io';
import { USERS, type UserName } from './rbac';
import { RESOURCES } from './resources';
import type { SeedName } from './seed';
import type { Cluster } from './server';
import type { K8sObject } from './store';

/** `POST /__cluster/capabilities`: switches the booleans the body names; answers them all. */
const setCapabilities = (cluster: Cluster, body: Record<string, unknown>): void => {
  for (const key of Object.keys(DEFAULT_CAPABILITIES) as (keyof Capabilities)[]) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new Error(`"${key}" is true or false`);
    cluster.capabilities[key] = value;
  }
};

/** `POST /__cluster/disk-usage`: what the devpi stand-in has written to a claim (null forgets). */
const setDiskUsage = (cluster: Cluster, body: Record<string, unknown>): void => {
  const { namespace, claim, bytes } = body;
  if (typeof namespace !== 'string' || typeof claim !== 'string')
    throw new Error('give "namespace" and "claim" of the PersistentVolumeClaim');
  const usage = cluster.prometheus.settings.diskUsage;
  if (bytes === null) usage.delete(`${namespace}/${claim}`);
  else if (typeof bytes === 'number' && bytes >= 0) usage.set(`${namespace}/${claim}`, bytes);
  else throw new Error('"bytes" is a number of bytes of at least 0 (or null to forget it)');
};

/** `POST /__cluster/proxy-override`: sends a Service's proxy to a real backend (null removes it). */
const setProxyOverride = (cluster: Cluster, body: Record<string, unknown>): void => {
  const { namespace, service, url: backend } = body;
  if (typeof namespace !== 'string' || typeof service !== 'string')
    throw new Error('give "namespace" and "service" of the Service to point elsewhere');
  const key = `${namespace}/${service}`;
  if (backend === null || backend === undefined) {
    cluster.proxy.overrides.delete(key);
    return;
  }
  if (typeof backend !== 'string' || new URL(backend).protocol !== 'http:')
    throw new Error('"url" must be an http:// URL (or null to remove the override)');
  cluster.proxy.overrides.set(key, backend);
};

/**
 * What one control action does: a value to answer with 200 (or with `code`), or undefined for
 * `{"ok": true}`. Throwing answers 400 with the error's text.
 */
type Action = (
  cluster: Cluster,
  body: Record<string, unknown>,
  url: URL,
) => { code?: number; answer: unknown } | undefined;

const ACTIONS: Record<string, Action> = {
  'POST /reset': (cluster, body) => {
    cluster.reset((body.seed as SeedName | undefined) ?? 'demo');
    return undefined;
  },
  'POST /user': (cluster, body) => {
    cluster.setUser(body.user as UserName);
    return undefined;
  },
  'GET /user': (cluster) => ({ answer: { user: cluster.user, name: USERS[cluster.user] } }),
  'POST /capabilities': (cluster, body) => {
    setCapabilities(cluster, body);
    return { answer: cluster.capabilities };
  },
  'GET /capabilities': (cluster) => ({ answer: cluster.capabilities }),
  'POST /objects': (cluster, body) => ({
    code: 201,
    answer: (Array.isArray(body.objects) ? body.objects : [body]).map((o) =>
      cluster.seed(o as K8sObject),
    ),
  }),
  'GET /objects': (cluster, _body, url) => {
    const kind = url.searchParams.get('kind');
    const namespace = url.searchParams.get('namespace') ?? undefined;
    const types = RESOURCES.filter((t) => !kind || t.kind === kind);
    return { answer: types.flatMap((t) => cluster.store.list(t, namespace)) };
  },
  'POST /faults': (cluster, body) => {
    setFaults(cluster, body);
    return undefined;
  },
  'POST /disk-usage': (cluster, body) => {
    setDiskUsage(cluster, body);
    return undefined;
  },
  'GET /disk-usage': (cluster) => ({
    answer: Object.fromEntries(cluster.prometheus.settings.diskUsage),
  }),
  'POST /proxy-override': (cluster, body) => {
    setProxyOverride(cluster, body);
    return undefined;
  },
  'GET /proxy-override': (cluster) => ({ answer: Object.fromEntries(cluster.proxy.overrides) }),
  'POST /drop-watches': (cluster) => ({ answer: { dropped: cluster.dropWatches() } }),
};

/** The control API under `/__cluster` that tests and the shell use (see README.md). */
export const handleControl = async (
  cluster: Cluster,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  action: string,
  url: URL,
): Promise<void> => {
  const body =
    req.method === 'POST'
      ? (parseJson((await readBody(req)) || '{}') as Record<string, unknown>)
      : {};
  const handler = ACTIONS[`${req.method ?? ''} ${action}`];
  if (!handler) {
    json(res, 404, { message: `unknown control action ${action}` });
    return;
  }
  try {
    const result = handler(cluster, body, url);
    json(res, result?.code ?? 200, result ? result.answer : { ok: true });
  } catch (error) {
    json(res, 400, { message: String(error) });
  }
};
