import { parseDevpiStatus, type DevpiStatus } from '../model/devpi-status';
import { consoleFetch } from '../sdk/console-sdk';
import { toK8sErrorInfo } from './k8s-error';
import { devpiProxyUrl } from './probe';
import { probeQueue } from './probe-queue';

/** What asking devpi's `/+status` found. */
export type DevpiStatusResult =
  | { kind: 'answered'; status: DevpiStatus }
  | { kind: 'not-devpi' }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'timeout' }
  | { kind: 'network-error'; message: string };

/**
 * Asks a cache's devpi-server for `/+status` through the API server's service proxy (the same
 * path as the health probe; `/+status` is not published on the Route) and keeps only the facts
 * the UI shows. Runs through the plugin-wide probe queue.
 */
export const fetchDevpiStatus = (
  namespace: string,
  service: string,
  timeoutMs = 5000,
): Promise<DevpiStatusResult> =>
  probeQueue.run(async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await consoleFetch(
        devpiProxyUrl(namespace, service, '+status'),
        { headers: { Accept: 'application/json' }, signal: controller.signal },
        timeoutMs + 1000,
      );
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        return { kind: 'not-devpi' };
      }
      const status = parseDevpiStatus(body);
      return status ? { kind: 'answered', status } : { kind: 'not-devpi' };
    } catch (error) {
      const info = toK8sErrorInfo(error);
      if (controller.signal.aborted || info.timedOut) return { kind: 'timeout' };
      if (info.code !== undefined) {
        return { kind: 'http-error', status: info.code, message: info.message };
      }
      return { kind: 'network-error', message: info.message };
    } finally {
      clearTimeout(timer);
    }
  });
