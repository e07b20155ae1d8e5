import type { BuildConfig, Deployment, Route } from '../model/shared';
import { buildManifests, defaultValues } from '../model/cache';
import { seededRandom } from '../test-support/test-utils';
import { upgradePatches } from './upgrade-devpi';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const cache = () => {
  const values = defaultValues({
    pythonTags: ['3.12-ubi9'],
    allowedStrategies: ['docker'],
    canBuild: true,
  });
  const objects = buildManifests(values, 'demo', seededRandom(2), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  }).map((p) => p.object);
  const find = (kind: string, name = 'pipcache') =>
    objects.find((o) => o.kind === kind && o.metadata?.name === name);
  return {
    deployment: find('Deployment') as Deployment,
    buildConfig: find('BuildConfig') as BuildConfig,
    route: {
      ...(find('Route') as Route),
      metadata: { ...(find('Route') as Route).metadata, resourceVersion: '21' },
    },
    filesRoute: find('Route', 'pipcache-files') as Route,
  };
};

describe('upgradePatches', () => {
  it('pins the release and records it, and leaves Routes of schema 2 alone', async () => {
    const { deployment, buildConfig, route, filesRoute } = cache();
    const patches = await upgradePatches(deployment, buildConfig, '6.20.0', { route, filesRoute });
    expect(patches.map((p) => [p.kind, p.name])).toEqual([
      ['BuildConfig', 'pipcache'],
      ['Deployment', 'pipcache'],
    ]);
  });

  it('splits the route of a cache of schema 1 first: N-files created on its host, then N narrowed', async () => {
    const { deployment, buildConfig, route } = cache();
    const old: Route = {
      ...route,
      spec: { ...route.spec, host: 'pipcache-demo.apps.example.com', path: '/root/pypi' },
    };
    const patches = await upgradePatches(deployment, buildConfig, '6.20.0', { route: old });
    expect(patches.map((p) => [p.kind, p.name, p.create ? 'create' : 'patch'])).toEqual([
      ['Route', 'pipcache-files', 'create'],
      ['Route', 'pipcache', 'patch'],
      ['BuildConfig', 'pipcache', 'patch'],
      ['Deployment', 'pipcache', 'patch'],
    ]);
    expect(patches[0]?.create?.spec).toMatchObject({
      host: 'pipcache-demo.apps.example.com',
      path: '/root/pypi/+f',
    });
    expect(patches[1]?.operations).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '21' },
      { op: 'add', path: '/spec/path', value: '/root/pypi/+simple' },
    ]);
  });

  it('touches no Route of a cache without one', async () => {
    const { deployment, buildConfig } = cache();
    const patches = await upgradePatches(deployment, buildConfig, '6.20.0');
    expect(patches.some((p) => p.kind === 'Route')).toBe(false);
  });
});
