import { pointerSegment, type PatchOperation } from './buildconfig-patch';
import { ANNOTATION_VALUES } from './contract';
import type { BuildConfig, Container, Deployment, EnvVar, Route } from './k8s-types';
import { resourcesOf, routeManifest } from './manifests';
import { DEVPI_COMMAND } from './start-script';
import { isNarrowedRoute, SIMPLE_ROUTE_PATH } from './urls';
import { MALLOC_ARENA_ENV } from './sizing';
import { readValuesAnnotation, toValuesAnnotation } from './values-annotation';
import type { RecordProblem } from './record-schema';
import { defaultValues, toMap, toRows, type PipCacheValues } from './values';

/** The live objects an edit may change. */
export interface EditableObjects {
  deployment: Deployment;
  buildConfig?: BuildConfig;
  route?: Route;
  /** The Route `N-files`; missing on a cache of contract schema 1. */
  filesRoute?: Route;
}

/** The kinds an edit patches, in the order they are applied (the values annotation last). */
export type EditedKind = 'BuildConfig' | 'Route' | 'Deployment' | 'ConfigMap';

/**
 * One guarded JSON patch for one object, or, with `create`, one object to create (its
 * `operations` are then empty): the Route `N-files` that a cache of schema 1 lacks.
 */
export interface ObjectPatch {
  kind: EditedKind;
  name: string;
  operations: PatchOperation[];
  create?: Route;
}

/** The route annotation that restricts who may reach a Route. */
export const ALLOW_LIST_ANNOTATION = 'haproxy.router.openshift.io/ip_whitelist';

/** The name of the devpi container in the pod template (the manifests name it so). */
export const DEVPI_CONTAINER = 'devpi';

/** The environment variables the devpi options are carried in (the start script reads them). */
const DEVPI_OPTION_ENV = [
  'DEVPI_MIRROR_URL',
  'DEVPI_MIRROR_CACHE_EXPIRY',
  'DEVPI_REQUEST_TIMEOUT',
  'DEVPI_OFFLINE',
] as const;

type DevpiOptionEnv = (typeof DEVPI_OPTION_ENV)[number];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const devpiContainerIndex = (deployment: Deployment): number => {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const index = containers.findIndex((container) => container.name === DEVPI_CONTAINER);
  return index >= 0 ? index : 0;
};

const devpiContainer = (deployment: Deployment): Container | undefined =>
  deployment.spec?.template.spec?.containers[devpiContainerIndex(deployment)];

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

const guard = (resourceVersion: string | undefined): PatchOperation[] =>
  resourceVersion
    ? [{ op: 'test', path: '/metadata/resourceVersion', value: resourceVersion }]
    : [];

/** What is wrong with the Deployment's values annotation; undefined when it is readable or missing. */
export const valuesProblems = (deployment: Deployment): RecordProblem[] | undefined => {
  const read = readValuesAnnotation(
    deployment.metadata?.annotations?.[ANNOTATION_VALUES],
    defaultValues(),
  );
  return read.state === 'damaged' ? read.problems : undefined;
};

/**
 * Whether the Deployment's values annotation is damaged: an edit then writes a fresh one, rebuilt
 * from the values it starts from and the user's validated changes, even when nothing else changed.
 */
export const hasDamagedValues = (deployment: Deployment): boolean =>
  valuesProblems(deployment) !== undefined;

/** True when the devpi container runs another start script than this plugin version writes. */
export const hasStaleStartScript = (deployment: Deployment): boolean => {
  const container = devpiContainer(deployment);
  return container !== undefined && !same(container.command, DEVPI_COMMAND);
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
 * Whether a cache's Routes differ from contract schema 2: the route `N` publishes more than the
 * simple pages (schema 1: all of `/root/pypi`), or the route `N-files` is missing. The next
 * edit (or upgrade) creates `N-files` first and then narrows `N`.
 */
export const needsRouteSplit = (objects: EditableObjects): boolean =>
  objects.route !== undefined && (!objects.filesRoute || !isNarrowedRoute(objects.route));

/**
 * The Route `N-files` for a cache's live Route `N`: rebuilt from the plugin's own rules with
 * the values an edit ends with, on the host `N` has now (a generated one included).
 */
export const filesRouteFor = (route: Route, namespace: string, values: PipCacheValues): Route =>
  routeManifest(
    { ...values, route: { ...values.route, host: route.spec.host ?? values.route.host } },
    namespace,
    'files',
  );

/**
 * The steps that bring a cache's Routes to contract schema 2 on their own (an upgrade makes
 * them): create `N-files` on the host of `N` with the route settings `N` has now, then narrow
 * `N`, guarded by its resourceVersion. Empty when the Routes already are so, or there is none.
 */
export const routeSplitPatches = (objects: EditableObjects): ObjectPatch[] => {
  const { route, filesRoute, deployment } = objects;
  if (!route || !needsRouteSplit(objects)) return [];
  const patches: ObjectPatch[] = [];
  if (!filesRoute) {
    const values = editStartValues(objects, defaultValues());
    const create = filesRouteFor(route, deployment.metadata?.namespace ?? '', values);
    patches.push({ kind: 'Route', name: create.metadata.name ?? '', operations: [], create });
  }
  const narrowing = narrowingOperations(route);
  if (narrowing.length) {
    patches.push({
      kind: 'Route',
      name: route.metadata.name ?? '',
      operations: [...guard(route.metadata.resourceVersion), ...narrowing],
    });
  }
  return patches;
};

/** Narrows the route `N` to the simple pages; nothing when it already is. */
const narrowingOperations = (route: Route): PatchOperation[] =>
  isNarrowedRoute(route) ? [] : [{ op: 'add', path: '/spec/path', value: SIMPLE_ROUTE_PATH }];

/** Only the fields an edit may change are taken from `after`; the rest stay as they were. */
export const editedValues = (before: PipCacheValues, after: PipCacheValues): PipCacheValues => ({
  ...before,
  resources: after.resources,
  placement: after.placement,
  route: {
    ...before.route,
    insecureEdgeTermination: after.route.insecureEdgeTermination,
    allowedCidrs: after.route.allowedCidrs,
  },
  devpi: {
    ...before.devpi,
    upstreamUrl: after.devpi.upstreamUrl,
    cacheExpiry: after.devpi.cacheExpiry,
    requestTimeout: after.devpi.requestTimeout,
    offline: after.devpi.offline,
  },
});

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

const envValue = (env: readonly EnvVar[] | undefined, name: string): string =>
  env?.find((entry) => entry.name === name)?.value ?? '';

const quantity = (value: string | number | undefined): string =>
  value === undefined ? '' : String(value);

/**
 * The editable values as the live objects have them, over a base (the values annotation when
 * it is readable, otherwise defaults): what an edit starts from, so that it never undoes a
 * change made outside the plugin without the user seeing it.
 */
export const valuesFromObjects = (
  objects: EditableObjects,
  base: PipCacheValues,
): PipCacheValues => {
  const { deployment, buildConfig, route } = objects;
  const container = devpiContainer(deployment);
  const resources = container?.resources;
  const env = container?.env;
  const policy = route?.spec.tls?.insecureEdgeTerminationPolicy;
  return {
    ...base,
    name: deployment.metadata?.name ?? base.name,
    resources: {
      memoryRequest: quantity(resources?.requests?.memory),
      memoryLimit: quantity(resources?.limits?.memory),
      cpuRequest: quantity(resources?.requests?.cpu),
      cpuLimit: quantity(resources?.limits?.cpu),
    },
    placement: {
      build: buildConfig ? toRows(buildConfig.spec.nodeSelector) : base.placement.build,
      pods: toRows(deployment.spec?.template.spec?.nodeSelector),
    },
    route: {
      ...base.route,
      enabled: route !== undefined,
      host: route?.spec.host ?? base.route.host,
      insecureEdgeTermination:
        policy === 'Allow' || policy === 'Redirect' ? policy : base.route.insecureEdgeTermination,
      allowedCidrs: route?.metadata.annotations?.[ALLOW_LIST_ANNOTATION] ?? '',
    },
    devpi: {
      ...base.devpi,
      upstreamUrl: envValue(env, 'DEVPI_MIRROR_URL'),
      cacheExpiry: envValue(env, 'DEVPI_MIRROR_CACHE_EXPIRY'),
      requestTimeout: envValue(env, 'DEVPI_REQUEST_TIMEOUT'),
      offline: envValue(env, 'DEVPI_OFFLINE') === 'true',
    },
  };
};

/** The fields an edit may change, as field paths of the values (and of validation errors). */
export const EDITABLE_FIELDS = [
  'resources.memoryRequest',
  'resources.memoryLimit',
  'resources.cpuRequest',
  'resources.cpuLimit',
  'placement.pods',
  'placement.build',
  'route.insecureEdgeTermination',
  'route.allowedCidrs',
  'devpi.upstreamUrl',
  'devpi.cacheExpiry',
  'devpi.requestTimeout',
  'devpi.offline',
] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];

const fieldValue = (values: PipCacheValues, field: EditableField): unknown => {
  const [section = '', key = ''] = field.split('.');
  const group = (values as unknown as Record<string, Record<string, unknown>>)[section];
  return group?.[key];
};

/** The editable fields whose values differ between `a` and `b`. */
export const changedFields = (a: PipCacheValues, b: PipCacheValues): EditableField[] =>
  EDITABLE_FIELDS.filter((field) => !same(fieldValue(a, field), fieldValue(b, field)));

/**
 * After a conflict: the user's edit laid over the values read again. Fields the user changed
 * keep the user's value; every other field takes the current one, so that saving again never
 * quietly undoes what someone else changed meanwhile.
 */
export const rebaseEdit = (
  before: PipCacheValues,
  edited: PipCacheValues,
  current: PipCacheValues,
): PipCacheValues => {
  const mine = new Set(changedFields(before, edited));
  const result = structuredClone(current);
  for (const field of mine) {
    const [section = '', key = ''] = field.split('.');
    const group = (result as unknown as Record<string, Record<string, unknown>>)[section];
    if (group) group[key] = structuredClone(fieldValue(edited, field));
  }
  return result;
};

/**
 * Where an edit starts: the values annotation (or defaults) for everything an edit does not
 * change, and the live objects for what it does. The live objects win because they are what
 * runs: after a change made outside the plugin (`oc edit`), the annotation is out of date.
 */
export const editStartValues = (objects: EditableObjects, base: PipCacheValues): PipCacheValues => {
  const read = readValuesAnnotation(
    objects.deployment.metadata?.annotations?.[ANNOTATION_VALUES],
    base,
  );
  if (read.state === 'ok') return valuesFromObjects(objects, read.record);
  // Missing or damaged: nothing of the record is used. The storage kind is read from the pod
  // template, so that the annotation an edit writes does not claim storage the cache lacks.
  const persistent = objects.deployment.spec?.template.spec?.volumes?.some(
    (volume) => volume.name === 'data' && volume.persistentVolumeClaim,
  );
  return valuesFromObjects(objects, {
    ...base,
    storage: { ...base.storage, kind: persistent ? 'persistent' : 'ephemeral' },
  });
};
