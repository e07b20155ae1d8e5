import { type TFunction, type Pod, parseQuantity } from '../shared';
import { RECOMMENDED_RESOURCES } from '../cache';

/** What the cache's pods went through: restarts of the devpi container and why the last one ended. */
export interface PodRestarts {
  /** Restarts of the devpi container, summed over the cache's pods. */
  restarts: number;
  /** The pod whose devpi container ended most recently. */
  podName?: string;
  /** The kubelet's reason for the last end (`OOMKilled`, `Error`, `Completed` …). */
  lastReason?: string;
  lastExitCode?: number;
  lastFinishedAt?: string;
  /** Whether the last end was the kernel killing the container at its memory limit. */
  oomKilled: boolean;
}

const DEVPI_CONTAINER = 'devpi';

/**
 * The devpi container's restarts and last termination, from the pods' status. Kubernetes keeps
 * only the last termination of a container (`lastState.terminated`) and a count of restarts;
 * a container that is terminated right now (`state.terminated`) counts as its last end.
 */
export const podRestarts = (pods: readonly Pod[] = []): PodRestarts | undefined => {
  let restarts = 0;
  let last: Omit<PodRestarts, 'restarts' | 'oomKilled'> | undefined;
  for (const pod of pods) {
    const statuses = pod.status?.containerStatuses ?? [];
    const status = statuses.find((candidate) => candidate.name === DEVPI_CONTAINER) ?? statuses[0];
    if (!status) continue;
    restarts += Math.max(0, status.restartCount);
    const ended = status.state?.terminated ?? status.lastState?.terminated;
    if (!ended) continue;
    const finishedAt = typeof ended.finishedAt === 'string' ? ended.finishedAt : undefined;
    if (!last || (finishedAt ?? '') > (last.lastFinishedAt ?? '')) {
      last = {
        podName: pod.metadata?.name,
        lastReason: ended.reason,
        lastExitCode: ended.exitCode,
        lastFinishedAt: finishedAt,
      };
    }
  }
  if (!restarts && !last) return undefined;
  return { restarts, ...last, oomKilled: last?.lastReason === 'OOMKilled' };
};

/** What to tell the user about the restarts: a title and what to change, or nothing to say. */
export const podRestartsAdvice = (
  restarts: PodRestarts | undefined,
  memoryLimit: string | undefined,
  t: TFunction,
): { severity: 'danger' | 'warning'; title: string; body: string } | undefined => {
  if (!restarts || (restarts.restarts === 0 && !restarts.oomKilled)) return undefined;
  const count = t('{{count}} restarts of devpi so far.', { count: restarts.restarts });
  if (restarts.oomKilled) {
    const limit = memoryLimit ? parseQuantity(memoryLimit) : undefined;
    const recommended = parseQuantity(RECOMMENDED_RESOURCES.memoryLimit) ?? 0;
    const raiseTo =
      limit !== undefined && limit < recommended
        ? t('Raise the memory limit to at least {{recommended}} in Edit settings.', {
            recommended: RECOMMENDED_RESOURCES.memoryLimit,
          })
        : t('Raise the memory limit above {{limit}} in Edit settings.', {
            limit: memoryLimit ?? t('its current value'),
          });
    return {
      severity: 'danger',
      title: t('devpi was killed for using more memory than its limit (OOMKilled)'),
      body: [
        t(
          'The kernel stopped devpi when it reached its memory limit of {{limit}}, which fails the builds it was serving and, with ephemeral storage, empties the cache. Serving big wheels to many builds at once is what takes devpi there.',
          { limit: memoryLimit ?? t('(none)') },
        ),
        raiseTo,
        count,
      ].join(' '),
    };
  }
  return {
    severity: 'warning',
    title: t('devpi restarted'),
    body: [
      restarts.lastReason
        ? t('Its last run ended with {{reason}} (exit code {{code}}).', {
            reason: restarts.lastReason,
            code: restarts.lastExitCode ?? '?',
          })
        : '',
      count,
      t('The pod log of the previous run says why: oc logs --previous {{pod}}', {
        pod: restarts.podName ?? '',
      }),
    ]
      .filter(Boolean)
      .join(' '),
  };
};
