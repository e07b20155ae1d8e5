import { pointerSegment, type PatchOperation } from './buildconfig-patch';
import { ANNOTATION_MIGRATION, LABEL_MANAGED_BY, MANAGED_BY } from './contract';
import type { CacheManifest } from './manifests';
import type { BuildConfig, ImageStream, PersistentVolumeClaim, Route, Service } from './k8s-types';
import { parseQuantity } from './quantity';
import { filesRouteName } from './urls';
import { templateCacheOf, type DeploymentConfigLike } from './template-caches';
import type { TFunction } from './i18n';
import { defaultValues, toRows, type BuildStrategyKind, type PipCacheValues } from './values';
import { MAX_VALUES_CHARS, readValuesAnnotation } from './values-annotation';
import { object, oneOf, readRecord, text, UID, type RecordRead } from './record-schema';

/** A DeploymentConfig of the original templates, as far as migrating needs it. */
export interface TemplateDeploymentConfig extends DeploymentConfigLike {
  apiVersion?: string;
  kind?: string;
  metadata?: DeploymentConfigLike['metadata'] & {
    uid?: string;
    resourceVersion?: string;
    annotations?: Record<string, string>;
  };
  spec?: DeploymentConfigLike['spec'] & {
    template?: { spec?: { nodeSelector?: Record<string, string> } };
  };
}

/** The objects the original templates made for one cache (each absent when it is not there). */
export interface TemplateObjects {
  deploymentConfig: TemplateDeploymentConfig;
  service?: Service;
  route?: Route;
  imageStream?: ImageStream;
  buildConfig?: BuildConfig;
  claim?: PersistentVolumeClaim;
}

/** Kinds whose template-made object shares its name with the new cache's object. */
export type ReplacedKind = 'Service' | 'Route' | 'ImageStream' | 'BuildConfig';

/** The steps of a migration, in order; each can run again after a failure half way. */
export const MIGRATION_STEPS = [
  'create',
  'record',
  'build',
  'wait-image',
  'scale-down',
  'claim',
  'deploy',
  'wait-ready',
  'switch',
  'remove-old',
] as const;
export type MigrationStep = (typeof MIGRATION_STEPS)[number];

/**
 * What becomes of the templates' claim `<name>-data`: `keep` mounts it in the new cache, `replace`
 * deletes it once the old pod has stopped and creates a new one, `drop` deletes it at the end
 * (the new cache is ephemeral), `none` when the templates made no claim.
 */
export type ClaimPlan = 'keep' | 'replace' | 'drop' | 'none';

/** What the migration annotation records: enough to finish from any step without the form. */
export interface MigrationRecord {
  /** The new cache's form values as the values annotation has them (no secrets). */
  values: string;
  claim: ClaimPlan;
  /** Uids of the template-made objects: only these are replaced or deleted. */
  uids: Partial<Record<ReplacedKind | 'PersistentVolumeClaim', string>>;
}

/** Whether an object was made by the original templates (labels of the resource contract). */
export const isTemplateMade = (object: { metadata?: { labels?: Record<string, string> } }) => {
  const labels = object.metadata?.labels ?? {};
  return (
    labels.app === 'pipcache' &&
    (labels.template === 'pipcache-ephemeral' || labels.template === 'pipcache-persistent')
  );
};

/** Whether an object is the plugin's (it was already replaced by an earlier run). */
export const isPluginMade = (object: { metadata?: { labels?: Record<string, string> } }) =>
  object.metadata?.labels?.[LABEL_MANAGED_BY] === MANAGED_BY;

const atLeast = (quantity: string | undefined, floor: string): string => {
  const given = quantity ? parseQuantity(quantity) : undefined;
  const least = parseQuantity(floor);
  return quantity && given !== undefined && least !== undefined && given >= least
    ? quantity
    : floor;
};

/**
 * Form values for the cache that replaces a template-made one: its name, node selectors, CPU
 * limit, route host and http policy and, for a persistent one, its claim's size and class.
 * The memory limit is raised to at least the new default (devpi 6 needs about 600 MB at its
 * first start; the templates' 256Mi is OOM-killed), and the image is built in the cluster from
 * a pinned devpi-server, because the templates' git source no longer starts.
 */
export const migrationValues = (base: PipCacheValues, objects: TemplateObjects): PipCacheValues => {
  const cache = templateCacheOf(objects.deploymentConfig);
  const claimSize = objects.claim?.spec?.resources?.requests?.storage;
  const persistent = objects.claim !== undefined;
  const route = objects.route;
  const cpuLimit = cache?.cpuLimit ?? base.resources.cpuLimit;
  return {
    ...base,
    name: cache?.name ?? base.name,
    // The templates' DATA_VOLUME carries over as the data folder, a choice the user made there.
    storage: persistent
      ? {
          ...base.storage,
          dataPath: cache?.dataVolume ?? base.storage.dataPath,
          kind: 'persistent',
          size: typeof claimSize === 'string' ? claimSize : base.storage.size,
          storageClass: objects.claim?.spec?.storageClassName ?? '',
        }
      : {
          ...base.storage,
          dataPath: cache?.dataVolume ?? base.storage.dataPath,
          kind: 'ephemeral',
        },
    resources: {
      ...base.resources,
      memoryLimit: atLeast(cache?.memoryLimit, base.resources.memoryLimit),
      cpuLimit: typeof cpuLimit === 'string' ? cpuLimit : base.resources.cpuLimit,
    },
    placement: {
      build: toRows(objects.buildConfig?.spec.nodeSelector ?? undefined),
      pods: toRows(objects.deploymentConfig.spec?.template?.spec?.nodeSelector),
    },
    route: route
      ? {
          ...base.route,
          enabled: true,
          host: route.spec.host ?? '',
          insecureEdgeTermination:
            route.spec.tls?.insecureEdgeTerminationPolicy === 'Allow' ? 'Allow' : 'Redirect',
        }
      : { ...base.route, enabled: false },
  };
};

/** The claim plans a migration may offer: those with a claim when the templates made one. */
export const claimPlans = (objects: TemplateObjects): ClaimPlan[] =>
  objects.claim ? ['replace', 'keep', 'drop'] : ['none'];

/** The storage values a claim plan implies, over the form's current ones. */
export const storageForPlan = (
  storage: PipCacheValues['storage'],
  plan: ClaimPlan,
  objects: TemplateObjects,
): PipCacheValues['storage'] => {
  if (plan === 'drop') return { ...storage, kind: 'ephemeral' };
  if (plan === 'keep') {
    const size = objects.claim?.spec?.resources?.requests?.storage;
    return {
      ...storage,
      kind: 'persistent',
      size: typeof size === 'string' ? size : storage.size,
      storageClass: objects.claim?.spec?.storageClassName ?? '',
    };
  }
  return plan === 'replace' ? { ...storage, kind: 'persistent' } : storage;
};

/** The uids the record keeps, from the template-made objects found. */
export const recordedUids = (objects: TemplateObjects): MigrationRecord['uids'] => {
  const uids: MigrationRecord['uids'] = {};
  const add = (kind: keyof MigrationRecord['uids'], object: { metadata?: { uid?: string } }) => {
    if (object.metadata?.uid) uids[kind] = object.metadata.uid;
  };
  if (objects.service) add('Service', objects.service);
  if (objects.route) add('Route', objects.route);
  if (objects.imageStream) add('ImageStream', objects.imageStream);
  if (objects.buildConfig) add('BuildConfig', objects.buildConfig);
  if (objects.claim) add('PersistentVolumeClaim', objects.claim);
  return uids;
};

const UIDS: readonly (ReplacedKind | 'PersistentVolumeClaim')[] = [
  'Service',
  'Route',
  'ImageStream',
  'BuildConfig',
  'PersistentVolumeClaim',
];

const uid = text({ max: 64, pattern: UID });
const migrationParser = object<MigrationRecord>({
  values: text({ max: MAX_VALUES_CHARS, free: true }),
  claim: oneOf(['keep', 'replace', 'drop', 'none'] as const),
  uids: object<MigrationRecord['uids']>(
    { Service: uid, Route: uid, ImageStream: uid, BuildConfig: uid, PersistentVolumeClaim: uid },
    UIDS,
  ),
});

/**
 * The migration left half way on a DeploymentConfig, parsed: absent, sound, or damaged. Its
 * values must pass the values annotation's schema and name this DeploymentConfig's cache, so a
 * record can never steer a run at other objects.
 */
export const readMigrationRecord = (
  dc: TemplateDeploymentConfig,
  base: PipCacheValues,
): RecordRead<MigrationRecord & { parsedValues: PipCacheValues }> => {
  const read = readRecord(
    dc.metadata?.annotations?.[ANNOTATION_MIGRATION],
    migrationParser,
    131_072,
  );
  if (read.state !== 'ok') return read;
  const values = readValuesAnnotation(read.record.values, base);
  if (values.state !== 'ok')
    return {
      state: 'damaged',
      problems:
        values.state === 'damaged'
          ? values.problems.map((problem) => ({
              ...problem,
              path: problem.path ? `values.${problem.path}` : 'values',
            }))
          : [{ path: 'values', reason: 'missing' }],
    };
  if (values.record.name !== dc.metadata?.name)
    return { state: 'damaged', problems: [{ path: 'values.name', reason: 'value' }] };
  return { state: 'ok', record: { ...read.record, parsedValues: values.record } };
};

/** The migration left half way on a DeploymentConfig, if its record is sound. */
export const readMigration = (dc: TemplateDeploymentConfig): MigrationRecord | undefined => {
  const read = readMigrationRecord(dc, defaultValues());
  if (read.state !== 'ok') return undefined;
  const { values, claim, uids } = read.record;
  return { values, claim, uids };
};

/** The build strategy a cache's image build runs with; undefined when it runs an image as is. */
export const buildStrategyOf = (values: PipCacheValues): BuildStrategyKind | undefined => {
  if (values.image.source === 'image') return undefined;
  return values.image.source === 'git' ? 's2i' : values.image.strategy;
};

const annotationPath = `/metadata/annotations/${pointerSegment(ANNOTATION_MIGRATION)}`;

/** JSON Patch that records a migration on the DeploymentConfig, guarded by its resourceVersion. */
export const recordMigrationPatch = (
  dc: TemplateDeploymentConfig,
  record: MigrationRecord,
): PatchOperation[] => [
  { op: 'test', path: '/metadata/resourceVersion', value: dc.metadata?.resourceVersion ?? '' },
  dc.metadata?.annotations
    ? { op: 'add', path: annotationPath, value: JSON.stringify(record) }
    : {
        op: 'add',
        path: '/metadata/annotations',
        value: { [ANNOTATION_MIGRATION]: JSON.stringify(record) },
      },
];

/** JSON Patch that drops a migration record (a damaged one), guarded by the resourceVersion read. */
export const discardMigrationPatch = (dc: TemplateDeploymentConfig): PatchOperation[] => [
  { op: 'test', path: '/metadata/resourceVersion', value: dc.metadata?.resourceVersion ?? '' },
  { op: 'remove', path: annotationPath },
];

/** JSON Patch that scales the old DeploymentConfig to zero (it holds the claim and devpi's lock). */
export const scaleDownTemplatePatch = (): PatchOperation[] => [
  { op: 'replace', path: '/spec/replicas', value: 0 },
];

/**
 * The new object that replaces a template-made one of the same name, as a full update: the
 * old object's resourceVersion guards it, a Service keeps its cluster IP (clients that wrote
 * it down, as the templates' README told them to, keep working) and a Route keeps its host
 * when the form names none (changing a host needs a permission many users lack).
 */
export const replacementOf = <T extends CacheManifest>(old: CacheManifest, desired: T): T => {
  const metadata = { ...desired.metadata, resourceVersion: old.metadata?.resourceVersion };
  if (desired.kind === 'Service' && old.kind === 'Service') {
    const kept = {
      ...(old.spec?.clusterIP ? { clusterIP: old.spec.clusterIP } : {}),
      ...(old.spec?.clusterIPs ? { clusterIPs: old.spec.clusterIPs } : {}),
      ...(old.spec?.ipFamilies ? { ipFamilies: old.spec.ipFamilies } : {}),
      ...(old.spec?.ipFamilyPolicy ? { ipFamilyPolicy: old.spec.ipFamilyPolicy } : {}),
    };
    return { ...desired, metadata, spec: { ...desired.spec, ...kept } };
  }
  if (desired.kind === 'Route' && old.kind === 'Route') {
    const host = desired.spec.host || old.spec.host;
    return { ...desired, metadata, spec: { ...desired.spec, ...(host ? { host } : {}) } };
  }
  return { ...desired, metadata };
};

/**
 * The Route `N-files` as a migration creates it: on the host of the Route `N` that holds the
 * cache's host (the template-made one before the switch, the new one after it), unless the form
 * names a host, so that the simple pages and the files they link to share one host.
 */
export const sharingHostOf = (desired: Route, holder: Route | undefined): Route => {
  const host = desired.spec.host || holder?.spec.host;
  return host ? { ...desired, spec: { ...desired.spec, host } } : desired;
};

/**
 * JSON Patch that makes the old claim the new cache's, guarded by its uid: the contract's
 * labels, and the templates' `app`/`template` labels removed so that nothing counts it as
 * template-made any more.
 */
export const adoptClaimPatch = (
  claim: PersistentVolumeClaim,
  labels: Record<string, string>,
): PatchOperation[] => {
  const current = claim.metadata?.labels;
  return [
    { op: 'test', path: '/metadata/uid', value: claim.metadata?.uid ?? '' },
    ...(current ? [] : [{ op: 'add' as const, path: '/metadata/labels', value: {} }]),
    ...['app', 'template']
      .filter((key) => current?.[key] !== undefined)
      .map((key) => ({ op: 'remove' as const, path: `/metadata/labels/${key}` })),
    ...Object.entries(labels).map(([key, value]) => ({
      op: 'add' as const,
      path: `/metadata/labels/${pointerSegment(key)}`,
      value,
    })),
  ];
};

/** Whether a Deployment (status as the API reports it) has a ready pod of its current spec. */
export const deploymentReady = (deployment: {
  metadata?: { generation?: number };
  status?: { readyReplicas?: number; updatedReplicas?: number; observedGeneration?: number };
}): boolean =>
  (deployment.status?.readyReplicas ?? 0) > 0 &&
  (deployment.status?.updatedReplicas ?? 0) > 0 &&
  (deployment.status?.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);

/** Whether an ImageStream has an image under `tag` (a build has pushed it). */
export const hasTag = (stream: ImageStream | undefined, tag = 'latest'): boolean =>
  (stream?.status?.tags ?? []).some((t) => t.tag === tag && (t.items?.length ?? 0) > 0);

/** Whether a step runs at all for this plan (no image to wait for, no claim to free). */
export const stepApplies = (step: MigrationStep, values: PipCacheValues, claim: ClaimPlan) => {
  if (step === 'wait-image') return values.image.source !== 'image';
  if (step === 'scale-down' || step === 'claim') return claim === 'keep' || claim === 'replace';
  return true;
};

/** What a migration will do, in the order it happens, one sentence each. */
export const migrationPlan = (
  objects: TemplateObjects,
  values: PipCacheValues,
  claim: ClaimPlan,
  t: TFunction,
): string[] => {
  const { name } = values;
  const lines = [
    t(
      'Every new object is checked with a dry run first; if the cluster refuses one, nothing changes.',
    ),
  ];
  if (objects.buildConfig || objects.imageStream)
    lines.push(
      values.image.source === 'image'
        ? t(
            'The old BuildConfig and ImageStream {{name}} are deleted: the new cache runs the image you name.',
            { name },
          )
        : t(
            'The old BuildConfig and ImageStream {{name}} are replaced and the new image is built; the old cache keeps serving meanwhile.',
            { name },
          ),
    );
  if (claim === 'keep' || claim === 'replace')
    lines.push(
      t(
        'Once the image is built, the old pod is stopped, because it holds the volume claim {{claim}}; the cache is unavailable until the new pod is ready.',
        { claim: `${name}-data` },
      ),
    );
  if (claim === 'keep')
    lines.push(
      t(
        'The claim {{claim}} is kept and labelled as part of the new cache. devpi-server 6 cannot read the old server data, so it starts a folder of its own on the volume; the old files stay there until you empty the cache.',
        { claim: `${name}-data` },
      ),
    );
  if (claim === 'replace')
    lines.push(
      t(
        'The claim {{claim}} and the packages on it are deleted, and a new empty claim of {{size}} is created.',
        {
          claim: `${name}-data`,
          size: values.storage.size,
        },
      ),
    );
  if (objects.service)
    lines.push(
      t(
        'When the new cache is ready, the Service {{name}} is switched over to it and keeps its cluster IP, so builds that use its address keep working.',
        { name },
      ),
    );
  if (objects.route)
    lines.push(
      values.route.enabled
        ? t(
            'The Route {{name}} is switched over too and keeps its host {{host}}, publishing only the simple pages; a second Route {{files}} on the same host, created just before, publishes the package files.',
            {
              name,
              files: filesRouteName(name),
              host: values.route.host || objects.route.spec.host || '',
            },
          )
        : t(
            'The Route {{name}} is deleted: the mirror is no longer published outside the cluster.',
            { name },
          ),
    );
  lines.push(
    claim === 'drop'
      ? t(
          'Last, the DeploymentConfig {{name}} and the claim {{claim}} with its packages are deleted.',
          { name, claim: `${name}-data` },
        )
      : t('Last, the DeploymentConfig {{name}} is deleted, only after the new cache is ready.', {
          name,
        }),
  );
  lines.push(
    t(
      'If a step fails, the migration stops and says why; running it again finishes it from there.',
    ),
  );
  return lines;
};
