import {
  atStep,
  delay,
  isAbortError,
  pollUntil,
  runSteps,
  StepError,
  stepFailure,
  stepStopped,
} from './steps';

/** What the console's fetch rejects with for a 403: an error carrying the API's Status. */
const forbidden = Object.assign(new Error('Forbidden'), {
  json: { code: 403, reason: 'Forbidden', message: 'pods is forbidden' },
});

/** Settles a promise that may never settle, so that a test can tell "still waiting" apart. */
const state = async (promise: Promise<unknown>): Promise<string> => {
  let result = 'pending';
  promise.then(
    () => (result = 'resolved'),
    () => (result = 'rejected'),
  );
  await Promise.resolve();
  await Promise.resolve();
  return result;
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  expect(jest.getTimerCount()).toBe(0);
  jest.useRealTimers();
});

describe('atStep', () => {
  it('turns what the cluster rejects with into a step error at that step', async () => {
    const failure = await atStep('scale-down', () => Promise.reject(forbidden)).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StepError);
    expect(failure).toMatchObject({
      step: 'scale-down',
      info: { code: 403, message: 'pods is forbidden' },
    });
  });

  it('passes a step error of an inner step unchanged', async () => {
    const inner = stepStopped('claim', 'The claim is gone.');
    await expect(atStep('build', () => Promise.reject(inner))).rejects.toBe(inner);
  });
});

describe('runSteps', () => {
  it('runs the steps in order, reporting each as it starts, and stops at the first failure', async () => {
    const seen: string[] = [];
    const failure = await runSteps(
      [
        {
          step: 'a',
          run: () => {
            seen.push('ran a');
            return Promise.resolve();
          },
        },
        { step: 'b', run: () => Promise.reject(forbidden) },
        {
          step: 'c',
          run: () => {
            seen.push('ran c');
            return Promise.resolve();
          },
        },
      ],
      (step) => seen.push(`start ${step}`),
    ).catch((error: unknown) => error);
    expect(seen).toEqual(['start a', 'ran a', 'start b']);
    expect(failure).toMatchObject({ step: 'b', info: { code: 403 } });
  });

  it('starts no further step once its signal is aborted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const failure = await runSteps(
      [
        {
          step: 'a',
          run: () => {
            controller.abort();
            return Promise.resolve();
          },
        },
        {
          step: 'b',
          run: () => {
            seen.push('ran b');
            return Promise.resolve();
          },
        },
      ],
      (step) => seen.push(step),
      controller.signal,
    ).catch((error: unknown) => error);
    expect(seen).toEqual(['a']);
    expect(isAbortError(failure)).toBe(true);
    expect(failure).not.toBeInstanceOf(StepError);
  });
});

describe('pollUntil', () => {
  const options = {
    step: 'wait',
    timeoutMessage: 'Not ready in time.',
    waitMs: 10_000,
    pollMs: 1_000,
  };

  it('looks again after each pause until the check answers true', async () => {
    const answers = [false, false, true];
    const check = jest.fn(() => Promise.resolve(answers.shift() ?? false));
    const waiting = pollUntil(check, options);
    await Promise.resolve();
    expect(check).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(check).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(waiting).resolves.toBeUndefined();
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('ends with a timed-out step error once the wait is over', async () => {
    const waiting = pollUntil(() => Promise.resolve(false), options);
    const outcome = waiting.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await state(waiting)).toBe('pending');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toMatchObject({
      step: 'wait',
      info: { message: 'Not ready in time.', timedOut: true },
    });
  });

  it('ends with the check’s own error when a look fails', async () => {
    await expect(pollUntil(() => Promise.reject(forbidden), options)).rejects.toBe(forbidden);
  });

  it('stops at once on abort and leaves no timer behind', async () => {
    const controller = new AbortController();
    const check = jest.fn(() => Promise.resolve(false));
    const waiting = pollUntil(check, { ...options, signal: controller.signal });
    const outcome = waiting.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(check).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(1);
    controller.abort();
    expect(isAbortError(await outcome)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(check).toHaveBeenCalledTimes(3);
  });
});

describe('delay', () => {
  it('rejects at once for a signal aborted before it starts, without a timer', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(delay(1_000, controller.signal)).rejects.toHaveProperty('name', 'AbortError');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('resolves after its time without a signal', async () => {
    const waiting = delay(500);
    expect(await state(waiting)).toBe('pending');
    await jest.advanceTimersByTimeAsync(500);
    expect(await state(waiting)).toBe('resolved');
  });
});

describe('stepFailure', () => {
  const steps = ['restart', 'stop', 'start'] as const;

  it('reads the step and the cluster’s answer from a step error of a known step', () => {
    expect(stepFailure(stepStopped('stop', 'Too slow.', true), steps)).toEqual({
      step: 'stop',
      info: { message: 'Too slow.', causes: [], timedOut: true },
    });
  });

  it('names no step for an unknown step or another error', () => {
    expect(stepFailure(stepStopped('elsewhere', 'x'), steps).step).toBeUndefined();
    expect(stepFailure(forbidden, steps)).toEqual({
      info: expect.objectContaining({ code: 403, message: 'pods is forbidden' }),
    });
  });
});
