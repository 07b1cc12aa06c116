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
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  activeBatches,
  DIMENSION,
  emptyReport,
  mean,
  peakMiB,
  progress,
  recall,
  runRounds,
  save,
  seconds,
  settledMiB,
  type ChildInput,
  type ChildQuery,
  type ChildReport,
  type ChildTask,
} from './engine-child-shared';
import { runLanceBuild, runLanceQuery, runLanceVectorIndex } from './engine-lancedb';

export type { ChildInput, ChildMemory, ChildQuery, ChildReport, ChildTask, EngineName } from './engine-child-shared';

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
