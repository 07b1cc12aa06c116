const count = new Intl.NumberFormat(undefined);

/** "~2 min", "~1 h 20 min", "under a minute": an ETA is a guess, so it reads as one. */
export function formatEta(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `~${hours} h` : `~${hours} h ${rest} min`;
}

/** "Indexing 1,234 / 5,000 · ~2 min". */
export function describeIndexing(embedded: number, total: number, etaSeconds: number | null): string {
  const progress = `Indexing ${count.format(embedded)} / ${count.format(total)}`;
  return etaSeconds === null ? progress : `${progress} · ${formatEta(etaSeconds)}`;
}

/** "Indexing paused — 1,234 thoughts wait": honest about what a pause holds back. */
export function describePaused(waiting: number): string {
  if (waiting === 0) return 'Indexing paused — nothing waits';
  return `Indexing paused — ${count.format(waiting)} ${waiting === 1 ? 'thought waits' : 'thoughts wait'}`;
}

/** What still works while paused. */
export const PAUSED_NOTE = 'Search by words still finds everything.';
