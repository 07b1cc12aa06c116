import type { Task } from '../../../src-shared/contract';
import type { TaskRow } from '../db/repositories/tasks';
import { toIso } from '../thoughts/thought-mapping';
import { parseRule } from './recurrence';

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    priority: row.priority,
    status: row.status,
    dueAt: row.due_at === null ? null : toIso(row.due_at),
    parentId: row.parent_id,
    recurrence: parseRule(row.recurrence_rule),
    sourceThoughtId: row.source_thought_id,
    goalId: row.goal_id,
    estimateMinutes: row.estimate_minutes,
    completedAt: row.completed_at === null ? null : toIso(row.completed_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
  };
}
