import { pointerSegment, type PatchOperation } from '../builds';
import {
  ANNOTATION_VALUES,
  type BuildConfig,
  type Deployment,
  type EnvVar,
  type Route,
} from '../shared';
import {
  ALLOW_LIST_ANNOTATION,
  devpiContainer,
  devpiContainerIndex,
  editedValues,
  hasDamagedValues,
  hasStaleStartScript,
  type EditableObjects,
} from './edit-values';
import { guard, same, type ObjectPatch } from './object-patches';
import { filesRouteFor, narrowingOperations, needsRouteSplit } from './route-split-patches';
import {
  DEVPI_COMMAND,
  MALLOC_ARENA_ENV,
  toValuesAnnotation,
  toMap,
  type PipCacheValues,
  resourcesOf,
} from '../cache';

/** The environment variables the devpi options are carried in (the start script reads them). */
const DEVPI_OPTION_ENV = [
  'DEVPI_MIRROR_URL',
  'DEVPI_MIRROR_CACHE_EXPIRY',
  'DEVPI_REQUEST_TIMEOUT',
  'DEVPI_OFFLINE',
] as const;

type DevpiOptionEnv = (typeof DEVPI_OPTION_ENV)[number];

const desiredOptionEnv = (values: PipCacheValues): Record<DevpiOptionEnv, string> => ({
  DEVPI_MIRROR_URL: values.devpi.upstreamUrl,
  DEVPI_MIRROR_CACHE_EXPIRY: values.devpi.cacheExpiry,
  DEVPI_REQUEST_TIMEOUT: values.devpi.requestTimeout,
  DEVPI_OFFLINE: values.devpi.offline ? 'true' : '',
});

/**
 * The container env with the devpi option variables set as the values say: changed in place,
 * removed when empty, appended when new; the malloc arena cap added when missing; every other
 * variable stays as it is.
 */
export const envWithDevpiOptions = (
  current: readonly EnvVar[],
  values: PipCacheValues,
): EnvVar[] => {
  const desired = desiredOptionEnv(values);
  const isOption = (name: string): name is DevpiOptionEnv =>
    (DEVPI_OPTION_ENV as readonly string[]).includes(name);
  const next: EnvVar[] = [];
  for (const entry of current) {
    if (!isOption(entry.name)) {
      next.push(entry);
    } else if (desired[entry.name]) {
      next.push({ name: entry.name, value: desired[entry.name] });
    }
  }
  for (const name of DEVPI_OPTION_ENV) {
    if (desired[name] && !next.some((entry) => entry.name === name)) {
      next.push({ name, value: desired[name] });
    }
  }
  // Caches created before the arena cap get it with their next edit of the pod.
  if (!next.some((entry) => entry.name === MALLOC_ARENA_ENV.name)) {
    next.push({ ...MALLOC_ARENA_ENV });
  }
  return next;
};

/** Sets or removes a map-valued field: `add` (which also replaces) when non-empty, `remove` when empty and present. */
const mapField = (
  path: string,
  present: boolean,
  map: Record<string, string>,
): PatchOperation[] => {
  if (Object.keys(map).length) return [{ op: 'add', path, value: map }];
  return present ? [{ op: 'remove', path }] : [];
};

const deploymentOperations = (
  deployment: Deployment,
  before: PipCacheValues,
  after: PipCacheValues,
): PatchOperation[] => {
  const operations: PatchOperation[] = [];
  const index = devpiContainerIndex(deployment);
  const container = devpiContainer(deployment);
  const containerPath = `/spec/template/spec/containers/${index}`;
  // A cache made by an earlier plugin version gets the current start script with its next
  // edit (its secrets out of devpi's index config, clean stops, recovering starts).
  const staleCommand = hasStaleStartScript(deployment);
  if (
    container &&
    (staleCommand || !same(before.resources, after.resources) || !same(before.devpi, after.devpi))
  ) {
    // The container is named, so that a container list changed meanwhile is not patched blindly.
    operations.push({ op: 'test', path: `${containerPath}/name`, value: container.name });
  }
  if (container && !same(before.resources, after.resources)) {
    const resources = resourcesOf(after);
    if (!same(container.resources, resources)) {
      operations.push({ op: 'add', path: `${containerPath}/resources`, value: resources });
    }
  }
  if (container && (!same(before.resources, after.resources) || !same(before.devpi, after.devpi))) {
    const env = envWithDevpiOptions(container.env ?? [], after);
    if (!same(container.env ?? [], env)) {
      operations.push({ op: 'add', path: `${containerPath}/env`, value: env });
    }
  }
  if (staleCommand) {
    operations.push({ op: 'add', path: `${containerPath}/command`, value: [...DEVPI_COMMAND] });
  }
  if (!same(before.placement.pods, after.placement.pods)) {
    const current = deployment.spec?.template.spec?.nodeSelector ?? {};
    const next = toMap(after.placement.pods);
    if (!same(current, next)) {
      operations.push(
        ...mapField(
          '/spec/template/spec/nodeSelector',
          deployment.spec?.template.spec?.nodeSelector !== undefined,
          next,
        ),
      );
    }
  }
  return operations.filter((operation) => operation.op !== 'test').length ? operations : [];
};

const buildConfigOperations = (
  buildConfig: BuildConfig,
  before: PipCacheValues,
  after: PipCacheValues,
): PatchOperation[] => {
  if (same(before.placement.build, after.placement.build)) return [];
  const next = toMap(after.placement.build);
  if (same(buildConfig.spec.nodeSelector ?? {}, next)) return [];
  const present =
    buildConfig.spec.nodeSelector !== undefined && buildConfig.spec.nodeSelector !== null;
  return mapField('/spec/nodeSelector', present, next);
};

const routeOperations = (
  route: Route,
  before: PipCacheValues,
  after: PipCacheValues,
): PatchOperation[] => {
  const operations: PatchOperation[] = [];
  if (before.route.insecureEdgeTermination !== after.route.insecureEdgeTermination) {
    const policy = after.route.insecureEdgeTermination;
    if (!route.spec.tls) {
      operations.push({
        op: 'add',
        path: '/spec/tls',
        value: { termination: 'edge', insecureEdgeTerminationPolicy: policy },
      });
    } else if (route.spec.tls.insecureEdgeTerminationPolicy !== policy) {
      operations.push({
        op: 'add',
        path: '/spec/tls/insecureEdgeTerminationPolicy',
        value: policy,
      });
    }
  }
  if (before.route.allowedCidrs !== after.route.allowedCidrs) {
    const cidrs = after.route.allowedCidrs.split(/\s+/).filter(Boolean).join(' ');
    const annotations = route.metadata.annotations;
    const current = annotations?.[ALLOW_LIST_ANNOTATION];
    const path = `/metadata/annotations/${pointerSegment(ALLOW_LIST_ANNOTATION)}`;
    if (cidrs && !annotations) {
      operations.push({
        op: 'add',
        path: '/metadata/annotations',
        value: { [ALLOW_LIST_ANNOTATION]: cidrs },
      });
    } else if (cidrs && current !== cidrs) {
      operations.push({ op: 'add', path, value: cidrs });
    } else if (!cidrs && current !== undefined) {
      operations.push({ op: 'remove', path });
    }
  }
  return operations;
};

/**
 * The guarded JSON patches that take a cache from the values `before` to `after`, computed
 * against the live objects: BuildConfig and Route first, the Deployment (pod template and the
 * values annotation) last. Each begins with a `test` of the resourceVersion it was read at, so
 * a concurrent change fails it instead of being overwritten. Empty when nothing changed.
 */
export const editPatches = (
  objects: EditableObjects,
  before: PipCacheValues,
  requested: PipCacheValues,
): ObjectPatch[] => {
  const after = editedValues(before, requested);
  if (
    same(before, after) &&
    !hasStaleStartScript(objects.deployment) &&
    !hasDamagedValues(objects.deployment) &&
    !needsRouteSplit(objects)
  ) {
    return [];
  }
  const patches: ObjectPatch[] = [];
  const { deployment, buildConfig, route, filesRoute } = objects;
  if (buildConfig) {
    const operations = buildConfigOperations(buildConfig, before, after);
    if (operations.length) {
      patches.push({
        kind: 'BuildConfig',
        name: buildConfig.metadata.name ?? '',
        operations: [...guard(buildConfig.metadata.resourceVersion), ...operations],
      });
    }
  }
  if (route && after.route.enabled) {
    // The files route is created before the route N is narrowed, so that pip outside the
    // cluster can always download what the simple pages link to.
    if (!filesRoute) {
      const create = filesRouteFor(route, deployment.metadata?.namespace ?? '', after);
      patches.push({ kind: 'Route', name: create.metadata.name ?? '', operations: [], create });
    }
    const operations = [...routeOperations(route, before, after), ...narrowingOperations(route)];
    if (operations.length) {
      patches.push({
        kind: 'Route',
        name: route.metadata.name ?? '',
        operations: [...guard(route.metadata.resourceVersion), ...operations],
      });
    }
    const filesOperations = filesRoute ? routeOperations(filesRoute, before, after) : [];
    if (filesRoute && filesOperations.length) {
      patches.push({
        kind: 'Route',
        name: filesRoute.metadata.name ?? '',
        operations: [...guard(filesRoute.metadata.resourceVersion), ...filesOperations],
      });
    }
  }
  const annotation = toValuesAnnotation(after);
  const annotations = deployment.metadata?.annotations;
  const annotationOperation: PatchOperation = annotations
    ? {
        op: 'add',
        path: `/metadata/annotations/${pointerSegment(ANNOTATION_VALUES)}`,
        value: annotation,
      }
    : { op: 'add', path: '/metadata/annotations', value: { [ANNOTATION_VALUES]: annotation } };
  patches.push({
    kind: 'Deployment',
    name: deployment.metadata?.name ?? '',
    operations: [
      ...guard(deployment.metadata?.resourceVersion),
      ...deploymentOperations(deployment, before, after),
      annotationOperation,
    ],
  });
  return patches;
};
