/**
 * The bench database for one vector set: built once and cached under bench/.data/vectors/.
 * A minimal `thoughts(seq)` table stands in for Cairn's (the store's rows reference it), so the
 * bench does not depend on the app's other migrations.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { createVectorStore, type VectorStore } from '../../src-main/core/vectors/vector-store';
import { DATA_DIR } from '../corpus';
import { MODEL_KEY } from './designs';
import type { VectorSet } from './data';

const DATABASE_VERSION = 1;
const BATCH = 10_000;

export interface BenchDatabase {
  sqlite: BetterSqlite3.Database;
  /** Seconds spent building each table now (empty when cached). */
  buildSeconds: Record<string, number>;
  close(): void;
}

function open(path: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.loadExtension(sqliteVec.getLoadablePath());
  return sqlite;
}

export function openBenchDatabase(set: VectorSet, log: (line: string) => void): BenchDatabase {
  const path = join(DATA_DIR, 'vectors', `db-${set.distribution}-v${DATABASE_VERSION}-${set.count}.db`);
  const isComplete = existsSync(path) && isBuilt(path);
  const buildSeconds: Record<string, number> = {};
  if (!isComplete) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    build(path, set, buildSeconds, log);
  }
  const sqlite = open(path);
  return { sqlite, buildSeconds, close: () => sqlite.close() };
}

function isBuilt(path: string): boolean {
  const sqlite = open(path);
  try {
    const row = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'bench_done'").get();
    return row !== undefined;
  } finally {
    sqlite.close();
  }
}

function timed(buildSeconds: Record<string, number>, name: string, log: (line: string) => void, step: () => void): void {
  const started = performance.now();
  step();
  buildSeconds[name] = (performance.now() - started) / 1000;
  log(`  built ${name} in ${buildSeconds[name].toFixed(1)} s`);
}

function build(path: string, set: VectorSet, buildSeconds: Record<string, number>, log: (line: string) => void): void {
  log(`building ${path}`);
  const sqlite = open(path);
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const { count, dimension, vectors } = set;
  const row = (i: number) => vectors.subarray(i * dimension, (i + 1) * dimension);
  const batches = (insert: (i: number) => void) => {
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i += 1) insert(i);
    });
    for (let from = 0; from < count; from += BATCH) batch(from, Math.min(count, from + BATCH));
  };
  sqlite.exec('CREATE TABLE thoughts (seq INTEGER PRIMARY KEY)');
  const thought = sqlite.prepare('INSERT INTO thoughts (seq) VALUES (?)');
  batches((i) => thought.run(i + 1));
  timed(buildSeconds, 'store (createVectorStore.upsert)', log, () => {
    const store: VectorStore = createVectorStore(sqlite, { modelKey: MODEL_KEY, dimension });
    batches((i) => store.upsert(i + 1, row(i)));
  });
  timed(buildSeconds, 'vec0 bit[384]', log, () => {
    sqlite.exec(`CREATE VIRTUAL TABLE bench_bit USING vec0(code bit[${dimension}])`);
    const insert = sqlite.prepare('INSERT INTO bench_bit (rowid, code) VALUES (?, vec_quantize_binary(?))');
    batches((i) => insert.run(BigInt(i + 1), row(i)));
  });
  timed(buildSeconds, 'vec0 float[384]', log, () => {
    sqlite.exec(`CREATE VIRTUAL TABLE bench_float USING vec0(embedding float[${dimension}])`);
    const insert = sqlite.prepare('INSERT INTO bench_float (rowid, embedding) VALUES (?, ?)');
    batches((i) => insert.run(BigInt(i + 1), row(i)));
  });
  sqlite.exec('CREATE TABLE bench_done (at INTEGER)');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}
