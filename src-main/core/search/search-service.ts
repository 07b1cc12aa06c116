import type { ParsedInput, SearchHit } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Database } from '../db/open-database';
import { keywordSearch } from '../db/repositories/search';
import { tagsForThoughts } from '../db/repositories/tags';
import { findThoughtsBySeq } from '../db/repositories/thoughts';
import { toThought } from '../thoughts/thought-mapping';
import { queryTerms, toFtsQuery } from './fts-query';
import { buildSnippet } from './snippet';

/** How many of the newest matches of a query get ranked (see keywordSearch). */
export const DEFAULT_RANK_WINDOW = 2_000;

export interface SearchServiceDeps {
  db: Database;
  rankWindow?: number;
}

/** Keyword search today; the hybrid (meaning + words) search plugs in behind the same call. */
export function createSearchService({ db, rankWindow = DEFAULT_RANK_WINDOW }: SearchServiceDeps) {
  const { sqlite } = db;
  return {
    query(input: ParsedInput<'search.query'>): { items: SearchHit[]; nextCursor: string | null } {
      const offset = input.cursor === undefined ? 0 : decodeOffset(input.cursor);
      const terms = queryTerms(input.query);
      if (terms === undefined || offset >= rankWindow) return { items: [], nextCursor: null };
      const { filters } = input;
      const { hits, ranked } = keywordSearch(
        sqlite,
        toFtsQuery(terms),
        {
          scope: filters.scope,
          types: filters.types,
          tags: filters.tags,
          from: filters.from === undefined ? undefined : Date.parse(filters.from),
          to: filters.to === undefined ? undefined : Date.parse(filters.to),
        },
        { rankWindow, limit: input.limit + 1, offset },
      );
      const pageHits = hits.slice(0, input.limit);
      const seqs = pageHits.map((hit) => hit.seq);
      const rows = new Map(findThoughtsBySeq(sqlite, seqs).map((row) => [row.seq, row]));
      const tags = tagsForThoughts(sqlite, seqs);
      const items: SearchHit[] = [];
      for (const [index, hit] of pageHits.entries()) {
        const row = rows.get(hit.seq);
        if (row === undefined) continue;
        const { snippet, highlights } = buildSnippet(row.text, terms);
        items.push({
          thought: toThought(row, tags.get(hit.seq) ?? []),
          snippet,
          highlights,
          // bm25 is "lower is better"; unranked (too broad) pages score by position, newest highest.
          score: ranked ? -hit.rank : 1 / (1 + offset + index),
          matchedBy: ['keyword'],
        });
      }
      return {
        items,
        nextCursor: hits.length > input.limit ? encodeOffset(offset + input.limit) : null,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) {
    throw new AppError('invalid_input', 'cursor: This page cursor is not valid. Start from the first page.');
  }
  return Number(match[1]);
}
