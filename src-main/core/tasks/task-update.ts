import type BetterSqlite3 from 'better-sqlite3';
import { openTaskStatuses, type ParsedInput } from '../../../src-shared/contract';
import { findTask, nextPosition, setSubtasksGoal, subtasksOf, updateTask, type TaskRow } from '../db/repositories/tasks';
import { taskKey } from '../understanding/task-extract';
import { parseRule, ruleText } from './recurrence';
import { recordTask, type Actor } from './task-history';
import { makeNextOccurrence, removeUntouchedSuccessor } from './task-occurrences';
import { moveTask } from './task-order';
import { checkPlacement, dueOrFirstOccurrence, resolveDue } from './task-rules';
import type { TaskDraft } from './task-service';

export interface UpdateContext {
  sqlite: BetterSqlite3.Database;
  insert(draft: TaskDraft, actor: Actor, origin: Record<string, unknown>, now: number): TaskRow;
  now: number;
  timeZone: string;
}

type Patch = ParsedInput<'tasks.update'>['patch'];

/** What changed besides the task itself, for the `tasks.changed` event. */
export interface UpdateOutcome {
  row: TaskRow;
  affected: { id: string; goal_id: string | null }[];
}

/**
 * Applies a patch to a task inside the caller's transaction (its version was checked): placement
 * rules, due dates in the person's zone, and completion — the next occurrence of a repeating task,
 * or taking it back when the task is reopened.
 */
export function applyUpdate(context: UpdateContext, row: TaskRow, patch: Patch): UpdateOutcome {
  const { sqlite, now, timeZone } = context;
  const parentId = patch.parentId === undefined ? row.parent_id : patch.parentId;
  const recurrence = patch.recurrence === undefined ? parseRule(row.recurrence_rule) : patch.recurrence;
  const goalId = checkPlacement(sqlite, {
    taskId: row.id,
    parentId,
    goalId: patch.goalId !== undefined ? patch.goalId : parentId !== null ? undefined : row.goal_id,
    recurrence,
  });
  const status = patch.status ?? row.status;
  const title = patch.title?.trim() ?? row.title;
  const dueAt = patch.dueAt === undefined ? row.due_at : resolveDue(patch.dueAt, timeZone);
  const leavesParent = row.parent_id !== null && parentId === null;
  const updated = updateTask(
    sqlite,
    row.id,
    row.version,
    {
      title,
      titleKey: taskKey(title),
      notes: patch.notes ?? row.notes,
      priority: patch.priority ?? row.priority,
      status,
      dueAt: dueOrFirstOccurrence(dueAt, recurrence, now, timeZone),
      completedAt: status === 'done' ? (row.completed_at ?? now) : null,
      parentId,
      goalId,
      recurrenceRule: recurrence === null ? null : ruleText(recurrence),
      position: parentId === row.parent_id ? row.position : nextPosition(sqlite, parentId),
    },
    now,
  );
  const affected: UpdateOutcome['affected'] = [];
  if (goalId !== row.goal_id && parentId === null) {
    setSubtasksGoal(sqlite, row.id, goalId, now);
    affected.push(...subtasksOf(sqlite, [row.id]));
  }
  // A subtask taken out of its parent lands right below it, not at the far end of the list.
  const oldParent = leavesParent && row.parent_id !== null ? findTask(sqlite, row.parent_id) : undefined;
  if (oldParent !== undefined) moveTask(sqlite, updated, oldParent, 'after');
  const made =
    status === 'done' && row.status !== 'done'
      ? makeNextOccurrence(sqlite, updated, (draft, origin) => context.insert(draft, 'system', origin, now), now, timeZone)
      : [];
  const removed =
    row.status === 'done' && (openTaskStatuses as readonly string[]).includes(status)
      ? removeUntouchedSuccessor(sqlite, updated, now).map((id) => ({ id, goal_id: updated.goal_id }))
      : [];
  const final = findTask(sqlite, row.id) ?? updated;
  recordTask(sqlite, final, 'task.edited', 'user', { changed: Object.keys(patch), nextOccurrence: made[0]?.id ?? null }, now);
  return { row: final, affected: [...affected, ...made, ...removed] };
}
