import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';

export const MAX_DIMENSION = 4_096;

/** SQL names of one model's tables; only [a-z0-9_], so they are safe to put into SQL text. */
export interface VectorTables {
  /** seq → binary code + unit float32 vector. */
  vectors: string;
  /** Covering index over (code, rowid): loading every code reads it, not the 1.5 KB rows. */
  codesIndex: string;
  /** One row: the model key, the dimension and the generation (see vector-store.ts). */
  state: string;
}

const STATE_SUFFIX = '_state';

/**
 * `vec_<readable part of the key>_<8 hex of its SHA-256>`: the hash keeps keys that differ only
 * in punctuation or case apart, the readable part makes the file explainable in a SQL shell.
 */
export function tablesFor(modelKey: string): VectorTables {
  const readable = modelKey
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(modelKey, 'utf8').digest('hex').slice(0, 8);
  const base = `vec_${readable === '' ? 'model' : readable}_${hash}`;
  return { vectors: base, codesIndex: `${base}_codes`, state: `${base}${STATE_SUFFIX}` };
}

export function checkModel(modelKey: unknown, dimension: unknown): void {
  if (typeof modelKey !== 'string' || modelKey.trim() === '' || modelKey.length > 200) {
    throw new AppError('invalid_input', 'A vector model key must be 1–200 characters.');
  }
  if (typeof dimension !== 'number' || !Number.isInteger(dimension) || dimension < 1 || dimension > MAX_DIMENSION) {
    throw new AppError('invalid_input', `A vector dimension must be a whole number from 1 to ${MAX_DIMENSION}.`, {
      dimension: String(dimension),
    });
  }
}

/**
 * Creates the model's tables if missing, in the caller's transaction if there is one.
 * Rows reference thoughts: purging a thought removes its vectors in every model. Triggers give
 * the state row a new random generation on every change to the vectors table, by whatever
 * path — this store, a foreign-key cascade, another process — so an in-memory copy can tell
 * that it is out of date.
 */
export function ensureTables(sqlite: BetterSqlite3.Database, tables: VectorTables, modelKey: string, dimension: number): void {
  const { vectors, codesIndex, state } = tables;
  const bump = `BEGIN UPDATE ${state} SET generation = random(); END;`;
  sqlite.transaction(() => {
    sqlite.exec(`
      CREATE TABLE IF NOT EXISTS ${state} (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        model_key TEXT NOT NULL,
        dimension INTEGER NOT NULL,
        generation INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${vectors} (
        seq INTEGER PRIMARY KEY REFERENCES thoughts(seq) ON DELETE CASCADE,
        code BLOB NOT NULL,
        vector BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${codesIndex} ON ${vectors} (code);
      CREATE TRIGGER IF NOT EXISTS ${vectors}_inserted AFTER INSERT ON ${vectors} ${bump}
      CREATE TRIGGER IF NOT EXISTS ${vectors}_updated AFTER UPDATE ON ${vectors} ${bump}
      CREATE TRIGGER IF NOT EXISTS ${vectors}_deleted AFTER DELETE ON ${vectors} ${bump}
    `);
    const existing = sqlite.prepare(`SELECT model_key AS modelKey, dimension FROM ${state} WHERE id = 1`).get() as
      | { modelKey: string; dimension: number }
      | undefined;
    if (existing === undefined) {
      sqlite.prepare(`INSERT INTO ${state} (id, model_key, dimension, generation) VALUES (1, ?, ?, random())`).run(modelKey, dimension);
      return;
    }
    if (existing.modelKey !== modelKey || existing.dimension !== dimension) {
      throw new AppError('invalid_input', `Stored vectors of model "${existing.modelKey}" have ${existing.dimension} dimensions, not ${dimension}.`, {
        modelKey: existing.modelKey,
        storedDimension: existing.dimension,
        dimension,
      });
    }
  }).immediate();
}

export function dropTables(sqlite: BetterSqlite3.Database, tables: VectorTables): void {
  sqlite.transaction(() => {
    // Dropping a table drops its index and triggers with it.
    sqlite.exec(`DROP TABLE IF EXISTS ${tables.vectors}; DROP TABLE IF EXISTS ${tables.state};`);
  }).immediate();
}

export interface StoredModel {
  modelKey: string;
  dimension: number;
  count: number;
}

/** Every model with vectors in this database (e.g. to drop the ones no longer configured). */
export function listVectorModels(sqlite: BetterSqlite3.Database): StoredModel[] {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'vec\\_%\\_state' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const models: StoredModel[] = [];
  for (const name of names) {
    if (!/^vec_[a-z0-9_]+_state$/.test(name)) continue;
    const row = sqlite.prepare(`SELECT model_key AS modelKey, dimension FROM ${name} WHERE id = 1`).get() as
      | { modelKey: string; dimension: number }
      | undefined;
    if (row === undefined) continue;
    const vectors = name.slice(0, -STATE_SUFFIX.length);
    const count = Number(sqlite.prepare(`SELECT count(*) FROM ${vectors}`).pluck().get());
    models.push({ modelKey: row.modelKey, dimension: row.dimension, count });
  }
  return models;
}
