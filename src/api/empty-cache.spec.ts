import type { Deployment, PersistentVolumeClaim, Pod } from '../model/shared';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sListItems,
  k8sPatch,
} from '../test-support/console-sdk-double';
import { emptyCache } from './empty-cache';
import { isAbortError, StepError } from './steps';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));

const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'c', namespace: 'demo', uid: 'dep-uid', resourceVersion: '3' },
  spec: { replicas: 1, selector: {}, template: {} },
};

const claim = (uid: string): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'c-data', namespace: 'demo', uid, labels: { app: 'x' } },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
});

const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c-1' } };

/** The namespace as the mocks answer it: the cache's pods and its claim. */
let pods: Pod[];
let claims: PersistentVolumeClaim[];
const steps: string[] = [];

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers();
  pods = [pod];
  claims = [claim('old-uid')];
  steps.length = 0;
  jest.mocked(k8sGet).mockResolvedValue(deployment);
  jest.mocked(k8sPatch).mockImplementation(({ data }) => {
    // Scaling to zero stops the pod a little later, as the Deployment controller does.
    if (JSON.stringify(data).includes('"value":0')) setTimeout(() => (pods = []), 2_500);
    return Promise.resolve(deployment);
  });
  jest
    .mocked(k8sListItems)
    .mockImplementation(({ model }) =>
      Promise.resolve((model.kind === 'Pod' ? pods : claims) as never),
    );
  jest.mocked(k8sDelete).mockImplementation(() => {
    claims = [];
    return Promise.resolve({});
  });
  jest.mocked(k8sCreate).mockImplementation(({ data }) => {
    claims = [{ ...(data as PersistentVolumeClaim), metadata: { ...data.metadata, uid: 'new' } }];
    return Promise.resolve(data);
  });
});

afterEach(() => {
  expect(jest.getTimerCount()).toBe(0);
  jest.useRealTimers();
});

describe('emptyCache', () => {
  it('scales down, waits for the pod to go, replaces the claim by uid and scales back', async () => {
    const run = emptyCache(deployment, claim('old-uid'), (step) => steps.push(step));
    await jest.advanceTimersByTimeAsync(3_000);
    await run;
    expect(steps).toEqual(['scale-down', 'delete-claim', 'create-claim', 'scale-up']);
    expect(jest.mocked(k8sDelete).mock.calls[0]?.[0].json).toMatchObject({
      preconditions: { uid: 'old-uid' },
    });
    expect(claims[0]?.metadata?.uid).toBe('new');
    expect(jest.mocked(k8sPatch)).toHaveBeenCalledTimes(2);
  });

  it('stops at the step the cluster refused, with its message', async () => {
    jest
      .mocked(k8sCreate)
      .mockRejectedValue(
        Object.assign(new Error('x'), { json: { code: 500, message: 'leader changed' } }),
      );
    const run = emptyCache(deployment, claim('old-uid'), (step) => steps.push(step)).catch(
      (error: unknown) => error,
    );
    await jest.advanceTimersByTimeAsync(3_000);
    const failure = await run;
    expect(failure).toBeInstanceOf(StepError);
    expect(failure).toMatchObject({ step: 'create-claim', info: { message: 'leader changed' } });
    expect(steps.at(-1)).toBe('create-claim');
  });

  it('says so after two minutes when the pod does not stop', async () => {
    jest.mocked(k8sPatch).mockResolvedValue(deployment);
    const run = emptyCache(deployment, claim('old-uid'), () => undefined).catch(
      (error: unknown) => error,
    );
    await jest.advanceTimersByTimeAsync(121_000);
    expect(await run).toMatchObject({ step: 'scale-down', info: { timedOut: true } });
    expect(k8sDelete).not.toHaveBeenCalled();
  });

  it('stops waiting when cancelled, before it deletes anything', async () => {
    jest.mocked(k8sPatch).mockResolvedValue(deployment);
    const controller = new AbortController();
    const run = emptyCache(deployment, claim('old-uid'), () => undefined, controller.signal).catch(
      (error: unknown) => error,
    );
    await jest.advanceTimersByTimeAsync(5_000);
    controller.abort();
    expect(isAbortError(await run)).toBe(true);
    expect(k8sDelete).not.toHaveBeenCalled();
  });

  it('refuses a cache with no claim and no record, changing nothing', async () => {
    await expect(emptyCache(deployment, undefined, () => undefined)).rejects.toMatchObject({
      step: 'scale-down',
      info: { message: 'The cache has no volume to empty.' },
    });
    expect(k8sPatch).not.toHaveBeenCalled();
  });
});
