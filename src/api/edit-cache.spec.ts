import { k8sPatch } from '../test-support/console-sdk-double';
import type { ObjectPatch } from '../model/edit-patches';
import { dryRunThenPatch } from './edit-cache';
import { isConflict } from './k8s-error';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const patchMock = k8sPatch;

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
