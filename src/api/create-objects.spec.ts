import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { k8sCreate, k8sDelete } from '../test-support/console-sdk-double';
import { dryRunThenCreate, type PlannedObject } from './create-objects';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const create = k8sCreate;
const remove = k8sDelete;

const model = (kind: string): K8sModel => ({
  kind,
  apiVersion: 'v1',
  abbr: kind.slice(0, 2),
  label: kind,
  labelPlural: `${kind}s`,
  plural: `${kind.toLowerCase()}s`,
  namespaced: true,
});

const objects: PlannedObject[] = ['Secret', 'Service', 'Deployment', 'Route'].map((kind) => ({
  model: model(kind),
  data: { apiVersion: 'v1', kind, metadata: { name: 'cache', namespace: 'demo' } },
}));

/** The console's HttpError shape: message, code and the Status body in `json`. */
const httpError = (code: number, reason: string, message: string) =>
  Object.assign(new Error(message), {
    code,
    json: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message },
  });

const isDryRun = (options: Parameters<typeof k8sCreate>[0]) =>
  options.queryParams?.dryRun === 'All';

describe('dryRunThenCreate', () => {
  it('dry-runs every object, then creates them in order', async () => {
    create.mockResolvedValue({});
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('created');
    const calls = create.mock.calls.map(([options]) => [options.model.kind, isDryRun(options)]);
    expect(calls).toEqual([
      ['Secret', true],
      ['Service', true],
      ['Deployment', true],
      ['Route', true],
      ['Secret', false],
      ['Service', false],
      ['Deployment', false],
      ['Route', false],
    ]);
    expect(remove).not.toHaveBeenCalled();
  });

  it('creates nothing when a dry run fails, and reports every failing object', async () => {
    create.mockImplementation((options) =>
      options.model.kind === 'Deployment'
        ? Promise.reject(httpError(409, 'AlreadyExists', 'deployments.apps "cache" already exists'))
        : Promise.resolve({}),
    );
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('dry-run-failed');
    expect(create.mock.calls.every(([options]) => isDryRun(options))).toBe(true);
    expect(result.objects.map((o) => o.fate.state)).toEqual([
      'dry-run-passed',
      'dry-run-passed',
      'dry-run-failed',
      'dry-run-passed',
    ]);
    const failed = result.objects[2]!.fate;
    expect(failed.state === 'dry-run-failed' && failed.error).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments.apps "cache" already exists',
    });
  });

  it('removes what it created, newest first, when the 4th create fails', async () => {
    create.mockImplementation((options) =>
      !isDryRun(options) && options.model.kind === 'Route'
        ? Promise.reject(httpError(500, 'InternalError', 'etcd is unhappy'))
        : Promise.resolve({}),
    );
    remove.mockResolvedValue({});
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('rolled-back');
    expect(remove.mock.calls.map(([options]) => options.model.kind)).toEqual([
      'Deployment',
      'Service',
      'Secret',
    ]);
    expect(result.objects.map((o) => o.fate.state)).toEqual([
      'removed',
      'removed',
      'removed',
      'create-failed',
    ]);
    expect(result.leftovers).toEqual([]);
  });

  it('rolls back only the objects it made: each delete names the uid the create answered', async () => {
    create.mockImplementation((options) =>
      isDryRun(options)
        ? Promise.resolve({})
        : options.model.kind === 'Route'
          ? Promise.reject(httpError(500, 'InternalError', 'etcd is unhappy'))
          : Promise.resolve({
              ...options.data,
              metadata: { ...options.data.metadata, uid: `uid-${options.model.kind}` },
            }),
    );
    remove.mockResolvedValue({});
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('rolled-back');
    expect(
      remove.mock.calls.map(([options]) => [
        options.model.kind,
        (options.json as { preconditions?: { uid?: string } } | undefined)?.preconditions?.uid,
      ]),
    ).toEqual([
      ['Deployment', 'uid-Deployment'],
      ['Service', 'uid-Service'],
      ['Secret', 'uid-Secret'],
    ]);
  });

  it('lists what it could not remove so that the user can retry', async () => {
    create.mockImplementation((options) =>
      !isDryRun(options) && options.model.kind === 'Deployment'
        ? Promise.reject(httpError(403, 'Forbidden', 'quota exceeded'))
        : Promise.resolve({}),
    );
    remove.mockImplementation((options) =>
      options.model.kind === 'Secret'
        ? Promise.reject(httpError(500, 'InternalError', 'try again'))
        : Promise.resolve({}),
    );
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('rollback-incomplete');
    expect(result.leftovers.map((o) => o.model.kind)).toEqual(['Secret']);
    expect(result.objects.map((o) => o.fate.state)).toEqual([
      'removal-failed',
      'removed',
      'create-failed',
      'not-attempted',
    ]);
  });

  it('counts an object already gone (404) as removed', async () => {
    create.mockImplementation((options) =>
      !isDryRun(options) && options.model.kind === 'Service'
        ? Promise.reject(httpError(422, 'Invalid', 'bad port'))
        : Promise.resolve({}),
    );
    remove.mockRejectedValue(httpError(404, 'NotFound', 'secrets "cache" not found'));
    const result = await dryRunThenCreate(objects);
    expect(result.outcome).toBe('rolled-back');
    expect(result.objects[0]!.fate.state).toBe('removed');
  });

  describe('hostFrom: a Route that shares the host the API server generated for another', () => {
    const route = (name: string, hostFrom?: string): PlannedObject => ({
      model: model('Route'),
      data: {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name, namespace: 'demo' },
        spec: { path: name === 'cache' ? '/root/pypi/+simple' : '/root/pypi/+f' },
      } as PlannedObject['data'],
      ...(hostFrom ? { hostFrom } : {}),
    });
    const hostOf = (options: Parameters<typeof k8sCreate>[0]) =>
      (options.data as { spec?: { host?: string } }).spec?.host;

    it('sends N-files with the host of N from the dry-run answer, then from the real answer', async () => {
      // The API server fills in a generated host on a dry-run create too; the real create may
      // answer another one (a stand-in, or a host freed meanwhile), which then wins.
      create.mockImplementation((options) => {
        const name = options.data.metadata?.name;
        const generated = isDryRun(options) ? 'cache-demo.apps.dry' : 'cache-demo.apps.real';
        return Promise.resolve({
          ...options.data,
          spec: { ...(options.data as { spec: object }).spec, host: hostOf(options) ?? generated },
          metadata: { ...options.data.metadata, name },
        });
      });
      const result = await dryRunThenCreate([route('cache'), route('cache-files', 'cache')]);
      expect(result.outcome).toBe('created');
      expect(
        create.mock.calls.map(([options]) => [options.data.metadata?.name, hostOf(options)]),
      ).toEqual([
        ['cache', undefined],
        ['cache-files', 'cache-demo.apps.dry'],
        ['cache', undefined],
        ['cache-files', 'cache-demo.apps.real'],
      ]);
    });

    it('leaves the object as planned when the named object answered no host', async () => {
      create.mockResolvedValue({});
      await dryRunThenCreate([route('cache'), route('cache-files', 'cache')]);
      expect(create.mock.calls.map(([options]) => hostOf(options))).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    });
  });
});
