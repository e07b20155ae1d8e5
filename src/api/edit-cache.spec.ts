import { k8sCreate, k8sDelete, k8sPatch } from '../test-support/console-sdk-double';
import type { Route } from '../model/shared';
import type { ObjectPatch } from '../model/living';
import { dryRunThenPatch } from './edit-cache';
import { isConflict } from './k8s-error';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const patchMock = k8sPatch;
const createMock = k8sCreate;
const deleteMock = k8sDelete;

const patches: ObjectPatch[] = [
  {
    kind: 'BuildConfig',
    name: 'pipcache',
    operations: [{ op: 'add', path: '/spec/nodeSelector', value: { a: 'b' } }],
  },
  {
    kind: 'Deployment',
    name: 'pipcache',
    operations: [{ op: 'test', path: '/metadata/resourceVersion', value: '7' }],
  },
];

type PatchOptions = Parameters<typeof k8sPatch>[0];
const isDryRun = (options: PatchOptions) => options.queryParams?.dryRun === 'All';
/** What the console's fetch rejects with: an Error carrying the `Status` body. */
const status = (code: number, message: string) =>
  Object.assign(new Error(message), {
    code,
    json: { kind: 'Status', code, message, details: { causes: [] } },
  });

describe('dryRunThenPatch', () => {
  it('dry runs every patch, then applies them in order', async () => {
    patchMock.mockResolvedValue({});
    const report = await dryRunThenPatch('demo', patches);
    expect(report.outcome).toBe('applied');
    const calls = patchMock.mock.calls.map(([options]) => [
      options.model.kind,
      isDryRun(options),
      options.resource.metadata?.namespace,
    ]);
    expect(calls).toEqual([
      ['BuildConfig', true, 'demo'],
      ['Deployment', true, 'demo'],
      ['BuildConfig', false, 'demo'],
      ['Deployment', false, 'demo'],
    ]);
  });

  it('applies nothing when a dry run fails, and marks a failed test operation as a conflict', async () => {
    patchMock.mockImplementation((options) =>
      options.model.kind === 'Deployment'
        ? Promise.reject(status(422, 'the server rejected our request'))
        : Promise.resolve({}),
    );
    const report = await dryRunThenPatch('demo', patches);
    expect(report.outcome).toBe('dry-run-failed');
    expect(patchMock.mock.calls.every(([options]) => isDryRun(options))).toBe(true);
    expect(report.patches[1]?.fate).toEqual(
      expect.objectContaining({ state: 'dry-run-failed', conflict: true }),
    );
  });

  it('says which patches were applied when a later one fails, and keeps the rest for a retry', async () => {
    patchMock.mockImplementation((options) =>
      options.model.kind === 'Deployment' && !isDryRun(options)
        ? Promise.reject(status(500, 'etcd timed out'))
        : Promise.resolve({}),
    );
    const report = await dryRunThenPatch('demo', patches);
    expect(report.outcome).toBe('partly-applied');
    expect(report.patches.map((patch) => patch.fate.state)).toEqual(['applied', 'apply-failed']);
    expect(report.remaining).toEqual([patches[1]]);
  });
});

describe('dryRunThenPatch: splitting a schema-1 route', () => {
  const filesRoute: Route = {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'pipcache-files', namespace: 'elsewhere' },
    spec: {
      host: 'pipcache-demo.apps.example.com',
      path: '/root/pypi/+f',
      to: { kind: 'Service', name: 'pipcache' },
    },
  };
  const split: ObjectPatch[] = [
    { kind: 'Route', name: 'pipcache-files', operations: [], create: filesRoute },
    {
      kind: 'Route',
      name: 'pipcache',
      operations: [
        { op: 'test', path: '/metadata/resourceVersion', value: '13' },
        { op: 'add', path: '/spec/path', value: '/root/pypi/+simple' },
      ],
    },
    {
      kind: 'Deployment',
      name: 'pipcache',
      operations: [{ op: 'test', path: '/metadata/resourceVersion', value: '7' }],
    },
  ];
  const steps: string[] = [];
  beforeEach(() => {
    steps.length = 0;
    patchMock.mockReset();
    createMock.mockReset();
    deleteMock.mockReset();
    createMock.mockImplementation((options) => {
      steps.push(
        `create ${options.data.metadata?.name} in ${options.data.metadata?.namespace}${isDryRun(options as never) ? ' (dry run)' : ''}`,
      );
      return Promise.resolve({
        ...options.data,
        metadata: { ...options.data.metadata, uid: 'u-1' },
      });
    });
    deleteMock.mockImplementation((options) => {
      steps.push(`delete ${options.resource.metadata?.name} uid ${options.resource.metadata?.uid}`);
      return Promise.resolve({});
    });
  });
  const patching = (failing?: string) =>
    patchMock.mockImplementation((options) => {
      const step = `patch ${options.model.kind} ${options.resource.metadata?.name}${isDryRun(options) ? ' (dry run)' : ''}`;
      steps.push(step);
      return step === failing ? Promise.reject(status(500, 'etcd timed out')) : Promise.resolve({});
    });

  it('dry runs the create too, then creates N-files in the cache namespace before narrowing N', async () => {
    patching();
    const report = await dryRunThenPatch('demo', split);
    expect(report.outcome).toBe('applied');
    expect(steps).toEqual([
      'create pipcache-files in demo (dry run)',
      'patch Route pipcache (dry run)',
      'patch Deployment pipcache (dry run)',
      'create pipcache-files in demo',
      'patch Route pipcache',
      'patch Deployment pipcache',
    ]);
  });

  it('removes the N-files it created when narrowing N fails, so nothing is left half-made', async () => {
    patching('patch Route pipcache');
    const report = await dryRunThenPatch('demo', split);
    expect(report.outcome).toBe('nothing-applied');
    expect(steps.slice(3)).toEqual([
      'create pipcache-files in demo',
      'patch Route pipcache',
      'delete pipcache-files uid u-1',
    ]);
    expect(report.patches.map((patch) => patch.fate.state)).toEqual([
      'removed',
      'apply-failed',
      'not-attempted',
    ]);
    // A retry creates N-files again.
    expect(report.remaining).toEqual(split);
  });

  it('keeps N-files once N is narrowed, even when a later patch fails', async () => {
    patching('patch Deployment pipcache');
    const report = await dryRunThenPatch('demo', split);
    expect(report.outcome).toBe('partly-applied');
    expect(deleteMock).not.toHaveBeenCalled();
    expect(report.remaining).toEqual([split[2]]);
  });

  it('says so when the created N-files cannot be removed', async () => {
    patching('patch Route pipcache');
    deleteMock.mockRejectedValue(status(500, 'etcd timed out'));
    const report = await dryRunThenPatch('demo', split);
    expect(report.outcome).toBe('partly-applied');
    expect(report.patches[0]?.fate.state).toBe('removal-failed');
    expect(report.remaining).toEqual(split.slice(1));
  });
});

describe('isConflict', () => {
  it('is a 409, or a 422 without field causes, and not an invalid field', () => {
    expect(isConflict({ code: 409, message: '', causes: [], timedOut: false })).toBe(true);
    expect(isConflict({ code: 422, message: '', causes: [], timedOut: false })).toBe(true);
    expect(
      isConflict({
        code: 422,
        message: '',
        causes: [{ field: 'spec.nodeSelector', message: 'bad' }],
        timedOut: false,
      }),
    ).toBe(false);
  });
});
