/**
 * Where keyword-search time goes for one query: the statements search.ts runs, timed apart,
 * with their query plans. Used to explain a missed target, not as a headline figure.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src-main/core/db/open-database';
import { keywordSearch, keywordSnippets } from '../src-main/core/db/repositories/search';
import { DATABASE_FILE } from '../src-main/core/paths';
import { DEFAULT_RANK_WINDOW } from '../src-main/core/search/search-service';
import { toFtsQuery } from '../src-main/core/search/fts-query';
import { join } from 'node:path';
import { MIGRATIONS } from './corpus';
import { round } from './stats';

export interface QueryDiagnosis {
  query: string;
  match: string;
  matches: number;
  /** ms, median of 5 */
  keywordSearchMs: number;
  windowScanWithoutBm25Ms: number;
  bm25OnOneRowMs: number;
  snippetsRowidInMs: number;
  snippetsOneScanMs: number;
}

export function diagnoseQueries(dataDir: string, queries: readonly string[]): { plans: Record<string, string[]>; queries: QueryDiagnosis[] } {
  const db = openDatabase(join(dataDir, DATABASE_FILE), { migrationsFolder: MIGRATIONS });
  const { sqlite } = db;
  try {
    const plans = {
      keywordSearch: plan(sqlite, `SELECT seq, rank FROM (SELECT f.rowid AS seq, bm25(thoughts_fts) AS rank
        FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid
        WHERE thoughts_fts MATCH ? AND t.deleted_at IS NULL AND t.archived_at IS NULL ORDER BY f.rowid DESC LIMIT ?)
        ORDER BY rank, seq DESC LIMIT ? OFFSET ?`, ['"x"', 1, 1, 0]),
      keywordSnippets: plan(sqlite, `SELECT rowid FROM thoughts_fts WHERE thoughts_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, ['"x"', '[1]']),
    };
    const results = queries.map((query): QueryDiagnosis => {
      const match = toFtsQuery(query) ?? '""';
      const count = sqlite.prepare('SELECT count(*) AS n FROM thoughts_fts WHERE thoughts_fts MATCH ?');
      const window = sqlite.prepare('SELECT rowid FROM thoughts_fts WHERE thoughts_fts MATCH ? ORDER BY rowid DESC LIMIT ?');
      const bm25One = sqlite.prepare('SELECT bm25(thoughts_fts) FROM thoughts_fts WHERE thoughts_fts MATCH ? ORDER BY rowid DESC LIMIT 1');
      const oneScan = sqlite.prepare(
        "SELECT rowid, snippet(thoughts_fts, 0, '[', ']', '…', 24) FROM thoughts_fts WHERE thoughts_fts MATCH ? AND rowid BETWEEN ? AND ?",
      );
      const seqs = keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: DEFAULT_RANK_WINDOW, limit: 20, offset: 0 }).map((hit) => hit.seq);
      return {
        query,
        match,
        matches: (count.get(match) as { n: number }).n,
        keywordSearchMs: timed(() => keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: DEFAULT_RANK_WINDOW, limit: 21, offset: 0 })),
        windowScanWithoutBm25Ms: timed(() => window.all(match, DEFAULT_RANK_WINDOW)),
        bm25OnOneRowMs: timed(() => bm25One.all(match)),
        snippetsRowidInMs: timed(() => keywordSnippets(sqlite, match, seqs)),
        snippetsOneScanMs: seqs.length === 0 ? 0 : timed(() => oneScan.all(match, Math.min(...seqs), Math.max(...seqs))),
      };
    });
    return { plans, queries: results };
  } finally {
    db.close();
  }
}

function plan(sqlite: BetterSqlite3.Database, sql: string, params: unknown[]): string[] {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

function timed(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  return round(samples[2] ?? Number.NaN, 2);
}
