import type { Route } from '../model/shared';
import { k8sPatch } from '../test-support/console-sdk-double';
import { changeCacheHost, HostChangeError } from './route-host';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const patch = k8sPatch;

const route = (name: string, path: string, resourceVersion: string): Route => ({
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name, namespace: 'demo', resourceVersion },
  spec: { host: 'pipcache-demo.apps.example.com', path, to: { kind: 'Service', name: 'pipcache' } },
});
const simple = route('pipcache', '/root/pypi/+simple', '10');
const files = route('pipcache-files', '/root/pypi/+f', '11');

const refusal = (code: number, message: string) =>
  Object.assign(new Error(message), { code, json: { kind: 'Status', code, message } });

/** The cluster: every patch answers the patched Route with a new resourceVersion, unless told to fail. */
const cluster = (fail: (name: string, host: unknown) => boolean) => {
  const calls: { name: string; data: unknown }[] = [];
  patch.mockImplementation((options) => {
    const name = options.resource.metadata?.name ?? '';
    const data = options.data as { op: string; value?: unknown }[];
    calls.push({ name, data });
    const host = data[1]?.value;
    if (fail(name, host)) return Promise.reject(refusal(403, `${name} refused`));
    const current = options.resource as Route;
    return Promise.resolve({
      ...current,
      metadata: { ...current.metadata, resourceVersion: `${current.metadata.resourceVersion}+` },
      spec: { ...current.spec, host },
    });
  });
  return calls;
};

describe('changeCacheHost', () => {
  beforeEach(() => patch.mockReset());

  it('moves N and then N-files to the new host, each guarded by its resourceVersion', async () => {
    const calls = cluster(() => false);
    await changeCacheHost(simple, files, 'pypi.example.com');
    expect(calls).toEqual([
      {
        name: 'pipcache',
        data: [
          { op: 'test', path: '/metadata/resourceVersion', value: '10' },
          { op: 'replace', path: '/spec/host', value: 'pypi.example.com' },
        ],
      },
      {
        name: 'pipcache-files',
        data: [
          { op: 'test', path: '/metadata/resourceVersion', value: '11' },
          { op: 'replace', path: '/spec/host', value: 'pypi.example.com' },
        ],
      },
    ]);
  });

  it('changes only N on a cache of schema 1, which has no N-files', async () => {
    const calls = cluster(() => false);
    await changeCacheHost(simple, undefined, 'pypi.example.com');
    expect(calls.map((call) => call.name)).toEqual(['pipcache']);
  });

  it('touches nothing else when N refuses', async () => {
    const calls = cluster((name) => name === 'pipcache');
    const error = await changeCacheHost(simple, files, 'pypi.example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostChangeError);
    expect((error as HostChangeError).restored).toBe(true);
    expect(calls.map((call) => call.name)).toEqual(['pipcache']);
  });

  it('puts N back on its old host when N-files refuses, guarded by the version N got', async () => {
    const calls = cluster((name) => name === 'pipcache-files');
    const error = await changeCacheHost(simple, files, 'pypi.example.com').catch((e: unknown) => e);
    expect(error).toMatchObject({ restored: true, message: 'pipcache-files refused' });
    expect(calls.at(-1)).toEqual({
      name: 'pipcache',
      data: [
        { op: 'test', path: '/metadata/resourceVersion', value: '10+' },
        { op: 'replace', path: '/spec/host', value: 'pipcache-demo.apps.example.com' },
      ],
    });
  });

  it('says N could not be put back when the rollback fails too', async () => {
    cluster((name, host) => name === 'pipcache-files' || host === 'pipcache-demo.apps.example.com');
    const error = await changeCacheHost(simple, files, 'pypi.example.com').catch((e: unknown) => e);
    expect(error).toMatchObject({ restored: false, message: 'pipcache-files refused' });
  });
});
