/**
 * A corpus that is already "fully indexed": the cached synthetic corpus plus one stored vector
 * per thought, written through Cairn's real vector store (createVectorStore.upsert) and
 * recorded in thought_embeddings under the bench model's key, that model active and chosen in
 * settings. Opening it with that model, the indexer finds nothing to do and search runs by
 * meaning at once.
 *
 * The vectors are NOT the model's: embedding a million thoughts with a full-size model takes
 * hours here. They are the clustered synthetic set of bench/vectors/data.ts (2,000 topics,
 * MiniLM-like cone; seq i gets vector i − 1), so they are unrelated to each thought's text.
 * Queries are drawn from the same distribution (see QuerySet), which keeps nearest-neighbour
 * work and the number of close matches what real embeddings would give; that set's exact
 * answers (cached by bench/vector-designs.ts) measure recall.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { openDatabase } from '../src-main/core/db/open-database';
import { insertEmbeddingModel, recordEmbedding, setModelState } from '../src-main/core/db/repositories/embeddings';
import { modelKey } from '../src-main/core/indexing/ports';
import { silentLogger } from '../src-main/core/logger';
import { DATABASE_FILE } from '../src-main/core/paths';
import { createVectorStore } from '../src-main/core/vectors/vector-store';
import { DATA_DIR, MIGRATIONS, schemaKey, workingCopy, type Corpus } from './corpus';
import type { BenchModel } from './full-model';
import { DIMENSION, loadVectorSet, type VectorSet } from './vectors/data';

/** The vector set bench/vector-designs.ts measured (its exact answers are cached). */
export const VECTOR_SEED = 20_261_102;
export const TRUTH_DEPTH = 40;
const VERSION = 1;
const BATCH = 10_000;

export interface VectorCorpus {
  size: number;
  dir: string;
  bytes: number;
  buildSeconds: number | null;
  modelKey: string;
}

export function queryCountFor(size: number): number {
  return size >= 1_000_000 ? 100 : 200;
}

/** The synthetic vector set of `size` (vectors, queries and exact top-40 answers). */
export function vectorSetFor(size: number, log: (line: string) => void): VectorSet {
  return loadVectorSet('clustered', size, { seed: VECTOR_SEED, queryCount: queryCountFor(size), truthDepth: TRUTH_DEPTH, log });
}

export async function ensureVectorCorpus(corpus: Corpus, model: BenchModel, log: (line: string) => void): Promise<VectorCorpus> {
  const key = modelKey({ id: model.modelId, revision: model.revision, dimension: model.dimension });
  const dir = join(DATA_DIR, `vcorpus-${corpus.size}-seed${corpus.seed}-${schemaKey()}-v${VERSION}-${model.variant}-${model.revision}`);
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) return { size: corpus.size, dir, bytes: statSync(file).size, buildSeconds: null, modelKey: key };
  const started = performance.now();
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  copyFileSync(join(corpus.dir, DATABASE_FILE), join(building, DATABASE_FILE));
  // The model is chosen the way the app chooses it: through settings.
  const setup = createCore({ dataDir: building, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false });
  setup.settings.update({ embeddingModel: model.modelId, allowModelDownload: false });
  await setup.dispose();
  const set = vectorSetFor(corpus.size, log);
  const db = openDatabase(join(building, DATABASE_FILE), { migrationsFolder: MIGRATIONS });
  const { sqlite } = db;
  sqlite.pragma('synchronous = OFF');
  const now = Date.now();
  const info = { key, id: model.modelId, revision: model.revision, dimension: DIMENSION };
  insertEmbeddingModel(sqlite, { ...info, state: 'active' }, now);
  setModelState(sqlite, key, 'active', now);
  const store = createVectorStore(sqlite, { modelKey: key, dimension: DIMENSION });
  const count = Number(sqlite.prepare('SELECT count(*) FROM thoughts').pluck().get());
  if (count !== corpus.size) throw new Error(`corpus ${corpus.size} holds ${count} thoughts`);
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      // Trashed thoughts keep their vectors, as when a thought is trashed after it was embedded.
      store.upsert(index + 1, set.vectors.subarray(index * DIMENSION, (index + 1) * DIMENSION));
      recordEmbedding(sqlite, index + 1, info, now);
    }
  });
  for (let from = 0; from < corpus.size; from += BATCH) {
    writeBatch(from, Math.min(corpus.size, from + BATCH));
    if ((from + BATCH) % 200_000 === 0) log(`vectors for corpus ${corpus.size}: ${(from + BATCH).toLocaleString('en-US')}`);
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  const buildSeconds = (performance.now() - started) / 1000;
  log(`vector corpus ${corpus.size}: built in ${buildSeconds.toFixed(1)} s`);
  return { size: corpus.size, dir, bytes: statSync(file).size, buildSeconds, modelKey: key };
}

/** A scratch copy of a vector corpus (search writes a little: model rows, settings reads). */
export function vectorWorkingCopy(corpus: VectorCorpus, name: string): { dir: string; remove(): void } {
  return workingCopy(corpus, `vectors-${name}`);
}
