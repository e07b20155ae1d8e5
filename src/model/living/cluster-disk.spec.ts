import {
  bytesByNamespacedClaim,
  claimKey,
  clusterVolumeQuery,
  dataClaimOf,
  fillingCaches,
  fillingSummary,
  projectsWithClaims,
  tenancyPlan,
  TENANCY_PROJECT_LIMIT,
} from './cluster-disk';
import type { Deployment } from '../shared';
import { t } from '../../test-support/test-utils';

const sample = (namespace: string | undefined, claim: string, value: string) => ({
  metric: { persistentvolumeclaim: claim, ...(namespace ? { namespace } : {}) },
  value: [1700000000, value] as [number, string],
});

const GiB = 1024 ** 3;

describe('disk use across the cluster', () => {
  it('asks for the data claims of every project in one query per metric', () => {
    expect(clusterVolumeQuery('kubelet_volume_stats_used_bytes')).toBe(
      'kubelet_volume_stats_used_bytes{persistentvolumeclaim=~".+-data"}',
    );
  });

  it('keys bytes by project and claim, keeping the larger of duplicate series', () => {
    const answer = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          sample('demo', 'a-data', '100'),
          sample('team-b', 'a-data', '7'),
          sample('demo', 'a-data', '250'),
          sample('demo', 'b-data', 'not a number'),
          sample(undefined, 'c-data', '5'),
        ],
      },
    };
    expect([...bytesByNamespacedClaim(answer)]).toEqual([
      ['demo/a-data', 250],
      ['team-b/a-data', 7],
    ]);
    // The tenancy API answers for one project: a sample without the label belongs to it.
    expect(bytesByNamespacedClaim(answer, 'other').get('other/c-data')).toBe(5);
    expect(bytesByNamespacedClaim(undefined).size).toBe(0);
  });

  it('finds the data claim of a Deployment, none for an ephemeral cache', () => {
    const deployment = (volume: {
      name: string;
      persistentVolumeClaim?: { claimName: string };
      emptyDir?: object;
    }): Deployment => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: {},
        template: { spec: { containers: [], volumes: [volume] } },
      },
    });
    expect(
      dataClaimOf(deployment({ name: 'data', persistentVolumeClaim: { claimName: 'x-data' } })),
    ).toBe('x-data');
    expect(dataClaimOf(deployment({ name: 'data', emptyDir: {} }))).toBeUndefined();
    expect(
      dataClaimOf(deployment({ name: 'other', persistentVolumeClaim: { claimName: 'y' } })),
    ).toBeUndefined();
  });

  it('asks the tenancy API about the projects with a persistent cache, up to the limit', () => {
    const caches = [
      { namespace: 'b', claim: 'x-data' },
      { namespace: 'a', claim: 'y-data' },
      { namespace: 'b', claim: 'z-data' },
      { namespace: 'c' },
    ];
    expect(projectsWithClaims(caches)).toEqual(['a', 'b']);
    const many = Array.from({ length: TENANCY_PROJECT_LIMIT + 2 }, (_, i) => `p${100 + i}`);
    const plan = tenancyPlan(many);
    expect(plan.asked).toHaveLength(TENANCY_PROJECT_LIMIT);
    expect(plan.skipped).toEqual(many.slice(TENANCY_PROJECT_LIMIT));
    expect(tenancyPlan(['a'])).toEqual({ asked: ['a'], skipped: [] });
  });

  it('lists the caches from 80% full, fullest first', () => {
    const caches = [
      { namespace: 'demo', name: 'calm', claim: 'calm-data' },
      { namespace: 'demo', name: 'busy', claim: 'busy-data' },
      { namespace: 'demo', name: 'scratch' },
      { namespace: 'team-b', name: 'full', claim: 'full-data' },
      { namespace: 'team-b', name: 'unknown', claim: 'unknown-data' },
    ];
    const used = new Map([
      [claimKey('demo', 'calm-data'), 0.29 * GiB],
      [claimKey('demo', 'busy-data'), 0.88 * GiB],
      [claimKey('team-b', 'full-data'), 0.97 * GiB],
      [claimKey('demo', 'scratch-data'), GiB],
    ]);
    const capacity = new Map([...used.keys()].map((key) => [key, GiB]));
    const filling = fillingCaches(caches, used, capacity);
    expect(filling.map((cache) => [cache.name, cache.use.level])).toEqual([
      ['full', 'critical'],
      ['busy', 'warning'],
    ]);
    expect(fillingSummary(filling, t)).toBe(
      'Volumes filling up: 2, nearly full: 1. When a volume is full, every build using its cache fails: expand the volume or empty the cache.',
    );
    expect(fillingSummary(filling.slice(1), t)).toBe(
      'Volumes filling up: 1. devpi never removes packages: expand the volume or empty the cache before it is full.',
    );
    expect(fillingSummary([], t)).toBeUndefined();
  });
});
