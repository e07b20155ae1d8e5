import { applyJsonPatch } from '../../../integration-tests/cluster-api/patch';
import {
  bytesByClaim,
  diskSentence,
  diskUseOf,
  expandPatch,
  formatBytes,
  validateNewSize,
  volumeQuery,
} from './disk';
import type { PersistentVolumeClaim } from '../shared';
import { t } from '../../test-support/test-utils';

const vector = (samples: Record<string, string>) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: Object.entries(samples).map(([claim, value]) => ({
      metric: { persistentvolumeclaim: claim, namespace: 'demo' },
      value: [1700000000, value] as [number, string],
    })),
  },
});

describe('disk use', () => {
  it('queries one project and reads bytes per claim, skipping garbage', () => {
    expect(volumeQuery('kubelet_volume_stats_used_bytes', 'demo')).toBe(
      'kubelet_volume_stats_used_bytes{namespace="demo"}',
    );
    expect(volumeQuery('m', 'a"b')).toBe('m{namespace="ab"}');
    const used = bytesByClaim(vector({ 'a-data': '100', 'b-data': 'NaN?' }));
    expect([...used]).toEqual([['a-data', 100]]);
    expect(bytesByClaim(undefined).size).toBe(0);
  });

  it.each([
    [0.5, 'ok'],
    [0.8, 'warning'],
    [0.949, 'warning'],
    [0.95, 'critical'],
  ])('at %s the level is %s', (ratio, level) => {
    const use = diskUseOf('c', new Map([['c', ratio * 1000]]), new Map([['c', 1000]]));
    expect(use?.level).toBe(level);
  });

  it('has no figure without both metrics', () => {
    expect(diskUseOf('c', new Map(), new Map([['c', 10]]))).toBeUndefined();
    expect(diskUseOf('c', new Map([['c', 1]]), new Map([['c', 0]]))).toBeUndefined();
  });

  it('says how full and what to do', () => {
    const use = diskUseOf('c', new Map([['c', 900 * 1024 ** 2]]), new Map([['c', 1024 ** 3]]));
    expect(use && diskSentence(use, t)).toBe(
      '900.0 MiB of 1.0 GiB used (88%). devpi never removes packages: expand the volume or empty the cache before it fills up.',
    );
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('growing a volume', () => {
  const pvc: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'c-data' },
    spec: { resources: { requests: { storage: '1Gi' } } },
  };

  it.each([
    ['', 'Enter a size'],
    ['5 Gi', 'a number and a unit'],
    ['-1Gi', 'a number and a unit'],
    ['1Gi', 'can only grow'],
    ['500Mi', 'can only grow'],
  ])('refuses %j', (text, message) => {
    expect(validateNewSize(text, '1Gi', t)).toContain(message);
  });

  it('accepts a larger size and patches it, guarded by the size it read', () => {
    expect(validateNewSize('2Gi', '1Gi', t)).toBeUndefined();
    const grown = applyJsonPatch(pvc, expandPatch(pvc, ' 2Gi '));
    expect(grown.spec?.resources?.requests?.storage).toBe('2Gi');
    const changed = { ...pvc, spec: { resources: { requests: { storage: '3Gi' } } } };
    expect(() => applyJsonPatch(changed, expandPatch(pvc, '2Gi'))).toThrow();
  });
});
