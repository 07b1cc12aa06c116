import type BetterSqlite3 from 'better-sqlite3';
import { appendEvent } from '../db/repositories/events';
import { deleteTasks, type TaskRow } from '../db/repositories/tasks';
import { toTask } from './task-mapping';

export type Actor = 'user' | 'system';

/** One history event for a task, with what it looks like now. Call inside the write's transaction. */
export function recordTask(
  sqlite: BetterSqlite3.Database,
  row: TaskRow,
  type: 'task.created' | 'task.edited' | 'task.moved' | 'task.deleted',
  actor: Actor,
  data: Record<string, unknown>,
  now: number,
): void {
  appendEvent(sqlite, { entityType: 'task', entityId: row.id, type, actor, at: now, data: { ...data, snapshot: toTask(row) } });
}

/** Deletes tasks for good; their history keeps what they were. Call inside a transaction. */
export function deleteWithHistory(sqlite: BetterSqlite3.Database, rows: readonly TaskRow[], actor: Actor, data: Record<string, unknown>, now: number): void {
  if (rows.length === 0) return;
  for (const row of rows) recordTask(sqlite, row, 'task.deleted', actor, data, now);
  deleteTasks(
    sqlite,
    rows.map((row) => row.id),
  );
}
