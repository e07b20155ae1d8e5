import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { CacheManifest, PlannedManifest } from '../model/cache';
import {
  type Build,
  type BuildConfig,
  type Deployment,
  type ImageStream,
  type PersistentVolumeClaim,
  type Route,
  KINDS,
  ownedModel,
  filesRouteName,
} from '../model/shared';
import {
  adoptClaimPatch,
  deploymentReady,
  hasTag,
  isPluginMade,
  replacementOf,
  scaleDownTemplatePatch,
  sharingHostOf,
  type ClaimPlan,
  type MigrationStep,
  type TemplateDeploymentConfig,
  readMigration,
  type MigrationRecord,
} from '../model/migration';
import { latestBuild } from '../model/living';
import { k8sCreate, k8sGet, k8sListItems, k8sPatch, k8sUpdate } from '../sdk/console-sdk';
import { deleteExactly } from './delete-exactly';
import { findByName } from './find-by-name';
import { startBuild } from './start-build';
import { atStep, pollUntil, runSteps, stepStopped, type PollTiming, type Step } from './steps';

type Resource = K8sResourceCommon;

/** How long a waiting step may take: a build of devpi-server takes a few minutes. */
const WAIT_IMAGE: PollTiming = { waitMs: 15 * 60_000, pollMs: 1_000 };
const WAIT: PollTiming = { waitMs: 5 * 60_000, pollMs: 1_000 };

/** Whether the new cache's claim is not created with the first objects (it exists, or replaces one). */
export const claimLater = (claim: ClaimPlan) => claim === 'keep' || claim === 'replace';

/** What every step of a recorded migration works from: the cache, the plan and the record. */
export interface MigrationRun {
  namespace: string;
  name: string;
  manifests: readonly PlannedManifest[];
  record: MigrationRecord;
  signal?: AbortSignal;
}

/** The planned object of a kind, if the plan has one. */
const desired = (run: MigrationRun, kind: string): CacheManifest | undefined =>
  run.manifests.find(({ object }) => object.kind === kind)?.object;

/** Whether an object is the template-made one the record names (by uid), not yet replaced. */
const isOld = (
  run: MigrationRun,
  kind: keyof MigrationRecord['uids'],
  object: Resource | undefined,
): boolean =>
  object !== undefined && object.metadata?.uid === run.record.uids[kind] && !isPluginMade(object);

const find = <T = Resource>(run: MigrationRun, model: K8sModel, name = run.name) =>
  findByName<T>(model, run.namespace, name);

const wait = (
  run: MigrationRun,
  step: MigrationStep,
  timing: PollTiming,
  timeoutMessage: string,
  check: () => Promise<boolean>,
) => pollUntil(check, { ...timing, step, timeoutMessage, signal: run.signal });

/** build: deletes the old BuildConfig and ImageStream (by uid) and creates the planned ones. */
export const replaceBuild = async (run: MigrationRun): Promise<void> => {
  for (const kind of ['BuildConfig', 'ImageStream'] as const) {
    const current = await find(run, ownedModel(kind));
    if (current && isOld(run, kind, current)) await deleteExactly(ownedModel(kind), current);
  }
  for (const kind of ['ImageStream', 'BuildConfig'] as const) {
    const object = desired(run, kind);
    if (object && !(await find(run, ownedModel(kind))))
      await k8sCreate({ model: ownedModel(kind), data: object });
  }
};

/**
 * wait-image: waits for the new image. A build that had already failed when this step began is
 * started again once; one that fails while the step waits ends the run with its message.
 */
export const waitForImage = async (run: MigrationRun): Promise<void> => {
  const buildConfig = desired(run, 'BuildConfig') as BuildConfig | undefined;
  if (!buildConfig) return;
  let firstLook = true;
  await wait(run, 'wait-image', WAIT_IMAGE, 'The new image was not built in time.', async () => {
    const stream = await find<ImageStream>(run, ownedModel('ImageStream'));
    if (hasTag(stream)) return true;
    const builds = await k8sListItems<Build & Resource>({
      model: KINDS.Build.model,
      queryParams: {
        ns: run.namespace,
        labelSelector: { matchLabels: { 'openshift.io/build-config.name': run.name } },
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
      throw stepStopped(
        'wait-image',
        `Build ${newest.metadata.name ?? ''} ended ${newest.status?.phase ?? ''}: ${newest.status?.message ?? ''}`.trim(),
      );
    return false;
  });
};

/** scale-down: scales the old DeploymentConfig to zero and waits for its pods to go. */
export const stopOldPods = async (run: MigrationRun): Promise<void> => {
  const current = await find<TemplateDeploymentConfig & Resource>(
    run,
    KINDS.DeploymentConfig.model,
  );
  if (current && (current.spec?.replicas ?? 1) > 0)
    await k8sPatch({
      model: KINDS.DeploymentConfig.model,
      resource: current,
      data: scaleDownTemplatePatch(),
    });
  await wait(
    run,
    'scale-down',
    WAIT,
    'The pods of the old DeploymentConfig did not stop in time.',
    async () =>
      (
        await k8sListItems<Resource>({
          model: KINDS.Pod.model,
          queryParams: {
            ns: run.namespace,
            labelSelector: { matchLabels: { deploymentconfig: run.name } },
          },
        })
      ).length === 0,
  );
};

/**
 * claim: `keep` labels the old claim as the new cache's; `replace` deletes the old claim (by
 * uid), waits for it to go and creates the planned one.
 */
export const prepareClaim = async (run: MigrationRun): Promise<void> => {
  const model = ownedModel('PersistentVolumeClaim');
  const claimName = `${run.name}-data`;
  const claim = await find<PersistentVolumeClaim & Resource>(run, model, claimName);
  const wanted = desired(run, 'PersistentVolumeClaim');
  if (run.record.claim === 'keep') {
    if (!claim) throw stepStopped('claim', `The claim ${claimName} is gone.`);
    const deployment = desired(run, 'Deployment');
    if (isOld(run, 'PersistentVolumeClaim', claim) && deployment)
      await k8sPatch({
        model,
        resource: claim,
        data: adoptClaimPatch(claim, deployment.metadata?.labels ?? {}),
      });
    return;
  }
  if (claim && isOld(run, 'PersistentVolumeClaim', claim)) {
    await deleteExactly(model, claim);
    await wait(
      run,
      'claim',
      WAIT,
      `The claim ${claimName} was not released in time.`,
      async () => !isOld(run, 'PersistentVolumeClaim', await find(run, model, claimName)),
    );
  }
  if (wanted && !(await find(run, model, claimName))) await k8sCreate({ model, data: wanted });
};

/** deploy: creates the planned Deployment unless it is there. */
export const createDeployment = async (run: MigrationRun): Promise<void> => {
  const deployment = desired(run, 'Deployment');
  if (deployment && !(await find(run, ownedModel('Deployment'))))
    await k8sCreate({ model: ownedModel('Deployment'), data: deployment });
};

/** wait-ready: waits for the new Deployment to have a ready pod of its current spec. */
export const waitForReady = (run: MigrationRun): Promise<void> =>
  wait(run, 'wait-ready', WAIT, 'The new cache did not become ready in time.', async () => {
    const deployment = await find<Deployment>(run, ownedModel('Deployment'));
    return deployment !== undefined && deploymentReady(deployment);
  });

/**
 * Creates the Route `N-files` of the plan on the host `N` holds, unless it exists or `N` is not
 * there yet: it goes up before `N` is narrowed, so pip outside the cluster never loses the files.
 */
const createFilesRoute = async (run: MigrationRun): Promise<void> => {
  const files = run.manifests.find(
    ({ object }) => object.kind === 'Route' && object.metadata.name === filesRouteName(run.name),
  )?.object;
  if (files?.kind !== 'Route') return;
  const model = KINDS.Route.model;
  const holder = await find<Route>(run, model, run.name);
  if (holder && !(await find(run, model, files.metadata.name ?? '')))
    await k8sCreate({ model, data: sharingHostOf(files, holder) });
};

/**
 * switch: replaces the old Service and Route with the planned ones (a full update that keeps
 * the cluster IP and the host), creates the planned ones missing, deletes an old one the plan
 * has no object of.
 */
export const switchTraffic = async (run: MigrationRun): Promise<void> => {
  await createFilesRoute(run);
  for (const kind of ['Service', 'Route'] as const) {
    const model = ownedModel(kind);
    const object = desired(run, kind);
    const current = await find<CacheManifest & Resource>(run, model);
    if (object && current && isOld(run, kind, current))
      await k8sUpdate({ model, data: replacementOf(current, object) });
    else if (object && !current) await k8sCreate({ model, data: object });
    else if (!object && current && isOld(run, kind, current)) await deleteExactly(model, current);
  }
  // Without a template-made Route, N was only just created: N-files takes its host now.
  await createFilesRoute(run);
};

/** remove-old: deletes the old claim (plan `drop`) and, last, the DeploymentConfig. */
export const removeOld = async (run: MigrationRun): Promise<void> => {
  if (run.record.claim === 'drop') {
    const model = ownedModel('PersistentVolumeClaim');
    const claim = await find(run, model, `${run.name}-data`);
    if (claim && isOld(run, 'PersistentVolumeClaim', claim)) await deleteExactly(model, claim);
  }
  const current = await find(run, KINDS.DeploymentConfig.model);
  // Foreground: the old ReplicationControllers and pods go with it, not left orphaned.
  if (current) await deleteExactly(KINDS.DeploymentConfig.model, current, 'Foreground');
};

/** The steps that finish a recorded migration, in order: only those its plan and record need. */
export const migrationSteps = (run: MigrationRun): Step<MigrationStep>[] => {
  const step = (name: MigrationStep, action: (r: MigrationRun) => Promise<void>) => ({
    step: name,
    run: () => action(run),
  });
  return [
    step('build', replaceBuild),
    ...(desired(run, 'BuildConfig') ? [step('wait-image', waitForImage)] : []),
    ...(claimLater(run.record.claim)
      ? [step('scale-down', stopOldPods), step('claim', prepareClaim)]
      : []),
    step('deploy', createDeployment),
    step('wait-ready', waitForReady),
    step('switch', switchTraffic),
    step('remove-old', removeOld),
  ];
};

/**
 * Finishes a recorded migration from wherever it stopped: replaces the build, waits for the new
 * image, frees the old claim (when it is reused), starts the new Deployment, waits for it to be
 * ready, switches the Service and the Route over and only then deletes the DeploymentConfig.
 * Each step checks what is already done, so it can run any number of times; a failure throws a
 * `StepError` naming the step, and the old DeploymentConfig stays until the last step.
 */
export const finishMigration = async (
  namespace: string,
  name: string,
  manifests: readonly PlannedManifest[],
  onStep: (step: MigrationStep) => void,
  signal?: AbortSignal,
): Promise<void> => {
  onStep('record');
  const dc = await atStep('record', () =>
    k8sGet<TemplateDeploymentConfig & Resource>({
      model: KINDS.DeploymentConfig.model,
      name,
      ns: namespace,
    }),
  );
  const record = readMigration(dc);
  if (!record) throw stepStopped('record', 'No migration is recorded on this DeploymentConfig.');
  await runSteps(migrationSteps({ namespace, name, manifests, record, signal }), onStep, signal);
};
