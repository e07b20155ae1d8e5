import * as fs from 'fs';
import * as path from 'path';
import { waitFor } from '@testing-library/react';
import {
  consoleFetch,
  K8sStatusError,
  sdkDouble,
  textResponse,
} from '../test-support/console-sdk-double';
import { renderHook } from '../test-support/render-hook';
import { useDevpiIndexConfig } from './useDevpiIndexConfig';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const CONFIG = fs.readFileSync(
  path.join(__dirname, '../../integration-tests/fixtures/devpi-6.19.1/root-pypi-config.body'),
  'utf8',
);

describe('useDevpiIndexConfig', () => {
  beforeEach(() => sdkDouble.answerFetch(() => Promise.resolve(textResponse(CONFIG))));

  it("reads root/pypi's settings once enabled, and nothing before", async () => {
    const config = renderHook(
      (enabled: boolean) => useDevpiIndexConfig('demo', 'alpha', enabled),
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consoleFetch).not.toHaveBeenCalled();
    expect(config.current).toBeUndefined();
    config.rerender(true);
    await waitFor(() => expect(config.current?.kind).toBe('answered'));
    expect(consoleFetch.mock.calls[0]?.[0]).toMatch(
      /^\/api\/kubernetes\/api\/v1\/namespaces\/demo\/services\/http:alpha:80\/proxy\/root\/pypi/,
    );
  });

  it('reports a refusal of the service proxy', async () => {
    sdkDouble.answerFetch(() => Promise.reject(new K8sStatusError(403, 'forbidden')));
    const config = renderHook(() => useDevpiIndexConfig('demo', 'alpha', true), undefined);
    await waitFor(() =>
      expect(config.current).toEqual({ kind: 'http-error', status: 403, message: 'forbidden' }),
    );
  });
});
