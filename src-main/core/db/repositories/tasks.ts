import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export interface TaskRow {
  id: string;
  title: string;
  title_key: string;
  notes: string;
  priority: number;
  status: 'todo' | 'doing' | 'done' | 'cancelled';
  due_at: number | null;
  source_thought_id: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

const TASK_COLUMNS = 'id, title, title_key, notes, priority, status, due_at, source_thought_id, created_at, updated_at, version';

export interface NewTask {
  id: string;
  title: string;
  titleKey: string;
  dueAt: number | null;
  sourceThoughtId: string | null;
}

export function insertTask(sqlite: BetterSqlite3.Database, task: NewTask, now: number): TaskRow {
  return statement(
    sqlite,
    `INSERT INTO tasks (id, title, title_key, due_at, source_thought_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${TASK_COLUMNS}`,
  ).get(task.id, task.title, task.titleKey, task.dueAt, task.sourceThoughtId, now, now) as TaskRow;
}

export function findTask(sqlite: BetterSqlite3.Database, id: string): TaskRow | undefined {
  return statement(sqlite, `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`).get(id) as TaskRow | undefined;
}

/** An open (todo or doing) task whose title has the same words. */
export function findOpenTaskByKey(sqlite: BetterSqlite3.Database, titleKey: string): TaskRow | undefined {
  if (titleKey === '') return undefined;
  return statement(
    sqlite,
    `SELECT ${TASK_COLUMNS} FROM tasks WHERE title_key = ? AND status IN ('todo', 'doing') LIMIT 1`,
  ).get(titleKey) as TaskRow | undefined;
}
