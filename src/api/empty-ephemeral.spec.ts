import { ANNOTATION_EMPTIED_AT } from '../model/living';
import type { Deployment, Pod } from '../model/shared';
import { k8sGet, k8sListItems, k8sPatch } from '../test-support/console-sdk-double';
import { emptyEphemeralCache } from './empty-ephemeral';
import { StepError } from './steps';

jest.mock('../sdk/console-sdk', () => jest.requireActual('../test-support/console-sdk-double'));
const get = k8sGet;
const list = k8sListItems;
const patch = k8sPatch;

const fast = { waitMs: 1_000, pollMs: 0 };

const deployment = (stamp?: string): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'c', namespace: 'demo', resourceVersion: '7' },
  spec: {
    selector: {},
    template: {
      metadata: {
        labels: { app: 'c' },
        ...(stamp ? { annotations: { [ANNOTATION_EMPTIED_AT]: stamp } } : {}),
      },
    },
  },
});

const pod = (name: string, stamp: string | undefined, ready: boolean): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(stamp ? { annotations: { [ANNOTATION_EMPTIED_AT]: stamp } } : {}) },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

/** The stamp the n-th patch set on the pod template. */
const stampOf = (call: number): string => {
  const value = (patch.mock.calls[call]?.[0].data as { value?: unknown }[] | undefined)?.[1]?.value;
  return (value as Record<string, string> | undefined)?.[ANNOTATION_EMPTIED_AT] ?? 'no stamp';
};

describe('emptyEphemeralCache', () => {
  it('stamps the template, waits for the old pod to stop and the new one to be ready', async () => {
    get.mockResolvedValue(deployment());
    patch.mockImplementation(({ resource }) => Promise.resolve(resource));
    // Old pod, then none, then the new one starting, then ready.
    const answers = [
      () => [pod('c-old', undefined, true)],
      () => [],
      () => [pod('c-new', stampOf(0), false)],
      () => [pod('c-new', stampOf(0), true)],
    ];
    list.mockImplementation(() => Promise.resolve((answers.shift() ?? answers[0]!)()));
    const steps: string[] = [];
    const name = await emptyEphemeralCache(deployment(), (step) => steps.push(step), fast);
    expect(name).toBe('c-new');
    expect([...new Set(steps)]).toEqual(['restart', 'stop', 'start']);
    const data = patch.mock.calls[0]?.[0].data as { op: string; path: string }[];
    expect(data.map((op) => `${op.op} ${op.path}`)).toEqual([
      'test /spec/template/metadata',
      'add /spec/template/metadata/annotations',
    ]);
  });

  it('waits for the restart another run made meanwhile instead of restarting twice', async () => {
    const theirs = '2026-12-02T18:00:00.000Z';
    get
      .mockResolvedValueOnce(deployment())
      // The re-read after the guard failed: the other run's stamp.
      .mockResolvedValueOnce(deployment(theirs));
    patch.mockRejectedValue({ code: 422, json: { code: 422, message: 'test failed' } });
    list.mockResolvedValue([pod('c-theirs', theirs, true)]);
    const name = await emptyEphemeralCache(deployment(), () => undefined, fast);
    expect(name).toBe('c-theirs');
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('reports a refused patch at the restart step, with the cluster’s message', async () => {
    get.mockResolvedValue(deployment());
    patch.mockRejectedValue({
      json: { code: 403, reason: 'Forbidden', message: 'deployments.apps "c" is forbidden' },
    });
    const failure = await emptyEphemeralCache(deployment(), () => undefined, fast).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StepError);
    expect((failure as StepError).step).toBe('restart');
    expect((failure as StepError).info).toMatchObject({
      code: 403,
      message: 'deployments.apps "c" is forbidden',
    });
    expect(list).not.toHaveBeenCalled();
  });

  it('says so when the new pod does not become ready in time', async () => {
    get.mockResolvedValue(deployment());
    patch.mockImplementation(({ resource }) => Promise.resolve(resource));
    list.mockImplementation(() => Promise.resolve([pod('c-new', stampOf(0), false)]));
    const failure = (await emptyEphemeralCache(deployment(), () => undefined, {
      waitMs: 0,
      pollMs: 0,
    }).catch((error: unknown) => error)) as StepError;
    expect(failure.step).toBe('start');
    expect(failure.info.timedOut).toBe(true);
  });
});
