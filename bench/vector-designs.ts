/**
 * `npx tsx bench/vector-designs.ts [sizes] [distributions]` — measures candidate designs for
 * vector search (see bench/vectors/designs.ts) and rewrites the results part of
 * bench/VECTORS.md. Defaults: sizes 10000,100000,1000000; distribution clustered
 * (others: anisotropic, uniform; see bench/vectors/data.ts). Vectors, exact answers and
 * databases are cached under bench/.data/vectors/; results of earlier runs are kept there too
 * and merged, so sizes and distributions can be measured in separate runs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createVectorStore } from '../src-main/core/vectors/vector-store';
import { DATA_DIR } from './corpus';
import { describeCommit, describeMachine } from './machine';
import { summarize } from './stats';
import { DISTRIBUTIONS, loadVectorSet, type Distribution, type VectorSet } from './vectors/data';
import { openBenchDatabase } from './vectors/database';
import { jsHamming, MODEL_KEY, storeDesign, vec0Bit, vec0Float, wasmHamming, type Design } from './vectors/designs';
import { renderVectorReport, type DesignResult, type RunResult } from './vectors/report';

const SEED = 20_261_102;
/** Exact neighbours kept per query: deep enough that filtering out 4% still leaves 20. */
const TRUTH_DEPTH = 40;
const WARMUP = 3;
const RESULTS = join(DATA_DIR, 'vectors', 'results.json');

function log(line: string): void {
  process.stdout.write(`[vectors ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function parseList<T extends string | number>(value: string | undefined, fallback: T[], parse: (part: string) => T): T[] {
  if (value === undefined || value.trim() === '') return fallback;
  return value.split(',').map((part) => parse(part.trim()));
}

/** Queries per size: exact answers at 1M cost ~0.5 s each in design a, so fewer there. */
function queryCount(size: number): number {
  return size >= 1_000_000 ? 100 : 200;
}

/** Exact top-k among the seqs `accept` allows: from the depth-20 truth when enough of it passes, else by brute force. */
function filteredTruth(set: VectorSet, accept: (seq: number) => boolean, allowed: readonly number[] | undefined, k: number): number[][] {
  const answers: number[][] = [];
  for (let q = 0; q < set.queryCount; q += 1) {
    const fromTruth = [...set.truth.subarray(q * set.truthDepth, (q + 1) * set.truthDepth)].filter(accept);
    if (fromTruth.length >= k) {
      answers.push(fromTruth.slice(0, k));
      continue;
    }
    const query = set.queries.subarray(q * set.dimension, (q + 1) * set.dimension);
    const scored: { seq: number; score: number }[] = [];
    const candidates = allowed ?? Array.from({ length: set.count }, (_, i) => i + 1);
    for (const seq of candidates) {
      if (!accept(seq)) continue;
      const base = (seq - 1) * set.dimension;
      let dot = 0;
      for (let d = 0; d < set.dimension; d += 1) dot += (set.vectors[base + d] ?? 0) * (query[d] ?? 0);
      scored.push({ seq, score: dot });
    }
    scored.sort((left, right) => right.score - left.score);
    answers.push(scored.slice(0, k).map((hit) => hit.seq));
  }
  return answers;
}

function measure(design: Design, set: VectorSet, queries: number, truth10: number[][], truth20: number[][]): DesignResult {
  const query = (q: number) => set.queries.subarray(q * set.dimension, (q + 1) * set.dimension);
  const run = (k: number, truth: number[][]) => {
    for (let q = 0; q < WARMUP; q += 1) design.search(query(q), k);
    const times: number[] = [];
    let recall = 0;
    for (let q = 0; q < queries; q += 1) {
      const started = performance.now();
      const found = design.search(query(q), k);
      times.push(performance.now() - started);
      const exact = new Set(truth[q]);
      recall += found.slice(0, k).filter((seq) => exact.has(seq)).length / Math.max(1, Math.min(k, exact.size));
    }
    return { latency: summarize(times), recall: Math.round((recall / queries) * 1000) / 1000 };
  };
  const k10 = run(10, truth10);
  const k20 = run(20, truth20);
  return {
    name: design.name,
    variant: design.variant,
    queries,
    k10: k10.latency,
    k20: k20.latency,
    recall10: k10.recall,
    recall20: k20.recall,
    memoryBytes: design.memoryBytes ?? null,
    loadMs: design.loadMs === undefined ? null : Math.round(design.loadMs),
  };
}

/** The bench's stand-in thoughts table gets an archived_at column for the SQL filter (once per cached database). */
function markArchived(sqlite: BetterSqlite3.Database, hidden: ReadonlySet<number>): void {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('thoughts')").pluck().all() as string[];
  if (columns.includes('archived_at')) return;
  sqlite.transaction(() => {
    sqlite.exec('ALTER TABLE thoughts ADD COLUMN archived_at INTEGER');
    const archive = sqlite.prepare('UPDATE thoughts SET archived_at = 1 WHERE seq = ?');
    for (const seq of hidden) archive.run(seq);
  })();
}

function hashed(seq: number): number {
  return Math.imul(seq ^ (seq >>> 15), 0x2c1b3c6d) >>> 0;
}

function runSize(distribution: Distribution, size: number): RunResult {
  const queries = queryCount(size);
  const set = loadVectorSet(distribution, size, { seed: SEED, queryCount: queries, truthDepth: TRUTH_DEPTH, log });
  const truthOf = (k: number) => Array.from({ length: queries }, (_, q) => [...set.truth.subarray(q * TRUTH_DEPTH, q * TRUTH_DEPTH + k)]);
  const truth10 = truthOf(10);
  const truth20 = truthOf(20);
  const db = openBenchDatabase(set, log);
  const { sqlite } = db;
  const results: DesignResult[] = [];
  const record = (design: Design, count = queries, t10 = truth10, t20 = truth20) => {
    const result = measure(design, set, count, t10, t20);
    const load = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    result.loadAverage = load;
    results.push(result);
    log(
      `${distribution} ${size} ${design.name} [${design.variant}] k10 p50 ${result.k10.p50} p95 ${result.k10.p95} · k20 p50 ${result.k20.p50} p95 ${result.k20.p95} · recall@10 ${result.recall10} (load ${load})`,
    );
  };
  try {
    // Design a is slow at 1M (~0.5 s a query): fewer queries there.
    record(vec0Float(sqlite), size >= 1_000_000 ? 40 : queries);
    for (const candidates of [50, 100, 200]) record(vec0Bit(sqlite, candidates, 'blob'));
    record(vec0Bit(sqlite, 100, 'vec0'));
    for (const candidates of [100, 200]) record(jsHamming(sqlite, candidates));
    for (const candidates of [200, 400, 1000]) record(wasmHamming(sqlite, candidates));
    for (const [candidates, widen] of [
      [200, 8],
      [400, 10],
      [1000, 10],
    ] as const) {
      record(wasmHamming(sqlite, candidates, widen));
    }

    const rssBefore = process.memoryUsage().rss;
    const opened = performance.now();
    const store = createVectorStore(sqlite, { modelKey: MODEL_KEY, dimension: set.dimension });
    store.warm();
    const loadMs = performance.now() - opened;
    const rssDelta = process.memoryUsage().rss - rssBefore;
    log(`store: opened and loaded ${store.count()} codes in ${loadMs.toFixed(0)} ms, ${(store.memoryBytes() / 1e6).toFixed(1)} MB, RSS +${(rssDelta / 1e6).toFixed(1)} MB`);
    record(storeDesign(store, 'default (400 candidates, pool 4,000)', () => ({}), loadMs));
    // Filters as hybrid search uses them: scope (≈ 4% trashed or archived), a type/tag/date allow-list, a narrow one.
    const hidden = new Set<number>();
    for (let seq = 1; seq <= size; seq += 1) if (hashed(seq) % 100 < 4) hidden.add(seq);
    const excludeHidden = (seq: number) => hidden.has(seq);
    markArchived(sqlite, hidden);
    // As the app would filter by scope: one query per batch of candidates (see VectorSearchOptions.filter).
    const active = sqlite
      .prepare('SELECT t.seq FROM json_each(?) j CROSS JOIN thoughts t ON t.seq = j.value WHERE t.archived_at IS NULL')
      .pluck();
    const sqlFilter = (seqs: readonly number[]) => active.all(JSON.stringify(seqs)) as number[];
    const visible = filteredTruth(set, (seq) => !hidden.has(seq), undefined, 20);
    record(
      storeDesign(store, 'exclude 4% (Set predicate)', () => ({ exclude: excludeHidden }), loadMs),
      queries,
      visible.map((answer) => answer.slice(0, 10)),
      visible,
    );
    record(
      storeDesign(store, 'filter 4% out by SQL over candidate batches', () => ({ filter: sqlFilter }), loadMs),
      queries,
      visible.map((answer) => answer.slice(0, 10)),
      visible,
    );
    const tenth: number[] = [];
    for (let seq = 3; seq <= size; seq += 10) tenth.push(seq);
    const onlyTenth = new Set(tenth);
    const inTenth = filteredTruth(set, (seq) => onlyTenth.has(seq) && !hidden.has(seq), tenth, 20);
    record(
      storeDesign(store, 'only 10% + exclude 4%', () => ({ only: onlyTenth, exclude: excludeHidden }), loadMs),
      queries,
      inTenth.map((answer) => answer.slice(0, 10)),
      inTenth,
    );
    const few: number[] = [];
    for (let seq = 7; seq <= size && few.length < 150; seq += Math.max(1, Math.floor(size / 150))) few.push(seq);
    const onlyFew = new Set(few);
    const inFew = filteredTruth(set, (seq) => onlyFew.has(seq), few, 20);
    record(
      storeDesign(store, 'only 150 seqs (exact path)', () => ({ only: onlyFew }), loadMs),
      queries,
      inFew.map((answer) => answer.slice(0, 10)),
      inFew,
    );
    for (const result of results) if (result.name.startsWith('e.')) result.rssDeltaBytes = rssDelta;
  } finally {
    db.close();
  }
  return { distribution, size, queries, buildSeconds: db.buildSeconds, designs: results, date: new Date().toISOString() };
}

function main(): void {
  const sizes = parseList(process.argv[2], [10_000, 100_000, 1_000_000], Number);
  const distributions = parseList(process.argv[3], ['clustered'] as Distribution[], (part) => {
    if (!(part in DISTRIBUTIONS)) throw new Error(`unknown distribution "${part}"`);
    return part as Distribution;
  });
  if (sizes.some((size) => !Number.isInteger(size) || size < 1000)) throw new Error(`sizes must be whole numbers ≥ 1000, not ${process.argv[2]}`);
  mkdirSync(join(DATA_DIR, 'vectors'), { recursive: true });
  const previous: RunResult[] = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as RunResult[]) : [];
  const runs = new Map(previous.map((run) => [`${run.distribution}-${run.size}`, run]));
  for (const distribution of distributions) {
    for (const size of sizes) {
      const started = performance.now();
      const run = runSize(distribution, size);
      // A cached database was built by an earlier run: keep that run's build times.
      const earlier = runs.get(`${distribution}-${size}`);
      if (Object.keys(run.buildSeconds).length === 0 && earlier !== undefined) run.buildSeconds = earlier.buildSeconds;
      runs.set(`${distribution}-${size}`, run);
      log(`${distribution} ${size}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const all = [...runs.values()];
      writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
      renderVectorReport(all, describeMachine(), describeCommit());
    }
  }
  log('done: bench/VECTORS.md');
}

main();
