import type BetterSqlite3 from 'better-sqlite3';
import type { SearchScope, ThoughtType } from '../../../../src-shared/contract';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../search/fts-query';
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

/**
 * bm25-ranked matches. Ranking every match of a very common word at a million thoughts costs
 * too much, so only the newest `rankWindow` matches (walked in rowid order, which is capture
 * order) are ranked; rare words are unaffected because they have fewer matches than that.
 */
export function keywordSearch(
  sqlite: BetterSqlite3.Database,
  match: string,
  filters: KeywordFilters,
  window: { rankWindow: number; limit: number; offset: number },
): KeywordHit[] {
  const conditions = [SCOPE_SQL[filters.scope]];
  const params: unknown[] = [match];
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
  const sql = `SELECT seq, rank FROM (
      SELECT f.rowid AS seq, bm25(thoughts_fts) AS rank
      FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid
      WHERE thoughts_fts MATCH ? AND ${conditions.join(' AND ')}
      ORDER BY f.rowid DESC LIMIT ?)
    ORDER BY rank, seq DESC LIMIT ? OFFSET ?`;
  return statement(sqlite, sql).all(...params, window.rankWindow, window.limit, window.offset) as KeywordHit[];
}

/** Snippets with match markers for the final page only (snippet() is the costly part). */
export function keywordSnippets(
  sqlite: BetterSqlite3.Database,
  match: string,
  seqs: readonly number[],
): Map<number, string> {
  if (seqs.length === 0) return new Map();
  const rows = statement(
    sqlite,
    `SELECT rowid AS seq, snippet(thoughts_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS marked
     FROM thoughts_fts WHERE thoughts_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
  ).all(match, JSON.stringify(seqs)) as { seq: number; marked: string }[];
  return new Map(rows.map((row) => [row.seq, row.marked]));
}
