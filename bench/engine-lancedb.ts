/** LanceDB's three tasks for bench/engine-child.ts: build (table + FTS), IVF_PQ, queries. */
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import {
  activeBatches,
  directoryBytes,
  DIMENSION,
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
} from './engine-child-shared';

export async function runLanceBuild(input: ChildInput, report: ChildReport): Promise<void> {
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

/** Opens the table the build task wrote, noting the memory before and the time from here. */
async function openLance(input: ChildInput, report: ChildReport) {
  const lanceDir = input.lanceDir;
  if (lanceDir === undefined) throw new Error('lancedb task without its folder');
  const lancedb = await import('@lancedb/lancedb');
  report.memory.baselineMiB = settledMiB();
  const started = performance.now();
  const db = await lancedb.connect(lanceDir);
  const table = await db.openTable('thoughts');
  return { lancedb, lanceDir, db, table, started };
}

export async function runLanceVectorIndex(input: ChildInput, report: ChildReport): Promise<void> {
  const { lancedb, lanceDir, db, table, started } = await openLance(input, report);
  report.rows = await table.countRows();
  // The default IVF_PQ (√rows partitions, dimension/16 sub-vectors, 8 bits), with cosine distance.
  await table.createIndex('vector', { config: lancedb.Index.ivfPq({ distanceType: 'cosine' }) });
  report.phases['vector-index'] = seconds(started);
  for (const index of await table.listIndices()) report.details.push(`index ${index.name}: ${index.indexType} on ${index.columns.join(', ')}`);
  report.diskBytes = directoryBytes(lanceDir);
  table.close();
  db.close();
}

export async function runLanceQuery(input: ChildInput, report: ChildReport): Promise<void> {
  const { lancedb, lanceDir, db, table, started } = await openLance(input, report);
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
