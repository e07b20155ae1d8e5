import type { TFunction, Deployment } from '../shared';

/**
 * The console's health states (the SDK's `HealthState` enum values) that the Status card item
 * uses. The model spells them as strings because it may not import the SDK at run time; the
 * exposed handler maps them onto the enum.
 */
export type DashboardHealthState = 'OK' | 'WARNING' | 'ERROR' | 'LOADING' | 'NOT_AVAILABLE';

/** What the Status card shows for the caches: one state and one sentence. */
export interface DashboardHealth {
  state: DashboardHealthState;
  message: string;
}

/** How a cache's anchor Deployment stands, from the Deployment alone (no pods, no probe). */
export type DeploymentCacheState = 'ready' | 'not-ready' | 'degraded' | 'failed' | 'scaled-down';

/** One cache in the summary, for the popup's list. */
export interface CacheDeploymentState {
  name: string;
  namespace: string;
  state: DeploymentCacheState;
}

/** The watch result of the anchor Deployments, as `useK8sWatchResources` hands it over. */
export interface CacheDeploymentsResult {
  data?: unknown;
  loaded: boolean;
  loadError?: unknown;
}

const condition = (deployment: Deployment, type: string) =>
  deployment.status?.conditions?.find((c) => c.type === type);

/** Classifies one anchor Deployment by its replicas and conditions. */
export const deploymentCacheState = (deployment: Deployment): DeploymentCacheState => {
  const desired = deployment.spec?.replicas ?? 1;
  const ready = deployment.status?.readyReplicas ?? 0;
  if (desired === 0) return 'scaled-down';
  // The rollout controller gives up (ProgressDeadlineExceeded) or cannot make pods (quota,
  // admission): waiting longer will not help, so this is a failure, whatever is still ready.
  if (
    condition(deployment, 'Progressing')?.status === 'False' ||
    condition(deployment, 'ReplicaFailure')?.status === 'True'
  ) {
    return 'failed';
  }
  if (ready >= desired) return 'ready';
  return ready > 0 ? 'degraded' : 'not-ready';
};

const isDeploymentList = (data: unknown): data is Deployment[] => Array.isArray(data);

/** Every cache of the watch result with its state, problems first, then by project and name. */
export const cacheDeploymentStates = (result: CacheDeploymentsResult): CacheDeploymentState[] => {
  const order: Record<DeploymentCacheState, number> = {
    failed: 0,
    'not-ready': 1,
    degraded: 2,
    'scaled-down': 3,
    ready: 4,
  };
  const deployments = isDeploymentList(result.data) ? result.data : [];
  return deployments
    .map((deployment) => ({
      name: deployment.metadata?.name ?? '',
      namespace: deployment.metadata?.namespace ?? '',
      state: deploymentCacheState(deployment),
    }))
    .sort(
      (a, b) =>
        order[a.state] - order[b.state] ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
};

const statusCode = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; json?: { code?: unknown } };
  const code = record.json?.code ?? record.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * The Status card's health of every cache the user can see, from the watch of the anchor
 * Deployments in all projects: failures make it an error, caches that are not (fully) ready a
 * warning, and the sentence counts them.
 */
export const cachesDashboardHealth = (
  resources: { deployments?: CacheDeploymentsResult },
  t: TFunction,
): DashboardHealth => {
  const result = resources.deployments ?? { loaded: false };
  if (result.loadError) {
    return statusCode(result.loadError) === 403
      ? {
          state: 'NOT_AVAILABLE',
          message: t('Not available: you may not list pip caches in every project.'),
        }
      : {
          state: 'NOT_AVAILABLE',
          message: t('Not available: the pip caches could not be loaded.'),
        };
  }
  if (!result.loaded) return { state: 'LOADING', message: t('Loading pip caches') };
  const states = cacheDeploymentStates(result);
  if (states.length === 0) {
    return { state: 'NOT_AVAILABLE', message: t('No pip caches in the cluster') };
  }
  const count = (state: DeploymentCacheState) => states.filter((s) => s.state === state).length;
  const total = states.length;
  const ready = count('ready');
  const failed = count('failed');
  const waiting = count('not-ready') + count('degraded');
  if (failed > 0) {
    return {
      state: 'ERROR',
      message: t('{{failed}} of {{total}} failing, {{ready}} ready', { failed, total, ready }),
    };
  }
  if (waiting > 0) {
    return {
      state: 'WARNING',
      message: t('{{waiting}} of {{total}} not ready, {{ready}} ready', { waiting, total, ready }),
    };
  }
  return {
    state: 'OK',
    message:
      ready === total
        ? t('{{ready}} of {{total}} ready', { ready, total })
        : t('{{ready}} of {{total}} ready, the others scaled to zero', { ready, total }),
  };
};
