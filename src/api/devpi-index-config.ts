import { parseIndexConfig, type ActualIndexSettings } from '../model/index-config';
import { consoleFetch } from '../sdk/console-sdk';
import { toK8sErrorInfo } from './k8s-error';
import { devpiProxyUrl } from './probe';
import { probeQueue } from './probe-queue';

/** What asking devpi for its `root/pypi` index settings found. */
export type IndexConfigResult =
  | { kind: 'answered'; settings: ActualIndexSettings }
  | { kind: 'not-devpi' }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'timeout' }
  | { kind: 'network-error'; message: string };

/**
 * Asks a cache's devpi-server for the settings of `root/pypi` (`GET /root/pypi?no_projects=`,
 * which never contacts the upstream) through the API server's service proxy, in the plugin-wide
 * probe queue.
 */
export const fetchIndexConfig = (
  namespace: string,
  service: string,
  timeoutMs = 5000,
): Promise<IndexConfigResult> =>
  probeQueue.run(async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await consoleFetch(
        devpiProxyUrl(namespace, service, 'root/pypi?no_projects='),
        { headers: { Accept: 'application/json' }, signal: controller.signal },
        timeoutMs + 1000,
      );
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        return { kind: 'not-devpi' };
      }
      const settings = parseIndexConfig(body);
      return settings ? { kind: 'answered', settings } : { kind: 'not-devpi' };
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
