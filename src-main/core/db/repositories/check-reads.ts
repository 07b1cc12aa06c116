import type BetterSqlite3 from 'better-sqlite3';
import type { ThoughtType } from '../../../../src-shared/contract';
import { statement } from '../statements';
import { openTaskSql } from './tasks';

export interface CheckThoughtRow {
  seq: number;
  id: string;
  text: string;
  type: ThoughtType;
  is_private: number;
  created_at: number;
}

const THOUGHT_COLUMNS = 'seq, id, text, type, is_private, created_at';

// `+deleted_at` keeps SQLite off the stream index (deleted_at, archived_at, …): a time window
// is read through thoughts_created_idx, whatever the size of the database.

/** Thoughts (not in the trash) captured in (after, upTo], newest first, at most `limit`. */
export function thoughtsCapturedBetween(sqlite: BetterSqlite3.Database, after: number, upTo: number, limit: number): CheckThoughtRow[] {
  return statement(
    sqlite,
    `SELECT ${THOUGHT_COLUMNS} FROM thoughts WHERE +deleted_at IS NULL AND created_at > ? AND created_at <= ?
     ORDER BY created_at DESC LIMIT ?`,
  ).all(after, upTo, limit) as CheckThoughtRow[];
}

export function countCapturedBetween(sqlite: BetterSqlite3.Database, after: number, upTo: number): number {
  return (
    statement(sqlite, 'SELECT count(*) AS n FROM thoughts WHERE +deleted_at IS NULL AND created_at > ? AND created_at <= ?').get(after, upTo) as {
      n: number;
    }
  ).n;
}

export function questionsSince(sqlite: BetterSqlite3.Database, since: number, limit: number): CheckThoughtRow[] {
  return statement(
    sqlite,
    `SELECT ${THOUGHT_COLUMNS} FROM thoughts
     WHERE deleted_at IS NULL AND archived_at IS NULL AND type = 'question' AND created_at >= ?
     ORDER BY created_at DESC LIMIT ?`,
  ).all(since, limit) as CheckThoughtRow[];
}

export function thoughtsAfter(sqlite: BetterSqlite3.Database, createdAt: number, limit: number): CheckThoughtRow[] {
  return statement(
    sqlite,
    `SELECT ${THOUGHT_COLUMNS} FROM thoughts WHERE +deleted_at IS NULL AND created_at > ? ORDER BY created_at LIMIT ?`,
  ).all(createdAt, limit) as CheckThoughtRow[];
}

/** Capture times since `since`, oldest first (for streaks and gaps by local day). */
export function captureTimesSince(sqlite: BetterSqlite3.Database, since: number): { id: string; created_at: number }[] {
  return statement(
    sqlite,
    'SELECT id, created_at FROM thoughts WHERE +deleted_at IS NULL AND created_at >= ? ORDER BY created_at',
  ).all(since) as { id: string; created_at: number }[];
}

export interface OpenTaskRow {
  id: string;
  title: string;
  status: 'todo' | 'doing';
  due_at: number | null;
  created_at: number;
  updated_at: number;
  source_thought_id: string | null;
  goal_title: string | null;
}

export function openTasks(sqlite: BetterSqlite3.Database, limit: number): OpenTaskRow[] {
  return statement(
    sqlite,
    `SELECT t.id, t.title, t.status, t.due_at, t.created_at, t.updated_at, t.source_thought_id, g.title AS goal_title
     FROM tasks t LEFT JOIN goals g ON g.id = t.goal_id
     WHERE ${openTaskSql('t')} ORDER BY coalesce(t.due_at, 9e15), t.created_at LIMIT ?`,
  ).all(limit) as OpenTaskRow[];
}

export interface ActiveGoalRow {
  id: string;
  title: string;
  target_date: number | null;
  life_area: string | null;
}

export function activeGoals(sqlite: BetterSqlite3.Database, limit: number): ActiveGoalRow[] {
  return statement(
    sqlite,
    `SELECT g.id, g.title, g.target_date, a.name AS life_area FROM goals g LEFT JOIN life_areas a ON a.id = g.life_area_id
     WHERE g.status = 'active' ORDER BY coalesce(g.target_date, 9e15), g.created_at LIMIT ?`,
  ).all(limit) as ActiveGoalRow[];
}
