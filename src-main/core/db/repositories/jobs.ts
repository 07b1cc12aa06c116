import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface JobRow {
  id: number;
  kind: string;
  payload: string;
  status: 'pending' | 'running' | 'failed';
  attempts: number;
  max_attempts: number;
  run_after: number;
  last_error: string | null;
  dedupe_key: string | null;
}

export interface NewJob {
  kind: string;
  payload: unknown;
  /** At most one pending or running job per (kind, dedupeKey). */
  dedupeKey?: string;
  runAfter?: number;
  maxAttempts?: number;
}

const JOB_COLUMNS = 'id, kind, payload, status, attempts, max_attempts, run_after, last_error, dedupe_key';

/** Enqueue inside the caller's transaction; a duplicate of a waiting job is ignored. */
export function enqueueJob(sqlite: BetterSqlite3.Database, job: NewJob, now: number): void {
  statement(
    sqlite,
    `INSERT OR IGNORE INTO jobs (kind, payload, status, attempts, max_attempts, run_after, dedupe_key, created_at, updated_at)
     VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, ?)`,
  ).run(job.kind, JSON.stringify(job.payload), job.maxAttempts ?? 5, job.runAfter ?? now, job.dedupeKey ?? null, now, now);
}

/** Atomically takes the next due job of the given kinds. */
export function claimJob(sqlite: BetterSqlite3.Database, kinds: readonly string[], now: number): JobRow | undefined {
  if (kinds.length === 0) return undefined;
  return statement(
    sqlite,
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
     WHERE id = (
       SELECT id FROM jobs WHERE status = 'pending' AND kind IN (SELECT value FROM json_each(?)) AND run_after <= ?
       ORDER BY run_after, id LIMIT 1)
     RETURNING ${JOB_COLUMNS}`,
  ).get(now, JSON.stringify(kinds), now) as JobRow | undefined;
}

export function completeJob(sqlite: BetterSqlite3.Database, id: number): void {
  expectChanges(statement(sqlite, "DELETE FROM jobs WHERE id = ? AND status = 'running'").run(id), 1, 'completeJob');
}

/** Puts a failed attempt back in line, or marks the job failed once its attempts are spent. */
export function retryJobLater(
  sqlite: BetterSqlite3.Database,
  id: number,
  error: string,
  runAfter: number,
  now: number,
): 'retrying' | 'failed' {
  const row = statement(
    sqlite,
    `UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
       run_after = ?, last_error = ?, updated_at = ?
     WHERE id = ? AND status = 'running' RETURNING status`,
  ).get(runAfter, error.slice(0, 2000), now, id) as { status: string } | undefined;
  if (row === undefined) throw new Error(`retryJobLater: job ${id} is not running`);
  return row.status === 'failed' ? 'failed' : 'retrying';
}

/** A job that can never succeed (its payload is invalid) fails at once. */
export function failJob(sqlite: BetterSqlite3.Database, id: number, error: string, now: number): void {
  expectChanges(
    statement(sqlite, "UPDATE jobs SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?").run(
      error.slice(0, 2000),
      now,
      id,
    ),
    1,
    'failJob',
  );
}

/** An interrupted attempt (shutdown) does not count against the job. */
export function releaseJob(sqlite: BetterSqlite3.Database, id: number, now: number): void {
  statement(
    sqlite,
    "UPDATE jobs SET status = 'pending', attempts = max(attempts - 1, 0), updated_at = ? WHERE id = ? AND status = 'running'",
  ).run(now, id);
}

/** After a crash, jobs left running were never finished: run them again. */
export function recoverInterruptedJobs(sqlite: BetterSqlite3.Database, now: number): number {
  return statement(sqlite, "UPDATE jobs SET status = 'pending', updated_at = ? WHERE status = 'running'").run(now)
    .changes;
}

export function nextDueTime(sqlite: BetterSqlite3.Database, kinds: readonly string[]): number | undefined {
  const row = statement(
    sqlite,
    "SELECT min(run_after) AS due FROM jobs WHERE status = 'pending' AND kind IN (SELECT value FROM json_each(?))",
  ).get(JSON.stringify(kinds)) as { due: number | null };
  return row.due ?? undefined;
}

export interface QueueCounts {
  pending: number;
  running: number;
  failed: number;
}

export function queueCounts(sqlite: BetterSqlite3.Database): QueueCounts {
  const rows = statement(sqlite, 'SELECT status, count(*) AS n FROM jobs GROUP BY status').all() as {
    status: keyof QueueCounts;
    n: number;
  }[];
  const counts: QueueCounts = { pending: 0, running: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Atomically takes up to `limit` due jobs of one kind, oldest first (batch processors). */
export function claimJobs(sqlite: BetterSqlite3.Database, kind: string, limit: number, now: number): JobRow[] {
  return statement(
    sqlite,
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
     WHERE id IN (
       SELECT id FROM jobs WHERE status = 'pending' AND kind = ? AND run_after <= ? ORDER BY run_after, id LIMIT ?)
     RETURNING ${JOB_COLUMNS}`,
  ).all(now, kind, now, limit) as JobRow[];
}
