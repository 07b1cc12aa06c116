import type BetterSqlite3 from 'better-sqlite3';
import { subtasksOf, successorOf, type TaskRow } from '../db/repositories/tasks';
import { nextDueAt, parseRule } from './recurrence';
import { deleteWithHistory } from './task-history';
import type { TaskDraft } from './task-service';

type Insert = (draft: TaskDraft, origin: Record<string, unknown>) => TaskRow;

/**
 * After a repeating task was completed: its next occurrence, due by the rule at the same time of
 * day, with a fresh (open) copy of each of its subtasks — a repeating checklist starts over. The
 * subtasks of the completed one stay with it, as they were. Made at most once per occurrence: the
 * unique `recurs_from` link is checked first (and would refuse a second one anyway).
 */
export function makeNextOccurrence(sqlite: BetterSqlite3.Database, done: TaskRow, insert: Insert, now: number, timeZone: string): TaskRow[] {
  const recurrence = parseRule(done.recurrence_rule);
  if (recurrence === null || done.parent_id !== null || successorOf(sqlite, done.id) !== undefined) return [];
  const dueAt = nextDueAt(recurrence, done.due_at, now, timeZone);
  const next = insert(
    {
      title: done.title,
      notes: done.notes,
      priority: done.priority,
      dueAt,
      sourceThoughtId: done.source_thought_id,
      goalId: done.goal_id,
      estimateMinutes: done.estimate_minutes,
      // Ties go to the older task: the new occurrence sits right after the one it follows.
      position: done.position,
      recurrenceRule: done.recurrence_rule,
      recursFrom: done.id,
    },
    { recurredFrom: done.id },
  );
  const shift = done.due_at === null ? null : dueAt - done.due_at;
  const copies = subtasksOf(sqlite, [done.id]).map((subtask) =>
    insert(
      {
        title: subtask.title,
        notes: subtask.notes,
        priority: subtask.priority,
        dueAt: subtask.due_at === null || shift === null ? null : subtask.due_at + shift,
        sourceThoughtId: subtask.source_thought_id,
        goalId: done.goal_id,
        estimateMinutes: subtask.estimate_minutes,
        position: subtask.position,
        parentId: next.id,
      },
      { recurredFrom: subtask.id },
    ),
  );
  return [next, ...copies];
}

/**
 * Reopening a completed occurrence undoes its completion: the next occurrence it made goes away
 * again, but only while nobody has touched it or its subtasks (all still at version 1). Returns
 * the ids removed.
 */
export function removeUntouchedSuccessor(sqlite: BetterSqlite3.Database, reopened: TaskRow, now: number): string[] {
  const next = successorOf(sqlite, reopened.id);
  if (next === undefined) return [];
  const rows = [...subtasksOf(sqlite, [next.id]), next];
  if (rows.some((row) => row.version !== 1)) return [];
  deleteWithHistory(sqlite, rows, 'system', { reason: 'reopened', reopened: reopened.id }, now);
  return rows.map((row) => row.id);
}
