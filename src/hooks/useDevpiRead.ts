import * as React from 'react';
import { startPolling } from './polling';

/** How often a devpi read is repeated while the page is open. */
const REFRESH_MS = 60_000;

/**
 * What `read` answers about devpi through the service proxy while `enabled`, read again every
 * minute while the page is visible, and at once when `enabled` turns true again. Undefined until
 * the first answer; stops on unmount. `read` must be a module-level function (it is a dependency).
 */
export const useDevpiRead = <T>(
  read: (namespace: string, service: string) => Promise<T>,
  namespace: string,
  service: string,
  enabled: boolean,
): T | undefined => {
  const [result, setResult] = React.useState<T>();
  React.useEffect(() => {
    if (!enabled) return undefined;
    return startPolling(async (isStopped) => {
      const next = await read(namespace, service);
      if (!isStopped()) setResult(next);
      return REFRESH_MS;
    }, REFRESH_MS);
  }, [read, namespace, service, enabled]);
  return result;
};
