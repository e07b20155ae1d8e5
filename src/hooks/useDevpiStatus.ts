import * as React from 'react';
import { fetchDevpiStatus, type DevpiStatusResult } from '../api/devpi-status';
import { startPolling } from './polling';

/** How often devpi's status is read again while the page is open. */
const REFRESH_MS = 60_000;

/**
 * devpi's own `/+status` through the service proxy while `enabled` (the health probe got an
 * answer, so the proxy is allowed and the pod serves), read again every minute while the page
 * is visible. Undefined until the first answer; stops on unmount.
 */
export const useDevpiStatus = (
  namespace: string,
  service: string,
  enabled: boolean,
): DevpiStatusResult | undefined => {
  const [result, setResult] = React.useState<DevpiStatusResult>();
  React.useEffect(() => {
    if (!enabled) return undefined;
    return startPolling(async (isStopped) => {
      const next = await fetchDevpiStatus(namespace, service);
      if (!isStopped()) setResult(next);
      return REFRESH_MS;
    }, REFRESH_MS);
  }, [namespace, service, enabled]);
  return result;
};
