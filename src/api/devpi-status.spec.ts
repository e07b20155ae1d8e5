import * as fs from 'fs';
import * as path from 'path';
import { consoleFetch, textResponse } from '../test-support/console-sdk-double';
import { fetchDevpiStatus } from './devpi-status';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const fetchMock = consoleFetch;

describe('fetchDevpiStatus', () => {
  it('asks /+status through the service proxy and keeps the facts of a real answer', async () => {
    fetchMock.mockResolvedValue(
      textResponse(
        fs.readFileSync(
          path.join(__dirname, '../../integration-tests/fixtures/devpi-6.19.1/status.body'),
          'utf8',
        ),
      ),
    );
    const result = await fetchDevpiStatus('demo', 'pipcache');
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/kubernetes/api/v1/namespaces/demo/services/http:pipcache:80/proxy/+status',
    );
    expect(result).toEqual({
      kind: 'answered',
      value: expect.objectContaining({ version: '6.19.1', serial: 0 }) as unknown,
    });
  });

  it('reports a refusal of the service proxy with its code', async () => {
    fetchMock.mockRejectedValue({ json: { code: 403, message: 'forbidden' } });
    expect(await fetchDevpiStatus('demo', 'pipcache')).toEqual({
      kind: 'http-error',
      status: 403,
      message: 'forbidden',
    });
  });

  it('says when the answer is not devpi', async () => {
    fetchMock.mockResolvedValue(textResponse('<html>router</html>'));
    expect(await fetchDevpiStatus('demo', 'pipcache')).toEqual({ kind: 'not-devpi' });
  });
});
