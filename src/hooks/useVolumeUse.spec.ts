import { waitFor } from '@testing-library/react';
import { consoleFetchJSON, K8sStatusError, sdkDouble } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useVolumeUse } from './useVolumeUse';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

/** Prometheus answers: 40 bytes used of 100 for the claim alpha-data. */
const prometheus = (url: string) =>
  Promise.resolve({
    status: 'success',
    data: {
      resultType: 'vector',
      result: [
        {
          metric: { persistentvolumeclaim: 'alpha-data' },
          value: [0, decodeURIComponent(url).includes('capacity_bytes') ? '100' : '40'],
        },
      ],
    },
  });

describe('useVolumeUse', () => {
  it("reads the project's used and capacity bytes through the tenancy API", async () => {
    sdkDouble.answerFetchJSON(prometheus);
    const use = renderHook(() => useVolumeUse('demo'), undefined);
    expect(use.current.loaded).toBe(false);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    expect(use.current.used.get('alpha-data')).toBe(40);
    expect(use.current.capacity.get('alpha-data')).toBe(100);
    expect(consoleFetchJSON).toHaveBeenCalledTimes(2);
    expect(
      consoleFetchJSON.mock.calls.every(([url]) =>
        url.startsWith('/api/prometheus-tenancy/api/v1/query?namespace=demo&'),
      ),
    ).toBe(true);
  });

  it('says why when monitoring cannot be read', async () => {
    sdkDouble.answerFetchJSON(() =>
      Promise.reject(new K8sStatusError(503, 'monitoring is unavailable')),
    );
    const use = renderHook(() => useVolumeUse('demo'), undefined);
    await waitFor(() => expect(use.current.loaded).toBe(true));
    expect(use.current.error).toMatchObject({ code: 503, message: 'monitoring is unavailable' });
  });

  it('reads nothing without a project', async () => {
    const use = renderHook(() => useVolumeUse(undefined), undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consoleFetchJSON).not.toHaveBeenCalled();
    expect(use.current.loaded).toBe(false);
  });
});
