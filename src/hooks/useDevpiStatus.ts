import { fetchDevpiStatus, type DevpiStatusResult } from '../api/devpi-status';
import { useDevpiRead } from './useDevpiRead';

/**
 * devpi's own `/+status` through the service proxy while `enabled` (the health probe got an
 * answer, so the proxy is allowed and the pod serves), read again every minute while the page
 * is visible. Undefined until the first answer; stops on unmount.
 */
export const useDevpiStatus = (
  namespace: string,
  service: string,
  enabled: boolean,
): DevpiStatusResult | undefined => useDevpiRead(fetchDevpiStatus, namespace, service, enabled);
