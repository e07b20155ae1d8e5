/**
 * One step of a polling loop: reads once and says how long to wait before the next read.
 * `isStopped` turns true when the loop was stopped meanwhile, so that a late answer is dropped
 * rather than set on an unmounted component. A step handles its own errors: it never rejects.
 */
export type PollStep = (isStopped: () => boolean) => Promise<number>;

/**
 * Runs `step` now and then again after the delay it returns, for an effect to stop on cleanup.
 * While the page is hidden nothing is read (a check every `hiddenMs` waits for it to show); when
 * it shows again a waiting loop reads at once, so that figures are never stale on return.
 */
export const startPolling = (step: PollStep, hiddenMs: number): (() => void) => {
  let stopped = false;
  const isStopped = () => stopped;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (ms: number) => {
    if (!isStopped()) timer = setTimeout(() => void run(), ms);
  };
  const run = async () => {
    timer = undefined;
    if (isStopped()) return;
    if (document.visibilityState !== 'visible') {
      schedule(hiddenMs);
      return;
    }
    schedule(await step(isStopped));
  };
  // Only a loop that is waiting is woken: one whose step is running schedules itself after it.
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || timer === undefined) return;
    clearTimeout(timer);
    void run();
  };
  document.addEventListener('visibilitychange', onVisible);
  void run();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
};
