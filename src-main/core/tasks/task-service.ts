import type { ParsedInput, Task } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { appendEvent } from '../db/repositories/events';
import { findTask, insertTask, listTasks, updateTask, type NewTask, type TaskRow } from '../db/repositories/tasks';
import type { EventBus } from '../events/event-bus';
import { taskKey } from '../understanding/task-extract';
import { toTask } from './task-mapping';

export interface TaskServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
}

export interface TaskDraft {
  title: string;
  dueAt: number | null;
  sourceThoughtId: string | null;
  goalId?: string | null;
  estimateMinutes?: number | null;
  notes?: string;
  position?: number;
}

/** Tasks: made by the person, from suggestions, insights or goal plans; each change is an event. */
export function createTaskService({ db, clock, newId, bus }: TaskServiceDeps) {
  const { sqlite } = db;

  /** Inserts a task and its history event. Call inside the caller's transaction. */
  function insert(draft: TaskDraft, actor: 'user' | 'system', origin: Record<string, unknown>, now: number): TaskRow {
    const values: NewTask = { id: newId(), titleKey: taskKey(draft.title), ...draft };
    const task = insertTask(sqlite, values, now);
    appendEvent(sqlite, {
      entityType: 'task',
      entityId: task.id,
      type: 'task.created',
      actor,
      at: now,
      data: { changed: ['title', 'dueAt'], snapshot: toTask(task), ...origin },
    });
    return task;
  }

  const updateTransaction = sqlite.transaction((input: ParsedInput<'tasks.update'>): TaskRow => {
    const row = findTask(sqlite, input.id);
    if (row === undefined) throw new AppError('not_found', 'No task with that id.', { id: input.id });
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw new AppError('conflict', 'This task was changed elsewhere. Reload it and try again.', { version: row.version });
    }
    const { patch } = input;
    const now = clock.now();
    const status = patch.status ?? row.status;
    const title = patch.title?.trim() ?? row.title;
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
        dueAt: patch.dueAt === undefined ? row.due_at : patch.dueAt === null ? null : Date.parse(patch.dueAt),
        completedAt: status === 'done' ? (row.completed_at ?? now) : null,
      },
      now,
    );
    appendEvent(sqlite, {
      entityType: 'task',
      entityId: row.id,
      type: 'task.edited',
      actor: 'user',
      at: now,
      data: { changed: Object.keys(patch), snapshot: toTask(updated) },
    });
    return updated;
  });

  return {
    insert,
    get(id: string): Task {
      const row = findTask(sqlite, id);
      if (row === undefined) throw new AppError('not_found', 'No task with that id.', { id });
      return toTask(row);
    },
    list(input: ParsedInput<'tasks.list'>): { items: Task[]; hasMore: boolean } {
      const rows = listTasks(sqlite, { filter: input.filter, goalId: input.goalId, limit: input.limit + 1, offset: input.offset });
      return { items: rows.slice(0, input.limit).map(toTask), hasMore: rows.length > input.limit };
    },
    update(input: ParsedInput<'tasks.update'>): Task {
      const row = updateTransaction.immediate(input);
      bus.emit('tasks.changed', { ids: [row.id], goalIds: row.goal_id === null ? [] : [row.goal_id] });
      return toTask(row);
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
