import type BetterSqlite3 from 'better-sqlite3';
import type { DueInput, Recurrence } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { findGoal } from '../db/repositories/goals';
import { findTask, hasSubtasks } from '../db/repositories/tasks';
import { instantOf } from '../understanding/zoned-time';
import { calendarDayAt, endOfDay, firstDueDay } from './recurrence';

/** Where a task sits: under which parent, in which goal, and whether it repeats. */
export interface Placement {
  /** The task being placed; undefined while creating it. */
  taskId: string | undefined;
  parentId: string | null;
  /** undefined: "whatever fits" (a subtask takes its parent's goal). */
  goalId: string | null | undefined;
  recurrence: Recurrence | null;
}

/**
 * Checks one level of subtasks, goals that exist and repeating only at the top; returns the goal
 * the task ends up in. A task cannot be its own descendant: it cannot be its own parent, and a
 * task with subtasks cannot become a subtask.
 */
export function checkPlacement(sqlite: BetterSqlite3.Database, placement: Placement): string | null {
  const { taskId, parentId, goalId } = placement;
  if (parentId === null) {
    if (goalId !== undefined && goalId !== null && findGoal(sqlite, goalId) === undefined) {
      throw new AppError('not_found', 'No goal with that id.', { goalId });
    }
    return goalId ?? null;
  }
  if (parentId === taskId) throw new AppError('invalid_input', 'A task cannot be its own subtask.', { parentId });
  const parent = findTask(sqlite, parentId);
  if (parent === undefined) throw new AppError('not_found', 'No task with that id to put this under.', { parentId });
  if (parent.parent_id !== null) {
    throw new AppError('invalid_state', 'Subtasks go one level deep: that task is itself a subtask.', { parentId });
  }
  if (taskId !== undefined && hasSubtasks(sqlite, taskId)) {
    throw new AppError('invalid_state', 'This task has subtasks of its own, so it cannot become a subtask.', { id: taskId });
  }
  if (placement.recurrence !== null) {
    throw new AppError('invalid_state', 'A subtask cannot repeat. Make its parent repeat instead.', { parentId });
  }
  if (goalId !== undefined && goalId !== parent.goal_id) {
    throw new AppError('invalid_state', 'A subtask belongs to its parent’s goal. Change the goal of the parent instead.', { parentId });
  }
  return parent.goal_id;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/**
 * The instant a due date means. A day alone is due by the end of that day; a time without an
 * offset is that time on the person's clock.
 */
export function resolveDue(due: DueInput | null, timeZone: string): number | null {
  if (due === null) return null;
  const match = LOCAL_TIME.exec(due);
  if (match === null) return Date.parse(due);
  const [year, month, day, hour, minute, second, fraction] = match.slice(1);
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (hour === undefined) return endOfDay(date, timeZone);
  const wall = { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), millisecond: Number((fraction ?? '0').padEnd(3, '0')) };
  return instantOf({ ...date, ...wall }, timeZone);
}

/** A repeating task is always due somewhere: without a date, on the rule's first day from today. */
export function dueOrFirstOccurrence(dueAt: number | null, recurrence: Recurrence | null, now: number, timeZone: string): number | null {
  if (dueAt !== null || recurrence === null) return dueAt;
  return endOfDay(firstDueDay(recurrence, calendarDayAt(now, timeZone)), timeZone);
}
