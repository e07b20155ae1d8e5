import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import {
  type CacheManifest,
  type PlannedManifest,
  toValuesAnnotation,
  type PipCacheValues,
} from '../model/cache';
import {
  type BuildConfig,
  type ImageStream,
  type PersistentVolumeClaim,
  type Route,
  type Service,
  KINDS,
  ownedModel as modelOf,
} from '../model/shared';
import {
  replacementOf,
  sharingHostOf,
  type ClaimPlan,
  type MigrationStep,
  type ReplacedKind,
  type TemplateDeploymentConfig,
  type TemplateObjects,
  discardMigrationPatch,
  recordedUids,
  recordMigrationPatch,
  type MigrationRecord,
} from '../model/migration';
import { k8sCreate, k8sGet, k8sPatch, k8sUpdate } from '../sdk/console-sdk';
import { toPlannedObjects } from './create-cache';
import {
  dryRunThenCreate,
  removeObjects,
  type CreateReport,
  type ObjectFate,
} from './create-objects';
import { toK8sErrorInfo } from './k8s-error';
import { findByName } from './find-by-name';
import { claimLater, finishMigration } from './migration-steps';
import { StepError } from './steps';

// The page that finishes a migration imports it from here, with the rest of the migration.
export { finishMigration };

/** Kinds created before anything old is touched; all or nothing, like a create. */
const FIRST_KINDS = new Set(['Secret', 'ConfigMap', 'PersistentVolumeClaim', 'NetworkPolicy']);
const REPLACED_KINDS: readonly ReplacedKind[] = ['Service', 'Route', 'ImageStream', 'BuildConfig'];

type Resource = K8sResourceCommon;

/** The template-made objects of the cache `name` (a kind the cache lacks is left out). */
export const readTemplateObjects = async (
  namespace: string,
  name: string,
): Promise<TemplateObjects> => {
  const deploymentConfig = await k8sGet<TemplateDeploymentConfig & Resource>({
    model: KINDS.DeploymentConfig.model,
    name,
    ns: namespace,
  });
  const [service, route, imageStream, buildConfig, claim] = await Promise.all([
    findByName<Service>(modelOf('Service'), namespace, name),
    findByName<Route>(modelOf('Route'), namespace, name),
    findByName<ImageStream>(modelOf('ImageStream'), namespace, name),
    findByName<BuildConfig>(modelOf('BuildConfig'), namespace, name),
    findByName<PersistentVolumeClaim>(modelOf('PersistentVolumeClaim'), namespace, `${name}-data`),
  ]);
  return {
    deploymentConfig,
    ...(service ? { service } : {}),
    ...(route ? { route } : {}),
    ...(imageStream ? { imageStream } : {}),
    ...(buildConfig ? { buildConfig } : {}),
    ...(claim ? { claim } : {}),
  };
};

const oldObject = (objects: TemplateObjects, kind: ReplacedKind): CacheManifest | undefined =>
  ({
    Service: objects.service,
    Route: objects.route,
    ImageStream: objects.imageStream,
    BuildConfig: objects.buildConfig,
  })[kind];

/**
 * Checks the whole migration with server-side dry runs: new objects as creates, objects that
 * replace a template-made one of the same name as updates of it. Nothing is changed.
 */
export const dryRunMigration = async (
  objects: TemplateObjects,
  manifests: readonly PlannedManifest[],
  claim: ClaimPlan,
): Promise<CreateReport> => {
  // A claim that takes the old one's place cannot be tried while the old one exists; it is
  // created, after the old one is gone, from the same manifest as a new cache's claim.
  const planned = manifests.filter(
    ({ object }) => !(claimLater(claim) && object.kind === 'PersistentVolumeClaim'),
  );
  const fates: ObjectFate[] = [];
  for (const { object } of planned) {
    const model = modelOf(object.kind);
    // Only the object of the same name replaces a template-made one (not the Route N-files).
    const same = REPLACED_KINDS.includes(object.kind as ReplacedKind)
      ? oldObject(objects, object.kind as ReplacedKind)
      : undefined;
    const old = same?.metadata?.name === object.metadata?.name ? same : undefined;
    try {
      if (old)
        await k8sUpdate({
          model,
          data: replacementOf(old, object),
          queryParams: { dryRun: 'All' },
        });
      else
        await k8sCreate({
          model,
          data: object.kind === 'Route' ? sharingHostOf(object, objects.route) : object,
          queryParams: { dryRun: 'All' },
        });
      fates.push({ state: 'dry-run-passed' });
    } catch (error) {
      fates.push({ state: 'dry-run-failed', error: toK8sErrorInfo(error) });
    }
  }
  const failed = fates.some((fate) => fate.state === 'dry-run-failed');
  return {
    outcome: failed ? 'dry-run-failed' : 'created',
    objects: planned.map(({ object }, index) => ({
      kind: object.kind,
      name: object.metadata?.name ?? '',
      fate: fates[index] ?? { state: 'not-attempted' },
    })),
    leftovers: [],
  };
};

/** The result of starting a migration: under way (then finished), or refused with nothing changed. */
export type MigrationStart = { outcome: 'migrated' } | { outcome: 'refused'; report: CreateReport };

/**
 * Migrates a template-made cache: a dry run of everything, then the new objects that clash with
 * nothing (all or nothing), then the record on the old DeploymentConfig, then the steps of
 * `finishMigration`. A failure before the record leaves the cluster as it was; one after it
 * throws a `StepError`, and `finishMigration` finishes the job from the record.
 */
export const migrateCache = async (
  objects: TemplateObjects,
  values: PipCacheValues,
  manifests: readonly PlannedManifest[],
  claim: ClaimPlan,
  onStep: (step: MigrationStep) => void,
): Promise<MigrationStart> => {
  onStep('create');
  const checked = await dryRunMigration(objects, manifests, claim);
  if (checked.outcome === 'dry-run-failed') return { outcome: 'refused', report: checked };
  const first = manifests.filter(
    ({ object }) =>
      FIRST_KINDS.has(object.kind) &&
      !(claimLater(claim) && object.kind === 'PersistentVolumeClaim'),
  );
  const created = await dryRunThenCreate(toPlannedObjects(first));
  if (created.outcome !== 'created') return { outcome: 'refused', report: created };

  onStep('record');
  const record: MigrationRecord = {
    values: toValuesAnnotation(values),
    claim,
    uids: recordedUids(objects),
  };
  const dc = objects.deploymentConfig;
  try {
    await k8sPatch({
      model: KINDS.DeploymentConfig.model,
      resource: dc,
      data: recordMigrationPatch(dc, record),
    });
  } catch (error) {
    // Nothing old was touched yet: take back what this run created, so that a second try starts clean.
    const info = toK8sErrorInfo(error);
    const { leftovers } = await removeObjects(toPlannedObjects(first));
    throw new StepError<MigrationStep>('record', {
      ...info,
      message:
        leftovers.length > 0
          ? `${info.message} (${leftovers.length} new objects could not be removed again)`
          : info.message,
    });
  }
  await finishMigration(dc.metadata?.namespace ?? '', dc.metadata?.name ?? '', manifests, onStep);
  return { outcome: 'migrated' };
};

/** Drops a damaged migration record from the DeploymentConfig as read; nothing else changes. */
export const discardMigrationRecord = async (dc: TemplateDeploymentConfig): Promise<void> => {
  await k8sPatch({
    model: KINDS.DeploymentConfig.model,
    resource: dc,
    data: discardMigrationPatch(dc),
  });
};
