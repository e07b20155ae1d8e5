import * as React from 'react';
import { fetchDevpiStatus, type DevpiStatusResult } from '../api/devpi-status';

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
    let stopped = false;
    const isStopped = () => stopped;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (document.visibilityState === 'visible') {
        const next = await fetchDevpiStatus(namespace, service);
        if (isStopped()) return;
        setResult(next);
      }
      timer = setTimeout(() => void run(), REFRESH_MS);
    };
    void run();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [namespace, service, enabled]);
  return result;
};
