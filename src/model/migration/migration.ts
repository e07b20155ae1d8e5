import { pointerSegment, type PatchOperation } from '../builds';
import {
  LABEL_MANAGED_BY,
  MANAGED_BY,
  type BuildConfig,
  type ImageStream,
  type PersistentVolumeClaim,
  type Route,
  type Service,
  parseQuantity,
} from '../shared';
import { type CacheManifest, toRows, type BuildStrategyKind, type PipCacheValues } from '../cache';
import { templateCacheOf, type DeploymentConfigLike } from './template-caches';

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

/** The build strategy a cache's image build runs with; undefined when it runs an image as is. */
export const buildStrategyOf = (values: PipCacheValues): BuildStrategyKind | undefined => {
  if (values.image.source === 'image') return undefined;
  return values.image.source === 'git' ? 's2i' : values.image.strategy;
};

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
