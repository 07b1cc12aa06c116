/**
 * Where the time of one meaning search goes, step by step, on a fully indexed corpus: the
 * steps vector-store.ts and search-service.ts run, rebuilt from their exported parts and timed
 * apart (median over the queries). Explains a missed target; not a headline figure.
 * Run: `npx tsx bench/hybrid-diagnose.ts [size]` (default 100000; builds or reuses the corpora).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src-main/core/db/open-database';
import { keywordSearch, seqsMatchingFilters } from '../src-main/core/db/repositories/search';
import { tagsForThoughts } from '../src-main/core/db/repositories/tags';
import { findThoughtsBySeq } from '../src-main/core/db/repositories/thoughts';
import { vectorStorePort } from '../src-main/core/indexing/intelligence';
import { DATABASE_FILE } from '../src-main/core/paths';
import { queryTerms, toFtsQuery } from '../src-main/core/search/fts-query';
import { closeEnough, fuseRankings } from '../src-main/core/search/fusion';
import { DEFAULT_RANK_WINDOW, KEYWORD_DEPTH, MEANING_CANDIDATES } from '../src-main/core/search/search-service';
import { buildSnippet } from '../src-main/core/search/snippet';
import { BinaryIndex } from '../src-main/core/vectors/binary-index';
import { tablesFor } from '../src-main/core/vectors/vector-tables';
import { codeBytesFor, cosineDistance, floatsOf, toUnitVector } from '../src-main/core/vectors/vector-input';
import { createVectorStore, DEFAULT_CANDIDATES, HAMMING_POOL } from '../src-main/core/vectors/vector-store';
import { ensureCorpus, MIGRATIONS } from './corpus';
import { ensureFullModel } from './full-model';
import { hybridQueries, type HybridQuery } from './hybrid-search';
import { median, round } from './stats';
import { ensureVectorCorpus, vectorSetFor, vectorWorkingCopy } from './vector-corpus';
import { DIMENSION, type VectorSet } from './vectors/data';

export interface SearchStepTimes {
  size: number;
  queries: number;
  /** All medians, ms. */
  storeSearchNoFilter: number;
  /**
   * What search runs (search-service.ts → vectorStorePort): store.search with the search's
   * filters as a `filter` over candidate batches (seqsMatchingFilters, one SQL query a batch).
   */
  storeSearchAsRun: number;
  /** Seqs that filter saw per search, median. */
  filteredSeqs: number;
  /** Those filter calls alone. */
  filterSql: number;
  /** The same exclusion from a Set of trashed and archived seqs kept in memory. */
  storeSearchSetExclude: number;
  /** No filter in the store; its k + 16 results filtered with one query afterwards. */
  storeSearchPostFilter: number;
  /** What related thoughts run (vectorStorePort without a filter): one SQL lookup per candidate. */
  storeSearchPortExclude: number;
  /** BinaryIndex.nearest alone (hamming scan, candidate collection, float re-rank), no filter. */
  hammingAndRerank: number;
  /** Reading the candidates' float vectors back from SQLite and scoring them exactly. */
  rescore: number;
  rescored: number;
  /** The in-memory codes' first load (once per process). */
  codesLoadMs: number;
  keywordSearch: number;
  fusionRows: number;
  pageRowsTagsSnippets: number;
}

export function diagnoseSearchSteps(dataDir: string, modelKey: string, set: VectorSet, queries: readonly HybridQuery[]): SearchStepTimes {
  const db = openDatabase(join(dataDir, DATABASE_FILE), { migrationsFolder: MIGRATIONS });
  const { sqlite } = db;
  try {
    const store = createVectorStore(sqlite, { modelKey, dimension: DIMENSION });
    const loadStarted = performance.now();
    store.warm();
    const codesLoadMs = performance.now() - loadStarted;
    const port = vectorStorePort(store, sqlite);
    const filters = { scope: 'active' as const };
    const searchFilter = (seqs: readonly number[]) => seqsMatchingFilters(sqlite, seqs, filters);
    const hidden = new Set(sqlite.prepare('SELECT seq FROM thoughts WHERE deleted_at IS NOT NULL OR archived_at IS NOT NULL').pluck().all() as number[]);
    const tables = tablesFor(modelKey);
    const readVector = sqlite.prepare(`SELECT vector FROM ${tables.vectors} WHERE seq = ?`).pluck();
    const codes = new BinaryIndex(codeBytesFor(DIMENSION));
    for (const [seq, code] of sqlite.prepare(`SELECT seq, code FROM ${tables.vectors}`).raw().iterate() as Iterable<[number, Uint8Array]>) codes.set(seq, code);

    const vectorOf = (query: HybridQuery) => set.queries.subarray(query.vectorIndex * DIMENSION, (query.vectorIndex + 1) * DIMENSION);
    const steps = {
      storeSearchNoFilter: [] as number[],
      storeSearchAsRun: [] as number[],
      filteredSeqs: [] as number[],
      filterSql: [] as number[],
      storeSearchSetExclude: [] as number[],
      storeSearchPostFilter: [] as number[],
      storeSearchPortExclude: [] as number[],
      hammingAndRerank: [] as number[],
      rescore: [] as number[],
      keywordSearch: [] as number[],
      fusionRows: [] as number[],
      pageRowsTagsSnippets: [] as number[],
    };
    let rescored = 0;
    for (const query of queries) {
      const vector = vectorOf(query);
      const unit = toUnitVector(new Float32Array(vector), DIMENSION, 'query');
      steps.storeSearchNoFilter.push(timed(() => store.search(vector, MEANING_CANDIDATES)));
      steps.storeSearchAsRun.push(timed(() => port.nearest(vector, MEANING_CANDIDATES, searchFilter)));
      const batches: number[][] = [];
      store.search(vector, MEANING_CANDIDATES, {
        filter: (seqs) => {
          batches.push([...seqs]);
          return searchFilter(seqs);
        },
      });
      steps.filteredSeqs.push(batches.reduce((sum, batch) => sum + batch.length, 0));
      steps.filterSql.push(timed(() => batches.forEach((batch) => searchFilter(batch))));
      steps.storeSearchSetExclude.push(timed(() => store.search(vector, MEANING_CANDIDATES, { exclude: (seq) => hidden.has(seq) })));
      steps.storeSearchPostFilter.push(
        timed(() => {
          const hits = store.search(vector, MEANING_CANDIDATES + 16);
          const allowed = searchFilter(hits.map((hit) => hit.seq));
          return hits.filter((hit) => allowed.has(hit.seq)).slice(0, MEANING_CANDIDATES);
        }),
      );
      steps.storeSearchPortExclude.push(timed(() => port.nearest(vector, MEANING_CANDIDATES)));
      let candidates: number[] = [];
      steps.hammingAndRerank.push(
        timed(() => {
          candidates = codes.nearest(unit, DEFAULT_CANDIDATES, undefined, HAMMING_POOL).map((candidate) => candidate.seq);
        }),
      );
      rescored = candidates.length;
      steps.rescore.push(
        timed(() => {
          const hits: { seq: number; distance: number }[] = [];
          for (const seq of candidates) {
            const blob = readVector.get(seq);
            const stored = blob instanceof Uint8Array ? floatsOf(blob, DIMENSION) : undefined;
            if (stored !== undefined) hits.push({ seq, distance: cosineDistance(unit, stored) });
          }
          hits.sort((left, right) => left.distance - right.distance || left.seq - right.seq);
        }),
      );
      const meaningSeqs = closeEnough(port.nearest(vector, MEANING_CANDIDATES, searchFilter), 0.2, 0.75).map((neighbour) => neighbour.seq);
      const terms = queryTerms(query.text);
      if (terms === undefined) continue;
      const match = toFtsQuery(terms);
      let keywordSeqs: number[] = [];
      steps.keywordSearch.push(
        timed(() => {
          keywordSeqs = keywordSearch(sqlite, match, filters, { rankWindow: DEFAULT_RANK_WINDOW, limit: KEYWORD_DEPTH, offset: 0 }).hits.map((hit) => hit.seq);
        }),
      );
      let page: number[] = [];
      steps.fusionRows.push(
        timed(() => {
          const created = new Map(findThoughtsBySeq(sqlite, [...new Set([...keywordSeqs, ...meaningSeqs])]).map((row) => [row.seq, row.created_at]));
          page = fuseRankings(keywordSeqs, meaningSeqs, (seq) => created.get(seq) ?? 0, Date.now())
            .slice(0, 20)
            .map((hit) => hit.seq);
        }),
      );
      steps.pageRowsTagsSnippets.push(
        timed(() => {
          const rows = findThoughtsBySeq(sqlite, page);
          tagsForThoughts(sqlite, page);
          rows.forEach((row) => buildSnippet(row.text, terms));
        }),
      );
    }
    const med = (values: number[]) => round(median(values), 2);
    return {
      size: set.count,
      queries: queries.length,
      storeSearchNoFilter: med(steps.storeSearchNoFilter),
      storeSearchAsRun: med(steps.storeSearchAsRun),
      filteredSeqs: med(steps.filteredSeqs),
      filterSql: med(steps.filterSql),
      storeSearchSetExclude: med(steps.storeSearchSetExclude),
      storeSearchPostFilter: med(steps.storeSearchPostFilter),
      storeSearchPortExclude: med(steps.storeSearchPortExclude),
      hammingAndRerank: med(steps.hammingAndRerank),
      rescore: med(steps.rescore),
      rescored,
      codesLoadMs: Math.round(codesLoadMs),
      keywordSearch: med(steps.keywordSearch),
      fusionRows: med(steps.fusionRows),
      pageRowsTagsSnippets: med(steps.pageRowsTagsSnippets),
    };
  } finally {
    db.close();
  }
}

/** Median of 3 runs after one warm-up. */
function timed(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let index = 0; index < 3; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv[2] ?? 100_000);
  const vectors = await ensureVectorCorpus(ensureCorpus(size), ensureFullModel('q8'), console.log);
  const set = vectorSetFor(size, console.log);
  const copy = vectorWorkingCopy(vectors, 'diagnose');
  try {
    // Every fourth query: all four classes, a quarter of the time.
    console.log(diagnoseSearchSteps(copy.dir, vectors.modelKey, set, hybridQueries(set.queryCount).filter((_, index) => index % 4 === 0)));
  } finally {
    copy.remove();
  }
}
