import type { CacheObjects } from './cache-resources';
import { ANNOTATION_VALUES } from './contract';
import type { TFunction } from './i18n';
import type {
  Build,
  BuildConfig,
  Deployment,
  PersistentVolumeClaim,
  Pod,
  Route,
  Service,
} from './k8s-types';
import { podRestarts, type PodRestarts } from './pod-restarts';
import { externalIndexUrl, internalIndexUrl, routeAdmission } from './urls';
import { fromValuesAnnotation } from './values-annotation';
import { defaultValues, type PipCacheValues } from './values';

/** The watched objects of one cache, as the watch hooks deliver them. */
export interface CacheResources {
  deployment: Deployment;
  service?: Service;
  route?: Route;
  pvc?: PersistentVolumeClaim;
  buildConfig?: BuildConfig;
  builds?: Build[];
  pods?: Pod[];
}

export type BuildState = 'none' | 'pending' | 'running' | 'complete' | 'failed';

/** What the UI shows about a cache, derived from its objects alone (no probe). */
export interface CacheInstance {
  name: string;
  namespace: string;
  created?: string;
  externalUrl?: string;
  /** Why there is no external URL: no Route, or the router's reason (HostAlreadyClaimed …). */
  externalUrlProblem?: { reason: string; message?: string };
  internalUrl: string;
  storage: {
    kind: 'persistent' | 'ephemeral';
    size?: string;
    storageClass?: string;
    bound?: boolean;
  };
  build: { state: BuildState; name?: string; message?: string };
  pods: { ready: number; desired: number; waitingReason?: string };
  /** Restarts of devpi and how the last run ended (OOMKilled …), when it restarted at all. */
  restarts?: PodRestarts;
  /** The devpi container's memory limit as the Deployment has it. */
  memoryLimit?: string;
  /** The values that made the cache, when its annotation is readable. */
  values?: PipCacheValues;
  /** Whether the cache's image is built in the cluster. */
  builtInCluster: boolean;
}

/** The number OpenShift gives each build of a BuildConfig (0 when it has none). */
const buildNumber = (build: Build): number =>
  Number(build.metadata.annotations?.['openshift.io/build.number'] ?? 0);

/** The newest build of a list (by build number, then creation time). */
export const latestBuild = (builds: readonly Build[] = []): Build | undefined =>
  [...builds].sort(
    (a, b) =>
      buildNumber(b) - buildNumber(a) ||
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
  )[0];

const buildState = (build: Build | undefined): BuildState => {
  switch (build?.status?.phase) {
    case undefined:
      return 'none';
    case 'New':
    case 'Pending':
      return 'pending';
    case 'Running':
      return 'running';
    case 'Complete':
      return 'complete';
    default:
      return 'failed';
  }
};

const podWaitingReason = (pods: readonly Pod[] = []): string | undefined => {
  for (const pod of pods) {
    for (const status of pod.status?.containerStatuses ?? []) {
      const reason = status.state?.waiting?.reason ?? status.lastState?.terminated?.reason;
      if (reason && !status.ready) return reason;
    }
  }
  return undefined;
};

const quantityText = (quantity: string | number | undefined): string | undefined =>
  quantity === undefined ? undefined : String(quantity);

/** Derives what the UI shows about a cache from its objects. */
export const toInstanceView = (resources: CacheResources): CacheInstance => {
  const { deployment, route, pvc, buildConfig } = resources;
  const name = deployment.metadata?.name ?? '';
  const namespace = deployment.metadata?.namespace ?? '';
  const build = latestBuild(resources.builds);
  const claim = deployment.spec?.template.spec?.volumes?.find(
    (volume) => volume.name === 'data',
  )?.persistentVolumeClaim;
  const admission = route ? routeAdmission(route) : undefined;
  return {
    name,
    namespace,
    created: deployment.metadata?.creationTimestamp,
    externalUrl: route ? externalIndexUrl(route) : undefined,
    externalUrlProblem: !route
      ? { reason: 'NoRoute' }
      : admission && !admission.admitted
        ? { reason: admission.reason, message: admission.message }
        : undefined,
    internalUrl: internalIndexUrl(name, namespace),
    storage: claim
      ? {
          kind: 'persistent',
          size: quantityText(
            pvc?.status?.capacity?.storage ?? pvc?.spec?.resources?.requests?.storage,
          ),
          storageClass: pvc?.spec?.storageClassName,
          bound: pvc?.status?.phase === 'Bound',
        }
      : { kind: 'ephemeral' },
    build: {
      state: buildState(build),
      name: build?.metadata.name,
      message: build?.status?.message,
    },
    pods: {
      ready: deployment.status?.readyReplicas ?? 0,
      desired: deployment.spec?.replicas ?? 1,
      waitingReason: podWaitingReason(resources.pods),
    },
    restarts: podRestarts(resources.pods),
    memoryLimit: quantityText(
      (
        deployment.spec?.template.spec?.containers.find((c) => c.name === 'devpi') ??
        deployment.spec?.template.spec?.containers[0]
      )?.resources?.limits?.memory,
    ),
    values: fromValuesAnnotation(
      deployment.metadata?.annotations?.[ANNOTATION_VALUES],
      defaultValues(),
    ),
    builtInCluster: buildConfig !== undefined,
  };
};

/** The instance view of one cache's watched objects, or undefined without its Deployment. */
export const toCacheInstance = (cache: CacheObjects): CacheInstance | undefined => {
  const [deployment] = cache.deployments;
  return deployment
    ? toInstanceView({
        deployment,
        service: cache.services[0],
        route: cache.routes[0],
        pvc: cache.pvcs[0],
        buildConfig: cache.buildConfigs[0],
        builds: cache.builds,
        pods: cache.pods,
      })
    : undefined;
};

/** A sentence for the reason a Route is not admitted, or why there is no external URL. */
export const externalUrlProblemText = (
  problem: { reason: string; message?: string },
  t: TFunction,
): string => {
  switch (problem.reason) {
    case 'NoRoute':
      return t('This cache has no route: it is reachable inside the cluster only.');
    case 'Pending':
      return t('Waiting for the router to admit the route.');
    case 'HostAlreadyClaimed':
      return t('Route not admitted: another route already claims this host. Choose another host.');
    case 'InvalidHost':
      return t('Route not admitted: the host is not valid. Choose another host.');
    default:
      return t('Route not admitted: {{reason}}', { reason: problem.message ?? problem.reason });
  }
};
