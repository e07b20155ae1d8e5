import { parseIndexConfig, type ActualIndexSettings } from '../model/living';
import { fetchDevpiJson, type DevpiJsonResult } from './devpi-json';

/** What asking devpi for its `root/pypi` index settings found. */
export type IndexConfigResult = DevpiJsonResult<ActualIndexSettings>;

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
  fetchDevpiJson(namespace, service, 'root/pypi?no_projects=', parseIndexConfig, timeoutMs);
