import type { Pod } from '../shared';
import { t } from '../../test-support/test-utils';
import { podRestarts, podRestartsAdvice } from './pod-restarts';

const pod = (
  name: string,
  restartCount: number,
  terminated?: { reason: string; exitCode: number; finishedAt: string },
  now: 'running' | 'terminated' = 'running',
): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  status: {
    containerStatuses: [
      {
        name: 'devpi',
        image: 'devpi',
        imageID: '',
        ready: now === 'running',
        restartCount,
        state:
          now === 'terminated' && terminated
            ? { terminated }
            : { running: { startedAt: '2026-12-06T06:00:00Z' } },
        lastState: now === 'running' && terminated ? { terminated } : {},
      },
    ],
  },
});

describe('podRestarts', () => {
  it('is nothing to say for a pod that never restarted', () => {
    expect(podRestarts([pod('a', 0)])).toBeUndefined();
    expect(podRestarts([])).toBeUndefined();
    expect(podRestartsAdvice(podRestarts([pod('a', 0)]), '1536Mi', t)).toBeUndefined();
  });

  it('reads an OOM kill from lastState.terminated and sums restarts over pods', () => {
    const restarts = podRestarts([
      pod('old', 1, { reason: 'Error', exitCode: 1, finishedAt: '2026-12-06T05:00:00Z' }),
      pod('new', 2, { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-12-06T06:00:00Z' }),
    ]);
    expect(restarts).toEqual({
      restarts: 3,
      podName: 'new',
      lastReason: 'OOMKilled',
      lastExitCode: 137,
      lastFinishedAt: '2026-12-06T06:00:00Z',
      oomKilled: true,
    });
  });

  it('says to raise the memory limit to the recommendation when the limit is below it', () => {
    const advice = podRestartsAdvice(
      podRestarts([
        pod('p', 1, { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-12-06T06:00:00Z' }),
      ]),
      '768Mi',
      t,
    );
    expect(advice?.severity).toBe('danger');
    expect(advice?.title).toContain('OOMKilled');
    expect(advice?.body).toContain('memory limit of 768Mi');
    expect(advice?.body).toContain('Raise the memory limit to at least 1536Mi in Edit settings.');
    expect(advice?.body).toContain('1 restarts of devpi so far.');
  });

  it('says to raise the limit above its value when it is at the recommendation already', () => {
    const advice = podRestartsAdvice(
      podRestarts([
        pod(
          'p',
          0,
          { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-12-06T06:00:00Z' },
          'terminated',
        ),
      ]),
      '2Gi',
      t,
    );
    expect(advice?.body).toContain('Raise the memory limit above 2Gi in Edit settings.');
  });

  it('points at the previous log for a restart that was not an OOM kill', () => {
    const advice = podRestartsAdvice(
      podRestarts([
        pod('p-1', 4, { reason: 'Error', exitCode: 1, finishedAt: '2026-12-06T06:00:00Z' }),
      ]),
      '1536Mi',
      t,
    );
    expect(advice).toEqual({
      severity: 'warning',
      title: 'devpi restarted',
      body: 'Its last run ended with Error (exit code 1). 4 restarts of devpi so far. The pod log of the previous run says why: oc logs --previous p-1',
    });
  });
});
