import type { ProbeOutcome } from '../model/living';
import { consoleFetch } from '../sdk/console-sdk';
import { toK8sErrorInfo } from './k8s-error';
import { probeQueue } from './probe-queue';

/** What one probe found: the model's probe outcomes, less "skipped" (a probe that ran). */
export type ProbeResult = Exclude<ProbeOutcome, { kind: 'skipped' }>;

/**
 * The service-proxy URL of devpi's `/+api` for a cache's Service. `/+api` never contacts PyPI
 * and never answers 401 (a 401 on a proxy URL can log the user out of the console).
 */
export const probeUrl = (namespace: string, service: string, port = 80): string =>
  devpiProxyUrl(namespace, service, '+api', port);

/** The service-proxy URL of a path of devpi behind a cache's Service (plain http, port 80). */
export const devpiProxyUrl = (
  namespace: string,
  service: string,
  devpiPath: string,
  port = 80,
): string =>
  `/api/kubernetes/api/v1/namespaces/${encodeURIComponent(namespace)}/services/http:${encodeURIComponent(service)}:${port}/proxy/${devpiPath}`;

const isDevpiApiAnswer = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (body as Record<string, unknown>).type === 'apiconfig' &&
  typeof (body as Record<string, unknown>).result === 'object';

/** One probe of devpi's `/+api`, outside the queue. */
const askDevpi = async (
  namespace: string,
  service: string,
  { timeoutMs = 5000, now = () => performance.now() }: { timeoutMs?: number; now?: () => number },
): Promise<ProbeResult> => {
  const started = now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await consoleFetch(
      probeUrl(namespace, service),
      { headers: { Accept: 'application/json' }, signal: controller.signal },
      timeoutMs + 1000,
    );
    const latencyMs = Math.round(now() - started);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'not-devpi' };
    }
    return isDevpiApiAnswer(body) ? { kind: 'answered', latencyMs } : { kind: 'not-devpi' };
  } catch (error) {
    const latencyMs = Math.round(now() - started);
    const info = toK8sErrorInfo(error);
    if (controller.signal.aborted || info.timedOut) {
      return { kind: 'timeout', latencyMs };
    }
    if (info.code !== undefined) {
      return { kind: 'http-error', status: info.code, message: info.message };
    }
    return { kind: 'network-error', message: info.message };
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Asks a cache's devpi-server for `/+api` through the API server's service proxy, with a
 * timeout, and classifies the answer. Runs through the plugin-wide probe queue.
 */
export const probeDevpi = (
  namespace: string,
  service: string,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<ProbeResult> => probeQueue.run(() => askDevpi(namespace, service, options));

/**
 * Like probeDevpi, but sends nothing when `isStopped` is true once the queue frees a slot (the
 * row that wanted it has left the screen meanwhile); then it settles with undefined.
 */
export const probeDevpiUnlessStopped = (
  namespace: string,
  service: string,
  isStopped: () => boolean,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<ProbeResult | undefined> =>
  probeQueue.run(() =>
    isStopped() ? Promise.resolve(undefined) : askDevpi(namespace, service, options),
  );
