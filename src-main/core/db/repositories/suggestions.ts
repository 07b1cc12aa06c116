import type BetterSqlite3 from 'better-sqlite3';
import type { SuggestionStatus } from '../../../../src-shared/contract';
import { expectChanges, statement } from '../statements';

export interface SuggestionRow {
  id: string;
  thought_id: string;
  thought_text: string;
  title: string;
  title_key: string;
  due_at: number | null;
  due_has_time: number;
  confidence: number;
  status: 'pending' | 'accepted' | 'dismissed' | 'expired';
  task_id: string | null;
  created_at: number;
  expires_at: number;
}

const SUGGESTION_COLUMNS = `s.id, s.thought_id, substr(t.text, 1, 300) AS thought_text, s.title, s.title_key, s.due_at,
  s.due_has_time, s.confidence, s.status, s.task_id, s.created_at, s.expires_at`;
const FROM = 'FROM task_suggestions s JOIN thoughts t ON t.id = s.thought_id';

export interface NewSuggestion {
  id: string;
  thoughtId: string;
  title: string;
  titleKey: string;
  dueAt: number | null;
  dueHasTime: boolean;
  confidence: number;
  status: 'pending' | 'accepted';
  taskId: string | null;
  expiresAt: number;
  /** Who found it: offline (the analyzer), ollama or claude (a check). */
  origin: string;
}

/** Inserts unless this thought already had a suggestion with the same title words (any status). */
export function insertSuggestion(sqlite: BetterSqlite3.Database, suggestion: NewSuggestion, now: number): boolean {
  const result = statement(
    sqlite,
    `INSERT OR IGNORE INTO task_suggestions
       (id, thought_id, title, title_key, due_at, due_has_time, confidence, status, task_id, created_at, expires_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    suggestion.id,
    suggestion.thoughtId,
    suggestion.title,
    suggestion.titleKey,
    suggestion.dueAt,
    suggestion.dueHasTime ? 1 : 0,
    suggestion.confidence,
    suggestion.status,
    suggestion.taskId,
    now,
    suggestion.expiresAt,
    suggestion.origin,
  );
  return result.changes === 1;
}

export function findSuggestion(sqlite: BetterSqlite3.Database, id: string): SuggestionRow | undefined {
  return statement(sqlite, `SELECT ${SUGGESTION_COLUMNS} ${FROM} WHERE s.id = ?`).get(id) as SuggestionRow | undefined;
}

/**
 * A page of suggestions, newest first (created_at, id). A pending suggestion past its expiry is
 * listed as expired; suggestions of trashed thoughts are not listed at all.
 */
export function listSuggestions(
  sqlite: BetterSqlite3.Database,
  filter: { status: SuggestionStatus; thoughtId?: string; now: number },
  limit: number,
  after: { createdAt: number; id: string } | undefined,
): SuggestionRow[] {
  const conditions = ['t.deleted_at IS NULL'];
  const params: unknown[] = [];
  switch (filter.status) {
    case 'pending':
      conditions.push("s.status = 'pending' AND s.expires_at > ?");
      params.push(filter.now);
      break;
    case 'expired':
      conditions.push("(s.status = 'expired' OR (s.status = 'pending' AND s.expires_at <= ?))");
      params.push(filter.now);
      break;
    default:
      conditions.push('s.status = ?');
      params.push(filter.status);
  }
  if (filter.thoughtId !== undefined) {
    conditions.push('s.thought_id = ?');
    params.push(filter.thoughtId);
  }
  if (after !== undefined) {
    conditions.push('(s.created_at < ? OR (s.created_at = ? AND s.id < ?))');
    params.push(after.createdAt, after.createdAt, after.id);
  }
  return statement(
    sqlite,
    `SELECT ${SUGGESTION_COLUMNS} ${FROM} WHERE ${conditions.join(' AND ')} ORDER BY s.created_at DESC, s.id DESC LIMIT ?`,
  ).all(...params, limit) as SuggestionRow[];
}

export function resolveSuggestion(
  sqlite: BetterSqlite3.Database,
  id: string,
  change: { status: 'accepted' | 'dismissed'; taskId: string | null; title?: string; dueAt?: number | null },
): void {
  expectChanges(
    statement(
      sqlite,
      `UPDATE task_suggestions SET status = ?, task_id = ?, title = coalesce(?, title),
         due_at = CASE WHEN ? THEN ? ELSE due_at END
       WHERE id = ? AND status = 'pending'`,
    ).run(change.status, change.taskId, change.title ?? null, change.dueAt === undefined ? 0 : 1, change.dueAt ?? null, id),
    1,
    'resolveSuggestion',
  );
}

/** Marks pending suggestions past their expiry as expired; returns their thoughts' ids. */
export function expireSuggestions(sqlite: BetterSqlite3.Database, now: number): string[] {
  const rows = statement(
    sqlite,
    "UPDATE task_suggestions SET status = 'expired' WHERE status = 'pending' AND expires_at <= ? RETURNING thought_id",
  ).all(now) as { thought_id: string }[];
  return [...new Set(rows.map((row) => row.thought_id))];
}
