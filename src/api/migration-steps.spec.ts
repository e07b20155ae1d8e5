/**
 * @jest-environment node
 */
// The fake namespace applies JSON patches with the harness's applier, which needs Node's structuredClone.
import { applyJsonPatch } from '../../integration-tests/cluster-api/patch';
import type { K8sObject } from '../../integration-tests/cluster-api/store';
import { templateObjects } from '../../integration-tests/browser/template-objects';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../model/contract';
import { buildManifests } from '../model/manifests';
import {
  MIGRATION_STEPS,
  migrationValues,
  readMigration,
  recordedUids,
  recordMigrationPatch,
  type ClaimPlan,
  type MigrationStep,
  type TemplateDeploymentConfig,
  type TemplateObjects,
} from '../model/migration';
import { seededRandom } from '../model/test-utils';
import { defaultValues } from '../model/values';
import { toValuesAnnotation } from '../model/values-annotation';
import type {
  BuildConfig,
  ImageStream,
  PersistentVolumeClaim,
  Route,
  Service,
} from '../model/k8s-types';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
} from '../sdk/console-sdk';
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

jest.mock('../sdk/console-sdk', () => ({
  k8sCreate: jest.fn(),
  k8sDelete: jest.fn(),
  k8sGet: jest.fn(),
  k8sListItems: jest.fn(),
  k8sPatch: jest.fn(),
  k8sUpdate: jest.fn(),
}));

const NS = 'demo';
const NAME = 'oldcache';

/** What the console's fetch rejects with: an error carrying the API's Status. */
const apiError = (code: number, message: string) =>
  Object.assign(new Error(message), { json: { code, message } });

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface ModelArg {
  model: { kind: string };
}

/**
 * A namespace of the API server as far as migrating reaches it, with the controllers it relies
 * on: a Deployment becomes ready, a build pushes the image (or fails, when told to), a scaled
 * down DeploymentConfig's pods go. `failNext` makes the next write (or any next request) fail.
 */
class FakeNamespace {
  objects = new Map<string, K8sObject>();
  private revision = 100;
  buildsFail = false;
  failNext?: 'write' | 'request';
  writes: string[] = [];

  constructor(objects: readonly K8sObject[]) {
    for (const object of objects) this.put(object);
  }

  one(kind: string, name = NAME): K8sObject | undefined {
    const found = this.objects.get(`${kind}/${name}`);
    return found ? copy(found) : undefined;
  }

  of(kind: string): K8sObject[] {
    return [...this.objects.values()].filter((o) => o.kind === kind).map(copy);
  }

  private put(object: K8sObject, uid?: string): K8sObject {
    this.revision += 1;
    const stored = copy(object);
    stored.metadata = {
      ...stored.metadata,
      namespace: NS,
      uid: uid ?? stored.metadata.uid ?? `${stored.kind ?? ''}-${this.revision}`,
      resourceVersion: String(this.revision),
    };
    this.objects.set(`${stored.kind ?? ''}/${stored.metadata.name ?? ''}`, stored);
    return copy(stored);
  }

  private drop(kind: string, name: string) {
    this.objects.delete(`${kind}/${name}`);
    if (kind === 'DeploymentConfig') this.dropPods(name);
  }

  private dropPods(dc: string) {
    for (const pod of this.of('Pod'))
      if (pod.metadata.labels?.deploymentconfig === dc) this.drop('Pod', pod.metadata.name ?? '');
  }

  private check(write: boolean, what: string) {
    if (write) this.writes.push(what);
    if (this.failNext === 'request' || (this.failNext === 'write' && write)) {
      this.failNext = undefined;
      throw apiError(500, 'etcdserver: leader changed');
    }
  }

  /** A build of the cache's BuildConfig: it pushes the image, or fails. */
  private build() {
    const number = this.of('Build').length + 1;
    this.put({
      apiVersion: 'build.openshift.io/v1',
      kind: 'Build',
      metadata: {
        name: `${NAME}-${number}`,
        labels: { 'openshift.io/build-config.name': NAME },
        annotations: { 'openshift.io/build.number': String(number) },
      },
      status: this.buildsFail
        ? { phase: 'Failed', message: 'Generic build failed' }
        : { phase: 'Complete' },
    });
    const stream = this.one('ImageStream');
    if (!this.buildsFail && stream)
      this.put({
        ...stream,
        status: { tags: [{ tag: 'latest', items: [{ image: 'sha256:new' }] }] },
      });
  }

  install() {
    jest.mocked(k8sListItems).mockImplementation(({ model, queryParams }) => {
      this.check(false, `list ${model.kind}`);
      const byName = /^metadata\.name=(.*)$/.exec(String(queryParams.fieldSelector ?? ''))?.[1];
      const selector = queryParams.labelSelector as
        { matchLabels?: Record<string, string> } | undefined;
      const labels = selector?.matchLabels;
      return Promise.resolve(
        this.of(model.kind).filter(
          (o) =>
            (byName === undefined || o.metadata.name === byName) &&
            Object.entries(labels ?? {}).every(([k, v]) => o.metadata.labels?.[k] === v),
        ) as never,
      );
    });
    jest.mocked(k8sGet).mockImplementation(({ model, name }) => {
      this.check(false, `get ${model.kind}`);
      const found = this.one(model.kind, name);
      return found ? Promise.resolve(found as never) : Promise.reject(apiError(404, 'not found'));
    });
    jest.mocked(k8sCreate).mockImplementation(({ model, data, path }) => {
      const kind = (model as ModelArg['model']).kind;
      this.check(true, `create ${kind}${path ? `/${path}` : ''}`);
      if (path?.endsWith('/instantiate')) {
        this.build();
        return Promise.resolve(data as never);
      }
      const name = data.metadata?.name ?? '';
      if (this.one(kind, name)) return Promise.reject(apiError(409, 'already exists'));
      const created = this.put({ ...(data as K8sObject), kind });
      if (kind === 'Deployment')
        this.put({
          ...created,
          metadata: { ...created.metadata, generation: 1 },
          status: { readyReplicas: 1, updatedReplicas: 1, observedGeneration: 1 },
        });
      if (kind === 'BuildConfig') this.build();
      return Promise.resolve(created as never);
    });
    jest.mocked(k8sPatch).mockImplementation(({ model, resource, data }) => {
      this.check(true, `patch ${model.kind}`);
      const current = this.one(model.kind, resource.metadata?.name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      let patched: K8sObject;
      try {
        patched = applyJsonPatch(current, data);
      } catch {
        return Promise.reject(apiError(422, 'the test operation failed'));
      }
      const stored = this.put(patched, current.metadata.uid);
      if (
        model.kind === 'DeploymentConfig' &&
        (stored.spec as { replicas?: number }).replicas === 0
      )
        this.dropPods(NAME);
      return Promise.resolve(stored as never);
    });
    jest.mocked(k8sUpdate).mockImplementation(({ model, data }) => {
      this.check(true, `update ${model.kind}`);
      const current = this.one(model.kind, data.metadata?.name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      if (data.metadata?.resourceVersion !== current.metadata.resourceVersion)
        return Promise.reject(apiError(409, 'the object has been modified'));
      return Promise.resolve(this.put(data as K8sObject, current.metadata.uid) as never);
    });
    jest.mocked(k8sDelete).mockImplementation(({ model, resource, json }) => {
      this.check(true, `delete ${model.kind}`);
      const name = resource.metadata?.name ?? '';
      const current = this.one(model.kind, name);
      if (!current) return Promise.reject(apiError(404, 'not found'));
      const uid = (json as { preconditions?: { uid?: string } } | undefined)?.preconditions?.uid;
      if (uid && uid !== current.metadata.uid)
        return Promise.reject(apiError(409, 'Precondition failed: UID in precondition'));
      this.drop(model.kind, name);
      return Promise.resolve({} as never);
    });
  }
}

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
