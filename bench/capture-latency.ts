/**
 * capture→durable: `thoughts.capture` through the dispatcher (input validation, one IMMEDIATE
 * transaction with the thought, its FTS row, tags, the event and two job rows, committed with
 * synchronous=FULL). The clock stops when the call returns, i.e. after the fsync.
 */
import { createCore } from '../src-main/core/create-core';
import { silentLogger } from '../src-main/core/logger';
import { MIGRATIONS } from './corpus';
import { summarize, type LatencySummary } from './stats';
import { createRandom, createVocabulary, thoughtText } from './vocabulary';

export interface CaptureResult extends LatencySummary {
  warmup: number;
  synchronous: number;
  failures: number;
}

export async function measureCaptureLatency(
  dataDir: string,
  options: { samples?: number; warmup?: number; seed?: number } = {},
): Promise<CaptureResult> {
  const samples = options.samples ?? 2_000;
  const warmup = options.warmup ?? 200;
  // Background jobs have no processors yet; keeping the runner off keeps its wake-ups out of the clock.
  const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false });
  const random = createRandom(options.seed ?? 7);
  const vocabulary = createVocabulary(options.seed ?? 7);
  const synchronous = Number(core.db.sqlite.pragma('synchronous', { simple: true }));
  const times: number[] = [];
  let failures = 0;
  try {
    for (let index = 0; index < warmup + samples; index += 1) {
      const text = thoughtText(random, vocabulary);
      const started = performance.now();
      const result = await core.dispatcher.dispatch('thoughts.capture', { text }, { door: 'ipc' });
      const elapsed = performance.now() - started;
      if (!result.ok) failures += 1;
      if (index >= warmup) times.push(elapsed);
    }
  } finally {
    await core.dispose();
  }
  return { ...summarize(times), warmup, synchronous, failures };
}
