/**
 * Cairn's hybrid search side by side with LanceDB (the store Reor and AnythingLLM use) and Orama
 * (hybrid search in plain JS), on the same thoughts, the same vectors and the same queries.
 *
 * Each engine runs in a fresh Node process (bench/engine-child.ts), so the resident memory it
 * reports is its own; a child that outruns its time budget or its memory cap is killed and the
 * outcome recorded, and the comparison goes on. Cairn searches its own fully indexed database
 * (bench/vector-corpus.ts) through the dispatcher with the "instant" bench embedder, so no engine
 * pays for embedding a query. LanceDB and Orama get the active thoughts only (Cairn filters
 * archived and trashed ones at query time): a small advantage to them, stated in the notes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../src-main/core/paths';
import type { ChildInput, ChildQuery, ChildReport, ChildTask, EngineName } from './engine-child';
import { DATA_DIR, ensureCorpus, MIGRATIONS, REPO_ROOT } from './corpus';
import { ensureFullModel } from './full-model';
import { HYBRID_CLASSES, hybridQueries, shuffled, type HybridClass } from './hybrid-search';
import { residentMiB } from './server-process';
import { round, summarize, type LatencySummary } from './stats';
import { ensureVectorCorpus, queryCountFor, TRUTH_DEPTH, VECTOR_SEED, vectorSetFor, vectorWorkingCopy } from './vector-corpus';
import { DIMENSION } from './vectors/data';
import { createRandom } from './vocabulary';

export type { EngineName } from './engine-child';
export const ENGINES: readonly EngineName[] = ['cairn', 'lancedb', 'orama'];
const CHILD = join(REPO_ROOT, 'bench', 'engine-child.ts');
const LIMIT = 20;
const MiB = 1_048_576;

export type EngineOutcome = 'ok' | 'timeout' | 'out-of-memory' | 'failed';

export interface EngineRun {
  engine: EngineName;
  outcome: EngineOutcome;
  /** What went wrong and how far it got, when the outcome is not ok. */
  failure?: string;
  /** Documents the engine held (active thoughts; Cairn counts its active ones too). */
  rows: number;
  /** Loading the data and building indexes (null for Cairn: its database is the corpus). */
  buildSeconds: number | null;
  /** Opening to the first query answered (Orama: included in the build). */
  openSeconds: number | null;
  phases: Record<string, number>;
  /** Vector search method: Cairn's binary codes + exact rescoring, IVF_PQ, flat scan. */
  vectorIndex: string;
  latency: LatencySummary | null;
  perClass: Partial<Record<HybridClass, LatencySummary>>;
  roundsCompleted: number;
  meanHits: number | null;
  recallAt10: number | null;
  memory: {
    baselineMiB: number | null;
    afterLoadMiB: number | null;
    afterQueriesMiB: number | null;
    peakMiB: number | null;
    /** Peak of the build processes, when the build ran apart from the queries (LanceDB). */
    buildPeakMiB: number | null;
  };
  diskBytes: number | null;
  wallSeconds: number;
  details: string[];
}

/** Another engine's figure divided by Cairn's (> 1: Cairn is faster or smaller). */
export interface EngineRatios {
  p50: number | null;
  p95: number | null;
  afterLoadMiB: number | null;
  peakMiB: number | null;
}

export interface EngineComparison {
  size: number;
  activeThoughts: number;
  queries: number;
  rounds: number;
  warmupRounds: number;
  limit: number;
  /** Load average when the comparison started (2 cores: anything above ~0.5 is noise). */
  loadAverage: number;
  engines: EngineRun[];
  ratios: Partial<Record<EngineName, EngineRatios>>;
  wallSeconds: number;
  notes: string[];
}

export interface EngineOptions {
  engines?: readonly EngineName[];
  rounds?: number;
  warmupRounds?: number;
  /** Per child process, seconds (default: 5 min up to 10k, 10 min up to 100k, 15 min beyond). */
  budgetSeconds?: number;
  /** LanceDB's IVF_PQ build gets this long before the queries fall back to a flat scan. */
  vectorIndexBudgetSeconds?: number;
  /** Build LanceDB's IVF_PQ index from this many rows (default 100k). */
  vectorIndexFrom?: number;
  maxOldSpaceMiB?: number;
  /** A child whose resident set passes this is killed (protects the machine; default 80% of RAM). */
  rssCapMiB?: number;
  /** Queries per round (default: all 200), for engines that take seconds a query at 1M. */
  queriesPerRound?: number;
  /** Said in the notes (why an engine or a step was left out at this size). */
  extraNotes?: string[];
  log?: (line: string) => void;
}

export async function measureEngines(size: number, options: EngineOptions = {}): Promise<EngineComparison> {
  const log = options.log ?? ((line: string) => console.log(line));
  const rounds = options.rounds ?? 3;
  const warmupRounds = options.warmupRounds ?? 1;
  const budgetSeconds = options.budgetSeconds ?? (size <= 10_000 ? 300 : size <= 100_000 ? 600 : 900);
  const limits = {
    budgetMs: budgetSeconds * 1000,
    maxOldSpaceMiB: options.maxOldSpaceMiB ?? Math.min(16_000, Math.floor((totalmem() / MiB) * 0.7)),
    rssCapMiB: options.rssCapMiB ?? Math.floor((totalmem() / MiB) * 0.8),
    log,
  };
  const started = performance.now();
  const loadAverage = round(loadavg()[0] ?? 0, 2);
  const model = ensureFullModel('q8', log);
  const corpus = ensureCorpus(size, undefined, log);
  const vectorCorpus = await ensureVectorCorpus(corpus, model, log);
  const corpusFile = join(corpus.dir, DATABASE_FILE);
  const { queries, active, similarity } = prepareQueries(size, corpusFile, log);
  const random = createRandom(17);
  const order = Array.from({ length: warmupRounds + rounds }, () => shuffled(queries.map((_, index) => index), random).slice(0, options.queriesPerRound));
  mkdirSync(DATA_DIR, { recursive: true });
  const work = mkdtempSync(join(DATA_DIR, `engines-${size}-`));
  const base = (task: ChildTask, name: string): ChildInput => ({
    task,
    size,
    resultFile: join(work, `${name}.result.json`),
    deadline: 0,
    corpusFile,
    vectors: { seed: VECTOR_SEED, queryCount: queryCountFor(size), truthDepth: TRUTH_DEPTH },
    queries,
    order,
    warmupRounds,
    limit: LIMIT,
  });
  const runs: EngineRun[] = [];
  try {
    for (const engine of options.engines ?? ENGINES) {
      log(`engines ${size}: ${engine} (load ${round(loadavg()[0] ?? 0, 2)})`);
      if (engine === 'cairn') {
        const copy = vectorWorkingCopy(vectorCorpus, 'engines');
        try {
          const input = { ...base('cairn', 'cairn'), cairn: { dataDir: copy.dir, migrationsFolder: MIGRATIONS, model, modelKey: vectorCorpus.modelKey } };
          runs.push(toRun('cairn', await runChild(input, work, limits), 'binary codes (sign bits) + exact rescoring of 400 candidates'));
        } finally {
          copy.remove();
        }
      } else if (engine === 'orama') {
        const run = toRun('orama', await runChild({ ...base('orama', 'orama'), oramaSimilarity: similarity }, work, limits), 'flat scan (every vector)');
        run.buildSeconds = run.phases['build'] ?? null;
        runs.push(run);
      } else {
        runs.push(await runLance(size, base, work, limits, options));
      }
      const last = runs.at(-1);
      log(`engines ${size}: ${engine} ${last?.outcome ?? '?'}, p50 ${last?.latency?.p50 ?? '–'} ms, p95 ${last?.latency?.p95 ?? '–'} ms, RSS ${last?.memory.afterLoadMiB ?? '–'} MiB`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cairn = runs.find((run) => run.engine === 'cairn');
  const ratios: Partial<Record<EngineName, EngineRatios>> = {};
  for (const run of runs) if (run.engine !== 'cairn' && cairn !== undefined) ratios[run.engine] = ratiosOf(run, cairn);
  return {
    size,
    activeThoughts: active,
    queries: queries.length,
    rounds,
    warmupRounds,
    limit: LIMIT,
    loadAverage,
    engines: runs,
    ratios,
    wallSeconds: round((performance.now() - started) / 1000, 1),
    notes: [...engineNotes(similarity), ...(options.extraNotes ?? [])],
  };
}

/** Queries with their vectors and the exact 10 nearest active thoughts; Orama's similarity floor. */
function prepareQueries(size: number, corpusFile: string, log: (line: string) => void): { queries: ChildQuery[]; active: number; similarity: number } {
  const set = vectorSetFor(size, log);
  if (set.queryCount !== queryCountFor(size)) throw new Error(`vector set of ${size} has ${set.queryCount} queries`);
  const sqlite = new Database(corpusFile, { readonly: true });
  let inactive: Set<number>;
  let active: number;
  try {
    inactive = new Set(sqlite.prepare<[], number>('SELECT seq FROM thoughts WHERE deleted_at IS NOT NULL OR archived_at IS NOT NULL').pluck().all());
    active = Number(sqlite.prepare('SELECT count(*) FROM thoughts').pluck().get()) - inactive.size;
  } finally {
    sqlite.close();
  }
  let similarity = 1;
  const queries = hybridQueries(set.queryCount).map((query): ChildQuery => {
    const vector = set.queries.subarray(query.vectorIndex * DIMENSION, (query.vectorIndex + 1) * DIMENSION);
    const exact: number[] = [];
    for (let rank = 0; rank < set.truthDepth; rank += 1) {
      const seq = set.truth[query.vectorIndex * set.truthDepth + rank] ?? -1;
      if (seq > 0 && !inactive.has(seq)) exact.push(seq);
    }
    // Orama returns every vector above its similarity floor: the lowest cosine of any query's
    // 20th nearest active thought lets each query fill a page by meaning, and not much more.
    const twentieth = exact[LIMIT - 1];
    if (twentieth !== undefined) similarity = Math.min(similarity, dot(vector, set.vectors.subarray((twentieth - 1) * DIMENSION, twentieth * DIMENSION)));
    return { kind: query.kind, text: query.text, vector: Array.from(vector), truth: exact.slice(0, 10) };
  });
  return { queries, active, similarity: Math.floor(similarity * 100) / 100 };
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}

interface ChildLimits {
  budgetMs: number;
  maxOldSpaceMiB: number;
  rssCapMiB: number;
  log: (line: string) => void;
}

interface ChildOutcome {
  outcome: EngineOutcome;
  failure?: string;
  report: ChildReport | null;
  wallSeconds: number;
  /** Highest resident set the parent saw while polling. */
  observedPeakMiB: number;
}

/** Runs one child with a deadline and a memory cap; never throws for what the child does. */
async function runChild(input: ChildInput, work: string, limits: ChildLimits, budgetMs = limits.budgetMs): Promise<ChildOutcome> {
  const started = performance.now();
  const inputFile = join(work, `${input.task}.input.json`);
  // The child stops starting queries a little before it would be killed, to report what it has.
  writeFileSync(inputFile, JSON.stringify({ ...input, deadline: Date.now() + budgetMs - Math.min(60_000, budgetMs / 5) }));
  rmSync(input.resultFile, { force: true });
  const child = spawn(process.execPath, [`--max-old-space-size=${limits.maxOldSpaceMiB}`, '--expose-gc', '--import', 'tsx', CHILD, inputFile], {
    cwd: REPO_ROOT,
    // LanceDB 0.31's FTS index build deadlocks from ~300k rows when its CPU pool has 2 threads
    // (the default on a 2-core machine): no CPU, no I/O, forever. 8 threads build it in seconds.
    env: input.task === 'lancedb-build' || input.task === 'lancedb-vector-index' ? { ...process.env, LANCE_CPU_THREADS: String(Math.max(8, availableParallelism())) } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastProgress = '';
  let stderr = '';
  let killedFor: EngineOutcome | undefined;
  let killedWhy = '';
  let observedPeakMiB = 0;
  const kill = (outcome: EngineOutcome, why: string) => {
    if (killedFor !== undefined) return;
    killedFor = outcome;
    killedWhy = why;
    child.kill('SIGKILL');
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.startsWith('progress ')) continue;
      lastProgress = line.slice('progress '.length);
      limits.log(`  ${input.task}: ${lastProgress}`);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const timer = setTimeout(() => kill('timeout', `over its ${Math.round(budgetMs / 1000)} s budget`), budgetMs);
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    try {
      const { rss } = residentMiB(child.pid);
      if (Number.isNaN(rss)) return;
      observedPeakMiB = Math.max(observedPeakMiB, rss);
      if (rss > limits.rssCapMiB) kill('out-of-memory', `resident set ${Math.round(rss)} MiB passed the ${limits.rssCapMiB} MiB cap`);
    } catch {
      // The process is gone between the check and the read.
    }
  }, 250);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(timer);
  clearInterval(poll);
  const report: ChildReport | null = existsSync(input.resultFile) ? JSON.parse(readFileSync(input.resultFile, 'utf8')) : null;
  const wallSeconds = round((performance.now() - started) / 1000, 1);
  const got = lastProgress === '' ? '' : ` (last progress: ${lastProgress})`;
  if (killedFor !== undefined) return { outcome: killedFor, failure: `killed: ${killedWhy}${got}`, report, wallSeconds, observedPeakMiB };
  if (exit.code === 0) return { outcome: 'ok', report, wallSeconds, observedPeakMiB };
  if (stderr.includes('budget spent')) return { outcome: 'timeout', failure: `${lastLine(stderr)}${got}`, report, wallSeconds, observedPeakMiB };
  const heap = /heap out of memory|Allocation failed/i.test(stderr);
  const outcome: EngineOutcome = heap || exit.signal === 'SIGKILL' ? 'out-of-memory' : 'failed';
  const reason = heap ? `V8 heap out of memory (--max-old-space-size=${limits.maxOldSpaceMiB})` : exit.signal === 'SIGKILL' ? 'killed by SIGKILL (the kernel OOM killer?)' : lastLine(stderr);
  return { outcome, failure: `exit ${exit.code ?? exit.signal}: ${reason}${got}`, report, wallSeconds, observedPeakMiB };
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('at '));
  return lines.slice(-3).join(' | ').slice(0, 500);
}

function toRun(engine: EngineName, child: ChildOutcome, vectorIndex: string): EngineRun {
  const report = child.report;
  const samples = report?.samples ?? [];
  const perClass: Partial<Record<HybridClass, LatencySummary>> = {};
  for (const kind of HYBRID_CLASSES) {
    const ms = samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms);
    if (ms.length > 0) perClass[kind] = summarize(ms);
  }
  const peak = report?.memory.peakMiB ?? null;
  return {
    engine,
    outcome: child.outcome,
    ...(child.failure === undefined ? {} : { failure: child.failure }),
    rows: report?.rows ?? 0,
    buildSeconds: null,
    openSeconds: report?.phases['open'] ?? null,
    phases: report?.phases ?? {},
    vectorIndex,
    latency: samples.length === 0 ? null : summarize(samples.map((sample) => sample.ms)),
    perClass,
    roundsCompleted: report?.roundsCompleted ?? 0,
    meanHits: report?.meanHits === null || report?.meanHits === undefined ? null : round(report.meanHits, 2),
    recallAt10: report?.recallAt10 ?? null,
    memory: {
      baselineMiB: report?.memory.baselineMiB ?? null,
      afterLoadMiB: report?.memory.afterLoadMiB ?? null,
      afterQueriesMiB: report?.memory.afterQueriesMiB ?? null,
      // A killed child wrote its report before the end: what the parent saw is the better peak.
      peakMiB: child.outcome === 'ok' ? peak : Math.max(peak ?? 0, child.observedPeakMiB),
      buildPeakMiB: null,
    },
    diskBytes: report?.diskBytes ?? null,
    wallSeconds: child.wallSeconds,
    details: report?.details ?? [],
  };
}

/** Build (table + FTS), then IVF_PQ within its own budget, then the queries in a fresh process. */
async function runLance(
  size: number,
  base: (task: ChildTask, name: string) => ChildInput,
  work: string,
  limits: ChildLimits,
  options: EngineOptions,
): Promise<EngineRun> {
  const lanceDir = join(work, 'lancedb');
  const build = await runChild({ ...base('lancedb-build', 'lancedb-build'), lanceDir }, work, limits);
  if (build.outcome !== 'ok') {
    const run = toRun('lancedb', build, 'none (not built)');
    run.failure = `build: ${build.failure ?? ''}`;
    run.buildSeconds = null;
    return run;
  }
  const phases: Record<string, number> = { ...build.report?.phases };
  const buildPeaks = [build.report?.memory.peakMiB ?? 0];
  const details = [...(build.report?.details ?? [])];
  let vectorIndex = 'flat scan (no vector index)';
  if (size >= (options.vectorIndexFrom ?? 100_000)) {
    const budgetMs = (options.vectorIndexBudgetSeconds ?? 360) * 1000;
    const indexed = await runChild({ ...base('lancedb-vector-index', 'lancedb-vector-index'), lanceDir }, work, limits, budgetMs);
    buildPeaks.push(indexed.report?.memory.peakMiB ?? indexed.observedPeakMiB);
    if (indexed.outcome === 'ok') {
      phases['vector-index'] = indexed.report?.phases['vector-index'] ?? Number.NaN;
      const partitions = Math.floor(Math.sqrt(build.report?.rows ?? 0));
      vectorIndex = `IVF_PQ (defaults: ~${partitions} partitions, ${DIMENSION / 16} sub-vectors × 8 bits, 20 probes, no refine; cosine)`;
    } else {
      vectorIndex = 'flat scan (IVF_PQ not built in its budget)';
      details.push(`IVF_PQ: ${indexed.failure ?? indexed.outcome}`);
    }
  }
  const queried = await runChild({ ...base('lancedb-query', 'lancedb-query'), lanceDir }, work, limits);
  const run = toRun('lancedb', queried, vectorIndex);
  run.phases = { ...phases, ...run.phases };
  run.buildSeconds = round((phases['insert'] ?? 0) + (phases['fts-index'] ?? 0) + (phases['vector-index'] ?? 0), 2);
  run.memory.buildPeakMiB = Math.max(...buildPeaks);
  run.details = [...details, ...run.details];
  run.wallSeconds = round(run.wallSeconds + build.wallSeconds, 1);
  return run;
}

function ratiosOf(run: EngineRun, cairn: EngineRun): EngineRatios {
  const ratio = (other: number | null | undefined, ours: number | null | undefined) =>
    other === null || other === undefined || ours === null || ours === undefined || ours <= 0 ? null : round(other / ours, 2);
  return {
    p50: ratio(run.latency?.p50, cairn.latency?.p50),
    p95: ratio(run.latency?.p95, cairn.latency?.p95),
    afterLoadMiB: ratio(run.memory.afterLoadMiB, cairn.memory.afterLoadMiB),
    peakMiB: ratio(run.memory.peakMiB, cairn.memory.peakMiB),
  };
}

function engineNotes(similarity: number): string[] {
  return [
    `Same thoughts, vectors (synthetic clustered 384-d, seq i ↔ vector i − 1) and queries (hybridQueries: 50 each of rare, common, prefix, phrase) for every engine; limit 20; rounds in one shuffled order shared by all; the warm-up round is discarded. Each engine runs in a fresh \`node --import tsx\` process (Node ${process.version}, the parent's); RSS "after load" is after one query and a full GC.`,
    "Cairn searches its own database (all thoughts, active scope filtered at query time) through `search.query` on the dispatcher, with the instant bench embedder (query vectors from the synthetic set, no inference). Its result pages also carry thought rows, snippets and highlights; LanceDB returns seq + text, Orama its stored documents. Its disk figure is the whole app database (thoughts, events, tags, FTS5, vectors), built beforehand by the corpus step.",
    'LanceDB and Orama hold only the active thoughts (no filter at query time): slightly less work and memory for them.',
    "Keyword part: all words must match in each engine (Cairn's FTS5 AND, LanceDB MatchQuery operator AND, Orama threshold 0). Prefixes differ: Cairn matches the last word as a prefix, Orama every word, LanceDB none (its `prefix` queries find words only if whole). Fusion is each engine's own: Cairn RRF (k 60, 60 meaning + 100 keyword candidates, a similarity floor, a small recency term); LanceDB's default RRF reranker (k 60) over its FTS and vector top-20; Orama min-max normalized scores, weights 0.5/0.5, over every match.",
    `LanceDB: @lancedb/lancedb 0.31.0, table built from Arrow batches of 50k rows (build processes with LANCE_CPU_THREADS=8: with the default pool of 2 threads on this 2-core machine its FTS index build hangs from ~300k rows); FTS index tokenized like Cairn's (no stemming or stop words); IVF_PQ with the library defaults (cosine) from 100k thoughts when it builds within its budget, else a flat scan. Build and queries run in separate processes: its RSS is that of an app opening the table.`,
    `Orama: @orama/orama 3.x, in memory (nothing on disk; build = inserting every document), sorting disabled, vectors inserted as number[] (its insert rejects Float32Array) and scanned flat; vector similarity floor ${similarity} (the lowest cosine of any query's 20th nearest active thought).`,
    'recall@10 is of the vector part alone against the exact 10 nearest active thoughts: Cairn via its vector store, LanceDB a vector-only query, Orama searchVector.',
  ];
}

function cell(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** Markdown table lines for bench/RESULTS.md, one row per engine per size. */
export function engineTableLines(results: Record<string, EngineComparison>): string[] {
  const lines = [
    '| thoughts | engine | build s | p50 ms | p95 ms | p50 / p95 ÷ Cairn\'s | RSS MiB after load | peak RSS MiB | disk MB | notes |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const comparisons = Object.values(results).sort((left, right) => left.size - right.size);
  for (const comparison of comparisons) {
    for (const run of comparison.engines) {
      const ratio = comparison.ratios[run.engine];
      const build = run.engine === 'cairn' ? `open ${cell(run.openSeconds)}` : cell(run.buildSeconds);
      const notes = [
        run.outcome === 'ok' ? '' : `**${run.outcome}**: ${run.failure ?? ''}`,
        run.vectorIndex,
        run.recallAt10 === null ? '' : `recall@10 ${cell(run.recallAt10, 2)}`,
        run.meanHits === null ? '' : `${cell(run.meanHits)} hits/query`,
        run.memory.buildPeakMiB === null ? '' : `build peak ${Math.round(run.memory.buildPeakMiB)} MB`,
        run.roundsCompleted < comparison.rounds && run.latency !== null ? `${run.roundsCompleted} of ${comparison.rounds} rounds in budget` : '',
      ].filter((note) => note !== '');
      lines.push(
        `| ${comparison.size.toLocaleString('en-US')} | ${run.engine} | ${build} | ${cell(run.latency?.p50, 2)} | ${cell(run.latency?.p95, 2)} | ${
          ratio === undefined ? '1' : `${cell(ratio.p50, 2)} / ${cell(ratio.p95, 2)}`
        } | ${mb(run.memory.afterLoadMiB)} | ${mb(run.memory.peakMiB)} | ${run.diskBytes === null ? '–' : Math.round(run.diskBytes / 1e6)} | ${notes.join('; ').replaceAll('|', '/')} |`,
      );
    }
  }
  return lines;
}

/** MiB as MB (10^6 bytes), the unit of the rest of RESULTS.md. */
function mb(mebibytes: number | null): string {
  return mebibytes === null ? '–' : String(Math.round((mebibytes * MiB) / 1e6));
}
