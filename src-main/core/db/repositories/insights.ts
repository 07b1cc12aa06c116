import type BetterSqlite3 from 'better-sqlite3';
import { expectChanges, statement } from '../statements';

export interface InsightRow {
  id: string;
  run_id: string;
  kind: 'pattern' | 'insight' | 'suggestion';
  title: string;
  body: string;
  provider: string;
  data: string;
  dedupe_key: string | null;
  pinned: number;
  dismissed_at: number | null;
  task_id: string | null;
  created_at: number;
}

export interface EvidenceRow {
  insight_id: string;
  thought_id: string;
  excerpt: string | null;
}

const COLUMNS = 'id, run_id, kind, title, body, provider, data, dedupe_key, pinned, dismissed_at, task_id, created_at';

export interface NewInsight {
  id: string;
  runId: string;
  kind: InsightRow['kind'];
  title: string;
  body: string;
  provider: string;
  data: Record<string, unknown>;
  dedupeKey: string | null;
  evidence: readonly string[];
}

/** Stores an insight and the thoughts it rests on (evidence to deleted thoughts is skipped). */
export function insertInsight(sqlite: BetterSqlite3.Database, insight: NewInsight, now: number): void {
  statement(
    sqlite,
    `INSERT INTO insights (id, run_id, kind, title, body, provider, data, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(insight.id, insight.runId, insight.kind, insight.title, insight.body, insight.provider, JSON.stringify(insight.data), insight.dedupeKey, now);
  const link = statement(
    sqlite,
    'INSERT OR IGNORE INTO insight_evidence (insight_id, thought_id) SELECT ?, id FROM thoughts WHERE id = ?',
  );
  for (const thoughtId of insight.evidence) link.run(insight.id, thoughtId);
}

/** An insight with this key that still stands (pinned, or raised or dismissed lately). */
export function standingInsightWithKey(sqlite: BetterSqlite3.Database, key: string, since: number): boolean {
  return (
    statement(
      sqlite,
      'SELECT 1 FROM insights WHERE dedupe_key = ? AND (pinned = 1 OR created_at >= ? OR dismissed_at >= ?) LIMIT 1',
    ).get(key, since, since) !== undefined
  );
}

export function findInsight(sqlite: BetterSqlite3.Database, id: string): InsightRow | undefined {
  return statement(sqlite, `SELECT ${COLUMNS} FROM insights WHERE id = ?`).get(id) as InsightRow | undefined;
}

export type InsightFilter = 'active' | 'pinned' | 'dismissed';

const FILTERS: Record<InsightFilter, string> = {
  active: 'dismissed_at IS NULL',
  pinned: 'pinned = 1',
  dismissed: 'dismissed_at IS NOT NULL',
};

export function listInsights(
  sqlite: BetterSqlite3.Database,
  query: { filter: InsightFilter; runId?: string | undefined; limit: number; before?: { createdAt: number; id: string } | undefined },
): InsightRow[] {
  const where = [FILTERS[query.filter]];
  const parameters: unknown[] = [];
  if (query.runId !== undefined) {
    where.push('run_id = ?');
    parameters.push(query.runId);
  }
  if (query.before !== undefined) {
    where.push('(created_at, id) < (?, ?)');
    parameters.push(query.before.createdAt, query.before.id);
  }
  parameters.push(query.limit);
  return statement(
    sqlite,
    `SELECT ${COLUMNS} FROM insights WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(...parameters) as InsightRow[];
}

export function evidenceFor(sqlite: BetterSqlite3.Database, insightIds: readonly string[]): Map<string, EvidenceRow[]> {
  const byInsight = new Map<string, EvidenceRow[]>();
  if (insightIds.length === 0) return byInsight;
  const rows = sqlite
    .prepare(
      `SELECT e.insight_id, e.thought_id, CASE WHEN t.deleted_at IS NULL THEN substr(t.text, 1, 200) END AS excerpt
       FROM insight_evidence e JOIN thoughts t ON t.id = e.thought_id
       WHERE e.insight_id IN (SELECT value FROM json_each(?)) ORDER BY e.rowid`,
    )
    .all(JSON.stringify(insightIds)) as EvidenceRow[];
  for (const row of rows) {
    const list = byInsight.get(row.insight_id) ?? [];
    list.push(row);
    byInsight.set(row.insight_id, list);
  }
  return byInsight;
}

export function setInsightPinned(sqlite: BetterSqlite3.Database, id: string, pinned: boolean): void {
  expectChanges(statement(sqlite, 'UPDATE insights SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id), 1, 'pin insight');
}

export function dismissInsight(sqlite: BetterSqlite3.Database, id: string, now: number): void {
  expectChanges(
    statement(sqlite, 'UPDATE insights SET dismissed_at = coalesce(dismissed_at, ?), pinned = 0 WHERE id = ?').run(now, id),
    1,
    'dismiss insight',
  );
}

export function setInsightTask(sqlite: BetterSqlite3.Database, id: string, taskId: string): void {
  expectChanges(statement(sqlite, 'UPDATE insights SET task_id = ? WHERE id = ? AND task_id IS NULL').run(taskId, id), 1, 'link insight task');
}

/** Unpinned insights older than `before` go (evidence with them). */
export function purgeOldInsights(sqlite: BetterSqlite3.Database, before: number): number {
  return statement(sqlite, 'DELETE FROM insights WHERE pinned = 0 AND created_at < ?').run(before).changes;
}
