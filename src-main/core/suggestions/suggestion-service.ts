import type { ParsedInput, Task, TaskSuggestion } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import {
  expireSuggestions,
  findSuggestion,
  insertSuggestion,
  listSuggestions,
  resolveSuggestion,
  type SuggestionRow,
} from '../db/repositories/suggestions';
import { findOpenTaskByKey, findTask, type TaskRow } from '../db/repositories/tasks';
import { toTask } from '../tasks/task-mapping';
import type { TaskService } from '../tasks/task-service';
import type { EventBus } from '../events/event-bus';
import { decodeTimeCursor, encodeTimeCursor } from '../paging';
import { toIso } from '../thoughts/thought-mapping';
import { taskKey } from '../understanding/task-extract';

/** Suggestions nobody acted on stop being offered after this long. */
export const SUGGESTION_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;

export interface FoundTask {
  title: string;
  dueAt: number | null;
  hasTime: boolean;
  confidence: number;
  /** offline (the analyzer, the default), or the backend of a check that found it. */
  origin?: string;
}

export interface SuggestionPolicy {
  mode: 'off' | 'suggest' | 'auto';
  /** In auto mode, suggestions at least this confident become tasks at once. */
  autoCreateThreshold: number;
}

export interface SuggestionServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
  tasks: TaskService;
}

/** Tasks Cairn found in thoughts: offered, accepted into real tasks, or dismissed for good. */
export function createSuggestionService({ db, clock, newId, bus, tasks }: SuggestionServiceDeps) {
  const { sqlite } = db;

  function createTask(title: string, dueAt: number | null, thoughtId: string, actor: 'user' | 'system', now: number): TaskRow {
    return tasks.insert({ title, dueAt, sourceThoughtId: thoughtId }, actor, { fromThought: thoughtId }, now);
  }

  const offerTransaction = sqlite.transaction((thoughtId: string, found: readonly FoundTask[], policy: SuggestionPolicy) => {
    const now = clock.now();
    let created = 0;
    for (const candidate of found) {
      const key = taskKey(candidate.title);
      // An identical open task already covers it, whoever made it.
      if (key === '' || findOpenTaskByKey(sqlite, key) !== undefined) continue;
      const automatic = policy.mode === 'auto' && candidate.confidence >= policy.autoCreateThreshold;
      const suggestionId = newId();
      const inserted = insertSuggestion(
        sqlite,
        {
          id: suggestionId,
          thoughtId,
          title: candidate.title,
          titleKey: key,
          dueAt: candidate.dueAt,
          dueHasTime: candidate.hasTime,
          confidence: candidate.confidence,
          status: 'pending',
          taskId: null,
          expiresAt: now + SUGGESTION_LIFETIME_MS,
          origin: candidate.origin ?? 'offline',
        },
        now,
      );
      if (!inserted) continue;
      created += 1;
      if (automatic) {
        const task = createTask(candidate.title, candidate.dueAt, thoughtId, 'system', now);
        resolveSuggestion(sqlite, suggestionId, { status: 'accepted', taskId: task.id });
      }
    }
    return created;
  });

  const acceptTransaction = sqlite.transaction((input: ParsedInput<'suggestions.accept'>) => {
    const now = clock.now();
    const suggestion = requirePending(input.id, now);
    const title = input.title?.trim() ?? suggestion.title;
    const dueAt = input.dueAt === undefined ? suggestion.due_at : input.dueAt === null ? null : Date.parse(input.dueAt);
    const existing = findOpenTaskByKey(sqlite, taskKey(title));
    if (existing !== undefined) {
      throw new AppError('conflict', 'An open task with the same title already exists.', { taskId: existing.id });
    }
    const task = createTask(title, dueAt, suggestion.thought_id, 'user', now);
    resolveSuggestion(sqlite, suggestion.id, { status: 'accepted', taskId: task.id, title, dueAt });
    return { suggestion: present(requireRow(suggestion.id), now), task: toTask(task) };
  });

  const dismissTransaction = sqlite.transaction((id: string) => {
    const now = clock.now();
    requirePending(id, now);
    resolveSuggestion(sqlite, id, { status: 'dismissed', taskId: null });
    return present(requireRow(id), now);
  });

  function requireRow(id: string): SuggestionRow {
    const row = findSuggestion(sqlite, id);
    if (row === undefined) throw new AppError('not_found', 'No task suggestion with that id.', { id });
    return row;
  }

  function requirePending(id: string, now: number): SuggestionRow {
    const row = requireRow(id);
    const status = statusOf(row, now);
    if (status !== 'pending') {
      throw new AppError('invalid_state', `This suggestion was already ${status}.`, { id, status });
    }
    return row;
  }

  return {
    /** Records what the analyzer found in one thought; returns how many suggestions are new. */
    offer(thoughtId: string, found: readonly FoundTask[], policy: SuggestionPolicy): number {
      if (policy.mode === 'off' || found.length === 0) return 0;
      const created = offerTransaction.immediate(thoughtId, found, policy);
      if (created > 0) bus.emit('suggestions.changed', { thoughtIds: [thoughtId] });
      return created;
    },

    list(input: ParsedInput<'suggestions.list'>): { items: TaskSuggestion[]; nextCursor: string | null } {
      const now = clock.now();
      const after = input.cursor === undefined ? undefined : decodeTimeCursor(input.cursor);
      const rows = listSuggestions(sqlite, { status: input.status, thoughtId: input.thoughtId, now }, input.limit + 1, after);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => present(row, now)),
        nextCursor: rows.length > input.limit && last !== undefined ? encodeTimeCursor(last.created_at, last.id) : null,
      };
    },

    accept(input: ParsedInput<'suggestions.accept'>): { suggestion: TaskSuggestion; task: Task } {
      const result = acceptTransaction.immediate(input);
      bus.emit('suggestions.changed', { thoughtIds: [result.suggestion.thoughtId] });
      return result;
    },

    dismiss(id: string): TaskSuggestion {
      const suggestion = dismissTransaction.immediate(id);
      bus.emit('suggestions.changed', { thoughtIds: [suggestion.thoughtId] });
      return suggestion;
    },

    /** Housekeeping: pending suggestions past 90 days become expired. */
    expire(): number {
      const thoughtIds = expireSuggestions(sqlite, clock.now());
      if (thoughtIds.length > 0) bus.emit('suggestions.changed', { thoughtIds });
      return thoughtIds.length;
    },

    task(id: string): Task | undefined {
      const row = findTask(sqlite, id);
      return row === undefined ? undefined : toTask(row);
    },
  };
}

export type SuggestionService = ReturnType<typeof createSuggestionService>;

function statusOf(row: SuggestionRow, now: number): TaskSuggestion['status'] {
  return row.status === 'pending' && row.expires_at <= now ? 'expired' : row.status;
}

function present(row: SuggestionRow, now: number): TaskSuggestion {
  return {
    id: row.id,
    thoughtId: row.thought_id,
    thoughtExcerpt: row.thought_text.length > 200 ? `${row.thought_text.slice(0, 199)}…` : row.thought_text,
    title: row.title,
    dueAt: row.due_at === null ? null : toIso(row.due_at),
    dueHasTime: row.due_has_time === 1,
    confidence: row.confidence,
    status: statusOf(row, now),
    taskId: row.task_id,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
  };
}
