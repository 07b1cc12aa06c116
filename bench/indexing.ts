/**
 * Indexing a large backlog, as after importing 100k thoughts (or choosing another model): a
 * copy of the corpus with no vectors and, for every thought, the analyze and embed jobs an
 * import queues, opened by a core with the full-size model and its job
 * runner on, exactly as the app starts. Measures:
 * - seconds until every thought is searchable by meaning (index.status: embedded = total);
 * - capture → durable while that runs (embedder busy in its worker; every capture also queues
 *   analyze + embed jobs, so the analyzer runs too), against capture with nothing in the
 *   background, on the same database;
 * - the process's peak RSS (run it in a process of its own: bench/indexing-child.ts).
 *
 * Captures are scheduled on a fixed cadence and timed from the moment each was due, not from
 * when the event loop got round to it: in the app a capture arrives over IPC/HTTP and waits
 * for whatever the main thread is doing, so that wait is part of what the user feels.
 */
import { readFileSync } from 'node:fs';
import { createCore } from '../src-main/core/create-core';
import { enqueueJob } from '../src-main/core/db/repositories/jobs';
import { silentLogger } from '../src-main/core/logger';
import { THOUGHT_JOB_KINDS } from '../src-main/core/thoughts/thought-service';
import { benchIntelligence } from './bench-intelligence';
import { MIGRATIONS, workingCopy, type Corpus } from './corpus';
import type { BenchModel } from './full-model';
import { round, summarize, type LatencySummary } from './stats';
import { createRandom, createVocabulary, thoughtText } from './vocabulary';

export interface IndexingResult {
  thoughts: number;
  /** Analyze jobs (words-only reading) still waiting when the last vector was stored. */
  analyzeWaiting: number;
  /** From core start to every thought embedded (model load included). */
  searchableSeconds: number;
  modelLoadMs: number;
  /** Thoughts per second over the whole run. */
  ratePerSecond: number;
  captureIdle: LatencySummary;
  captureBusy: LatencySummary;
  /** Busy p99 ÷ idle p99 (target ≤ 2). */
  p99Ratio: number;
  captureSpacingMs: number;
  /** Embedded when the busy captures started and ended (they must fall inside the indexing). */
  busyWindow: { fromEmbedded: number; toEmbedded: number };
  peakRssMegabytes: number;
  /** Measured in a process of its own (bench/indexing-child.ts), so the peak RSS is its own. */
  apart?: boolean;
}

export interface CaptureOptions {
  samples: number;
  warmup: number;
  spacingMs: number;
  seed: number;
}

type Core = ReturnType<typeof createCore>;

export async function measureIndexing(
  corpus: Corpus,
  model: BenchModel,
  log: (line: string) => void,
  options: { samples?: number; spacingMs?: number; timeoutMs?: number } = {},
): Promise<IndexingResult> {
  const capture: CaptureOptions = { samples: options.samples ?? 1_000, warmup: 50, spacingMs: options.spacingMs ?? 100, seed: 23 };
  const timeoutMs = options.timeoutMs ?? 3 * 3600_000;
  const copy = workingCopy(corpus, 'indexing');
  try {
    // The model is chosen the way a person chooses it; the idle baseline runs with no job runner.
    const setup = createCore({ dataDir: copy.dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false });
    setup.settings.update({ embeddingModel: model.modelId, allowModelDownload: false });
    const captureIdle = await scheduledCaptures(setup, capture);
    // What an import leaves behind: every thought waiting for its analyze and embed jobs.
    const queued = queueUnderstanding(setup);
    log(`indexing: ${queued.toLocaleString('en-US')} jobs queued as an import queues them`);
    await setup.dispose();

    const intelligence = benchIntelligence({ model });
    const started = performance.now();
    const core = createCore({ dataDir: copy.dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: true, intelligence });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 1_000);
    try {
      const index = core.index;
      if (index === undefined) throw new Error('the core has no indexer');
      await until(() => index.status().state !== 'loading', timeoutMs);
      const modelLoadMs = performance.now() - started;
      const loaded = index.status();
      if (loaded.state === 'unavailable') throw new Error(`the bench model did not load: ${loaded.message ?? ''}`);
      await until(() => index.status().embedded >= 2_000, timeoutMs);
      const fromEmbedded = index.status().embedded;
      const captureBusy = await scheduledCaptures(core, { ...capture, seed: capture.seed + 1 });
      const toEmbedded = index.status().embedded;
      let lastLog = 0;
      await until(() => {
        const status = index.status();
        if (performance.now() - lastLog > 60_000) {
          lastLog = performance.now();
          log(`indexing: ${status.embedded.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} (${status.ratePerSecond ?? '–'}/s)`);
        }
        return status.state === 'ready' && status.embedded === status.total;
      }, timeoutMs);
      const seconds = (performance.now() - started) / 1000;
      const total = index.status().total;
      const analyzeWaiting = Number(core.db.sqlite.prepare("SELECT count(*) FROM jobs WHERE kind = 'analyze' AND status IN ('pending', 'running')").pluck().get());
      return {
        thoughts: total,
        analyzeWaiting,
        searchableSeconds: round(seconds, 1),
        modelLoadMs: Math.round(modelLoadMs),
        ratePerSecond: round(total / seconds, 1),
        captureIdle,
        captureBusy,
        p99Ratio: round(captureBusy.p99 / captureIdle.p99, 2),
        captureSpacingMs: capture.spacingMs,
        busyWindow: { fromEmbedded, toEmbedded },
        peakRssMegabytes: Math.round(Math.max(peakRss, vmHighWaterMark()) / 1e6),
      };
    } finally {
      clearInterval(sampler);
      await core.dispose();
    }
  } finally {
    copy.remove();
  }
}

export function queueUnderstanding(core: Core): number {
  const { sqlite } = core.db;
  const ids = sqlite.prepare('SELECT id FROM thoughts WHERE deleted_at IS NULL ORDER BY seq').pluck().all() as string[];
  const now = Date.now();
  sqlite.transaction(() => {
    for (const id of ids) for (const kind of THOUGHT_JOB_KINDS) enqueueJob(sqlite, { kind, payload: { thoughtId: id }, dedupeKey: id }, now);
  })();
  return ids.length * THOUGHT_JOB_KINDS.length;
}

/** Captures due every `spacingMs`, each timed from when it was due to when it was durable. */
export async function scheduledCaptures(core: Core, options: CaptureOptions): Promise<LatencySummary> {
  const random = createRandom(options.seed);
  const vocabulary = createVocabulary(options.seed);
  const times: number[] = [];
  const begin = performance.now();
  for (let index = 0; index < options.warmup + options.samples; index += 1) {
    const due = begin + index * options.spacingMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const text = thoughtText(random, vocabulary);
    const result = await core.dispatcher.dispatch('thoughts.capture', { text }, { door: 'ipc' });
    if (!result.ok) throw new Error(`capture failed: ${result.error.code}`);
    if (index >= options.warmup) times.push(performance.now() - due);
  }
  return summarize(times);
}

export async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Peak resident set of this process (Linux), bytes; 0 elsewhere. */
function vmHighWaterMark(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}
