import * as fs from 'fs';
import * as path from 'path';
import { consoleFetch, textResponse } from '../test-support/console-sdk-double';
import { probeDevpi, probeUrl } from './probe';
import { ProbeQueue, probeDelayMs } from './probe-queue';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const fetchMock = consoleFetch;

const fixture = (name: string) =>
  fs.readFileSync(
    path.join(__dirname, '../../integration-tests/fixtures/devpi-6.19.1', name),
    'utf8',
  );

describe('probeUrl', () => {
  it('is the API server service-proxy path of /+api, escaped', () => {
    expect(probeUrl('demo', 'pipcache')).toBe(
      '/api/kubernetes/api/v1/namespaces/demo/services/http:pipcache:80/proxy/+api',
    );
    expect(probeUrl('a b', 'c/d')).toBe(
      '/api/kubernetes/api/v1/namespaces/a%20b/services/http:c%2Fd:80/proxy/+api',
    );
  });
});

describe('probeDevpi', () => {
  it('recognises the answer of a real devpi-server 6.19.1', async () => {
    fetchMock.mockResolvedValue(textResponse(fixture('api.body')));
    let clock = 100;
    const result = await probeDevpi('demo', 'pipcache', { now: () => (clock += 12) });
    expect(result).toEqual({ kind: 'answered', latencyMs: 12 });
    expect(fetchMock).toHaveBeenCalledWith(
      probeUrl('demo', 'pipcache'),
      expect.objectContaining({ signal: expect.any(AbortSignal) as AbortSignal }),
      6000,
    );
  });

  it('calls an answer that is not devpi garbage', async () => {
    fetchMock.mockResolvedValue(textResponse('<html>hello</html>'));
    expect((await probeDevpi('demo', 'pipcache')).kind).toBe('not-devpi');
    fetchMock.mockResolvedValue(textResponse('{"type":"something-else"}'));
    expect((await probeDevpi('demo', 'pipcache')).kind).toBe('not-devpi');
  });

  it('reports the status of an HTTP error from the proxy', async () => {
    fetchMock.mockRejectedValue(
      Object.assign(new Error('no endpoints available for service "pipcache"'), {
        code: 503,
        json: {
          kind: 'Status',
          code: 503,
          message: 'no endpoints available for service "pipcache"',
        },
      }),
    );
    expect(await probeDevpi('demo', 'pipcache')).toMatchObject({
      kind: 'http-error',
      status: 503,
      message: 'no endpoints available for service "pipcache"',
    });
  });

  it('gives up after its timeout and says so', async () => {
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    expect((await probeDevpi('demo', 'pipcache', { timeoutMs: 20 })).kind).toBe('timeout');
  });
});

describe('ProbeQueue', () => {
  it('never runs more than its limit at once and runs everything eventually', async () => {
    const queue = new ProbeQueue(4);
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        queue.run(async () => {
          peak = Math.max(peak, queue.inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          return index;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(queue.inFlight).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const queue = new ProbeQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('probeDelayMs', () => {
  it('backs off exponentially after failures, up to a ceiling', () => {
    expect([0, 1, 2, 3, 10].map((failures) => probeDelayMs(failures))).toEqual([
      15_000, 30_000, 60_000, 120_000, 300_000,
    ]);
  });
});
