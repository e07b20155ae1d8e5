import { k8sCreate, k8sDelete } from '../test-support/console-sdk-double';
import { buildManifests, defaultValues } from '../model/cache';
import { seededRandom } from '../test-support/test-utils';
import { createCache } from './create-cache';
import { removeObjects } from './create-objects';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const create = k8sCreate;
const remove = k8sDelete;

/** The largest cache the form makes: persistent, built in the cluster, a policy and a proxy CA. */
const manifests = (() => {
  const base = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });
  return buildManifests(
    {
      ...base,
      storage: { ...base.storage, kind: 'persistent' },
      network: { policy: true, clientProjects: '' },
      proxy: {
        enabled: true,
        httpProxy: 'http://proxy:3128',
        httpsProxy: '',
        noProxy: '',
        trustedCa: true,
      },
    },
    'demo',
    seededRandom(1),
    { pluginVersion: '0.1.0', rendering: 'create' },
  );
})();
const KINDS = manifests.map(({ object }) => `${object.kind}/${object.metadata?.name ?? ''}`);

/** What the console's fetch rejects with for each kind of failure. */
const FAILURES: Record<string, () => Error> = {
  '403 Forbidden': () => httpError(403, 'Forbidden', 'exceeded quota: compute-resources'),
  '409 Conflict': () => httpError(409, 'AlreadyExists', 'the object already exists'),
  '422 Invalid': () => httpError(422, 'Invalid', 'spec.ports[0].port: Invalid value: 0'),
  '500 InternalError': () => httpError(500, 'InternalError', 'etcdserver: leader changed'),
  timeout: () =>
    Object.assign(new Error('Call to /api/kubernetes/… timed out after 60000ms'), {
      name: 'TimeoutError',
    }),
};

const httpError = (code: number, reason: string, message: string) =>
  Object.assign(new Error(message), {
    code,
    json: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message },
  });

const label = (options: { resource: { kind?: string; metadata?: { name?: string } } }) =>
  `${options.resource.kind ?? ''}/${options.resource.metadata?.name ?? ''}`;

const isDryRun = (options: Parameters<typeof k8sCreate>[0]) =>
  options.queryParams?.dryRun === 'All';

/** Real creates fail at `failAt` (0-based, dry runs not counted); earlier ones succeed. */
const failRealCreateAt = (failAt: number, failure: () => Error) => {
  let real = 0;
  create.mockImplementation((options) => {
    if (isDryRun(options)) return Promise.resolve(options.data);
    const index = real;
    real += 1;
    return index === failAt ? Promise.reject(failure()) : Promise.resolve(options.data);
  });
};

const cases = Object.keys(FAILURES).flatMap((failure) =>
  KINDS.map((kind, index) => [failure, index, kind] as const),
);

describe('createCache when the cluster refuses an object', () => {
  it('makes at least the eight objects of a full cache', () => {
    expect(KINDS).toEqual(
      expect.arrayContaining(['Secret/pipcache-root', 'Deployment/pipcache', 'Service/pipcache']),
    );
    expect(KINDS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)(
    '%s at object %i (%s): removes what it made, newest first',
    async (failure, index) => {
      failRealCreateAt(index, FAILURES[failure]!);
      remove.mockResolvedValue({});
      const report = await createCache(manifests);
      expect(report.outcome).toBe('rolled-back');
      expect(remove.mock.calls.map(([options]) => label(options))).toEqual(
        KINDS.slice(0, index).reverse(),
      );
      expect(report.objects.map((o) => o.fate.state)).toEqual(
        KINDS.map((_kind, i) =>
          i < index ? 'removed' : i === index ? 'create-failed' : 'not-attempted',
        ),
      );
      const failed = report.objects[index]!.fate;
      expect(failed.state === 'create-failed' && failed.error.timedOut).toBe(failure === 'timeout');
      // Nothing after the failing object was sent for real.
      expect(create.mock.calls.filter(([options]) => !isDryRun(options))).toHaveLength(index + 1);
      expect(report.leftovers).toEqual([]);
    },
  );

  it.each(cases)(
    '%s in the dry run of object %i (%s): creates and removes nothing',
    async (failure, index) => {
      create.mockImplementation((options) =>
        isDryRun(options) && label({ resource: options.data }) === KINDS[index]
          ? Promise.reject(FAILURES[failure]!())
          : Promise.resolve(options.data),
      );
      const report = await createCache(manifests);
      expect(report.outcome).toBe('dry-run-failed');
      expect(create.mock.calls.every(([options]) => isDryRun(options))).toBe(true);
      expect(remove).not.toHaveBeenCalled();
      expect(report.objects[index]!.fate.state).toBe('dry-run-failed');
    },
  );

  it.each(KINDS.slice(0, -1).map((kind, index) => [index, kind] as const))(
    'when removing object %i (%s) fails too, reports it for a retry, and the retry removes it',
    async (stuck) => {
      const failAt = KINDS.length - 1;
      failRealCreateAt(failAt, FAILURES['500 InternalError']!);
      remove.mockImplementation((options) =>
        label(options) === KINDS[stuck]
          ? Promise.reject(httpError(500, 'InternalError', 'etcdserver: request timed out'))
          : Promise.resolve({}),
      );
      const report = await createCache(manifests);
      expect(report.outcome).toBe('rollback-incomplete');
      expect(report.leftovers.map((o) => `${o.model.kind}/${o.data.metadata?.name ?? ''}`)).toEqual(
        [KINDS[stuck]],
      );
      expect(report.objects[stuck]!.fate.state).toBe('removal-failed');
      // Every other object was still removed: one failure does not stop the rollback.
      expect(remove.mock.calls.map(([options]) => label(options))).toEqual(
        KINDS.slice(0, failAt).reverse(),
      );

      remove.mockReset();
      remove.mockResolvedValue({});
      const retry = await removeObjects(report.leftovers);
      expect(retry.leftovers).toEqual([]);
      expect(remove.mock.calls.map(([options]) => label(options))).toEqual([KINDS[stuck]]);
    },
  );
});
