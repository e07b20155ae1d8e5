import { probeDevpiUnlessStopped, type ProbeResult } from '../api/probe';
import { probeDelayMs } from '../api/probe-queue';
import type { ProbeOutcome } from '../model/living';
import { useServiceProxyProbe, type ProbeSchedule } from './useServiceProxyProbe';

/** How often a cache listed on a card is asked at most: once a minute. */
export const LISTED_PROBE_INTERVAL_MS = 60_000;

interface LastProbe {
  /** When the probe was sent (Date.now()). */
  sentAt: number;
  result: ProbeResult;
  failures: number;
}

/**
 * The last probe of each listed cache, kept across mounts: a row that leaves the screen and
 * comes back (another page of the card, a filter) shows what was found and never asks devpi
 * more than once a minute.
 */
const lastProbes = new Map<string, LastProbe>();

/** Forgets every remembered probe (tests start from a clean slate). */
export const forgetListedProbes = (): void => lastProbes.clear();

const waitAfter = (failures: number): number =>
  failures === 0
    ? LISTED_PROBE_INTERVAL_MS
    : probeDelayMs(failures - 1, LISTED_PROBE_INTERVAL_MS, 5 * LISTED_PROBE_INTERVAL_MS);

const listedSchedule: ProbeSchedule = {
  // Per project, not per Service: one access review serves every row of a project.
  reviewPerProject: true,
  hiddenMs: LISTED_PROBE_INTERVAL_MS,
  initial: (namespace, service) =>
    lastProbes.get(`${namespace}/${service}`)?.result ?? { kind: 'skipped', why: 'not-yet' },
  step: (namespace, service, show) => {
    const key = `${namespace}/${service}`;
    return async (isStopped) => {
      const last = lastProbes.get(key);
      const due = last ? last.sentAt + waitAfter(last.failures) - Date.now() : 0;
      if (last && due > 0) {
        if (!isStopped()) show(last.result);
        return due;
      }
      const sentAt = Date.now();
      const result = await probeDevpiUnlessStopped(namespace, service, isStopped);
      if (!result) return LISTED_PROBE_INTERVAL_MS;
      const failures = result.kind === 'answered' ? 0 : (last?.failures ?? 0) + 1;
      lastProbes.set(key, { sentAt, result, failures });
      if (!isStopped()) show(result);
      return waitAfter(failures);
    };
  },
};

/**
 * Health of a cache shown in a row of a list of many: asks devpi's `/+api` through the service
 * proxy while the row is mounted and the page visible, at most once a minute per cache (backing
 * off to 5 minutes while it fails), through the plugin-wide queue of 4 probes in flight; a probe
 * still queued when its row unmounts is never sent. Users who may not use the service proxy get
 * `skipped: no-access`, so that health comes from readiness with the reason.
 */
export const useListedDevpiProbe = (
  namespace: string,
  service: string,
  enabled: boolean,
): ProbeOutcome => useServiceProxyProbe(listedSchedule, namespace, service, enabled);
