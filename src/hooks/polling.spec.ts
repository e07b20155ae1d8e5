import { startPolling } from './polling';

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
};

/** Lets the awaited step and the scheduling after it run. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('startPolling', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads at once, then again after the delay each step returns', async () => {
    const delays = [1_000, 5_000, 1_000];
    const step = jest.fn(() => Promise.resolve(delays.shift() ?? 60_000));
    const stop = startPolling(step, 30_000);
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(999);
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(step).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(4_999);
    await settle();
    expect(step).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1);
    await settle();
    expect(step).toHaveBeenCalledTimes(3);
    stop();
  });

  it('reads nothing while the page is hidden, and reads at once when it shows again', async () => {
    const step = jest.fn(() => Promise.resolve(60_000));
    const stop = startPolling(step, 30_000);
    await settle();
    setVisibility('hidden');
    jest.advanceTimersByTime(5 * 60_000);
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    await settle();
    expect(step).toHaveBeenCalledTimes(2);
    stop();
  });

  it('does not start a second read when the page shows while a read is under way', async () => {
    let answer: (delay: number) => void = () => undefined;
    const step = jest.fn(() => new Promise<number>((resolve) => (answer = resolve)));
    const stop = startPolling(step, 30_000);
    await settle();
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    answer(10_000);
    await settle();
    jest.advanceTimersByTime(10_000);
    await settle();
    expect(step).toHaveBeenCalledTimes(2);
    stop();
  });

  it('stops for good: no read after stop, and a late answer is marked as stopped', async () => {
    let answer: (delay: number) => void = () => undefined;
    const seenStopped: boolean[] = [];
    const step = jest.fn(
      (isStopped: () => boolean) =>
        new Promise<number>((resolve) => {
          answer = (delay) => {
            seenStopped.push(isStopped());
            resolve(delay);
          };
        }),
    );
    const stop = startPolling(step, 30_000);
    await settle();
    stop();
    answer(1_000);
    await settle();
    jest.advanceTimersByTime(60_000);
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    expect(seenStopped).toEqual([true]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
