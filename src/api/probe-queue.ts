/**
 * A small queue that bounds how many probes run at once across the whole plugin, so that a
 * page with hundreds of caches never sends more than `limit` requests to the API server's
 * service proxy at the same time.
 */
export class ProbeQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a slot is free; the promise settles with the task's result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** How many tasks hold a slot now (for tests and the benchmark). */
  get inFlight(): number {
    return this.running;
  }
}

/** The plugin-wide queue: at most four probes in flight, whatever is on screen. */
export const probeQueue = new ProbeQueue(4);

/** Delay before the next probe after `failures` consecutive failures: 15 s doubling to 5 min. */
export const probeDelayMs = (failures: number, baseMs = 15_000, maxMs = 300_000): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failures));
