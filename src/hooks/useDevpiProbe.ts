import * as React from 'react';
import { probeDevpi } from '../api/probe';
import { probeDelayMs } from '../api/probe-queue';
import type { ProbeOutcome } from '../model/health';
import { useAccessReview } from '../sdk/console-sdk';
import { startPolling } from './polling';

/** How often a healthy cache is asked again. */
const HEALTHY_INTERVAL_MS = 30_000;

/**
 * Asks devpi's `/+api` through the service proxy while the page is visible: every 30 s while it
 * answers, backing off after failures, never when the user may not use the service proxy (then
 * health comes from readiness and the outcome says why). Stops on unmount.
 */
export const useDevpiProbe = (
  namespace: string,
  service: string,
  enabled: boolean,
): ProbeOutcome => {
  const [allowed, checking] = useAccessReview({
    group: '',
    resource: 'services',
    subresource: 'proxy',
    verb: 'get',
    namespace,
    name: service,
  });
  const [outcome, setOutcome] = React.useState<ProbeOutcome>({ kind: 'skipped', why: 'not-yet' });

  React.useEffect(() => {
    if (checking || !enabled) return undefined;
    if (!allowed) {
      setOutcome({ kind: 'skipped', why: 'no-access' });
      return undefined;
    }
    let failures = 0;
    return startPolling(async (isStopped) => {
      const result = await probeDevpi(namespace, service);
      if (isStopped()) return HEALTHY_INTERVAL_MS;
      setOutcome(result);
      failures = result.kind === 'answered' ? 0 : failures + 1;
      return failures === 0 ? HEALTHY_INTERVAL_MS : probeDelayMs(failures - 1, 5_000, 120_000);
    }, HEALTHY_INTERVAL_MS);
  }, [namespace, service, enabled, allowed, checking]);

  return outcome;
};
