import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface CheckRunRow {
  id: string;
  trigger: 'schedule' | 'catch_up' | 'manual';
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  provider: string | null;
  model: string | null;
  input_count: number;
  sent_count: number;
  tokens_in: number;
  tokens_out: number;
  cost_micros: number;
  error_code: string | null;
  error_message: string | null;
  notes: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  window_start: number | null;
  window_end: number | null;
  insight_count: number;
}

const COLUMNS = `id, trigger, status, provider, model, input_count, sent_count, tokens_in, tokens_out, cost_micros,
  error_code, error_message, notes, created_at, started_at, finished_at, window_start, window_end,
  (SELECT count(*) FROM insights WHERE insights.run_id = check_runs.id) AS insight_count`;

export interface RunStart {
  id: string;
  trigger: CheckRunRow['trigger'];
  windowStart: number | null;
  windowEnd: number;
}

/** Throws SQLITE_CONSTRAINT_UNIQUE when another run is already running. */
export function insertRunningRun(sqlite: BetterSqlite3.Database, run: RunStart, now: number): void {
  statement(
    sqlite,
    `INSERT INTO check_runs (id, trigger, status, created_at, started_at, window_start, window_end)
     VALUES (?, ?, 'running', ?, ?, ?, ?)`,
  ).run(run.id, run.trigger, now, now, run.windowStart, run.windowEnd);
}

export interface RunEnd {
  status: 'succeeded' | 'failed' | 'cancelled';
  provider?: string | null;
  model?: string | null;
  inputCount?: number;
  sentCount?: number;
  tokensIn?: number;
  tokensOut?: number;
  costMicros?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  notes?: { lines: string[]; hint?: string | null };
}

export function finishRun(sqlite: BetterSqlite3.Database, id: string, end: RunEnd, now: number): void {
  const result = statement(
    sqlite,
    `UPDATE check_runs SET status = ?, provider = ?, model = ?, input_count = ?, sent_count = ?, tokens_in = ?,
       tokens_out = ?, cost_micros = ?, error_code = ?, error_message = ?, notes = ?, finished_at = ?
     WHERE id = ? AND status = 'running'`,
  ).run(
    end.status,
    end.provider ?? null,
    end.model ?? null,
    end.inputCount ?? 0,
    end.sentCount ?? 0,
    end.tokensIn ?? 0,
    end.tokensOut ?? 0,
    end.costMicros ?? 0,
    end.errorCode ?? null,
    end.errorMessage ?? null,
    JSON.stringify(end.notes ?? { lines: [] }),
    now,
    id,
  );
  expectChanges(result, 1, 'finish check run');
}

export function findRun(sqlite: BetterSqlite3.Database, id: string): CheckRunRow | undefined {
  return statement(sqlite, `SELECT ${COLUMNS} FROM check_runs WHERE id = ?`).get(id) as CheckRunRow | undefined;
}

export function runningRun(sqlite: BetterSqlite3.Database): CheckRunRow | undefined {
  return statement(sqlite, `SELECT ${COLUMNS} FROM check_runs WHERE status = 'running' LIMIT 1`).get() as CheckRunRow | undefined;
}

/** Newest first; `before` is the (created_at, id) of the last row of the previous page. */
export function listRuns(sqlite: BetterSqlite3.Database, limit: number, before?: { createdAt: number; id: string }): CheckRunRow[] {
  if (before === undefined) {
    return statement(sqlite, `SELECT ${COLUMNS} FROM check_runs ORDER BY created_at DESC, id DESC LIMIT ?`).all(limit) as CheckRunRow[];
  }
  return statement(
    sqlite,
    `SELECT ${COLUMNS} FROM check_runs WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(before.createdAt, before.id, limit) as CheckRunRow[];
}

/** Where the next run's input starts: the end of the last run that produced results. */
export function lastSucceededWindowEnd(sqlite: BetterSqlite3.Database): number | null {
  const row = statement(sqlite, `SELECT max(window_end) AS end FROM check_runs WHERE status = 'succeeded'`).get() as { end: number | null };
  return row.end;
}

/** When the scheduler last started a run (any outcome). */
export function lastScheduledRunAt(sqlite: BetterSqlite3.Database): number | null {
  const row = statement(sqlite, `SELECT max(created_at) AS at FROM check_runs`).get() as { at: number | null };
  return row.at;
}

/** Runs a crash or kill left "running": they did not finish and stored nothing. */
export function abandonRunningRuns(sqlite: BetterSqlite3.Database, now: number): number {
  return statement(
    sqlite,
    `UPDATE check_runs SET status = 'cancelled', finished_at = ?,
       notes = '{"lines":["Cairn closed during this check; nothing of it was stored."]}'
     WHERE status = 'running'`,
  ).run(now).changes;
}
