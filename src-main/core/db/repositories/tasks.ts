import type BetterSqlite3 from 'better-sqlite3';
import { openTaskStatuses, type TaskStatus } from '../../../../src-shared/contract';
import { expectChanges, statement } from '../statements';

export interface TaskRow {
  id: string;
  title: string;
  title_key: string;
  notes: string;
  priority: number;
  status: TaskStatus;
  due_at: number | null;
  parent_id: string | null;
  /** RFC 5545 RRULE text; see tasks/recurrence.ts. */
  recurrence_rule: string | null;
  recurs_from: string | null;
  source_thought_id: string | null;
  goal_id: string | null;
  estimate_minutes: number | null;
  position: number;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export const TASK_COLUMNS =
  'id, title, title_key, notes, priority, status, due_at, parent_id, recurrence_rule, recurs_from, source_thought_id, goal_id, estimate_minutes, position, completed_at, created_at, updated_at, version';

export interface NewTask {
  id: string;
  title: string;
  titleKey: string;
  dueAt: number | null;
  sourceThoughtId: string | null;
  goalId?: string | null;
  estimateMinutes?: number | null;
  notes?: string;
  position: number;
  priority?: number;
  parentId?: string | null;
  recurrenceRule?: string | null;
  recursFrom?: string | null;
}

export function insertTask(sqlite: BetterSqlite3.Database, task: NewTask, now: number): TaskRow {
  return statement(
    sqlite,
    `INSERT INTO tasks (id, title, title_key, due_at, source_thought_id, goal_id, estimate_minutes, notes, position, priority,
       parent_id, recurrence_rule, recurs_from, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${TASK_COLUMNS}`,
  ).get(
    task.id,
    task.title,
    task.titleKey,
    task.dueAt,
    task.sourceThoughtId,
    task.goalId ?? null,
    task.estimateMinutes ?? null,
    task.notes ?? '',
    task.position,
    task.priority ?? 0,
    task.parentId ?? null,
    task.recurrenceRule ?? null,
    task.recursFrom ?? null,
    now,
    now,
  ) as TaskRow;
}

export function findTask(sqlite: BetterSqlite3.Database, id: string): TaskRow | undefined {
  return statement(sqlite, `SELECT ${TASK_COLUMNS} FROM tasks WHERE id = ?`).get(id) as TaskRow | undefined;
}

/** `status IN ('todo', 'doing')`: the one SQL spelling of an open task (prefix a table alias with `table`). */
export function openTaskSql(table = ''): string {
  return `${table === '' ? '' : `${table}.`}status IN (${openTaskStatuses.map((status) => `'${status}'`).join(', ')})`;
}

/** An open task whose title has the same words. */
export function findOpenTaskByKey(sqlite: BetterSqlite3.Database, titleKey: string): TaskRow | undefined {
  if (titleKey === '') return undefined;
  return statement(sqlite, `SELECT ${TASK_COLUMNS} FROM tasks WHERE title_key = ? AND ${openTaskSql()} LIMIT 1`).get(titleKey) as
    | TaskRow
    | undefined;
}

const T_COLUMNS = TASK_COLUMNS.split(', ').map((column) => `t.${column}`).join(', ');

/** A goal's tasks, open and done, in plan order: each parent followed by its subtasks. */
export function listGoalTasks(sqlite: BetterSqlite3.Database, goalId: string, limit: number): TaskRow[] {
  return statement(
    sqlite,
    `SELECT ${T_COLUMNS} FROM tasks t LEFT JOIN tasks p ON p.id = t.parent_id
     WHERE t.goal_id = ?
     ORDER BY coalesce(p.position, t.position), coalesce(p.created_at, t.created_at), coalesce(t.parent_id, t.id),
       t.parent_id IS NOT NULL, t.position, t.created_at, t.id
     LIMIT ?`,
  ).all(goalId, limit) as TaskRow[];
}

export interface TaskChanges {
  title: string;
  titleKey: string;
  notes: string;
  priority: number;
  status: TaskRow['status'];
  dueAt: number | null;
  completedAt: number | null;
  parentId: string | null;
  goalId: string | null;
  recurrenceRule: string | null;
  position: number;
}

export function updateTask(sqlite: BetterSqlite3.Database, id: string, version: number, changes: TaskChanges, now: number): TaskRow {
  const row = statement(
    sqlite,
    `UPDATE tasks SET title = ?, title_key = ?, notes = ?, priority = ?, status = ?, due_at = ?, completed_at = ?,
       parent_id = ?, goal_id = ?, recurrence_rule = ?, position = ?, updated_at = ?, version = version + 1
     WHERE id = ? AND version = ? RETURNING ${TASK_COLUMNS}`,
  ).get(
    changes.title,
    changes.titleKey,
    changes.notes,
    changes.priority,
    changes.status,
    changes.dueAt,
    changes.completedAt,
    changes.parentId,
    changes.goalId,
    changes.recurrenceRule,
    changes.position,
    now,
    id,
    version,
  ) as TaskRow | undefined;
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

/** Subtasks of these parents, each parent's in their order. */
export function subtasksOf(sqlite: BetterSqlite3.Database, parentIds: readonly string[]): TaskRow[] {
  if (parentIds.length === 0) return [];
  return statement(
    sqlite,
    `SELECT ${TASK_COLUMNS} FROM tasks WHERE parent_id IN (SELECT value FROM json_each(?))
     ORDER BY parent_id, position, created_at, id`,
  ).all(JSON.stringify(parentIds)) as TaskRow[];
}

export function hasSubtasks(sqlite: BetterSqlite3.Database, id: string): boolean {
  return statement(sqlite, 'SELECT 1 FROM tasks WHERE parent_id = ? LIMIT 1').get(id) !== undefined;
}

export interface TaskPlace {
  id: string;
  position: number;
}

/** Tasks that share a parent (or are all top-level), in their order. */
export function siblingsInOrder(sqlite: BetterSqlite3.Database, parentId: string | null): TaskPlace[] {
  return statement(
    sqlite,
    `SELECT id, position FROM tasks WHERE parent_id IS ? ORDER BY position, created_at, id`,
  ).all(parentId) as TaskPlace[];
}

/** Where a new task goes: after the last of its siblings. */
export function nextPosition(sqlite: BetterSqlite3.Database, parentId: string | null): number {
  const last = statement(sqlite, 'SELECT max(position) FROM tasks WHERE parent_id IS ?').pluck().get(parentId) as number | null;
  return last === null ? 1 : Math.floor(last) + 1;
}

/** Order is housekeeping, not content: no version bump, so a move never makes an edit conflict. */
export function setTaskPosition(sqlite: BetterSqlite3.Database, id: string, position: number): void {
  expectChanges(statement(sqlite, 'UPDATE tasks SET position = ? WHERE id = ?').run(position, id), 1, 'set task position');
}

/** Subtasks follow their parent into (or out of) a goal. */
export function setSubtasksGoal(sqlite: BetterSqlite3.Database, parentId: string, goalId: string | null, now: number): void {
  statement(sqlite, 'UPDATE tasks SET goal_id = ?, updated_at = ?, version = version + 1 WHERE parent_id = ? AND goal_id IS NOT ?').run(
    goalId,
    now,
    parentId,
    goalId,
  );
}

/** The occurrence completing this one made, if any. */
export function successorOf(sqlite: BetterSqlite3.Database, id: string): TaskRow | undefined {
  return statement(sqlite, `SELECT ${TASK_COLUMNS} FROM tasks WHERE recurs_from = ?`).get(id) as TaskRow | undefined;
}

export function deleteTasks(sqlite: BetterSqlite3.Database, ids: readonly string[]): void {
  expectChanges(
    statement(sqlite, 'DELETE FROM tasks WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids)),
    ids.length,
    'delete tasks',
  );
}
