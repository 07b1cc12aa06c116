/** Thoughts per second over a sliding minute, for the progress bar's rate and ETA. */
export function createRateMeter(windowMs = 60_000) {
  const samples: { at: number; count: number }[] = [];
  return {
    record(at: number, count: number): void {
      samples.push({ at, count });
      while (samples.length > 0 && (samples[0]?.at ?? at) < at - windowMs) samples.shift();
    },
    /** null when nothing was indexed within the window, or too little to measure. */
    perSecond(now: number): number | null {
      const recent = samples.filter((sample) => sample.at >= now - windowMs);
      const first = recent[0];
      if (first === undefined || recent.length < 2) return null;
      const span = now - first.at;
      if (span < 1000) return null;
      const done = recent.slice(1).reduce((sum, sample) => sum + sample.count, 0);
      return done / (span / 1000);
    },
  };
}

export function etaSeconds(remaining: number, perSecond: number | null): number | null {
  if (perSecond === null || perSecond <= 0) return null;
  return Math.ceil(remaining / perSecond);
}
