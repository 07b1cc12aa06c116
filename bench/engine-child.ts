/**
 * One search engine in a fresh Node process, so the memory it reports is that engine's alone:
 * `node --import tsx --expose-gc bench/engine-child.ts <input.json>` (spawned by engines.ts).
 * Tasks: `cairn` (open the fully indexed corpus, search through the dispatcher), `orama` (build
 * the index in memory, search), `lancedb-build` (table + FTS index on disk), `lancedb-vector-index`
 * (IVF_PQ on that table, its own process so a slow build can be cut off), `lancedb-query` (open
 * the table, search). Each writes a ChildReport as JSON to `resultFile` when a phase completes,
 * so a process killed later still leaves what it finished; progress lines go to stdout.
 * Engine modules are imported per task: no process loads another engine's code.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Arrow from 'apache-arrow';
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

const DIMENSION = 384;
const LOAD_BATCH = 50_000;
const ACTIVE_ROWS = 'SELECT seq, text FROM thoughts WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY seq';

function progress(line: string): void {
  process.stdout.write(`progress ${line}\n`);
}

function mebibytes(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10;
}

function peakMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round((Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024) * 10) / 10;
}

/** Resident set after a full collection, so garbage from loading is not counted as the engine's. */
function settledMiB(): number {
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

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

interface RoundsResult {
  samples: { kind: string; ms: number }[];
  roundsCompleted: number;
  meanHits: number;
}

/** Runs the rounds in the given order; stops starting queries at the deadline. */
async function runRounds(input: ChildInput, search: (query: ChildQuery) => Promise<number>): Promise<RoundsResult> {
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

function recall(found: readonly number[], truth: readonly number[]): number {
  const exact = new Set(truth.slice(0, 10));
  return found.slice(0, 10).filter((seq) => exact.has(seq)).length / Math.max(1, exact.size);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 1000) / 1000;
}

function emptyReport(input: ChildInput, baselineMiB: number): ChildReport {
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

function save(input: ChildInput, report: ChildReport): void {
  // The peak stays the one read after the queries: recall checks afterwards are not the engine's use.
  if (report.memory.afterQueriesMiB === null) report.memory.peakMiB = peakMiB();
  writeFileSync(input.resultFile, JSON.stringify(report));
}

/** The active thoughts with their vectors, in batches (seq i ↔ vector i − 1). */
async function* activeBatches(input: ChildInput): AsyncGenerator<{ seqs: Int32Array; texts: string[]; vectors: Float32Array }> {
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

async function runCairn(input: ChildInput, report: ChildReport): Promise<void> {
  const setup = input.cairn;
  if (setup === undefined) throw new Error('cairn task without its data folder');
  const [{ createCore }, { silentLogger }, { benchIntelligence }, { openDatabase }, { createVectorStore }, { DATABASE_FILE }] = await Promise.all([
    import('../src-main/core/create-core'),
    import('../src-main/core/logger'),
    import('./bench-intelligence'),
    import('../src-main/core/db/open-database'),
    import('../src-main/core/vectors/vector-store'),
    import('../src-main/core/paths'),
  ]);
  report.memory.baselineMiB = settledMiB();
  const table = new Map(input.queries.map((query) => [query.text, Float32Array.from(query.vector)]));
  // Queries are answered from the synthetic set at once: no engine pays for embedding.
  const intelligence = benchIntelligence({ model: setup.model, queryVector: (text) => table.get(text), instant: true });
  const started = performance.now();
  const core = createCore({ dataDir: setup.dataDir, migrationsFolder: setup.migrationsFolder, version: 'bench', logger: silentLogger, runJobs: true, intelligence });
  const search = async (query: ChildQuery) => {
    const result = await core.dispatcher.dispatch('search.query', { query: query.text, limit: input.limit }, { door: 'ipc' });
    if (!result.ok) throw new Error(`search "${query.text}" failed: ${result.error.code} ${result.error.message}`);
    return searchPage(result.value);
  };
  try {
    const first = input.queries[0];
    if (first === undefined) throw new Error('no queries');
    const deadline = Date.now() + 300_000;
    while (!(await search(first)).usedMeaning) {
      if (Date.now() > deadline) throw new Error('search never used meaning within 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    report.phases['open'] = seconds(started);
    report.memory.afterLoadMiB = settledMiB();
    save(input, report);
    let notMeaning = 0;
    const nearestMs: number[] = [];
    const rounds = await runRounds(input, async (query) => {
      intelligence.clock.reset();
      const page = await search(query);
      nearestMs.push(intelligence.clock.nearestMs.reduce((sum, ms) => sum + ms, 0));
      if (!page.usedMeaning) notMeaning += 1;
      return page.hits;
    });
    Object.assign(report, rounds);
    if (notMeaning > 0) report.details.push(`${notMeaning} searches did not use meaning`);
    report.details.push(`vector store nearest(): mean ${mean(nearestMs)?.toFixed(2) ?? '–'} ms of each search (warm-up included)`);
    report.memory.afterQueriesMiB = settledMiB();
    report.memory.peakMiB = peakMiB();
  } finally {
    await core.dispose();
  }
  const path = join(setup.dataDir, DATABASE_FILE);
  report.diskBytes = statSync(path).size;
  // Recall of the vector part: the vector store's own search (default candidates), inactive excluded.
  const db = openDatabase(path, { migrationsFolder: setup.migrationsFolder });
  try {
    const { sqlite } = db;
    report.rows = Number(sqlite.prepare('SELECT count(*) FROM thoughts WHERE deleted_at IS NULL AND archived_at IS NULL').pluck().get());
    const inactive = new Set(sqlite.prepare<[], number>('SELECT seq FROM thoughts WHERE deleted_at IS NOT NULL OR archived_at IS NOT NULL').pluck().all());
    const store = createVectorStore(sqlite, { modelKey: setup.modelKey, dimension: DIMENSION });
    const recalls = input.queries.map((query) =>
      recall(
        store.search(Float32Array.from(query.vector), 10, { exclude: (seq) => inactive.has(seq) }).map((hit) => hit.seq),
        query.truth,
      ),
    );
    report.recallAt10 = mean(recalls);
  } finally {
    db.close();
  }
}

function searchPage(value: unknown): { hits: number; usedMeaning: boolean } {
  if (typeof value !== 'object' || value === null || !('items' in value) || !Array.isArray(value.items)) throw new Error('search.query returned no items');
  return { hits: value.items.length, usedMeaning: 'usedMeaning' in value && value.usedMeaning === true };
}

async function runOrama(input: ChildInput, report: ChildReport): Promise<void> {
  const { create, insertMultiple, search, searchVector } = await import('@orama/orama');
  report.memory.baselineMiB = settledMiB();
  const similarity = input.oramaSimilarity ?? 0.5;
  const started = performance.now();
  // Sorting is off: nothing here sorts, and by default Orama keeps a sort index of every string.
  const db = create({ schema: { text: 'string', embedding: 'vector[384]' }, sort: { enabled: false } });
  for await (const batch of activeBatches(input)) {
    // Orama's insert takes vectors as number[] only (it rejects a Float32Array) and keeps them.
    const docs = batch.texts.map((text, row) => ({
      id: String(batch.seqs[row]),
      text,
      embedding: Array.from(batch.vectors.subarray(row * DIMENSION, (row + 1) * DIMENSION)),
    }));
    await insertMultiple(db, docs, 1_000);
    report.rows += docs.length;
    progress(`orama: ${report.rows.toLocaleString('en-US')} documents inserted (${seconds(started)} s)`);
    if (Date.now() > input.deadline) throw new Error(`build budget spent after ${report.rows} documents`);
  }
  report.phases['build'] = seconds(started);
  const hybrid = async (query: ChildQuery, limit: number) =>
    search(db, {
      mode: 'hybrid',
      term: query.text,
      vector: { value: Float32Array.from(query.vector), property: 'embedding' },
      similarity,
      // 0: a document must hold every word of the query, as in Cairn's (and LanceDB's here) AND.
      threshold: 0,
      limit,
    });
  const first = input.queries[0];
  if (first !== undefined) await hybrid(first, input.limit);
  report.memory.afterLoadMiB = settledMiB();
  save(input, report);
  Object.assign(
    report,
    await runRounds(input, async (query) => (await hybrid(query, input.limit)).hits.length),
  );
  report.memory.afterQueriesMiB = settledMiB();
  report.memory.peakMiB = peakMiB();
  const recalls: number[] = [];
  for (const query of input.queries) {
    if (Date.now() > input.deadline) break;
    const result = await searchVector(db, { mode: 'vector', vector: { value: Float32Array.from(query.vector), property: 'embedding' }, similarity, limit: 10 });
    recalls.push(recall(result.hits.map((hit) => Number(hit.id)), query.truth));
  }
  report.recallAt10 = recalls.length === input.queries.length ? mean(recalls) : null;
  report.details.push(`similarity ≥ ${similarity}`);
}

async function runLanceBuild(input: ChildInput, report: ChildReport): Promise<void> {
  const lanceDir = input.lanceDir;
  if (lanceDir === undefined) throw new Error('lancedb task without its folder');
  const lancedb = await import('@lancedb/lancedb');
  // LanceDB (CommonJS) checks `instanceof` against the CommonJS apache-arrow; an ESM import would
  // be a second copy of the classes and every table would be rejected as foreign.
  const arrow: typeof Arrow = createRequire(import.meta.url)('apache-arrow');
  report.memory.baselineMiB = settledMiB();
  const vectorType = new arrow.FixedSizeList(DIMENSION, new arrow.Field('item', new arrow.Float32(), true));
  const schema = new arrow.Schema([new arrow.Field('seq', new arrow.Int32(), false), new arrow.Field('text', new arrow.Utf8(), false), new arrow.Field('vector', vectorType, false)]);
  const encoder = new TextEncoder();
  const started = performance.now();
  const db = await lancedb.connect(lanceDir);
  let table: Awaited<ReturnType<typeof db.createTable>> | undefined;
  for await (const batch of activeBatches(input)) {
    const length = batch.seqs.length;
    const encoded = batch.texts.map((text) => encoder.encode(text));
    const offsets = new Int32Array(length + 1);
    encoded.forEach((bytes, row) => (offsets[row + 1] = (offsets[row] ?? 0) + bytes.length));
    const text = new Uint8Array(offsets[length] ?? 0);
    encoded.forEach((bytes, row) => text.set(bytes, offsets[row]));
    const children = [
      arrow.makeData({ type: new arrow.Int32(), length, data: batch.seqs }),
      arrow.makeData({ type: new arrow.Utf8(), length, valueOffsets: offsets, data: text }),
      arrow.makeData({ type: vectorType, length, child: arrow.makeData({ type: new arrow.Float32(), length: length * DIMENSION, data: batch.vectors }) }),
    ];
    const data = new arrow.Table([new arrow.RecordBatch(schema, arrow.makeData({ type: new arrow.Struct(schema.fields), length, children }))]);
    if (table === undefined) table = await db.createTable('thoughts', data);
    else await table.add(data);
    report.rows += length;
    progress(`lancedb: ${report.rows.toLocaleString('en-US')} rows added (${seconds(started)} s)`);
  }
  if (table === undefined) throw new Error('no active thoughts');
  report.phases['insert'] = seconds(started);
  const ftsStarted = performance.now();
  // Tokenized as Cairn's FTS5 (unicode61 remove_diacritics): lowercase, folded, no stemming, no stop words.
  await table.createIndex('text', { config: lancedb.Index.fts({ stem: false, removeStopWords: false, lowercase: true, asciiFolding: true }) });
  report.phases['fts-index'] = seconds(ftsStarted);
  report.diskBytes = directoryBytes(lanceDir);
  report.details.push(`fts index: simple tokenizer, lowercase, ascii folding, positions, no stemming, no stop words`);
  table.close();
  db.close();
}

async function runLanceVectorIndex(input: ChildInput, report: ChildReport): Promise<void> {
  const lanceDir = input.lanceDir;
  if (lanceDir === undefined) throw new Error('lancedb task without its folder');
  const lancedb = await import('@lancedb/lancedb');
  report.memory.baselineMiB = settledMiB();
  const started = performance.now();
  const db = await lancedb.connect(lanceDir);
  const table = await db.openTable('thoughts');
  report.rows = await table.countRows();
  // The default IVF_PQ (√rows partitions, dimension/16 sub-vectors, 8 bits), with cosine distance.
  await table.createIndex('vector', { config: lancedb.Index.ivfPq({ distanceType: 'cosine' }) });
  report.phases['vector-index'] = seconds(started);
  for (const index of await table.listIndices()) report.details.push(`index ${index.name}: ${index.indexType} on ${index.columns.join(', ')}`);
  report.diskBytes = directoryBytes(lanceDir);
  table.close();
  db.close();
}

async function runLanceQuery(input: ChildInput, report: ChildReport): Promise<void> {
  const lanceDir = input.lanceDir;
  if (lanceDir === undefined) throw new Error('lancedb task without its folder');
  const lancedb = await import('@lancedb/lancedb');
  report.memory.baselineMiB = settledMiB();
  const started = performance.now();
  const db = await lancedb.connect(lanceDir);
  const table = await db.openTable('thoughts');
  // Hybrid: full-text (all words, as Cairn) + nearest vectors, fused by the default reranker (RRF, k = 60).
  const hybrid = async (query: ChildQuery): Promise<number> => {
    const rows: unknown[] = await table
      .query()
      .nearestTo(Float32Array.from(query.vector))
      .distanceType('cosine')
      .fullTextSearch(new lancedb.MatchQuery(query.text, 'text', { operator: lancedb.Operator.And }))
      .select(['seq', 'text'])
      .limit(input.limit)
      .toArray();
    return rows.length;
  };
  const first = input.queries[0];
  if (first !== undefined) await hybrid(first);
  report.phases['open'] = seconds(started);
  report.rows = await table.countRows();
  report.memory.afterLoadMiB = settledMiB();
  save(input, report);
  Object.assign(report, await runRounds(input, hybrid));
  report.memory.afterQueriesMiB = settledMiB();
  report.memory.peakMiB = peakMiB();
  const recalls: number[] = [];
  for (const query of input.queries) {
    if (Date.now() > input.deadline) break;
    const rows: unknown[] = await table.query().nearestTo(Float32Array.from(query.vector)).distanceType('cosine').select(['seq']).limit(10).toArray();
    recalls.push(recall(rows.map(seqOf), query.truth));
  }
  report.recallAt10 = recalls.length === input.queries.length ? mean(recalls) : null;
  const indices = await table.listIndices();
  report.details.push(`indexes: ${indices.map((index) => `${index.indexType}(${index.columns.join(', ')})`).join(', ')}`);
  report.diskBytes = directoryBytes(lanceDir);
  table.close();
  db.close();
}

function seqOf(row: unknown): number {
  if (typeof row === 'object' && row !== null && 'seq' in row && typeof row.seq === 'number') return row.seq;
  throw new Error('a LanceDB row without its seq');
}

const TASKS: Record<ChildTask, (input: ChildInput, report: ChildReport) => Promise<void>> = {
  cairn: runCairn,
  orama: runOrama,
  'lancedb-build': runLanceBuild,
  'lancedb-vector-index': runLanceVectorIndex,
  'lancedb-query': runLanceQuery,
};

async function main(): Promise<void> {
  const baselineMiB = settledMiB();
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: engine-child.ts <input.json>');
  const input: ChildInput = JSON.parse(readFileSync(path, 'utf8'));
  const report = emptyReport(input, baselineMiB);
  await TASKS[input.task](input, report);
  save(input, report);
  progress('done');
}

if (process.argv[1]?.endsWith('engine-child.ts') === true) await main();
