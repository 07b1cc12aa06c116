import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface TaskRow {
  id: string;
  title: string;
  title_key: string;
  notes: string;
  priority: number;
  status: 'todo' | 'doing' | 'done' | 'cancelled';
  due_at: number | null;
  source_thought_id: string | null;
  goal_id: string | null;
  estimate_minutes: number | null;
  position: number;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

const TASK_COLUMNS =
  'id, title, title_key, notes, priority, status, due_at, source_thought_id, goal_id, estimate_minutes, position, completed_at, created_at, updated_at, version';

export interface NewTask {
  id: string;
  title: string;
  titleKey: string;
  dueAt: number | null;
  sourceThoughtId: string | null;
  goalId?: string | null;
  estimateMinutes?: number | null;
  notes?: string;
  position?: number;
}

export function insertTask(sqlite: BetterSqlite3.Database, task: NewTask, now: number): TaskRow {
  return statement(
    sqlite,
    `INSERT INTO tasks (id, title, title_key, due_at, source_thought_id, goal_id, estimate_minutes, notes, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${TASK_COLUMNS}`,
  ).get(
    task.id,
    task.title,
    task.titleKey,
    task.dueAt,
    task.sourceThoughtId,
    task.goalId ?? null,
    task.estimateMinutes ?? null,
    task.notes ?? '',
    task.position ?? 0,
    now,
    now,
  ) as TaskRow;
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

export type TaskListFilter = 'open' | 'done' | 'all';

const STATUS_FILTERS: Record<TaskListFilter, string> = {
  open: "status IN ('todo', 'doing')",
  done: "status IN ('done', 'cancelled')",
  all: '1',
};

/** A goal's tasks in plan order; otherwise open tasks by due date, then creation. */
export function listTasks(
  sqlite: BetterSqlite3.Database,
  query: { filter: TaskListFilter; goalId?: string | undefined; limit: number; offset: number },
): TaskRow[] {
  if (query.goalId !== undefined) {
    return statement(
      sqlite,
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE goal_id = ? AND ${STATUS_FILTERS[query.filter]}
       ORDER BY position, created_at, id LIMIT ? OFFSET ?`,
    ).all(query.goalId, query.limit, query.offset) as TaskRow[];
  }
  return statement(
    sqlite,
    `SELECT ${TASK_COLUMNS} FROM tasks WHERE ${STATUS_FILTERS[query.filter]}
     ORDER BY due_at IS NULL, due_at, created_at DESC, id LIMIT ? OFFSET ?`,
  ).all(query.limit, query.offset) as TaskRow[];
}

export interface TaskChanges {
  title: string;
  titleKey: string;
  notes: string;
  priority: number;
  status: TaskRow['status'];
  dueAt: number | null;
  completedAt: number | null;
}

export function updateTask(sqlite: BetterSqlite3.Database, id: string, version: number, changes: TaskChanges, now: number): TaskRow {
  const row = statement(
    sqlite,
    `UPDATE tasks SET title = ?, title_key = ?, notes = ?, priority = ?, status = ?, due_at = ?, completed_at = ?,
       updated_at = ?, version = version + 1
     WHERE id = ? AND version = ? RETURNING ${TASK_COLUMNS}`,
  ).get(changes.title, changes.titleKey, changes.notes, changes.priority, changes.status, changes.dueAt, changes.completedAt, now, id, version) as
    | TaskRow
    | undefined;
  if (row === undefined) throw new Error(`update task ${id}: version ${version} is not current`);
  return row;
}

/** Counts of a goal's tasks by whether they are finished (cancelled ones do not count). */
export function goalTaskCounts(sqlite: BetterSqlite3.Database, goalIds: readonly string[]): Map<string, { done: number; total: number }> {
  const counts = new Map<string, { done: number; total: number }>();
  if (goalIds.length === 0) return counts;
  const rows = statement(
    sqlite,
    `SELECT goal_id, sum(status = 'done') AS done, count(*) AS total FROM tasks
     WHERE goal_id IN (SELECT value FROM json_each(?)) AND status != 'cancelled' GROUP BY goal_id`,
  ).all(JSON.stringify(goalIds)) as { goal_id: string; done: number; total: number }[];
  for (const row of rows) counts.set(row.goal_id, { done: row.done, total: row.total });
  return counts;
}

export function setTaskGoal(sqlite: BetterSqlite3.Database, id: string, goalId: string | null, now: number): void {
  expectChanges(
    statement(sqlite, 'UPDATE tasks SET goal_id = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(goalId, now, id),
    1,
    'set task goal',
  );
}
