/** What the engine child processes share: the task's input and report, rounds, memory, data. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModel } from './full-model';

export type EngineName = 'cairn' | 'lancedb' | 'orama';
export type ChildTask = 'cairn' | 'orama' | 'lancedb-build' | 'lancedb-vector-index' | 'lancedb-query';

export interface ChildQuery {
  kind: string;
  text: string;
  vector: number[];
  /** Exact 10 nearest active thoughts (seqs), for the vector part's recall. */
  truth: number[];
}

export interface ChildInput {
  task: ChildTask;
  size: number;
  resultFile: string;
  /** Epoch ms after which no further query is started. */
  deadline: number;
  /** The cached corpus database (read only): LanceDB and Orama load the active thoughts from it. */
  corpusFile: string;
  /** loadVectorSet's arguments for this size (the vectors LanceDB and Orama load). */
  vectors: { seed: number; queryCount: number; truthDepth: number };
  /** Cairn: a working copy of the vector corpus, the bench model and its key. */
  cairn?: { dataDir: string; migrationsFolder: string; model: BenchModel; modelKey: string };
  lanceDir?: string;
  /** Orama's minimum cosine for the vector part of a hybrid search. */
  oramaSimilarity?: number;
  queries: ChildQuery[];
  /** Per round, indices into `queries`; the first `warmupRounds` rounds are not measured. */
  order: number[][];
  warmupRounds: number;
  limit: number;
}

export interface ChildMemory {
  /** After the runtime and the engine's modules loaded, before any data. */
  baselineMiB: number;
  /** Built or opened, one query answered, after a full GC. */
  afterLoadMiB: number | null;
  afterQueriesMiB: number | null;
  /** VmHWM: the process's peak resident set. */
  peakMiB: number;
}

export interface ChildReport {
  task: ChildTask;
  /** Documents the engine holds. */
  rows: number;
  /** Seconds per phase (load, insert, fts-index, vector-index, open …). */
  phases: Record<string, number>;
  /** Measured queries, in run order. */
  samples: { kind: string; ms: number }[];
  /** Measured rounds completed (a round cut short by the deadline counts as partial). */
  roundsCompleted: number;
  meanHits: number | null;
  recallAt10: number | null;
  memory: ChildMemory;
  diskBytes: number | null;
  details: string[];
}

export const DIMENSION = 384;
export const LOAD_BATCH = 50_000;
export const ACTIVE_ROWS = 'SELECT seq, text FROM thoughts WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY seq';

export function progress(line: string): void {
  process.stdout.write(`progress ${line}\n`);
}

export function mebibytes(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10;
}

export function peakMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round((Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024) * 10) / 10;
}

/** Resident set after a full collection, so garbage from loading is not counted as the engine's. */
export function settledMiB(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return mebibytes(process.memoryUsage().rss);
}

export function directoryBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

export function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

export interface RoundsResult {
  samples: { kind: string; ms: number }[];
  roundsCompleted: number;
  meanHits: number;
}

/** Runs the rounds in the given order; stops starting queries at the deadline. */
export async function runRounds(input: ChildInput, search: (query: ChildQuery) => Promise<number>): Promise<RoundsResult> {
  const samples: { kind: string; ms: number }[] = [];
  const warmup: { kind: string; ms: number }[] = [];
  let hits = 0;
  let warmupHits = 0;
  let roundsCompleted = 0;
  let stopped = false;
  for (const [round, indices] of input.order.entries()) {
    for (const index of indices) {
      if (Date.now() > input.deadline) {
        stopped = true;
        break;
      }
      const query = input.queries[index];
      if (query === undefined) throw new Error(`no query ${index}`);
      const started = performance.now();
      const found = await search(query);
      const ms = performance.now() - started;
      if (round < input.warmupRounds) {
        warmup.push({ kind: query.kind, ms });
        warmupHits += found;
      } else {
        samples.push({ kind: query.kind, ms });
        hits += found;
      }
    }
    if (stopped) break;
    if (round >= input.warmupRounds) roundsCompleted += 1;
    progress(`round ${round + 1}/${input.order.length} done`);
  }
  // Too slow for one measured round within the budget: the warm-up round is all there is.
  if (samples.length === 0) return { samples: warmup, roundsCompleted: 0, meanHits: warmupHits / Math.max(1, warmup.length) };
  return { samples, roundsCompleted, meanHits: hits / samples.length };
}

export function recall(found: readonly number[], truth: readonly number[]): number {
  const exact = new Set(truth.slice(0, 10));
  return found.slice(0, 10).filter((seq) => exact.has(seq)).length / Math.max(1, exact.size);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 1000) / 1000;
}

export function emptyReport(input: ChildInput, baselineMiB: number): ChildReport {
  return {
    task: input.task,
    rows: 0,
    phases: {},
    samples: [],
    roundsCompleted: 0,
    meanHits: null,
    recallAt10: null,
    memory: { baselineMiB, afterLoadMiB: null, afterQueriesMiB: null, peakMiB: peakMiB() },
    diskBytes: null,
    details: [],
  };
}

export function save(input: ChildInput, report: ChildReport): void {
  // The peak stays the one read after the queries: recall checks afterwards are not the engine's use.
  if (report.memory.afterQueriesMiB === null) report.memory.peakMiB = peakMiB();
  writeFileSync(input.resultFile, JSON.stringify(report));
}

/** The active thoughts with their vectors, in batches (seq i ↔ vector i − 1). */
export async function* activeBatches(input: ChildInput): AsyncGenerator<{ seqs: Int32Array; texts: string[]; vectors: Float32Array }> {
  const [{ default: Database }, { loadVectorSet }] = await Promise.all([import('better-sqlite3'), import('./vectors/data')]);
  const set = loadVectorSet('clustered', input.size, { ...input.vectors, log: progress });
  const sqlite = new Database(input.corpusFile, { readonly: true });
  try {
    let seqs: number[] = [];
    let texts: string[] = [];
    const flush = () => {
      const vectors = new Float32Array(seqs.length * DIMENSION);
      seqs.forEach((seq, row) => vectors.set(set.vectors.subarray((seq - 1) * DIMENSION, seq * DIMENSION), row * DIMENSION));
      const batch = { seqs: Int32Array.from(seqs), texts, vectors };
      seqs = [];
      texts = [];
      return batch;
    };
    for (const row of sqlite.prepare<[], { seq: number; text: string }>(ACTIVE_ROWS).iterate()) {
      seqs.push(row.seq);
      texts.push(row.text);
      if (seqs.length === LOAD_BATCH) yield flush();
    }
    if (seqs.length > 0) yield flush();
  } finally {
    sqlite.close();
  }
}
