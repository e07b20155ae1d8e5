import { waitFor } from '@testing-library/react';
import { consoleFetchJSON, sdkDouble } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useClusterVolumeUse } from './useClusterVolumeUse';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

/** Prometheus answers: 40 bytes used of 100 for the claim data of every project asked. */
const prometheus = (url: string) => {
  const namespace = new URL(url, 'http://console').searchParams.get('namespace') ?? 'demo';
  return Promise.resolve({
    status: 'success',
    data: {
      resultType: 'vector',
      result: [
        {
          metric: { namespace, persistentvolumeclaim: 'data' },
          value: [0, decodeURIComponent(url).includes('capacity_bytes') ? '100' : '40'],
        },
      ],
    },
  });
};

const paths = () => consoleFetchJSON.mock.calls.map(([url]) => url.split('?')[0]);

describe('useClusterVolumeUse', () => {
  beforeEach(() => sdkDouble.answerFetchJSON(prometheus));

  it('asks cluster monitoring twice, whatever the number of projects, when the user may', async () => {
    const use = renderHook(() => useClusterVolumeUse(['a', 'b', 'c']), undefined);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    expect(use.current.clusterWide).toBe(true);
    expect(paths()).toEqual(['/api/prometheus/api/v1/query', '/api/prometheus/api/v1/query']);
  });

  it('asks project by project through the tenancy API otherwise', async () => {
    sdkDouble.setAccess(false);
    const use = renderHook(() => useClusterVolumeUse(['a', 'b']), undefined);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    expect(use.current.clusterWide).toBe(false);
    expect(paths()).toEqual(Array(4).fill('/api/prometheus-tenancy/api/v1/query'));
    expect(use.current.used.size).toBe(2);
  });

  it('reads nothing while the caches load, and nothing for no project', async () => {
    const use = renderHook(
      (projects: string[] | undefined) => useClusterVolumeUse(projects),
      undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(use.current.loaded).toBe(false);
    use.rerender([]);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    expect(consoleFetchJSON).not.toHaveBeenCalled();
  });

  it('does not start over for a new array of the same projects', async () => {
    const use = renderHook((projects: string[]) => useClusterVolumeUse(projects), ['a']);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    use.rerender(['a']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(use.current.loaded).toBe(true);
    expect(consoleFetchJSON).toHaveBeenCalledTimes(2);
  });
});
