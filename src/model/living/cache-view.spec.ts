import { groupCacheObjects, type WatchedKind } from './cache-resources';
import { toCacheView } from './cache-view';
import { ANNOTATION_EMPTYING, startEmptying } from './emptying';
import { toCacheInstance } from './instance';
import { type CacheManifest, buildManifests, defaultValues, type PipCacheValues } from '../cache';
import { seededRandom } from '../../test-support/test-utils';

const values = (storage: PipCacheValues['storage']['kind']): PipCacheValues => ({
  ...defaultValues({ pythonTags: ['3.12-ubi9'], allowedStrategies: ['docker'], canBuild: true }),
  name: 'c',
  storage: { kind: storage, size: '2Gi', storageClass: '', dataPath: '/opt/app-root/data' },
});

const LIST_OF: Partial<Record<CacheManifest['kind'], WatchedKind>> = {
  Deployment: 'deployments',
  Service: 'services',
  Route: 'routes',
  PersistentVolumeClaim: 'pvcs',
  BuildConfig: 'buildConfigs',
};

/** A cache's objects as the watches would deliver them, grouped as the hook groups them. */
const watched = (v: PipCacheValues, leaveOut: readonly string[] = []) => {
  const lists: Partial<Record<WatchedKind, unknown[]>> = {};
  for (const { object } of buildManifests(v, 'demo', seededRandom(5), {
    pluginVersion: '0.1.0',
    rendering: 'create',
  })) {
    const list = LIST_OF[object.kind];
    if (list && !leaveOut.includes(object.kind)) (lists[list] ??= []).push(object);
  }
  return lists;
};

describe('toCacheInstance', () => {
  it('makes the instance view from the grouped objects of one cache', () => {
    const cache = groupCacheObjects(watched(values('persistent'))).get('demo/c')!;
    const instance = toCacheInstance(cache)!;
    expect(instance).toMatchObject({
      name: 'c',
      namespace: 'demo',
      internalUrl: 'http://c.demo.svc/root/pypi/+simple/',
      storage: { kind: 'persistent', size: '2Gi' },
      builtInCluster: true,
    });
    expect(instance.values?.name).toBe('c');
  });

  it('has no instance without the Deployment', () => {
    const cache = groupCacheObjects(watched(values('persistent'))).get('demo/c')!;
    expect(toCacheInstance({ ...cache, deployments: [] })).toBeUndefined();
    expect(toCacheView({ ...cache, deployments: [] })).toBeUndefined();
  });
});

describe('toCacheView', () => {
  it('gives the page one view: instance, editable objects, Service presence and claim', () => {
    const cache = groupCacheObjects(watched(values('persistent'))).get('demo/c')!;
    const view = toCacheView(cache)!;
    expect(view.instance.name).toBe('c');
    expect(view.objects.deployment.metadata?.name).toBe('c');
    expect(view.objects.route?.kind).toBe('Route');
    expect(view.objects.buildConfig?.kind).toBe('BuildConfig');
    expect(view.hasService).toBe(true);
    expect(view.pvc?.metadata?.name).toBe('c-data');
    expect(view.cache).toBe(cache);
  });

  it('says there is no Service, and no claim for an ephemeral cache', () => {
    const cache = groupCacheObjects(watched(values('ephemeral'), ['Service'])).get('demo/c')!;
    const view = toCacheView(cache)!;
    expect(view.hasService).toBe(false);
    expect(view.pvc).toBeUndefined();
  });

  it('keeps the claim an unfinished emptying recorded, or rebuilds it from the values', () => {
    const lists = watched(values('persistent'), ['PersistentVolumeClaim']);
    const withoutClaim = groupCacheObjects(lists).get('demo/c')!;
    // The claim is gone and nothing recorded it: the values describe it.
    expect(toCacheView(withoutClaim)?.pvc?.spec?.resources?.requests?.storage).toBe('2Gi');

    const [deployment] = withoutClaim.deployments;
    const claim = groupCacheObjects(watched(values('persistent'))).get('demo/c')!.pvcs[0]!;
    const record = startEmptying(deployment!, {
      ...claim,
      spec: { ...claim.spec, resources: { requests: { storage: '7Gi' } } },
    });
    const emptying = {
      ...deployment!,
      metadata: {
        ...deployment!.metadata,
        annotations: {
          ...deployment!.metadata?.annotations,
          [ANNOTATION_EMPTYING]: JSON.stringify(record),
        },
      },
    };
    const view = toCacheView({ ...withoutClaim, deployments: [emptying] });
    expect(view?.pvc?.spec?.resources?.requests?.storage).toBe('7Gi');
  });
});
