import * as React from 'react';
import type { ProbeOutcome } from '../model/living';
import { useAccessReview } from '../sdk/console-sdk';
import { startPolling, type PollStep } from './polling';

/** How one kind of probe asks devpi: the parts in which the detail page and lists differ. */
export interface ProbeSchedule {
  /** Whether one access review per project serves every Service, rather than one per Service. */
  reviewPerProject: boolean;
  /** How long a hidden page waits before it checks again whether it shows. */
  hiddenMs: number;
  /** What a freshly mounted hook shows before its first probe answers. */
  initial: (namespace: string, service: string) => ProbeOutcome;
  /** One loop's poll step; `show` sets the outcome, and the step decides when it may. */
  step: (namespace: string, service: string, show: (outcome: ProbeOutcome) => void) => PollStep;
}

/**
 * The core that the devpi probe hooks share: asks whether the user may use the service proxy,
 * answers `skipped: no-access` when not, and otherwise polls with the schedule's step while
 * enabled, stopping on unmount. `schedule` must be a constant: a new one restarts the loop.
 */
export const useServiceProxyProbe = (
  schedule: ProbeSchedule,
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
    ...(schedule.reviewPerProject ? {} : { name: service }),
  });
  const [outcome, setOutcome] = React.useState<ProbeOutcome>(() =>
    schedule.initial(namespace, service),
  );

  React.useEffect(() => {
    if (checking || !enabled) return undefined;
    if (!allowed) {
      setOutcome({ kind: 'skipped', why: 'no-access' });
      return undefined;
    }
    return startPolling(schedule.step(namespace, service, setOutcome), schedule.hiddenMs);
  }, [schedule, namespace, service, enabled, allowed, checking]);

  return outcome;
};
