/**
 * Not part of `npm run bench`: measures candidate fixes for slow keyword search against the
 * statements search.ts runs today, on a cached corpus.
 *   npx tsx bench/search-variants.ts [size] [dataDir]
 * current   — keywordSearch (bm25 over the newest 2,000 matches) + rows + tags + keywordSnippets
 * jsSnippet — the same ranking; snippets cut from the row text already fetched (no second MATCH)
 * recency   — jsSnippet, and when the newest-2,000 window is full, newest-first without bm25
 */
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src-main/core/db/open-database';
import { keywordSearch, keywordSnippets } from '../src-main/core/db/repositories/search';
import { tagsForThoughts } from '../src-main/core/db/repositories/tags';
import { findThoughtsBySeq } from '../src-main/core/db/repositories/thoughts';
import { DATABASE_FILE } from '../src-main/core/paths';
import { toFtsQuery } from '../src-main/core/search/fts-query';
import { corpusDir, DEFAULT_SEED, MIGRATIONS } from './corpus';
import { QUERY_CLASSES, searchQueries } from './search-latency';
import { summarize } from './stats';

const RANK_WINDOW = 2_000;
const LIMIT = 21;
const ACTIVE = 't.deleted_at IS NULL AND t.archived_at IS NULL';

type Variant = (sqlite: BetterSqlite3.Database, query: string) => number;

const WORD = /[\p{L}\p{N}]+/gu;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** A snippet of about 24 words around the first matching word, as FTS5 snippet() would give. */
export function textSnippet(text: string, query: string): string {
  const words = (query.match(WORD) ?? []).map(fold);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const matches = (token: string) =>
    words.some((word, index) => token === word || (typing && index === words.length - 1 && token.startsWith(word)));
  const tokens = [...text.matchAll(WORD)];
  const first = Math.max(0, tokens.findIndex((token) => matches(fold(token[0]))));
  const from = Math.max(0, first - 8);
  const slice = tokens.slice(from, from + 24);
  let out = from > 0 ? '…' : '';
  let cursor = slice[0]?.index ?? 0;
  for (const token of slice) {
    out += text.slice(cursor, token.index);
    out += matches(fold(token[0])) ? `\u0002${token[0]}\u0003` : token[0];
    cursor = token.index + token[0].length;
  }
  return from + 24 < tokens.length ? `${out}…` : out;
}

function present(sqlite: BetterSqlite3.Database, seqs: number[], query: string, match: string, viaFts: boolean): number {
  const rows = findThoughtsBySeq(sqlite, seqs);
  tagsForThoughts(sqlite, seqs);
  if (viaFts) return keywordSnippets(sqlite, match, seqs).size + rows.length;
  return rows.map((row) => textSnippet(row.text, query)).length;
}

const variants: Record<string, Variant> = {
  current(sqlite, query) {
    const match = toFtsQuery(query) ?? '""';
    const hits = keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: RANK_WINDOW, limit: LIMIT, offset: 0 });
    return present(sqlite, hits.slice(0, 20).map((hit) => hit.seq), query, match, true);
  },
  jsSnippet(sqlite, query) {
    const match = toFtsQuery(query) ?? '""';
    const hits = keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: RANK_WINDOW, limit: LIMIT, offset: 0 });
    return present(sqlite, hits.slice(0, 20).map((hit) => hit.seq), query, match, false);
  },
  recency(sqlite, query) {
    const match = toFtsQuery(query) ?? '""';
    const window = sqlite
      .prepare(`SELECT f.rowid AS seq FROM thoughts_fts f JOIN thoughts t ON t.seq = f.rowid
        WHERE thoughts_fts MATCH ? AND ${ACTIVE} ORDER BY f.rowid DESC LIMIT ?`)
      .all(match, RANK_WINDOW + 1) as { seq: number }[];
    const seqs =
      window.length > RANK_WINDOW
        ? window.slice(0, 20).map((row) => row.seq)
        : keywordSearch(sqlite, match, { scope: 'active' }, { rankWindow: RANK_WINDOW, limit: LIMIT, offset: 0 })
            .slice(0, 20)
            .map((hit) => hit.seq);
    return present(sqlite, seqs, query, match, false);
  },
};

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 1_000_000);
  const dir = process.argv[3] ?? corpusDir(size, DEFAULT_SEED);
  const db = openDatabase(join(dir, DATABASE_FILE), { migrationsFolder: MIGRATIONS });
  const queries = searchQueries(DEFAULT_SEED);
  // Two words, one common and one rare: bm25 still scans the common word's whole doclist.
  const mixed = queries.rare.map((rare, index) => `${queries.common[index % queries.common.length]} ${rare}`);
  const classes = { ...queries, mixed };
  try {
    for (const [name, variant] of Object.entries(variants)) {
      for (const kind of [...QUERY_CLASSES, 'mixed'] as const) {
        const times: number[] = [];
        for (let round = 0; round < 4; round += 1) {
          for (const query of classes[kind]) {
            const started = performance.now();
            variant(db.sqlite, query);
            if (round > 0) times.push(performance.now() - started);
          }
        }
        const summary = summarize(times);
        console.log(`${name.padEnd(10)} ${kind.padEnd(7)} n=${summary.samples} p50 ${summary.p50.toFixed(2)} p95 ${summary.p95.toFixed(2)} max ${summary.max.toFixed(2)} ms`);
      }
    }
  } finally {
    db.close();
  }
}

if (process.argv[1]?.endsWith('search-variants.ts')) await main();
