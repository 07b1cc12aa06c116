import type { ParsedInput, Task } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { findGoal } from '../db/repositories/goals';
import { findTask, insertTask, nextPosition, subtasksOf, type NewTask, type TaskRow } from '../db/repositories/tasks';
import { listViewParents } from '../db/repositories/tasks-views';
import type { EventBus } from '../events/event-bus';
import { taskKey } from '../understanding/task-extract';
import { addDays } from '../understanding/zoned-time';
import { calendarDayAt, dayText, ruleText, startOfDay } from './recurrence';
import { deleteWithHistory, recordTask, type Actor } from './task-history';
import { toTask } from './task-mapping';
import { moveTask } from './task-order';
import { checkPlacement, dueOrFirstOccurrence, resolveDue } from './task-rules';
import { applyUpdate } from './task-update';

export interface TaskServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
  /** The person's time zone (Settings, else the computer's): what "today" means. */
  timeZone: () => string;
}

export interface TaskDraft {
  title: string;
  dueAt: number | null;
  sourceThoughtId: string | null;
  goalId?: string | null;
  estimateMinutes?: number | null;
  notes?: string;
  /** Default: after the last of its siblings. */
  position?: number;
  priority?: number;
  parentId?: string | null;
  /** RRULE text (tasks/recurrence.ts). */
  recurrenceRule?: string | null;
  recursFrom?: string | null;
}

export interface TaskList {
  items: Task[];
  hasMore: boolean;
  timeZone: string;
  today: string;
}

function requireTask(row: TaskRow | undefined, id: string): TaskRow {
  if (row === undefined) throw new AppError('not_found', 'No task with that id.', { id });
  return row;
}

function checkVersion(row: TaskRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError('conflict', 'This task was changed elsewhere. Reload it and try again.', { version: row.version });
  }
}

/** Tasks: made by the person, from suggestions, insights or goal plans; each change is an event. */
export function createTaskService({ db, clock, newId, bus, timeZone }: TaskServiceDeps) {
  const { sqlite } = db;

  /** Inserts a task and its history event. Call inside the caller's transaction. */
  function insert(draft: TaskDraft, actor: Actor, origin: Record<string, unknown>, now: number): TaskRow {
    const values: NewTask = {
      id: newId(),
      titleKey: taskKey(draft.title),
      ...draft,
      position: draft.position ?? nextPosition(sqlite, draft.parentId ?? null),
    };
    const task = insertTask(sqlite, values, now);
    recordTask(sqlite, task, 'task.created', actor, { changed: ['title', 'dueAt'], ...origin }, now);
    return task;
  }

  function changed(rows: readonly { id: string; goal_id: string | null }[]): void {
    const goalIds = [...new Set(rows.flatMap((row) => (row.goal_id === null ? [] : [row.goal_id])))];
    bus.emit('tasks.changed', { ids: rows.map((row) => row.id), goalIds });
  }

  const createTransaction = sqlite.transaction((input: ParsedInput<'tasks.create'>): TaskRow => {
    const now = clock.now();
    const zone = timeZone();
    const goalId = checkPlacement(sqlite, {
      taskId: undefined,
      parentId: input.parentId,
      goalId: input.parentId !== null && input.goalId === null ? undefined : input.goalId,
      recurrence: input.recurrence,
    });
    return insert(
      {
        title: input.title.trim(),
        notes: input.notes,
        priority: input.priority,
        dueAt: dueOrFirstOccurrence(resolveDue(input.dueAt, zone), input.recurrence, now, zone),
        sourceThoughtId: null,
        goalId,
        parentId: input.parentId,
        recurrenceRule: input.recurrence === null ? null : ruleText(input.recurrence),
      },
      'user',
      {},
      now,
    );
  });

  const updateTransaction = sqlite.transaction((input: ParsedInput<'tasks.update'>) => {
    const row = requireTask(findTask(sqlite, input.id), input.id);
    checkVersion(row, input.expectedVersion);
    return applyUpdate({ sqlite, insert, now: clock.now(), timeZone: timeZone() }, row, input.patch);
  });

  const reorderTransaction = sqlite.transaction((input: ParsedInput<'tasks.reorder'>): TaskRow => {
    const row = requireTask(findTask(sqlite, input.id), input.id);
    const anchor = requireTask(findTask(sqlite, input.relativeTo), input.relativeTo);
    moveTask(sqlite, row, anchor, input.place);
    const moved = requireTask(findTask(sqlite, row.id), row.id);
    recordTask(sqlite, moved, 'task.moved', 'user', { relativeTo: anchor.id, place: input.place }, clock.now());
    return moved;
  });

  const deleteTransaction = sqlite.transaction((input: ParsedInput<'tasks.delete'>): TaskRow[] => {
    const row = requireTask(findTask(sqlite, input.id), input.id);
    checkVersion(row, input.expectedVersion);
    const rows = [...subtasksOf(sqlite, [row.id]), row];
    deleteWithHistory(sqlite, rows, 'user', {}, clock.now());
    return rows;
  });

  return {
    insert,
    get(id: string): Task {
      return toTask(requireTask(findTask(sqlite, id), id));
    },
    /** One view's page of top-level tasks, each followed by its subtasks. */
    list(input: ParsedInput<'tasks.list'>): TaskList {
      if (input.view === 'goal' && input.goalId !== undefined && findGoal(sqlite, input.goalId) === undefined) {
        throw new AppError('not_found', 'No goal with that id.', { goalId: input.goalId });
      }
      const zone = timeZone();
      const today = calendarDayAt(clock.now(), zone);
      const parents = listViewParents(sqlite, {
        view: input.view,
        goalId: input.goalId,
        startOfToday: startOfDay(today, zone),
        endOfToday: startOfDay(addDays(today.year, today.month, today.day, 1), zone),
        limit: input.limit + 1,
        offset: input.offset,
      });
      const page = parents.slice(0, input.limit);
      const subtasks = Map.groupBy(subtasksOf(sqlite, page.map((row) => row.id)), (row) => row.parent_id);
      return {
        items: page.flatMap((parent) => [parent, ...(subtasks.get(parent.id) ?? [])]).map(toTask),
        hasMore: parents.length > input.limit,
        timeZone: zone,
        today: dayText(today),
      };
    },
    create(input: ParsedInput<'tasks.create'>): Task {
      const row = createTransaction.immediate(input);
      changed([row]);
      return toTask(row);
    },
    update(input: ParsedInput<'tasks.update'>): Task {
      const { row, affected } = updateTransaction.immediate(input);
      changed([row, ...affected]);
      return toTask(row);
    },
    reorder(input: ParsedInput<'tasks.reorder'>): Task {
      const row = reorderTransaction.immediate(input);
      changed([row]);
      return toTask(row);
    },
    delete(input: ParsedInput<'tasks.delete'>): { ids: string[] } {
      const rows = deleteTransaction.immediate(input);
      changed(rows);
      return { ids: rows.map((row) => row.id) };
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
