import {
  MALLOC_ARENA_ENV,
  RECOMMENDED_REQUEST_TIMEOUT,
  RECOMMENDED_RESOURCES,
  sizingShortfalls,
  withRecommendedSizing,
} from './sizing';
import { t } from '../../test-support/test-utils';
import { defaultValues, type PipCacheValues } from './values';

/** The values of a cache created before the plugin sized for load (its old defaults). */
const oldCache = (): PipCacheValues => {
  const values = defaultValues();
  return {
    ...values,
    resources: { memoryRequest: '256Mi', memoryLimit: '768Mi', cpuRequest: '100m', cpuLimit: '' },
    devpi: { ...values.devpi, requestTimeout: '' },
  };
};

describe('sizing for a wave of builds', () => {
  it('defaults a new cache to the recommended resources and upstream timeout', () => {
    const values = defaultValues();
    expect(values.resources).toEqual(RECOMMENDED_RESOURCES);
    expect(values.devpi.requestTimeout).toBe(RECOMMENDED_REQUEST_TIMEOUT);
    expect(sizingShortfalls(values, t)).toEqual([]);
  });

  it('recommends room above the measured peaks: 1.35 GiB without the arena cap, one busy core', () => {
    expect(RECOMMENDED_RESOURCES).toEqual({
      memoryRequest: '512Mi',
      memoryLimit: '1536Mi',
      cpuRequest: '500m',
      cpuLimit: '2',
    });
    expect(MALLOC_ARENA_ENV).toEqual({ name: 'MALLOC_ARENA_MAX', value: '2' });
  });

  it('explains each way an old cache falls short, naming its own figures', () => {
    const shortfalls = sizingShortfalls(oldCache(), t);
    expect(shortfalls.map((shortfall) => shortfall.field)).toEqual([
      'resources.memoryLimit',
      'resources.cpuRequest',
      'devpi.requestTimeout',
    ]);
    expect(shortfalls[0]?.message).toContain('The memory limit 768Mi is below 1536Mi');
    expect(shortfalls[0]?.message).toContain('OOM-killed');
    expect(shortfalls[1]?.message).toContain('The CPU request 100m is below 500m');
    expect(shortfalls[2]?.message).toContain('timeout of 5 seconds');
  });

  it('counts a missing CPU request as short, and a larger setting as enough', () => {
    const values = oldCache();
    expect(
      sizingShortfalls(
        {
          ...values,
          resources: { memoryRequest: '1Gi', memoryLimit: '4Gi', cpuRequest: '', cpuLimit: '' },
          devpi: { ...values.devpi, requestTimeout: '60' },
        },
        t,
      ).map((shortfall) => shortfall.field),
    ).toEqual(['resources.cpuRequest']);
  });

  it('raises an old cache to the recommendation and keeps what is already larger', () => {
    expect(withRecommendedSizing(oldCache()).resources).toEqual({
      memoryRequest: '512Mi',
      memoryLimit: '1536Mi',
      cpuRequest: '500m',
      // No CPU limit stays no CPU limit.
      cpuLimit: '',
    });
    expect(withRecommendedSizing(oldCache()).devpi.requestTimeout).toBe('30');
    const big = {
      ...oldCache(),
      resources: { memoryRequest: '2Gi', memoryLimit: '4Gi', cpuRequest: '1', cpuLimit: '1' },
    };
    big.devpi.requestTimeout = '120';
    const raised = withRecommendedSizing(big);
    expect(raised.resources).toEqual({
      memoryRequest: '2Gi',
      memoryLimit: '4Gi',
      cpuRequest: '1',
      cpuLimit: '2',
    });
    expect(raised.devpi.requestTimeout).toBe('120');
    expect(sizingShortfalls(raised, t)).toEqual([]);
  });
});
