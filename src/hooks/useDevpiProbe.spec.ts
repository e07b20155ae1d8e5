import { act, waitFor } from '@testing-library/react';
import { consoleFetch, sdkDouble, textResponse } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useDevpiProbe } from './useDevpiProbe';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const API = '/api/kubernetes/api/v1/namespaces/demo/services/http:alpha:80/proxy/+api';
const devpiAnswers = () =>
  sdkDouble.answerFetch(() =>
    Promise.resolve(textResponse(JSON.stringify({ type: 'apiconfig', result: {} }))),
  );

/** Lets the awaited probe and the state update after it run under fake timers. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

describe('useDevpiProbe', () => {
  afterEach(() => jest.useRealTimers());

  it("asks devpi's /+api through the service proxy and reports the answer", async () => {
    devpiAnswers();
    const probe = renderHook(() => useDevpiProbe('demo', 'alpha', true), undefined);
    expect(probe.current).toEqual({ kind: 'skipped', why: 'not-yet' });
    await waitFor(() => expect(probe.current.kind).toBe('answered'));
    expect(consoleFetch.mock.calls[0]?.[0]).toBe(API);
  });

  it('sends nothing and says why when the user may not use the service proxy', async () => {
    devpiAnswers();
    sdkDouble.setAccess(false);
    const probe = renderHook(() => useDevpiProbe('demo', 'alpha', true), undefined);
    await waitFor(() => expect(probe.current).toEqual({ kind: 'skipped', why: 'no-access' }));
    expect(consoleFetch).not.toHaveBeenCalled();
  });

  it('sends nothing while disabled or while the access review is pending', async () => {
    devpiAnswers();
    renderHook(() => useDevpiProbe('demo', 'alpha', false), undefined);
    sdkDouble.setAccess(true, true);
    renderHook(() => useDevpiProbe('demo', 'alpha', true), undefined);
    await settle();
    expect(consoleFetch).not.toHaveBeenCalled();
  });

  it('asks again every 30 s while devpi answers, sooner after a failure, and stops on unmount', async () => {
    jest.useFakeTimers();
    let fail = false;
    sdkDouble.answerFetch(() =>
      fail
        ? Promise.reject(new Error('connection refused'))
        : Promise.resolve(textResponse(JSON.stringify({ type: 'apiconfig', result: {} }))),
    );
    const probe = renderHook(() => useDevpiProbe('demo', 'alpha', true), undefined);
    await settle();
    expect(consoleFetch).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(29_999);
      await Promise.resolve();
    });
    expect(consoleFetch).toHaveBeenCalledTimes(1);
    fail = true;
    await act(async () => {
      jest.advanceTimersByTime(1);
      await Promise.resolve();
    });
    await settle();
    expect(consoleFetch).toHaveBeenCalledTimes(2);
    expect(probe.current.kind).toBe('network-error');
    // After one failure the next probe comes after 5 s, not 30 s.
    await act(async () => {
      jest.advanceTimersByTime(5_000);
      await Promise.resolve();
    });
    await settle();
    expect(consoleFetch).toHaveBeenCalledTimes(3);
    probe.unmount();
    await act(async () => {
      jest.advanceTimersByTime(300_000);
      await Promise.resolve();
    });
    expect(consoleFetch).toHaveBeenCalledTimes(3);
  });
});
