/**
 * Where keyword-search time goes for one query: the statements search.ts runs, timed apart,
 * with their query plans. Used to explain a missed target, not as a headline figure.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src-main/core/db/open-database';
import { keywordSearch } from '../src-main/core/db/repositories/search';
import { findThoughtsBySeq } from '../src-main/core/db/repositories/thoughts';
import { DATABASE_FILE } from '../src-main/core/paths';
import { DEFAULT_RANK_WINDOW } from '../src-main/core/search/search-service';
import { queryTerms, toFtsQuery } from '../src-main/core/search/fts-query';
import { buildSnippet } from '../src-main/core/search/snippet';
import { join } from 'node:path';
import { MIGRATIONS } from './corpus';
import { round } from './stats';

export interface QueryDiagnosis {
  query: string;
  match: string;
  matches: number;
  /** More matches than the rank window: keywordSearch skips bm25 and returns newest first. */
  ranked: boolean;
  /** ms, median of 5 */
  keywordSearchMs: number;
  windowScanWithoutBm25Ms: number;
  bm25OnOneRowMs: number;
  /** Cutting snippets for one page of 20 from the row text. */
  snippetsMs: number;
}

export function diagnoseQueries(dataDir: string, queries: readonly string[]): { plans: Record<string, string[]>; queries: QueryDiagnosis[] } {
  const db = openDatabase(join(dataDir, DATABASE_FILE), { migrationsFolder: MIGRATIONS });
  const { sqlite } = db;
  try {
    const plans = {
      window: plan(sqlite, `SELECT f.rowid AS seq FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid
        WHERE thoughts_fts MATCH ? AND t.deleted_at IS NULL AND t.archived_at IS NULL ORDER BY f.rowid DESC LIMIT ?`, ['"x"', 1]),
      bm25: plan(sqlite, `SELECT f.rowid AS seq, bm25(thoughts_fts) AS rank FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid
        WHERE thoughts_fts MATCH ? AND t.deleted_at IS NULL AND t.archived_at IS NULL ORDER BY rank, seq DESC LIMIT ? OFFSET ?`, ['"x"', 1, 0]),
    };
    const count = sqlite.prepare('SELECT count(*) AS n FROM thoughts_fts WHERE thoughts_fts MATCH ?');
    const window = sqlite.prepare('SELECT rowid FROM thoughts_fts WHERE thoughts_fts MATCH ? ORDER BY rowid DESC LIMIT ?');
    const bm25One = sqlite.prepare('SELECT bm25(thoughts_fts) FROM thoughts_fts WHERE thoughts_fts MATCH ? ORDER BY rowid DESC LIMIT 1');
    const results = queries.map((query): QueryDiagnosis => {
      const terms = queryTerms(query) ?? { words: ['x'], lastIsPrefix: false };
      const match = toFtsQuery(terms);
      const search = () => keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: DEFAULT_RANK_WINDOW, limit: 21, offset: 0 });
      const page = search();
      const rows = findThoughtsBySeq(sqlite, page.hits.slice(0, 20).map((hit) => hit.seq));
      return {
        query,
        match,
        matches: (count.get(match) as { n: number }).n,
        ranked: page.ranked,
        keywordSearchMs: timed(search),
        windowScanWithoutBm25Ms: timed(() => window.all(match, DEFAULT_RANK_WINDOW + 1)),
        bm25OnOneRowMs: timed(() => bm25One.all(match)),
        snippetsMs: timed(() => rows.map((row) => buildSnippet(row.text, terms))),
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
