import { parseDevpiStatus, type DevpiStatus } from '../model/living';
import { fetchDevpiJson, type DevpiJsonResult } from './devpi-json';

/** What asking devpi's `/+status` found. */
export type DevpiStatusResult = DevpiJsonResult<DevpiStatus>;

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
  fetchDevpiJson(namespace, service, '+status', parseDevpiStatus, timeoutMs);
