import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { latestBuild } from '../model/instance';
import type { CacheManifest, PlannedManifest } from '../model/manifests';
import type {
  Build,
  BuildConfig,
  Deployment,
  ImageStream,
  PersistentVolumeClaim,
  Route,
  Service,
} from '../model/k8s-types';
import { KINDS, ownedModel as modelOf } from '../model/kinds';
import {
  adoptClaimPatch,
  discardMigrationPatch,
  deploymentReady,
  hasTag,
  isPluginMade,
  readMigration,
  recordedUids,
  recordMigrationPatch,
  replacementOf,
  sharingHostOf,
  scaleDownTemplatePatch,
  type ClaimPlan,
  type MigrationRecord,
  type MigrationStep,
  type ReplacedKind,
  type TemplateDeploymentConfig,
  type TemplateObjects,
} from '../model/migration';
import { filesRouteName } from '../model/urls';
import { toValuesAnnotation } from '../model/values-annotation';
import type { PipCacheValues } from '../model/values';
import { k8sCreate, k8sGet, k8sListItems, k8sPatch, k8sUpdate } from '../sdk/console-sdk';
import { deleteExactly } from './delete-exactly';
import { startBuild } from './start-build';
import { toPlannedObjects } from './create-cache';
import {
  dryRunThenCreate,
  removeObjects,
  type CreateReport,
  type ObjectFate,
} from './create-objects';
import { toK8sErrorInfo, type K8sErrorInfo } from './k8s-error';

/** The original templates' DeploymentConfig kind. */
const DEPLOYMENT_CONFIG_MODEL = KINDS.DeploymentConfig.model;
const BUILD_MODEL = KINDS.Build.model;
const POD_MODEL = KINDS.Pod.model;

/** Kinds created before anything old is touched; all or nothing, like a create. */
const FIRST_KINDS = new Set(['Secret', 'ConfigMap', 'PersistentVolumeClaim', 'NetworkPolicy']);
/** Whether the new cache's claim is not created with the first objects (it exists, or replaces one). */
const claimLater = (claim: ClaimPlan) => claim === 'keep' || claim === 'replace';
const REPLACED_KINDS: readonly ReplacedKind[] = ['Service', 'Route', 'ImageStream', 'BuildConfig'];

/** How long a waiting step may take: a build of devpi-server takes a few minutes. */
const WAIT_IMAGE_MS = 15 * 60_000;
const WAIT_MS = 5 * 60_000;
const POLL_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Resource = K8sResourceCommon;

/** Why a migration stopped: at which step, and the cluster's answer. */
export class MigrationError extends Error {
  constructor(
    readonly step: MigrationStep,
    readonly info: K8sErrorInfo,
  ) {
    super(info.message);
  }
}

const stopped = (step: MigrationStep, message: string, timedOut = false) =>
  new MigrationError(step, { message, causes: [], timedOut });

/** One object by name, or undefined when there is none (a list, so that absence is no error). */
const find = async <T>(model: K8sModel, namespace: string, name: string): Promise<T | undefined> =>
  (
    await k8sListItems<T & Resource>({
      model,
      queryParams: { ns: namespace, fieldSelector: `metadata.name=${name}` },
    })
  )[0];

/** The template-made objects of the cache `name` (a kind the cache lacks is left out). */
export const readTemplateObjects = async (
  namespace: string,
  name: string,
): Promise<TemplateObjects> => {
  const deploymentConfig = await k8sGet<TemplateDeploymentConfig & Resource>({
    model: DEPLOYMENT_CONFIG_MODEL,
    name,
    ns: namespace,
  });
  const [service, route, imageStream, buildConfig, claim] = await Promise.all([
    find<Service>(modelOf('Service'), namespace, name),
    find<Route>(modelOf('Route'), namespace, name),
    find<ImageStream>(modelOf('ImageStream'), namespace, name),
    find<BuildConfig>(modelOf('BuildConfig'), namespace, name),
    find<PersistentVolumeClaim>(modelOf('PersistentVolumeClaim'), namespace, `${name}-data`),
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
 * throws a `MigrationError`, and `finishMigration` finishes the job from the record.
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
      model: DEPLOYMENT_CONFIG_MODEL,
      resource: dc,
      data: recordMigrationPatch(dc, record),
    });
  } catch (error) {
    // Nothing old was touched yet: take back what this run created, so that a second try starts clean.
    const info = toK8sErrorInfo(error);
    const { leftovers } = await removeObjects(toPlannedObjects(first));
    throw new MigrationError('record', {
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
    model: DEPLOYMENT_CONFIG_MODEL,
    resource: dc,
    data: discardMigrationPatch(dc),
  });
};

/**
 * Finishes a recorded migration from wherever it stopped: replaces the build, waits for the new
 * image, frees the old claim (when it is reused), starts the new Deployment, waits for it to be
 * ready, switches the Service and the Route over and only then deletes the DeploymentConfig.
 * Each step checks what is already done, so it can run any number of times.
 */
export const finishMigration = async (
  namespace: string,
  name: string,
  manifests: readonly PlannedManifest[],
  onStep: (step: MigrationStep) => void,
): Promise<void> => {
  const run = async <T>(step: MigrationStep, action: () => Promise<T>): Promise<T> => {
    onStep(step);
    try {
      return await action();
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(step, toK8sErrorInfo(error));
    }
  };
  const until = async (
    step: MigrationStep,
    ms: number,
    what: string,
    done: () => Promise<boolean>,
  ) => {
    const end = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > end) throw stopped(step, what, true);
      await sleep(POLL_MS);
    }
  };
  const desired = (kind: string) => manifests.find(({ object }) => object.kind === kind)?.object;

  const dc = await run('record', () =>
    k8sGet<TemplateDeploymentConfig & Resource>({
      model: DEPLOYMENT_CONFIG_MODEL,
      name,
      ns: namespace,
    }),
  );
  const record = readMigration(dc);
  if (!record) throw stopped('record', 'No migration is recorded on this DeploymentConfig.');
  const isOld = (kind: keyof MigrationRecord['uids'], object: Resource | undefined) =>
    object !== undefined && object.metadata?.uid === record.uids[kind] && !isPluginMade(object);

  await run('build', async () => {
    for (const kind of ['BuildConfig', 'ImageStream'] as const) {
      const current = await find<Resource>(modelOf(kind), namespace, name);
      if (isOld(kind, current)) await deleteExactly(modelOf(kind), current as Resource);
    }
    for (const kind of ['ImageStream', 'BuildConfig'] as const) {
      const object = desired(kind);
      if (object && !(await find<Resource>(modelOf(kind), namespace, name)))
        await k8sCreate({ model: modelOf(kind), data: object });
    }
  });

  const buildConfig = desired('BuildConfig') as BuildConfig | undefined;
  if (buildConfig) {
    // A build that had already failed when this run began is started again once; one that
    // fails while this run waits ends the run with its message.
    let firstLook = true;
    await run('wait-image', () =>
      until('wait-image', WAIT_IMAGE_MS, 'The new image was not built in time.', async () => {
        const stream = await find<ImageStream>(modelOf('ImageStream'), namespace, name);
        if (hasTag(stream)) return true;
        const builds = await k8sListItems<Build & Resource>({
          model: BUILD_MODEL,
          queryParams: {
            ns: namespace,
            labelSelector: { matchLabels: { 'openshift.io/build-config.name': name } },
          },
        });
        const newest = latestBuild(builds);
        const ended = ['Failed', 'Error', 'Cancelled'].includes(newest?.status?.phase ?? '');
        if (newest && ended && firstLook) {
          firstLook = false;
          await startBuild(buildConfig);
          return false;
        }
        firstLook = false;
        if (newest && ended)
          throw stopped(
            'wait-image',
            `Build ${newest.metadata.name ?? ''} ended ${newest.status?.phase ?? ''}: ${newest.status?.message ?? ''}`.trim(),
          );
        return false;
      }),
    );
  }

  if (claimLater(record.claim)) {
    await run('scale-down', async () => {
      const current = await find<TemplateDeploymentConfig & Resource>(
        DEPLOYMENT_CONFIG_MODEL,
        namespace,
        name,
      );
      if (current && (current.spec?.replicas ?? 1) > 0)
        await k8sPatch({
          model: DEPLOYMENT_CONFIG_MODEL,
          resource: current,
          data: scaleDownTemplatePatch(),
        });
      await until(
        'scale-down',
        WAIT_MS,
        'The pods of the old DeploymentConfig did not stop in time.',
        async () =>
          (
            await k8sListItems<Resource>({
              model: POD_MODEL,
              queryParams: {
                ns: namespace,
                labelSelector: { matchLabels: { deploymentconfig: name } },
              },
            })
          ).length === 0,
      );
    });
    await run('claim', async () => {
      const model = modelOf('PersistentVolumeClaim');
      const claimName = `${name}-data`;
      const claim = await find<PersistentVolumeClaim & Resource>(model, namespace, claimName);
      const wanted = desired('PersistentVolumeClaim');
      if (record.claim === 'keep') {
        if (!claim) throw stopped('claim', `The claim ${claimName} is gone.`);
        const deployment = desired('Deployment');
        if (isOld('PersistentVolumeClaim', claim) && deployment)
          await k8sPatch({
            model,
            resource: claim,
            data: adoptClaimPatch(claim, deployment.metadata?.labels ?? {}),
          });
        return;
      }
      if (claim && isOld('PersistentVolumeClaim', claim)) {
        await deleteExactly(model, claim);
        await until(
          'claim',
          WAIT_MS,
          `The claim ${claimName} was not released in time.`,
          async () =>
            !isOld('PersistentVolumeClaim', await find<Resource>(model, namespace, claimName)),
        );
      }
      if (wanted && !(await find<Resource>(model, namespace, claimName)))
        await k8sCreate({ model, data: wanted });
    });
  }

  await run('deploy', async () => {
    const deployment = desired('Deployment');
    if (deployment && !(await find<Resource>(modelOf('Deployment'), namespace, name)))
      await k8sCreate({ model: modelOf('Deployment'), data: deployment });
  });
  await run('wait-ready', () =>
    until('wait-ready', WAIT_MS, 'The new cache did not become ready in time.', async () => {
      const deployment = await find<Deployment>(modelOf('Deployment'), namespace, name);
      return deployment !== undefined && deploymentReady(deployment);
    }),
  );

  await run('switch', async () => {
    // N-files goes up before N is narrowed, on the host N holds, so pip never loses the files.
    const files = manifests.find(
      ({ object }) => object.kind === 'Route' && object.metadata.name === filesRouteName(name),
    )?.object;
    const createFiles = async () => {
      if (files?.kind !== 'Route') return;
      const model = modelOf('Route');
      const holder = await find<Route>(model, namespace, name);
      if (!(await find<Resource>(model, namespace, files.metadata.name ?? '')) && holder)
        await k8sCreate({ model, data: sharingHostOf(files, holder) });
    };
    await createFiles();
    for (const kind of ['Service', 'Route'] as const) {
      const model = modelOf(kind);
      const object = desired(kind);
      const current = await find<CacheManifest & Resource>(model, namespace, name);
      if (object && current && isOld(kind, current))
        await k8sUpdate({ model, data: replacementOf(current, object) });
      else if (object && !current) await k8sCreate({ model, data: object });
      else if (!object && current && isOld(kind, current)) await deleteExactly(model, current);
    }
    // Without a template-made Route, N was only just created: N-files takes its host now.
    await createFiles();
  });

  await run('remove-old', async () => {
    if (record.claim === 'drop') {
      const claim = await find<Resource>(
        modelOf('PersistentVolumeClaim'),
        namespace,
        `${name}-data`,
      );
      if (isOld('PersistentVolumeClaim', claim))
        await deleteExactly(modelOf('PersistentVolumeClaim'), claim as Resource);
    }
    const current = await find<Resource>(DEPLOYMENT_CONFIG_MODEL, namespace, name);
    // Foreground: the old ReplicationControllers and pods go with it, not left orphaned.
    if (current) await deleteExactly(DEPLOYMENT_CONFIG_MODEL, current, 'Foreground');
  });
};
