import { probeDevpi } from '../api/probe';
import { probeDelayMs } from '../api/probe-queue';
import type { ProbeOutcome } from '../model/living';
import { useServiceProxyProbe, type ProbeSchedule } from './useServiceProxyProbe';

/** How often a healthy cache is asked again. */
const HEALTHY_INTERVAL_MS = 30_000;

const detailSchedule: ProbeSchedule = {
  reviewPerProject: false,
  hiddenMs: HEALTHY_INTERVAL_MS,
  initial: () => ({ kind: 'skipped', why: 'not-yet' }),
  step: (namespace, service, show) => {
    // Failures in a row of this loop only: a new page starts afresh.
    let failures = 0;
    return async (isStopped) => {
      const result = await probeDevpi(namespace, service);
      if (isStopped()) return HEALTHY_INTERVAL_MS;
      show(result);
      failures = result.kind === 'answered' ? 0 : failures + 1;
      return failures === 0 ? HEALTHY_INTERVAL_MS : probeDelayMs(failures - 1, 5_000, 120_000);
    };
  },
};

/**
 * Asks devpi's `/+api` through the service proxy while the page is visible: every 30 s while it
 * answers, backing off after failures, never when the user may not use the service proxy (then
 * health comes from readiness and the outcome says why). Stops on unmount.
 */
export const useDevpiProbe = (namespace: string, service: string, enabled: boolean): ProbeOutcome =>
  useServiceProxyProbe(detailSchedule, namespace, service, enabled);
