import type { ParsedInput, SearchHit } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Database } from '../db/open-database';
import { keywordSearch, seqsMatchingFilters, type KeywordFilters } from '../db/repositories/search';
import { tagsForThoughts } from '../db/repositories/tags';
import { findThoughtsBySeq } from '../db/repositories/thoughts';
import { toThought } from '../thoughts/thought-mapping';
import { queryTerms, toFtsQuery } from './fts-query';
import { closeEnough, fuseRankings } from './fusion';
import { buildSnippet } from './snippet';

/** How many of the newest matches of a query get ranked (see keywordSearch). */
export const DEFAULT_RANK_WINDOW = 2_000;
/** Nearest neighbours asked for per query; filters are applied to these. */
export const MEANING_CANDIDATES = 60;
/** Keyword matches fused with them (deeper pages ask for more). */
export const KEYWORD_DEPTH = 100;

/** Search by meaning: what the indexer offers the search service. */
export interface MeaningSearch {
  /**
   * The thoughts nearest in meaning to the query text, best first, with cosine similarity; or
   * undefined when meaning search cannot run (no model, or its vectors are not built yet).
   */
  nearest(
    query: string,
    k: number,
    filter: (seqs: readonly number[]) => Iterable<number>,
  ): Promise<{ seq: number; similarity: number }[] | undefined>;
  /** Similarities below `floor`, or below `relative` × the best one, are not matches. */
  thresholds(): { floor: number; relative: number };
}

export interface SearchServiceDeps {
  db: Database;
  rankWindow?: number;
  /** Absent or unavailable: keyword search only. */
  meaning?: () => MeaningSearch | undefined;
  now: () => number;
}

/** Hybrid search: words (FTS5 bm25) and meaning (vectors) fused by reciprocal rank. */
export function createSearchService({ db, rankWindow = DEFAULT_RANK_WINDOW, meaning, now }: SearchServiceDeps) {
  const { sqlite } = db;

  async function meaningRanking(query: string, filters: KeywordFilters, depth: number): Promise<number[] | undefined> {
    const search = meaning?.();
    if (search === undefined) return undefined;
    // Filters apply inside the vector search, to batches of candidates, so a narrow filter still
    // yields its nearest matches rather than whatever of the global nearest survives.
    const neighbours = await search.nearest(query, Math.max(MEANING_CANDIDATES, depth), (seqs) =>
      seqsMatchingFilters(sqlite, seqs, filters),
    );
    if (neighbours === undefined) return undefined;
    const { floor, relative } = search.thresholds();
    return closeEnough(neighbours, floor, relative).map((neighbour) => neighbour.seq);
  }

  return {
    async query(input: ParsedInput<'search.query'>): Promise<{ items: SearchHit[]; nextCursor: string | null; usedMeaning: boolean }> {
      const offset = input.cursor === undefined ? 0 : decodeOffset(input.cursor);
      const terms = queryTerms(input.query);
      if (terms === undefined || offset >= rankWindow) return { items: [], nextCursor: null, usedMeaning: false };
      const { filters } = input;
      const keywordFilters: KeywordFilters = {
        scope: filters.scope,
        types: filters.types,
        tags: filters.tags,
        from: filters.from === undefined ? undefined : Date.parse(filters.from),
        to: filters.to === undefined ? undefined : Date.parse(filters.to),
      };
      const depth = offset + input.limit + 1;
      const byMeaning = await meaningRanking(input.query, keywordFilters, depth);
      const keyword = keywordSearch(sqlite, toFtsQuery(terms), keywordFilters, {
        rankWindow,
        limit: byMeaning === undefined ? depth - offset : Math.max(KEYWORD_DEPTH, depth),
        offset: byMeaning === undefined ? offset : 0,
      });
      const fused =
        byMeaning === undefined
          ? undefined
          : fuseCandidates(
              keyword.hits.map((hit) => hit.seq),
              byMeaning,
            );
      const pageSeqs =
        fused === undefined ? keyword.hits.slice(0, input.limit).map((hit) => hit.seq) : fused.slice(offset, offset + input.limit).map((hit) => hit.seq);
      const hasMore = fused === undefined ? keyword.hits.length > input.limit : fused.length > offset + input.limit;
      const rows = new Map(findThoughtsBySeq(sqlite, pageSeqs).map((row) => [row.seq, row]));
      const tags = tagsForThoughts(sqlite, pageSeqs);
      const scores = new Map(
        fused?.map((hit) => [hit.seq, { score: hit.score, matchedBy: matchedBy(hit) }]) ??
          keyword.hits.map((hit, index) => [
            hit.seq,
            // bm25 is "lower is better"; unranked (too broad) pages score by position, newest highest.
            { score: keyword.ranked ? -hit.rank : 1 / (1 + offset + index), matchedBy: ['keyword' as const] },
          ]),
      );
      const items: SearchHit[] = [];
      for (const seq of pageSeqs) {
        const row = rows.get(seq);
        const scored = scores.get(seq);
        if (row === undefined || scored === undefined) continue;
        const { snippet, highlights } = buildSnippet(row.text, terms);
        items.push({ thought: toThought(row, tags.get(seq) ?? []), snippet, highlights, ...scored });
      }
      return {
        items,
        nextCursor: hasMore && offset + input.limit < rankWindow ? encodeOffset(offset + input.limit) : null,
        usedMeaning: byMeaning !== undefined,
      };
    },
  };

  function fuseCandidates(keyword: number[], byMeaning: number[]) {
    const created = new Map(
      findThoughtsBySeq(sqlite, [...new Set([...keyword, ...byMeaning])]).map((row) => [row.seq, row.created_at]),
    );
    return fuseRankings(keyword, byMeaning, (seq) => created.get(seq) ?? 0, now());
  }
}

export type SearchService = ReturnType<typeof createSearchService>;

function matchedBy(hit: { keyword: boolean; meaning: boolean }): SearchHit['matchedBy'] {
  const kinds: SearchHit['matchedBy'] = [];
  if (hit.keyword) kinds.push('keyword');
  if (hit.meaning) kinds.push('meaning');
  return kinds;
}

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
