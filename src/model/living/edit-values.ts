import {
  ANNOTATION_VALUES,
  type BuildConfig,
  type Container,
  type Deployment,
  type EnvVar,
  type Route,
  type RecordProblem,
} from '../shared';
import { same } from './object-patches';
import {
  DEVPI_COMMAND,
  readValuesAnnotation,
  defaultValues,
  toRows,
  type PipCacheValues,
} from '../cache';

/** The live objects an edit may change. */
export interface EditableObjects {
  deployment: Deployment;
  buildConfig?: BuildConfig;
  route?: Route;
  /** The Route `N-files`; missing on a cache of contract schema 1. */
  filesRoute?: Route;
}

/** The route annotation that restricts who may reach a Route. */
export const ALLOW_LIST_ANNOTATION = 'haproxy.router.openshift.io/ip_whitelist';

/** The name of the devpi container in the pod template (the manifests name it so). */
export const DEVPI_CONTAINER = 'devpi';

/** The index of the devpi container in the pod template; the first when none is named so. */
export const devpiContainerIndex = (deployment: Deployment): number => {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const index = containers.findIndex((container) => container.name === DEVPI_CONTAINER);
  return index >= 0 ? index : 0;
};

/** The devpi container of the pod template, if the Deployment has containers at all. */
export const devpiContainer = (deployment: Deployment): Container | undefined =>
  deployment.spec?.template.spec?.containers[devpiContainerIndex(deployment)];

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
