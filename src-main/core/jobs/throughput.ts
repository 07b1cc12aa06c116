/**
 * Background work finished per minute, over a sliding window, for diagnostics. Completed jobs are
 * deleted from the queue, so their times are kept here, in memory: one sample per second at most.
 */
export interface Throughput {
  /** `count` pieces of work finished at `at` (ms). */
  record(count: number, at: number): void;
  /** Work per minute over the window, or since `since` when that is shorter (at least a minute). */
  perMinute(now: number, since: number): number;
  readonly windowMs: number;
}

export function createThroughput(windowMs = 5 * 60_000): Throughput {
  // Seconds are enough resolution, and keep the window small whatever the rate.
  const buckets: { second: number; count: number }[] = [];

  function forget(now: number): void {
    const oldest = Math.floor((now - windowMs) / 1000);
    while (buckets.length > 0 && (buckets[0]?.second ?? oldest) < oldest) buckets.shift();
  }

  return {
    windowMs,
    record(count, at) {
      const second = Math.floor(at / 1000);
      const last = buckets.at(-1);
      if (last?.second === second) last.count += count;
      else buckets.push({ second, count });
      forget(at);
    },
    perMinute(now, since) {
      forget(now);
      const done = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
      const spanMs = Math.max(60_000, Math.min(windowMs, now - since));
      return done / (spanMs / 60_000);
    },
  };
}
