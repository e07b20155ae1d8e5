import { cacheRoutes, type CacheObjects } from './cache-resources';
import {
  ANNOTATION_VALUES,
  type TFunction,
  type Build,
  type BuildConfig,
  type Deployment,
  type PersistentVolumeClaim,
  type Pod,
  type Route,
  type Service,
  externalIndexUrl,
  internalIndexUrl,
  isNarrowedRoute,
  routeAdmission,
} from '../shared';
import { podRestarts, type PodRestarts } from './pod-restarts';
import { fromValuesAnnotation, defaultValues, type PipCacheValues } from '../cache';

/** The watched objects of one cache, as the watch hooks deliver them. */
export interface CacheResources {
  deployment: Deployment;
  service?: Service;
  /** The Route `N`: the simple pages, and the external index URL's host. */
  route?: Route;
  /** The Route `N-files`: the package files, on the same host. */
  filesRoute?: Route;
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
  /**
   * Why there is no external URL: no Route, the router's reason (HostAlreadyClaimed …) for
   * either Route, or `FilesRouteMissing` (the Route `N-files` is gone, so pip could read the
   * simple pages but download no file).
   */
  externalUrlProblem?: { reason: string; message?: string };
  /**
   * True for a cache of contract schema 1: one Route publishes all of `/root/pypi`. pip works
   * through it; the next edit or upgrade narrows it and adds `N-files`.
   */
  routeWiderThanNeeded: boolean;
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

/**
 * The external URL of a cache's Routes, or why there is none. Both Routes must be admitted: the
 * simple pages without the files route (or the reverse) give pip nothing it can install. A
 * schema-1 Route (path `/root/pypi` or wider) alone still serves everything pip needs.
 */
export const externalAccess = (
  route: Route | undefined,
  filesRoute: Route | undefined,
): Pick<CacheInstance, 'externalUrl' | 'externalUrlProblem' | 'routeWiderThanNeeded'> => {
  if (!route) return { externalUrlProblem: { reason: 'NoRoute' }, routeWiderThanNeeded: false };
  const narrowed = isNarrowedRoute(route);
  const problem = (admission: ReturnType<typeof routeAdmission>) =>
    admission.admitted ? undefined : { reason: admission.reason, message: admission.message };
  const mainProblem = problem(routeAdmission(route));
  if (mainProblem) return { externalUrlProblem: mainProblem, routeWiderThanNeeded: !narrowed };
  if (filesRoute) {
    const filesProblem = problem(routeAdmission(filesRoute));
    if (filesProblem) return { externalUrlProblem: filesProblem, routeWiderThanNeeded: !narrowed };
  } else if (narrowed) {
    return { externalUrlProblem: { reason: 'FilesRouteMissing' }, routeWiderThanNeeded: false };
  }
  return { externalUrl: externalIndexUrl(route), routeWiderThanNeeded: !narrowed };
};

/** Derives what the UI shows about a cache from its objects. */
export const toInstanceView = (resources: CacheResources): CacheInstance => {
  const { deployment, route, filesRoute, pvc, buildConfig } = resources;
  const name = deployment.metadata?.name ?? '';
  const namespace = deployment.metadata?.namespace ?? '';
  const build = latestBuild(resources.builds);
  const claim = deployment.spec?.template.spec?.volumes?.find(
    (volume) => volume.name === 'data',
  )?.persistentVolumeClaim;
  return {
    name,
    namespace,
    created: deployment.metadata?.creationTimestamp,
    ...externalAccess(route, filesRoute),
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
        ...cacheRoutes(cache),
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
    case 'FilesRouteMissing':
      return t(
        'The route that publishes the package files is missing, so pip outside the cluster finds packages but cannot download them. Open Edit settings and save to create it again.',
      );
    default:
      return t('Route not admitted: {{reason}}', { reason: problem.message ?? problem.reason });
  }
};
