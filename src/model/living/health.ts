import type { TFunction } from '../shared';
import type { CacheInstance } from './instance';

/** What a live probe of devpi's `/+api` through the service proxy found. */
export type ProbeOutcome =
  | { kind: 'answered'; latencyMs: number }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'not-devpi' }
  | { kind: 'network-error'; message: string }
  /** No probe ran: the user may not use the service proxy, or none has run yet. */
  | { kind: 'skipped'; why: 'no-access' | 'not-yet' };

export type HealthStatus =
  'ready' | 'building' | 'starting' | 'degraded' | 'failed' | 'unreachable' | 'scaled-down';

export interface Health {
  status: HealthStatus;
  sentence: string;
  /** The PatternFly colour that fits the status. */
  severity: 'success' | 'info' | 'warning' | 'danger' | 'custom';
}

/** Probe, pods, Route admission and build state → one status with a sentence a person can act on. */
export const cacheHealth = (instance: CacheInstance, probe: ProbeOutcome, t: TFunction): Health => {
  const { pods, build } = instance;
  if (pods.desired === 0) {
    return {
      status: 'scaled-down',
      severity: 'custom',
      sentence: t('Scaled to zero: no pod serves the cache.'),
    };
  }
  if (build.state === 'failed' && pods.ready === 0) {
    return {
      status: 'failed',
      severity: 'danger',
      sentence: t(
        'Failed: the image build {{build}} failed. Look at its log, fix the cause and start a new build.',
        { build: build.name ?? '' },
      ),
    };
  }
  if (pods.ready === 0) {
    if (
      instance.builtInCluster &&
      (build.state === 'none' || build.state === 'pending' || build.state === 'running')
    ) {
      return {
        status: 'building',
        severity: 'info',
        sentence: t('Starting: waiting for the first build.'),
      };
    }
    if (pods.waitingReason && /BackOff|Err|OOM/i.test(pods.waitingReason)) {
      return {
        status: 'failed',
        severity: 'danger',
        sentence: t('Failed: the pod cannot start ({{reason}}).', { reason: pods.waitingReason }),
      };
    }
    return {
      status: 'starting',
      severity: 'info',
      sentence: t('Starting: waiting for the pod to be ready.'),
    };
  }
  const routeProblem =
    instance.externalUrlProblem &&
    instance.externalUrlProblem.reason !== 'NoRoute' &&
    instance.externalUrlProblem.reason !== 'Pending';
  // The files route of a schema-2 cache is gone: pip outside reads pages but downloads nothing.
  if (
    instance.externalUrlProblem?.reason === 'FilesRouteMissing' &&
    (probe.kind === 'answered' || probe.kind === 'skipped')
  ) {
    return {
      status: 'degraded',
      severity: 'warning',
      sentence: t(
        'Degraded: the route that publishes the package files is missing. Open Edit settings and save to create it again.',
      ),
    };
  }
  switch (probe.kind) {
    case 'answered':
      if (routeProblem) {
        return {
          status: 'degraded',
          severity: 'warning',
          sentence: t(
            'Degraded: the cache answers inside the cluster, but its route is not admitted ({{reason}}).',
            {
              reason: instance.externalUrlProblem?.reason ?? '',
            },
          ),
        };
      }
      return {
        status: 'ready',
        severity: 'success',
        sentence: t('Ready — answered in {{ms}} ms.', { ms: probe.latencyMs }),
      };
    case 'timeout':
      return {
        status: 'unreachable',
        severity: 'danger',
        sentence: t('Unreachable: the service proxy timed out.'),
      };
    case 'http-error':
      return {
        status: 'unreachable',
        severity: 'danger',
        sentence: t('Unreachable: the service proxy answered {{status}} ({{message}}).', {
          status: probe.status,
          message: probe.message,
        }),
      };
    case 'not-devpi':
      return {
        status: 'unreachable',
        severity: 'danger',
        sentence: t('Unreachable: something that is not devpi answered on the service.'),
      };
    case 'network-error':
      return {
        status: 'unreachable',
        severity: 'danger',
        sentence: t('Unreachable: {{message}}', { message: probe.message }),
      };
    case 'skipped':
      if (routeProblem) {
        return {
          status: 'degraded',
          severity: 'warning',
          sentence: t('Degraded: the pod is ready, but its route is not admitted ({{reason}}).', {
            reason: instance.externalUrlProblem?.reason ?? '',
          }),
        };
      }
      return {
        status: 'ready',
        severity: 'success',
        sentence:
          probe.why === 'no-access'
            ? t(
                'Ready (pod readiness only): you may not use the service proxy, so devpi itself was not asked.',
              )
            : t('Ready (pod readiness only): devpi has not been asked yet.'),
      };
  }
};
