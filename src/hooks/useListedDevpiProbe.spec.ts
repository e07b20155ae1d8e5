import { waitFor } from '@testing-library/react';
import {
  consoleFetch,
  sdkDouble,
  textResponse,
  useAccessReview,
} from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { forgetListedProbes, useListedDevpiProbe } from './useListedDevpiProbe';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

describe('useListedDevpiProbe', () => {
  beforeEach(() => {
    forgetListedProbes();
    sdkDouble.answerFetch(() =>
      Promise.resolve(textResponse(JSON.stringify({ type: 'apiconfig', result: {} }))),
    );
  });

  it('asks one access review per project, not per Service', async () => {
    const probe = renderHook(() => useListedDevpiProbe('demo', 'alpha', true), undefined);
    await waitFor(() => expect(probe.current.kind).toBe('answered'));
    expect(useAccessReview).toHaveBeenCalledWith({
      group: '',
      resource: 'services',
      subresource: 'proxy',
      verb: 'get',
      namespace: 'demo',
    });
  });

  it('remembers the answer across mounts and asks devpi at most once a minute', async () => {
    const first = renderHook(() => useListedDevpiProbe('demo', 'alpha', true), undefined);
    await waitFor(() => expect(first.current.kind).toBe('answered'));
    first.unmount();
    // The row comes back (another page of the card): it shows what was found at once.
    const again = renderHook(() => useListedDevpiProbe('demo', 'alpha', true), undefined);
    expect(again.current.kind).toBe('answered');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consoleFetch).toHaveBeenCalledTimes(1);
    // Another cache is asked on its own.
    const other = renderHook(() => useListedDevpiProbe('demo', 'beta', true), undefined);
    await waitFor(() => expect(other.current.kind).toBe('answered'));
    expect(consoleFetch).toHaveBeenCalledTimes(2);
  });

  it('sends nothing and says why when the user may not use the service proxy', async () => {
    sdkDouble.setAccess(false);
    const probe = renderHook(() => useListedDevpiProbe('demo', 'alpha', true), undefined);
    await waitFor(() => expect(probe.current).toEqual({ kind: 'skipped', why: 'no-access' }));
    expect(consoleFetch).not.toHaveBeenCalled();
  });
});
