/**
 * @jest-environment node
 */
// The fake namespace applies JSON patches with the harness's applier, which needs Node's structuredClone.
import { applyJsonPatch } from '../../integration-tests/cluster-api/patch';
import type { K8sObject } from '../../integration-tests/cluster-api/store';
import { templateObjects } from '../../integration-tests/browser/template-objects';
import {
  LABEL_MANAGED_BY,
  MANAGED_BY,
  type BuildConfig,
  type ImageStream,
  type PersistentVolumeClaim,
  type Route,
  type Service,
} from '../model/shared';
import { buildManifests, defaultValues, toValuesAnnotation } from '../model/cache';
import {
  MIGRATION_STEPS,
  migrationValues,
  type ClaimPlan,
  type MigrationStep,
  type TemplateDeploymentConfig,
  type TemplateObjects,
  readMigration,
  recordedUids,
  recordMigrationPatch,
} from '../model/migration';
import { seededRandom } from '../test-support/test-utils';
import { FakeNamespace } from '../test-support/fake-namespace';
import {
  finishMigration,
  migrationSteps,
  prepareClaim,
  removeOld,
  replaceBuild,
  switchTraffic,
  waitForImage,
  type MigrationRun,
} from './migration-steps';
import { isAbortError, StepError } from './steps';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const NS = 'demo';
const NAME = 'oldcache';

/** The template-made cache with a migration recorded on its DeploymentConfig, and the plan. */
const recorded = (claim: ClaimPlan) => {
  const cluster = new FakeNamespace(templateObjects() as K8sObject[]);
  const find = <T>(kind: string) => cluster.one(kind) as T | undefined;
  const objects: TemplateObjects = {
    deploymentConfig: find<TemplateDeploymentConfig>('DeploymentConfig')!,
    service: find<Service>('Service'),
    route: find<Route>('Route'),
    imageStream: find<ImageStream>('ImageStream'),
    buildConfig: find<BuildConfig>('BuildConfig'),
    claim: cluster.one('PersistentVolumeClaim', `${NAME}-data`) as PersistentVolumeClaim,
  };
  // A cluster that builds: the new image is built from a pinned devpi-server.
  const base = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker', 's2i'],
    canBuild: true,
  });
  let values = migrationValues(base, objects);
  if (claim === 'drop') values = { ...values, storage: { ...values.storage, kind: 'ephemeral' } };
  const manifests = buildManifests(values, NS, seededRandom(), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  });
  const dc = objects.deploymentConfig;
  const record = { values: toValuesAnnotation(values), claim, uids: recordedUids(objects) };
  cluster.objects.set(
    `DeploymentConfig/${NAME}`,
    applyJsonPatch(dc as K8sObject, recordMigrationPatch(dc, record)),
  );
  cluster.install();
  // The record as a run reads it back from the DeploymentConfig.
  const read = readMigration(cluster.one('DeploymentConfig') as TemplateDeploymentConfig);
  if (!read) throw new Error('The record did not read back');
  const run: MigrationRun = { namespace: NS, name: NAME, manifests, record: read };
  return { cluster, manifests, run, oldUids: record.uids };
};

const pluginMade = (object: K8sObject | undefined) =>
  object?.metadata.labels?.[LABEL_MANAGED_BY] === MANAGED_BY;

beforeEach(() => jest.useRealTimers());

describe('the steps a recorded migration runs', () => {
  it('leave out waiting for an image and freeing the claim when the plan needs neither', () => {
    const { run } = recorded('drop');
    expect(migrationSteps(run).map(({ step }) => step)).toEqual([
      'build',
      'wait-image',
      'deploy',
      'wait-ready',
      'switch',
      'remove-old',
    ]);
    const { run: keep } = recorded('keep');
    expect(migrationSteps(keep).map(({ step }) => step)).toEqual(MIGRATION_STEPS.slice(2));
  });
});

describe('replaceBuild', () => {
  it('deletes the old BuildConfig and ImageStream by uid and creates the new ones, once', async () => {
    const { cluster, run, oldUids } = recorded('replace');
    await replaceBuild(run);
    expect(cluster.one('BuildConfig')?.metadata.uid).not.toBe(oldUids.BuildConfig);
    expect(pluginMade(cluster.one('BuildConfig'))).toBe(true);
    expect(pluginMade(cluster.one('ImageStream'))).toBe(true);
    // Run again (a resumed migration): the new objects are the plugin's, so nothing changes.
    cluster.writes = [];
    await replaceBuild(run);
    expect(cluster.writes).toEqual([]);
  });
});

describe('waitForImage', () => {
  it('starts a build that had failed before once, and stops with the message of one that fails again', async () => {
    jest.useFakeTimers();
    const { cluster, run } = recorded('replace');
    cluster.buildsFail = true;
    await replaceBuild(run);
    const outcome = waitForImage(run).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1_000);
    const failure = await outcome;
    expect(cluster.writes.filter((w) => w.endsWith('/instantiate'))).toHaveLength(1);
    expect(failure).toBeInstanceOf(StepError);
    expect(failure).toMatchObject({
      step: 'wait-image',
      info: { message: `Build ${NAME}-2 ended Failed: Generic build failed` },
    });
  });

  it('goes on once a build started again pushed the image', async () => {
    jest.useFakeTimers();
    const { cluster, run } = recorded('replace');
    cluster.buildsFail = true;
    await replaceBuild(run);
    cluster.buildsFail = false;
    const waiting = waitForImage(run);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('stops waiting at once when the run is cancelled', async () => {
    jest.useFakeTimers();
    const { cluster, run } = recorded('replace');
    await replaceBuild(run);
    cluster.buildsFail = true;
    // No image yet, and the latest build still running: the step waits.
    const stream = cluster.one('ImageStream')!;
    cluster.objects.set(`ImageStream/${NAME}`, { ...stream, status: {} });
    cluster.objects.set(`Build/${NAME}-1`, {
      ...cluster.one('Build', `${NAME}-1`)!,
      status: { phase: 'Running' },
    });
    const controller = new AbortController();
    const outcome = waitForImage({ ...run, signal: controller.signal }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(3_000);
    controller.abort();
    expect(isAbortError(await outcome)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('prepareClaim', () => {
  it('keep: labels the old claim as the new cache’s and leaves its data', async () => {
    const { cluster, run, oldUids } = recorded('keep');
    await prepareClaim(run);
    const claim = cluster.one('PersistentVolumeClaim', `${NAME}-data`);
    expect(claim?.metadata.uid).toBe(oldUids.PersistentVolumeClaim);
    expect(claim?.metadata.labels?.template).toBeUndefined();
    expect(claim?.metadata.labels?.['app.kubernetes.io/instance']).toBe(NAME);
  });

  it('keep: says so when the claim is gone instead of creating an empty one', async () => {
    const { cluster, run } = recorded('keep');
    cluster.objects.delete(`PersistentVolumeClaim/${NAME}-data`);
    await expect(prepareClaim(run)).rejects.toMatchObject({
      step: 'claim',
      info: { message: `The claim ${NAME}-data is gone.` },
    });
  });

  it('replace: deletes the old claim by uid and creates the new one; again, it does nothing', async () => {
    const { cluster, run, oldUids } = recorded('replace');
    await prepareClaim(run);
    const claim = cluster.one('PersistentVolumeClaim', `${NAME}-data`);
    expect(claim?.metadata.uid).not.toBe(oldUids.PersistentVolumeClaim);
    expect(pluginMade(claim)).toBe(true);
    cluster.writes = [];
    await prepareClaim(run);
    expect(cluster.writes).toEqual([]);
  });
});

describe('switchTraffic', () => {
  it('replaces the old Service keeping its cluster IP, and never touches a Service not the old one', async () => {
    const { cluster, run } = recorded('replace');
    await switchTraffic(run);
    const service = cluster.one('Service');
    expect(pluginMade(service)).toBe(true);
    expect((service?.spec as { clusterIP?: string }).clusterIP).toBe('172.30.9.9');
    expect(pluginMade(cluster.one('Route'))).toBe(true);
    cluster.writes = [];
    await switchTraffic(run);
    expect(cluster.writes).toEqual([]);
  });
});

describe('switchTraffic and the two Routes', () => {
  it('creates N-files on the host the old Route holds before it narrows N, and only once', async () => {
    const { cluster, run } = recorded('replace');
    const oldHost = (cluster.one('Route')?.spec as { host?: string }).host;
    await switchTraffic(run);
    const route = cluster.one('Route')?.spec as { host?: string; path?: string };
    const files = cluster.one('Route', `${NAME}-files`)?.spec as { host?: string; path?: string };
    expect(files).toMatchObject({ host: oldHost, path: '/root/pypi/+f' });
    expect(route).toMatchObject({ host: oldHost, path: '/root/pypi/+simple' });
    const routeWrites = cluster.writes.filter((w) => w.includes('Route'));
    expect(routeWrites[0]).toBe('create Route');
    cluster.writes = [];
    await switchTraffic(run);
    expect(cluster.writes).toEqual([]);
  });
});

describe('removeOld', () => {
  it('drop: deletes the old claim and the DeploymentConfig with its pods', async () => {
    const { cluster, run } = recorded('drop');
    await removeOld(run);
    expect(cluster.one('PersistentVolumeClaim', `${NAME}-data`)).toBeUndefined();
    expect(cluster.one('DeploymentConfig')).toBeUndefined();
    expect(cluster.of('Pod')).toEqual([]);
  });

  it('replace: leaves the claim, which is the new cache’s by then', async () => {
    const { cluster, run } = recorded('replace');
    await prepareClaim(run);
    await removeOld(run);
    expect(pluginMade(cluster.one('PersistentVolumeClaim', `${NAME}-data`))).toBe(true);
  });
});

describe('finishMigration', () => {
  const finished = (cluster: FakeNamespace, claim: ClaimPlan) => {
    expect(cluster.one('DeploymentConfig')).toBeUndefined();
    expect(pluginMade(cluster.one('Deployment'))).toBe(true);
    expect(pluginMade(cluster.one('Service'))).toBe(true);
    expect((cluster.one('Service')?.spec as { clusterIP?: string }).clusterIP).toBe('172.30.9.9');
    expect(pluginMade(cluster.one('BuildConfig'))).toBe(true);
    const claimLeft = cluster.one('PersistentVolumeClaim', `${NAME}-data`);
    if (claim === 'drop') expect(claimLeft).toBeUndefined();
    else expect(pluginMade(claimLeft)).toBe(true);
  };

  it.each(['replace', 'keep', 'drop'] as const)(
    'finishes a migration recorded with claim plan %s, reporting each step',
    async (claim) => {
      const { cluster, manifests } = recorded(claim);
      const seen: MigrationStep[] = [];
      await finishMigration(NS, NAME, manifests, (step) => seen.push(step));
      expect(seen[0]).toBe('record');
      expect(seen.at(-1)).toBe('remove-old');
      finished(cluster, claim);
    },
  );

  it('refuses to start without a sound record', async () => {
    const { cluster, manifests } = recorded('replace');
    const dc = cluster.one('DeploymentConfig')!;
    cluster.objects.set(`DeploymentConfig/${NAME}`, {
      ...dc,
      metadata: { ...dc.metadata, annotations: {} },
    });
    await expect(finishMigration(NS, NAME, manifests, () => undefined)).rejects.toMatchObject({
      step: 'record',
    });
    expect(cluster.writes).toEqual([]);
  });

  // A failure at any step stops the run there with the cluster's message; the old
  // DeploymentConfig and the record stay, the old Service keeps serving until the switch, the
  // old pod until the claim must be freed; running again finishes the job from there.
  // Every step after the record, which `migrateCache` writes before `finishMigration` runs.
  const steps = MIGRATION_STEPS.slice(MIGRATION_STEPS.indexOf('build'));
  it.each(steps)(
    'stops at %s when the cluster fails there, and a second run finishes',
    async (at) => {
      const { cluster, manifests } = recorded('replace');
      const failure = await finishMigration(NS, NAME, manifests, (step) => {
        // Waiting steps fail on their first look, the others on their first write.
        if (step === at) cluster.failNext = at.startsWith('wait-') ? 'request' : 'write';
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StepError);
      expect(failure).toMatchObject({ step: at, info: { message: 'etcdserver: leader changed' } });

      const dc = cluster.one('DeploymentConfig');
      expect(dc).toBeDefined();
      expect(readMigration(dc as TemplateDeploymentConfig)).toBeDefined();
      const order = MIGRATION_STEPS.indexOf(at);
      if (order < MIGRATION_STEPS.indexOf('scale-down'))
        expect(cluster.of('Pod').map((p) => p.metadata.name)).toEqual(['oldcache-1-x7k2p']);
      if (order <= MIGRATION_STEPS.indexOf('switch'))
        expect(cluster.one('Service')?.metadata.labels?.template).toBe('pipcache-persistent');

      await finishMigration(NS, NAME, manifests, () => undefined);
      finished(cluster, 'replace');
    },
  );
});
