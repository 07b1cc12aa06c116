import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export interface EmbeddingModelRow {
  model_key: string;
  model_id: string;
  model_revision: string;
  dimension: number;
  state: 'building' | 'active' | 'retired';
  backfill_below_seq: number | null;
  created_at: number;
  activated_at: number | null;
}

const MODEL_COLUMNS = 'model_key, model_id, model_revision, dimension, state, backfill_below_seq, created_at, activated_at';

export function embeddingModels(sqlite: BetterSqlite3.Database): EmbeddingModelRow[] {
  return statement(sqlite, `SELECT ${MODEL_COLUMNS} FROM embedding_models ORDER BY created_at`).all() as EmbeddingModelRow[];
}

export function insertEmbeddingModel(
  sqlite: BetterSqlite3.Database,
  model: { key: string; id: string; revision: string; dimension: number; state: 'building' | 'active' },
  now: number,
): void {
  statement(
    sqlite,
    `INSERT INTO embedding_models (model_key, model_id, model_revision, dimension, state, created_at, activated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_key) DO NOTHING`,
  ).run(model.key, model.id, model.revision, model.dimension, model.state, now, model.state === 'active' ? now : null);
}

export function setModelState(sqlite: BetterSqlite3.Database, key: string, state: EmbeddingModelRow['state'], now: number): void {
  statement(
    sqlite,
    `UPDATE embedding_models SET state = ?, activated_at = CASE WHEN ? = 'active' THEN ? ELSE activated_at END
     WHERE model_key = ?`,
  ).run(state, state, now, key);
}

export function deleteEmbeddingModel(sqlite: BetterSqlite3.Database, key: string): void {
  statement(sqlite, 'DELETE FROM thought_embeddings WHERE model_key = ?').run(key);
  statement(sqlite, 'DELETE FROM embedding_models WHERE model_key = ?').run(key);
}

export function setBackfillBelow(sqlite: BetterSqlite3.Database, key: string, seq: number): void {
  statement(sqlite, 'UPDATE embedding_models SET backfill_below_seq = ? WHERE model_key = ?').run(seq, key);
}

export function recordEmbedding(
  sqlite: BetterSqlite3.Database,
  seq: number,
  model: { key: string; id: string; revision: string; dimension: number },
  now: number,
): void {
  statement(
    sqlite,
    `INSERT INTO thought_embeddings (thought_seq, model_key, model_id, model_revision, dimension, embedded_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (thought_seq, model_key) DO UPDATE SET embedded_at = excluded.embedded_at`,
  ).run(seq, model.key, model.id, model.revision, model.dimension, now);
}

/** Thoughts (not trashed) below `belowSeq`, newest first, that have no vector from this model. */
export function thoughtsWithoutEmbedding(
  sqlite: BetterSqlite3.Database,
  key: string,
  belowSeq: number | null,
  limit: number,
): { seq: number; text: string }[] {
  return statement(
    sqlite,
    `SELECT t.seq, t.text FROM thoughts t
     WHERE t.seq < ? AND t.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM thought_embeddings e WHERE e.thought_seq = t.seq AND e.model_key = ?)
     ORDER BY t.seq DESC LIMIT ?`,
  ).all(belowSeq ?? Number.MAX_SAFE_INTEGER, key, limit) as { seq: number; text: string }[];
}

export function hasEmbedding(sqlite: BetterSqlite3.Database, seq: number, key: string): boolean {
  return statement(sqlite, 'SELECT 1 FROM thought_embeddings WHERE thought_seq = ? AND model_key = ?').get(seq, key) !== undefined;
}

/** Thoughts not in the trash, and how many of them have a vector from this model. */
export function embeddingCounts(sqlite: BetterSqlite3.Database, key: string | undefined): { total: number; embedded: number } {
  const total = (statement(sqlite, 'SELECT count(*) AS n FROM thoughts WHERE deleted_at IS NULL').get() as { n: number }).n;
  if (key === undefined) return { total, embedded: 0 };
  const embedded = (
    statement(
      sqlite,
      `SELECT count(*) AS n FROM thought_embeddings e JOIN thoughts t ON t.seq = e.thought_seq
       WHERE e.model_key = ? AND t.deleted_at IS NULL`,
    ).get(key) as { n: number }
  ).n;
  return { total, embedded };
}
