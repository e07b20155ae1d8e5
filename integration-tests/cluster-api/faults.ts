import type { PrometheusSettings } from './prometheus';
import type { RbacSettings } from './rbac';
import type { Cluster } from './server';
import type { ProxyFault } from './service-proxy';
import { reasonFor, statusError } from './status';

/** One write to fail: the Nth write from now (1 = the next one), of a kind, dry run or not. */
export interface WriteFault {
  nth: number;
  code: number;
  message: string;
  kind?: string;
  dryRun?: boolean;
}

/** Fault knobs tests set through the control API. */
export interface Faults {
  failWrites: WriteFault[];
  writesSeen: number;
}

/**
 * Counts a write and throws the Status of the fault set for it, once: the code and message the
 * test chose, with the reason the API server gives that code.
 */
export const failIfDue = (faults: Faults, kind: string, method: string, dryRun: boolean): void => {
  faults.writesSeen += 1;
  const index = faults.failWrites.findIndex(
    (f) =>
      f.nth === faults.writesSeen && (!f.kind || f.kind === kind) && (f.dryRun ?? false) === dryRun,
  );
  if (index < 0) return;
  const [fault] = faults.failWrites.splice(index, 1);
  throw statusError(fault!.code, fault!.message, { reason: reasonFor(fault!.code, method) });
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

/**
 * `POST /__cluster/faults`: sets the knobs the body names and keeps the others (`failWrites`,
 * `denials` and `proxy` replace their whole list); throws on a value it cannot use.
 */
export const setFaults = (cluster: Cluster, body: Record<string, unknown>): void => {
  if (Array.isArray(body.failWrites)) {
    cluster.faults.writesSeen = 0;
    cluster.faults.failWrites = body.failWrites as WriteFault[];
  }
  if (Array.isArray(body.denials)) cluster.rbac.denials = body.denials as RbacSettings['denials'];
  if (typeof body.dockerBuilds === 'boolean') cluster.rbac.dockerBuilds = body.dockerBuilds;
  if (typeof body.failBuilds === 'boolean')
    cluster.controllers.settings.failBuilds = body.failBuilds;
  if (typeof body.stepMs === 'number') cluster.controllers.settings.stepMs = body.stepMs;
  if (Array.isArray(body.proxy)) cluster.proxy.faults = parseProxyFaults(body.proxy);
  if (body.prometheusUnavailable !== undefined) {
    const value = body.prometheusUnavailable;
    if (![true, false, 502, 503].includes(value as number | boolean))
      throw new Error('"prometheusUnavailable" is true (503), 502, 503 or false');
    cluster.prometheus.settings.unavailable =
      value === true ? 503 : (value as PrometheusSettings['unavailable']);
  }
};

/** Forgets every fault (a reset). */
export const clearFaults = (cluster: Cluster): void => {
  cluster.faults.failWrites = [];
  cluster.faults.writesSeen = 0;
  cluster.rbac.denials = [];
  cluster.rbac.dockerBuilds = true;
  cluster.controllers.settings.failBuilds = false;
};
