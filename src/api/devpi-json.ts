import { consoleFetch } from '../sdk/console-sdk';
import { toK8sErrorInfo } from './k8s-error';
import { devpiProxyUrl } from './probe';
import { probeQueue } from './probe-queue';

/** What asking devpi for one of its JSON documents found, `T` being what the UI keeps of it. */
export type DevpiJsonResult<T> =
  | { kind: 'answered'; value: T }
  | { kind: 'not-devpi' }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'timeout' }
  | { kind: 'network-error'; message: string };

/**
 * Reads a JSON document of a cache's devpi-server through the API server's service proxy, in
 * the plugin-wide probe queue, and keeps what `parse` accepts; anything else is "not devpi".
 * Only for paths that never answer 401 (the console logs the user out on one).
 */
export const fetchDevpiJson = <T>(
  namespace: string,
  service: string,
  path: string,
  parse: (body: unknown) => T | undefined,
  timeoutMs = 5000,
): Promise<DevpiJsonResult<T>> =>
  probeQueue.run(async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await consoleFetch(
        devpiProxyUrl(namespace, service, path),
        { headers: { Accept: 'application/json' }, signal: controller.signal },
        timeoutMs + 1000,
      );
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        return { kind: 'not-devpi' };
      }
      const value = parse(body);
      return value === undefined ? { kind: 'not-devpi' } : { kind: 'answered', value };
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
