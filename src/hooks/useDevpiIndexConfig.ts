import * as React from 'react';
import { fetchIndexConfig, type IndexConfigResult } from '../api/devpi-index-config';
import { startPolling } from './polling';

/** How often devpi's index settings are read again while the page is open. */
const REFRESH_MS = 60_000;

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
): IndexConfigResult | undefined => {
  const [result, setResult] = React.useState<IndexConfigResult>();
  React.useEffect(() => {
    if (!enabled) return undefined;
    return startPolling(async (isStopped) => {
      const next = await fetchIndexConfig(namespace, service);
      if (!isStopped()) setResult(next);
      return REFRESH_MS;
    }, REFRESH_MS);
  }, [namespace, service, enabled]);
  return result;
};
