import type BetterSqlite3 from 'better-sqlite3';
import type { SearchScope, ThoughtType } from '../../../../src-shared/contract';
import { statement } from '../statements';

export interface KeywordFilters {
  scope: SearchScope;
  types?: readonly ThoughtType[];
  tags?: readonly string[];
  from?: number;
  to?: number;
}

export interface KeywordHit {
  seq: number;
  rank: number;
}

const SCOPE_SQL: Record<SearchScope, string> = {
  active: 't.deleted_at IS NULL AND t.archived_at IS NULL',
  archived: 't.deleted_at IS NULL AND t.archived_at IS NOT NULL',
  trash: 't.deleted_at IS NOT NULL',
  all: '1',
};

export interface KeywordPage {
  hits: KeywordHit[];
  /**
   * false when the query matched more than `rankWindow` thoughts: the page is then the newest
   * matches first, unranked (see keywordSearch).
   */
  ranked: boolean;
}

/**
 * Matches of an FTS5 expression, best first. Two steps, because bm25 is costly for common words:
 * on its first call it counts every document containing each phrase (for the IDF), over the
 * whole index, however few rows it then scores — 20–30 ms per query at a million thoughts.
 *
 * 1. The newest `rankWindow + 1` matching seqs, without bm25 (rowid order is capture order).
 * 2. If that window is full, the query is too broad to rank usefully: return it newest first,
 *    unranked. Otherwise rank exactly those matches with bm25.
 */
export function keywordSearch(
  sqlite: BetterSqlite3.Database,
  match: string,
  filters: KeywordFilters,
  window: { rankWindow: number; limit: number; offset: number },
): KeywordPage {
  const { where, params } = filterSql(filters);
  const from = `FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid WHERE thoughts_fts MATCH ? AND ${where}`;
  const newest = statement(sqlite, `SELECT f.rowid AS seq ${from} ORDER BY f.rowid DESC LIMIT ?`)
    .pluck()
    .all(match, ...params, window.rankWindow + 1) as number[];
  if (newest.length > window.rankWindow) {
    const page = newest.slice(window.offset, Math.min(window.offset + window.limit, window.rankWindow));
    return { hits: page.map((seq) => ({ seq, rank: 0 })), ranked: false };
  }
  if (newest.length === 0) return { hits: [], ranked: true };
  const hits = statement(sqlite, `SELECT f.rowid AS seq, bm25(thoughts_fts) AS rank ${from} ORDER BY rank, seq DESC LIMIT ? OFFSET ?`).all(
    match,
    ...params,
    window.limit,
    window.offset,
  ) as KeywordHit[];
  return { hits, ranked: true };
}

function filterSql(filters: KeywordFilters): { where: string; params: unknown[] } {
  const conditions = [SCOPE_SQL[filters.scope]];
  const params: unknown[] = [];
  if (filters.types !== undefined && filters.types.length > 0) {
    conditions.push('t.type IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filters.types));
  }
  if (filters.from !== undefined) {
    conditions.push('t.created_at >= ?');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    conditions.push('t.created_at <= ?');
    params.push(filters.to);
  }
  if (filters.tags !== undefined && filters.tags.length > 0) {
    const unique = [...new Set(filters.tags)];
    conditions.push(
      `(SELECT count(*) FROM thought_tags tt JOIN tags g ON g.id = tt.tag_id
        WHERE tt.thought_seq = t.seq AND tt.status != 'removed' AND g.name IN (SELECT value FROM json_each(?))) = ?`,
    );
    params.push(JSON.stringify(unique), unique.length);
  }
  return { where: conditions.join(' AND '), params };
}

/** Which of `seqs` pass the filters (for meaning matches, found outside SQL). */
export function seqsMatchingFilters(sqlite: BetterSqlite3.Database, seqs: readonly number[], filters: KeywordFilters): Set<number> {
  if (seqs.length === 0) return new Set();
  const { where, params } = filterSql(filters);
  // CROSS JOIN fixes the order: look up each candidate by seq, never walk an index of thoughts.
  const rows = statement(sqlite, `SELECT t.seq FROM json_each(?) j CROSS JOIN thoughts t ON t.seq = j.value WHERE ${where}`)
    .pluck()
    .all(JSON.stringify(seqs), ...params) as number[];
  return new Set(rows);
}
