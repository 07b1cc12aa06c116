import type { CheckRun, CheckSchedule } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { failureLines, type AttemptRecord, type Orchestrator } from '../ai/orchestrator';
import { isProviderError } from '../ai/provider-error';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { abandonRunningAiRequests, aiRequestsForRun, pruneAiRequests } from '../db/repositories/ai-requests';
import {
  abandonRunningRuns,
  finishRun,
  findRun,
  insertRunningRun,
  lastSucceededWindowEnd,
  listRuns,
  runningRun,
  type CheckRunRow,
} from '../db/repositories/check-runs';
import { insertInsight, purgeOldInsights, standingInsightWithKey } from '../db/repositories/insights';
import { addAutoTags, tagVocabulary } from '../db/repositories/tags';
import { findThoughtById } from '../db/repositories/thoughts';
import { classifyError } from '../errors';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import { decodeTimeCursor, encodeTimeCursor } from '../paging';
import type { SuggestionPolicy, SuggestionService } from '../suggestions/suggestion-service';
import { readCheckInput, type VectorReader } from './check-input';
import { checkTask } from './check-task';
import { toCheckRun } from './run-mapping';
import type { CheckFindings, Finding } from './check-types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Unpinned insights are removed after this long. */
export const INSIGHT_LIFETIME_MS = 30 * DAY_MS;
/** The request log keeps this much history. */
const REQUEST_LOG_MS = 90 * DAY_MS;

export interface CheckServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
  logger: Logger;
  orchestrator: Orchestrator;
  suggestions: SuggestionService;
  suggestionPolicy: () => SuggestionPolicy;
  /** The auto-tagging setting: tags from a backend are added only while it is on. */
  autoTagging: () => boolean;
  timeZone: () => string;
  vectors: VectorReader;
  /**
   * This process runs checks (the app, the server): runs left "running" by a crash are closed.
   * The one-shot CLI passes false, so it never touches a check another process is running.
   */
  runsChecks: boolean;
}

export type CheckTrigger = CheckRun['trigger'];

interface ActiveRun {
  id: string;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Consciousness checks: one at a time, each persisted with its inputs' window, the backend that
 * answered, tokens, cost and every outbound request; findings stored as insights with evidence.
 */
export function createCheckService(deps: CheckServiceDeps) {
  const { db, clock, newId, bus, logger } = deps;
  const { sqlite } = db;
  let active: ActiveRun | undefined;
  let schedule: () => CheckSchedule = () => ({
    enabled: false,
    intervalMinutes: 0,
    nextDueAt: null,
    quiet: false,
    runningId: null,
    lastSkippedAt: null,
  });

  // A run "running" in the database but in no process was cut off by a crash or kill.
  if (deps.runsChecks) {
    abandonRunningRuns(sqlite, clock.now());
    abandonRunningAiRequests(sqlite, clock.now());
  }

  const present = (row: CheckRunRow): CheckRun => toCheckRun(row, aiRequestsForRun(sqlite, row.id));

  const storeFindings = sqlite.transaction((runId: string, provider: string, result: CheckFindings, now: number): string[] => {
    const since = now - INSIGHT_LIFETIME_MS;
    const ids: string[] = [];
    for (const finding of result.findings) {
      if (finding.dedupeKey !== null && standingInsightWithKey(sqlite, finding.dedupeKey, since)) continue;
      const id = newId();
      insertInsight(sqlite, { id, runId, kind: finding.kind, title: finding.title, body: finding.body, provider, data: dataOf(finding), dedupeKey: finding.dedupeKey, evidence: finding.evidence }, now);
      ids.push(id);
    }
    return ids;
  });

  async function execute(id: string, window: { start: number | null; end: number }, signal: AbortSignal): Promise<void> {
    let inputCount = 0;
    try {
      // Let the caller have its answer (the run id) before the work starts.
      await new Promise((resolve) => setImmediate(resolve));
      const input = readCheckInput(db, window, deps.timeZone(), deps.vectors);
      inputCount = input.thoughts.length;
      // Nothing new to read: a model has nothing to say, the offline review (tasks, rhythm) still runs.
      const quiet = input.thoughts.length === 0;
      const outcome = await deps.orchestrator.run(checkTask, input, { runId: id, signal, ...(quiet ? { order: ['offline'] as const } : {}) });
      signal.throwIfAborted();
      const now = clock.now();
      const notes = [...(quiet ? ['Nothing new since the last check: only the offline review ran.'] : []), ...outcome.notes, ...outcome.output.notes, ...failureLines(outcome.failures)];
      let insightIds: string[] = [];
      sqlite.transaction(() => {
        insightIds = storeFindings(id, outcome.provider, outcome.output, now);
        finishRun(sqlite, id, {
          status: 'succeeded',
          provider: outcome.provider,
          model: outcome.model,
          inputCount,
          sentCount: outcome.sentThoughtIds.length,
          tokensIn: outcome.tokensIn,
          tokensOut: outcome.tokensOut,
          costMicros: outcome.costMicros,
          notes: { lines: notes },
        }, now);
      }).immediate();
      // The run and its insights are stored; tasks and tags are extras that must not undo that.
      offerTasks(outcome.output, outcome.provider);
      try {
        applyTags(outcome.output.tags);
      } catch (error) {
        logger.warn('checks.tags_failed', { runId: id, error: String(error) });
      }
      bus.emit('checks.changed', { runId: id, status: 'succeeded', newInsights: insightIds.length });
      if (insightIds.length > 0) bus.emit('insights.changed', { ids: insightIds });
    } catch (error) {
      const now = clock.now();
      if (signal.aborted) {
        finishRun(sqlite, id, { status: 'cancelled', inputCount, notes: { lines: ['Cancelled; nothing of this check was stored.'] } }, now);
        bus.emit('checks.changed', { runId: id, status: 'cancelled', newInsights: 0 });
        return;
      }
      const failure = classifyError(error);
      if (failure.code === 'internal') logger.error('checks.failed', { runId: id, error: String(failure.cause ?? error) });
      const attempts = (failure.details?.['attempts'] as AttemptRecord[] | undefined) ?? [];
      const hint = typeof failure.details?.['hint'] === 'string' ? failure.details['hint'] : isProviderError(error) ? (error.hint ?? null) : null;
      finishRun(sqlite, id, {
        status: 'failed',
        inputCount,
        errorCode: failure.code,
        errorMessage: failure.message,
        notes: { lines: attempts.length > 1 ? failureLines(attempts) : [], hint },
      }, now);
      bus.emit('checks.changed', { runId: id, status: 'failed', newInsights: 0 });
    }
  }

  /** Tasks a backend found in thoughts join the analyzer's suggestions (never twice for one thought). */
  function offerTasks(result: CheckFindings, provider: string): void {
    const policy = deps.suggestionPolicy();
    const byThought = Map.groupBy(result.tasks, (task) => task.thoughtId);
    for (const [thoughtId, tasks] of byThought) {
      try {
        deps.suggestions.offer(thoughtId, tasks.map((task) => ({ ...task, origin: provider })), policy);
      } catch (error) {
        // The thought may have been deleted meanwhile; the other suggestions still count.
        logger.warn('checks.offer_failed', { thoughtId, error: String(error) });
      }
    }
  }

  /**
   * Tags a backend suggested join Cairn's own suggestions (the person accepts or removes them).
   * From the person's vocabulary only, or a new name the backend gave to two or more thoughts.
   */
  function applyTags(suggested: CheckFindings['tags']): void {
    if (suggested.length === 0 || !deps.autoTagging()) return;
    const vocabulary = new Set(tagVocabulary(sqlite).map((tag) => tag.name));
    const uses = new Map<string, number>();
    for (const { names } of suggested) for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
    const changed: string[] = [];
    const now = clock.now();
    sqlite
      .transaction(() => {
        for (const { thoughtId, names } of suggested) {
          const row = findThoughtById(sqlite, thoughtId);
          if (row === undefined || row.deleted_at !== null) continue;
          const kept = names
            .filter((name) => vocabulary.has(name) || (uses.get(name) ?? 0) >= 2)
            .map((name) => ({ name, confidence: vocabulary.has(name) ? 0.7 : 0.5 }));
          if (addAutoTags(sqlite, row.seq, kept, now).length > 0) changed.push(thoughtId);
        }
      })
      .immediate();
    if (changed.length > 0) bus.emit('thoughts.changed', { ids: changed, reason: 'analyzed' });
  }

  function start(trigger: CheckTrigger): { runId: string; alreadyRunning: boolean } {
    if (!deps.runsChecks) throw new AppError('invalid_state', 'This process does not run checks; the app and the server do.');
    if (active !== undefined) return { runId: active.id, alreadyRunning: true };
    const now = clock.now();
    purgeOldInsights(sqlite, now - INSIGHT_LIFETIME_MS);
    pruneAiRequests(sqlite, now - REQUEST_LOG_MS);
    const id = newId();
    const window = { start: lastSucceededWindowEnd(sqlite), end: now };
    try {
      insertRunningRun(sqlite, { id, trigger, windowStart: window.start, windowEnd: window.end }, now);
    } catch (error) {
      const other = runningRun(sqlite);
      if (other !== undefined) return { runId: other.id, alreadyRunning: true };
      throw error;
    }
    const controller = new AbortController();
    bus.emit('checks.changed', { runId: id, status: 'running', newInsights: 0 });
    const done = execute(id, window, controller.signal)
      .catch((error: unknown) => logger.error('checks.unfinished', { runId: id, error: String(error) }))
      .finally(() => {
        if (active?.id === id) active = undefined;
      });
    active = { id, controller, done };
    return { runId: id, alreadyRunning: false };
  }

  function requireRun(id: string): CheckRunRow {
    const row = findRun(sqlite, id);
    if (row === undefined) throw new AppError('not_found', 'No check with that id.', { id });
    return row;
  }

  return {
    start,
    /** True while a run of this process is in progress. */
    isRunning: () => active !== undefined,
    /** Waits for the run in progress, if any (tests, shutdown). */
    async settled(): Promise<void> {
      await active?.done;
    },
    get: (id: string): CheckRun => present(requireRun(id)),
    list(limit: number, cursor: string | undefined): { items: CheckRun[]; nextCursor: string | null; schedule: CheckSchedule } {
      const rows = listRuns(sqlite, limit + 1, cursor === undefined ? undefined : decodeTimeCursor(cursor));
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(present),
        nextCursor: rows.length > limit && last !== undefined ? encodeTimeCursor(last.created_at, last.id) : null,
        schedule: { ...schedule(), runningId: active?.id ?? runningRun(sqlite)?.id ?? null },
      };
    },
    async cancel(id: string): Promise<CheckRun> {
      const row = requireRun(id);
      if (active?.id !== id) {
        throw new AppError('invalid_state', row.status === 'running' ? 'That check runs in another Cairn process.' : 'That check has already finished.', { status: row.status });
      }
      active.controller.abort();
      await active.done;
      return present(requireRun(id));
    },
    /** The scheduler reports its state through this (checks.list shows it). */
    setScheduleReader(reader: () => CheckSchedule): void {
      schedule = reader;
    },
    async dispose(): Promise<void> {
      active?.controller.abort();
      await active?.done;
    },
  };
}

export type CheckService = ReturnType<typeof createCheckService>;

function dataOf(finding: Finding): Record<string, unknown> {
  return { topic: finding.topic, proposedTask: finding.proposedTask };
}
