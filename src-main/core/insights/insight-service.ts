import type { Insight, ParsedInput, Task } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { toInsight } from '../checks/run-mapping';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { dismissInsight, evidenceFor, findInsight, listInsights, setInsightPinned, setInsightTask, type InsightRow } from '../db/repositories/insights';
import { findOpenTaskByKey } from '../db/repositories/tasks';
import type { EventBus } from '../events/event-bus';
import { decodeTimeCursor, encodeTimeCursor } from '../paging';
import { toTask } from '../tasks/task-mapping';
import type { TaskService } from '../tasks/task-service';
import { taskKey } from '../understanding/task-extract';

export interface InsightServiceDeps {
  db: Database;
  clock: Clock;
  bus: EventBus;
  tasks: TaskService;
}

/** What checks found: listed with their evidence, pinned, dismissed, or turned into tasks. */
export function createInsightService({ db, clock, bus, tasks }: InsightServiceDeps) {
  const { sqlite } = db;

  function requireRow(id: string): InsightRow {
    const row = findInsight(sqlite, id);
    if (row === undefined) throw new AppError('not_found', 'No insight with that id.', { id });
    return row;
  }

  function present(row: InsightRow): Insight {
    return toInsight(row, evidenceFor(sqlite, [row.id]).get(row.id) ?? []);
  }

  const toTaskTransaction = sqlite.transaction((input: ParsedInput<'insights.toTask'>): { row: InsightRow; task: Task } => {
    const row = requireRow(input.id);
    if (row.task_id !== null) throw new AppError('invalid_state', 'A task was already made from this insight.', { taskId: row.task_id });
    const proposed = toInsight(row, []).proposedTask;
    const title = (input.title ?? proposed?.title ?? row.title).trim();
    const existing = findOpenTaskByKey(sqlite, taskKey(title));
    if (existing !== undefined) throw new AppError('conflict', 'An open task with the same title already exists.', { taskId: existing.id });
    const dueAt = input.dueAt === undefined ? (proposed?.dueAt === null || proposed === null ? null : Date.parse(proposed.dueAt)) : input.dueAt === null ? null : Date.parse(input.dueAt);
    const evidence = evidenceFor(sqlite, [row.id]).get(row.id) ?? [];
    const created = tasks.insert(
      { title, dueAt, sourceThoughtId: evidence[0]?.thought_id ?? null, notes: row.body },
      'user',
      { fromInsight: row.id },
      clock.now(),
    );
    setInsightTask(sqlite, row.id, created.id);
    return { row: requireRow(row.id), task: toTask(created) };
  });

  return {
    list(input: ParsedInput<'insights.list'>): { items: Insight[]; nextCursor: string | null } {
      const rows = listInsights(sqlite, {
        filter: input.filter,
        runId: input.runId,
        limit: input.limit + 1,
        before: input.cursor === undefined ? undefined : decodeTimeCursor(input.cursor),
      });
      const page = rows.slice(0, input.limit);
      const evidence = evidenceFor(sqlite, page.map((row) => row.id));
      const last = page.at(-1);
      return {
        items: page.map((row) => toInsight(row, evidence.get(row.id) ?? [])),
        nextCursor: rows.length > input.limit && last !== undefined ? encodeTimeCursor(last.created_at, last.id) : null,
      };
    },
    pin(id: string, pinned: boolean): Insight {
      requireRow(id);
      setInsightPinned(sqlite, id, pinned);
      bus.emit('insights.changed', { ids: [id] });
      return present(requireRow(id));
    },
    dismiss(id: string): Insight {
      requireRow(id);
      dismissInsight(sqlite, id, clock.now());
      bus.emit('insights.changed', { ids: [id] });
      return present(requireRow(id));
    },
    toTask(input: ParsedInput<'insights.toTask'>): { insight: Insight; task: Task } {
      const { row, task } = toTaskTransaction.immediate(input);
      bus.emit('insights.changed', { ids: [row.id] });
      bus.emit('tasks.changed', { ids: [task.id], goalIds: [] });
      return { insight: present(row), task };
    },
  };
}

export type InsightService = ReturnType<typeof createInsightService>;
