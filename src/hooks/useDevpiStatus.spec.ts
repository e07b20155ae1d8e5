import * as fs from 'fs';
import * as path from 'path';
import { waitFor } from '@testing-library/react';
import { consoleFetch, sdkDouble, textResponse } from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useDevpiStatus } from './useDevpiStatus';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const STATUS = fs.readFileSync(
  path.join(__dirname, '../../integration-tests/fixtures/devpi-6.19.1/status.body'),
  'utf8',
);

describe('useDevpiStatus', () => {
  beforeEach(() => sdkDouble.answerFetch(() => Promise.resolve(textResponse(STATUS))));

  it("reads devpi's /+status once enabled and gives its facts", async () => {
    const status = renderHook(() => useDevpiStatus('demo', 'alpha', true), undefined);
    expect(status.current).toBeUndefined();
    await waitFor(() =>
      expect(status.current).toEqual({
        kind: 'answered',
        value: expect.objectContaining({ version: '6.19.1' }) as unknown,
      }),
    );
    expect(consoleFetch.mock.calls[0]?.[0]).toBe(
      '/api/kubernetes/api/v1/namespaces/demo/services/http:alpha:80/proxy/+status',
    );
  });

  it('asks nothing while disabled', async () => {
    const status = renderHook(
      (enabled: boolean) => useDevpiStatus('demo', 'alpha', enabled),
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consoleFetch).not.toHaveBeenCalled();
    expect(status.current).toBeUndefined();
    status.rerender(true);
    await waitFor(() => expect(status.current?.kind).toBe('answered'));
  });
});
