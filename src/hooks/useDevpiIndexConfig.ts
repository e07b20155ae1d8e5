import { fetchIndexConfig, type IndexConfigResult } from '../api/devpi-index-config';
import { useDevpiRead } from './useDevpiRead';

/**
 * devpi's `root/pypi` settings through the service proxy while `enabled` (the health probe got
 * an answer), read again every minute while the page is visible, and at once when `enabled`
 * turns true again (a restarted pod, which has applied the settings, answers). Undefined until
 * the first answer; stops on unmount.
 */
export const useDevpiIndexConfig = (
  namespace: string,
  service: string,
  enabled: boolean,
): IndexConfigResult | undefined => useDevpiRead(fetchIndexConfig, namespace, service, enabled);
