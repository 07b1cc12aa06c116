import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface AiRequestRow {
  id: number;
  run_id: string;
  purpose: string;
  provider: string;
  model: string;
  remote: number;
  thought_count: number;
  prompt_chars: number;
  status: 'running' | 'ok' | 'failed' | 'cancelled';
  error_code: string | null;
  tokens_in: number;
  tokens_out: number;
  cost_micros: number;
  started_at: number;
  finished_at: number | null;
}

export interface NewAiRequest {
  runId: string;
  purpose: string;
  provider: string;
  model: string;
  remote: boolean;
  thoughtCount: number;
  promptChars: number;
}

export interface AiRequestEnd {
  status: 'ok' | 'failed' | 'cancelled';
  errorCode?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  costMicros?: number;
}

const COLUMNS =
  'id, run_id, purpose, provider, model, remote, thought_count, prompt_chars, status, error_code, tokens_in, tokens_out, cost_micros, started_at, finished_at';

export function insertAiRequest(sqlite: BetterSqlite3.Database, request: NewAiRequest, now: number): number {
  const row = statement(
    sqlite,
    `INSERT INTO ai_requests (run_id, purpose, provider, model, remote, thought_count, prompt_chars, status, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?) RETURNING id`,
  ).get(request.runId, request.purpose, request.provider, request.model, request.remote ? 1 : 0, request.thoughtCount, request.promptChars, now) as {
    id: number;
  };
  return row.id;
}

export function finishAiRequest(sqlite: BetterSqlite3.Database, id: number, end: AiRequestEnd, now: number): void {
  const result = statement(
    sqlite,
    `UPDATE ai_requests SET status = ?, error_code = ?, tokens_in = ?, tokens_out = ?, cost_micros = ?, finished_at = ?
     WHERE id = ? AND status = 'running'`,
  ).run(end.status, end.errorCode ?? null, end.tokensIn ?? 0, end.tokensOut ?? 0, end.costMicros ?? 0, now, id);
  expectChanges(result, 1, 'finish AI request');
}

export function aiRequestsForRun(sqlite: BetterSqlite3.Database, runId: string): AiRequestRow[] {
  return statement(sqlite, `SELECT ${COLUMNS} FROM ai_requests WHERE run_id = ? ORDER BY id`).all(runId) as AiRequestRow[];
}

/** Requests a crash left "running" did not finish: mark them so. */
export function abandonRunningAiRequests(sqlite: BetterSqlite3.Database, now: number): number {
  return statement(sqlite, `UPDATE ai_requests SET status = 'cancelled', finished_at = ? WHERE status = 'running'`).run(now).changes;
}

/** Keeps the log from growing forever: requests older than `before` go. */
export function pruneAiRequests(sqlite: BetterSqlite3.Database, before: number): number {
  return statement(sqlite, 'DELETE FROM ai_requests WHERE started_at < ?').run(before).changes;
}
