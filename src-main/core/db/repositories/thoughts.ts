import type BetterSqlite3 from 'better-sqlite3';
import type { ThoughtSource, ThoughtType, ThoughtView } from '../../../../src-shared/contract';
import { statement } from '../statements';

export interface ThoughtRow {
  seq: number;
  id: string;
  text: string;
  type: ThoughtType;
  type_locked: number;
  source: ThoughtSource;
  pinned: number;
  is_private: number;
  archived_at: number | null;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface NewThought {
  id: string;
  text: string;
  type: ThoughtType;
  typeLocked: boolean;
  source: ThoughtSource;
  pinned: boolean;
  isPrivate: boolean;
  now: number;
}

const COLUMNS =
  'seq, id, text, type, type_locked, source, pinned, is_private, archived_at, deleted_at, created_at, updated_at, version';

export function insertThought(sqlite: BetterSqlite3.Database, thought: NewThought): ThoughtRow {
  return statement(
    sqlite,
    `INSERT INTO thoughts (id, text, type, type_locked, source, pinned, is_private, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING ${COLUMNS}`,
  ).get(
    thought.id,
    thought.text,
    thought.type,
    thought.typeLocked ? 1 : 0,
    thought.source,
    thought.pinned ? 1 : 0,
    thought.isPrivate ? 1 : 0,
    thought.now,
    thought.now,
  ) as ThoughtRow;
}

export function findThoughtById(sqlite: BetterSqlite3.Database, id: string): ThoughtRow | undefined {
  return statement(sqlite, `SELECT ${COLUMNS} FROM thoughts WHERE id = ?`).get(id) as ThoughtRow | undefined;
}

export function findThoughtsBySeq(sqlite: BetterSqlite3.Database, seqs: readonly number[]): ThoughtRow[] {
  if (seqs.length === 0) return [];
  return statement(
    sqlite,
    `SELECT ${COLUMNS} FROM thoughts WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs)) as ThoughtRow[];
}

export interface StreamPosition {
  createdAt: number;
  seq: number;
}

const VIEW_FILTERS: Record<ThoughtView, string> = {
  active: 'deleted_at IS NULL AND archived_at IS NULL',
  archived: 'deleted_at IS NULL AND archived_at IS NOT NULL',
  trash: 'deleted_at IS NOT NULL',
};

/** Newest first, keyset-paged on (created_at, seq) so deep pages cost what the first one does. */
export function listThoughts(
  sqlite: BetterSqlite3.Database,
  view: ThoughtView,
  limit: number,
  after: StreamPosition | undefined,
): ThoughtRow[] {
  const filter = VIEW_FILTERS[view];
  if (after === undefined) {
    return statement(
      sqlite,
      `SELECT ${COLUMNS} FROM thoughts WHERE ${filter} ORDER BY created_at DESC, seq DESC LIMIT ?`,
    ).all(limit) as ThoughtRow[];
  }
  return statement(
    sqlite,
    `SELECT ${COLUMNS} FROM thoughts WHERE ${filter} AND (created_at, seq) < (?, ?)
     ORDER BY created_at DESC, seq DESC LIMIT ?`,
  ).all(after.createdAt, after.seq, limit) as ThoughtRow[];
}

export interface ThoughtChanges {
  text?: string;
  type?: ThoughtType;
  typeLocked?: boolean;
  pinned?: boolean;
  isPrivate?: boolean;
  archivedAt?: number | null;
  deletedAt?: number | null;
}

const CHANGE_COLUMNS: Record<keyof ThoughtChanges, string> = {
  text: 'text',
  type: 'type',
  typeLocked: 'type_locked',
  pinned: 'pinned',
  isPrivate: 'is_private',
  archivedAt: 'archived_at',
  deletedAt: 'deleted_at',
};

/** Applies changes and bumps the version; the caller has already checked the version it saw. */
export function updateThought(
  sqlite: BetterSqlite3.Database,
  seq: number,
  changes: ThoughtChanges,
  now: number,
): ThoughtRow {
  const assignments: string[] = [];
  const values: unknown[] = [];
  for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof ThoughtChanges, string][]) {
    const value = changes[key];
    if (value === undefined) continue;
    assignments.push(`${column} = ?`);
    values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  const row = statement(
    sqlite,
    `UPDATE thoughts SET ${[...assignments, 'updated_at = ?', 'version = version + 1'].join(', ')}
     WHERE seq = ? RETURNING ${COLUMNS}`,
  ).get(...values, now, seq) as ThoughtRow | undefined;
  if (row === undefined) throw new Error(`updateThought: no thought with seq ${seq}`);
  return row;
}

export function countThoughts(sqlite: BetterSqlite3.Database): number {
  return (statement(sqlite, 'SELECT count(*) AS n FROM thoughts').get() as { n: number }).n;
}
