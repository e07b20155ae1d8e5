import {
  cacheDeploymentStates,
  cachesDashboardHealth,
  deploymentCacheState,
} from './dashboard-health';
import type { Deployment } from '../shared';
import { t } from '../../test-support/test-utils';

type Conditions = NonNullable<NonNullable<Deployment['status']>['conditions']>;

const deployment = (
  name: string,
  {
    namespace = 'demo',
    replicas = 1,
    ready = 1,
    conditions = [] as Conditions,
  }: { namespace?: string; replicas?: number; ready?: number; conditions?: Conditions } = {},
): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas, selector: {}, template: {} },
  status: { readyReplicas: ready, conditions },
});

const loaded = (...deployments: Deployment[]) => ({
  deployments: { data: deployments, loaded: true, loadError: undefined },
});

describe('deploymentCacheState', () => {
  it('is ready when every desired replica is ready', () => {
    expect(deploymentCacheState(deployment('a', { replicas: 2, ready: 2 }))).toBe('ready');
  });

  it('is not ready without a ready replica, and degraded with some', () => {
    expect(deploymentCacheState(deployment('a', { ready: 0 }))).toBe('not-ready');
    expect(deploymentCacheState(deployment('a', { replicas: 3, ready: 1 }))).toBe('degraded');
  });

  it('counts a missing replica count as one, as the API server defaults it', () => {
    const d = deployment('a', { ready: 0 });
    delete d.spec!.replicas;
    expect(deploymentCacheState(d)).toBe('not-ready');
  });

  it('is scaled down at zero replicas', () => {
    expect(deploymentCacheState(deployment('a', { replicas: 0, ready: 0 }))).toBe('scaled-down');
  });

  it('is failed when the rollout gave up or pods cannot be made', () => {
    expect(
      deploymentCacheState(
        deployment('a', {
          ready: 0,
          conditions: [
            { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
          ],
        }),
      ),
    ).toBe('failed');
    expect(
      deploymentCacheState(
        deployment('a', {
          ready: 1,
          conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }],
        }),
      ),
    ).toBe('failed');
  });
});

describe('cacheDeploymentStates', () => {
  it('lists problems first, then by project and name', () => {
    const states = cacheDeploymentStates(
      loaded(
        deployment('z', { namespace: 'a' }),
        deployment('b', { namespace: 'team-b', ready: 0 }),
        deployment('a', { namespace: 'demo', ready: 0 }),
        deployment('c', {
          namespace: 'demo',
          ready: 0,
          conditions: [{ type: 'Progressing', status: 'False' }],
        }),
      ).deployments,
    );
    expect(states.map((s) => `${s.namespace}/${s.name}:${s.state}`)).toEqual([
      'demo/c:failed',
      'demo/a:not-ready',
      'team-b/b:not-ready',
      'a/z:ready',
    ]);
  });

  it('is empty when the data is not a list', () => {
    expect(cacheDeploymentStates({ data: {}, loaded: true })).toEqual([]);
  });
});

describe('cachesDashboardHealth', () => {
  it('is OK when every cache is ready', () => {
    expect(cachesDashboardHealth(loaded(deployment('a'), deployment('b')), t)).toEqual({
      state: 'OK',
      message: '2 of 2 ready',
    });
  });

  it('is OK and says so when the others are scaled to zero', () => {
    expect(
      cachesDashboardHealth(loaded(deployment('a'), deployment('b', { replicas: 0 })), t),
    ).toEqual({ state: 'OK', message: '1 of 2 ready, the others scaled to zero' });
  });

  it('warns about caches that are not (fully) ready', () => {
    expect(
      cachesDashboardHealth(
        loaded(
          deployment('a'),
          deployment('b', { ready: 0 }),
          deployment('c', { replicas: 2, ready: 1 }),
        ),
        t,
      ),
    ).toEqual({ state: 'WARNING', message: '2 of 3 not ready, 1 ready' });
  });

  it('is an error as soon as one cache fails, even if others only wait', () => {
    expect(
      cachesDashboardHealth(
        loaded(
          deployment('a'),
          deployment('b', { ready: 0 }),
          deployment('c', {
            ready: 0,
            conditions: [{ type: 'Progressing', status: 'False' }],
          }),
        ),
        t,
      ),
    ).toEqual({ state: 'ERROR', message: '1 of 3 failing, 1 ready' });
  });

  it('is loading until the list arrives', () => {
    expect(
      cachesDashboardHealth({ deployments: { data: [], loaded: false, loadError: undefined } }, t),
    ).toEqual({ state: 'LOADING', message: 'Loading pip caches' });
    expect(cachesDashboardHealth({}, t).state).toBe('LOADING');
  });

  it('is not available without caches', () => {
    expect(cachesDashboardHealth(loaded(), t)).toEqual({
      state: 'NOT_AVAILABLE',
      message: 'No pip caches in the cluster',
    });
  });

  it('says why when the user may not list caches in every project', () => {
    const forbidden = { code: 403, json: { code: 403, reason: 'Forbidden' }, message: 'x' };
    expect(
      cachesDashboardHealth({ deployments: { data: [], loaded: true, loadError: forbidden } }, t),
    ).toEqual({
      state: 'NOT_AVAILABLE',
      message: 'Not available: you may not list pip caches in every project.',
    });
    expect(
      cachesDashboardHealth(
        { deployments: { data: [], loaded: false, loadError: new Error('socket closed') } },
        t,
      ),
    ).toEqual({
      state: 'NOT_AVAILABLE',
      message: 'Not available: the pip caches could not be loaded.',
    });
  });
});
