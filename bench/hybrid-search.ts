/**
 * Hybrid search as the app runs it: `search.query` through the dispatcher (limit 20, active
 * scope) on a core with the full-size model loaded in its worker, over a fully indexed corpus
 * (bench/vector-corpus.ts). Each query's time includes embedding it with the full-size model;
 * the clocks in bench-intelligence.ts split it into query embedding, the vector store's
 * nearest(), and the rest (FTS keyword search, filters, fusion, row fetch, snippets).
 */
import { createCore } from '../src-main/core/create-core';
import { silentLogger } from '../src-main/core/logger';
import { benchIntelligence } from './bench-intelligence';
import { DEFAULT_SEED, MIGRATIONS } from './corpus';
import type { BenchModel } from './full-model';
import { searchQueries } from './search-latency';
import { summarize, type LatencySummary } from './stats';
import { DIMENSION, type VectorSet } from './vectors/data';
import { createRandom, createVocabulary, pick, type Random } from './vocabulary';

export const HYBRID_CLASSES = ['rare', 'common', 'prefix', 'phrase'] as const;
export type HybridClass = (typeof HYBRID_CLASSES)[number];

export interface HybridQuery {
  kind: HybridClass;
  text: string;
  /** Index into the vector set's queries: the vector searched with. */
  vectorIndex: number;
}

/**
 * The keyword-search classes of search-latency.ts plus `phrase`: two or three everyday words,
 * as a person types a question to their notes ("garden plan tomorrow"). 50 of each.
 */
export function hybridQueries(queryVectors: number, seed = DEFAULT_SEED): HybridQuery[] {
  const base = searchQueries(seed);
  const vocabulary = createVocabulary(seed);
  const random = createRandom(seed ^ 0x51ed);
  const everyday = vocabulary.words.slice(40, 400).filter((word) => word.length >= 3);
  const phrases = new Set<string>();
  while (phrases.size < 50) {
    const words = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, everyday));
    phrases.add(words.join(' '));
  }
  const texts: Record<HybridClass, string[]> = { ...base, phrase: [...phrases] };
  let next = 0;
  return HYBRID_CLASSES.flatMap((kind) => texts[kind].map((text) => ({ kind, text, vectorIndex: next++ % queryVectors })));
}

/** text → the synthetic query vector it searches with. */
export function queryVectorTable(queries: readonly HybridQuery[], set: VectorSet): Map<string, Float32Array> {
  return new Map(queries.map((query) => [query.text, set.queries.slice(query.vectorIndex * DIMENSION, (query.vectorIndex + 1) * DIMENSION)]));
}

export interface HybridSearchResult {
  total: LatencySummary;
  perClass: Record<HybridClass, LatencySummary>;
  /** The parts of each query, ms. */
  queryEmbedding: LatencySummary;
  vectorNearest: LatencySummary;
  rest: LatencySummary;
  /** Share of queries answered with meaning (usedMeaning). */
  usedMeaning: number;
  meanHits: number;
  /** Mean hits per page that meaning found (alone or with words). */
  meanMeaningHits: number;
  rounds: number;
  warmupRounds: number;
  queries: number;
  /** From core start to the model ready and the first search answered. */
  firstQueryMs: number;
  slowest: { query: string; ms: number; embedMs: number; nearestMs: number };
}

export async function measureHybridSearch(
  dataDir: string,
  model: BenchModel,
  set: VectorSet,
  options: { rounds?: number; warmupRounds?: number } = {},
): Promise<HybridSearchResult> {
  const rounds = options.rounds ?? 3;
  const warmupRounds = options.warmupRounds ?? 1;
  const queries = hybridQueries(set.queryCount);
  const table = queryVectorTable(queries, set);
  const intelligence = benchIntelligence({ model, queryVector: (text) => table.get(text) });
  const started = performance.now();
  const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: true, intelligence });
  const totals: number[] = [];
  const perClass: Record<HybridClass, number[]> = { rare: [], common: [], prefix: [], phrase: [] };
  const embeds: number[] = [];
  const nearest: number[] = [];
  const rest: number[] = [];
  let meaning = 0;
  let hits = 0;
  let meaningHits = 0;
  let firstQueryMs: number;
  let slowest = { query: '', ms: 0, embedMs: 0, nearestMs: 0 };
  try {
    await waitForMeaning(core, queries[0]?.text ?? 'x');
    firstQueryMs = performance.now() - started;
    const shuffle = createRandom(17);
    for (let round = 0; round < warmupRounds + rounds; round += 1) {
      for (const query of shuffled(queries, shuffle)) {
        intelligence.clock.reset();
        const begun = performance.now();
        const result = await core.dispatcher.dispatch('search.query', { query: query.text, limit: 20 }, { door: 'ipc' });
        const elapsed = performance.now() - begun;
        if (!result.ok) throw new Error(`search "${query.text}" failed: ${result.error.code} ${result.error.message}`);
        if (round < warmupRounds) continue;
        const value = result.value as { items: { matchedBy: string[] }[]; usedMeaning: boolean };
        const embedMs = intelligence.clock.queryEmbedMs.reduce((sum, ms) => sum + ms, 0);
        const nearestMs = intelligence.clock.nearestMs.reduce((sum, ms) => sum + ms, 0);
        totals.push(elapsed);
        perClass[query.kind].push(elapsed);
        embeds.push(embedMs);
        nearest.push(nearestMs);
        rest.push(elapsed - embedMs - nearestMs);
        if (value.usedMeaning) meaning += 1;
        hits += value.items.length;
        meaningHits += value.items.filter((item) => item.matchedBy.includes('meaning')).length;
        if (elapsed > slowest.ms) slowest = { query: query.text, ms: round2(elapsed), embedMs: round2(embedMs), nearestMs: round2(nearestMs) };
      }
    }
  } finally {
    await core.dispose();
  }
  const count = Math.max(1, totals.length);
  return {
    total: summarize(totals),
    perClass: { rare: summarize(perClass.rare), common: summarize(perClass.common), prefix: summarize(perClass.prefix), phrase: summarize(perClass.phrase) },
    queryEmbedding: summarize(embeds),
    vectorNearest: summarize(nearest),
    rest: summarize(rest),
    usedMeaning: round2(meaning / count),
    meanHits: round2(hits / count),
    meanMeaningHits: round2(meaningHits / count),
    rounds,
    warmupRounds,
    queries: queries.length,
    firstQueryMs: Math.round(firstQueryMs),
    slowest,
  };
}

/** Until a search runs by meaning: the model has loaded and the vectors' codes are in memory. */
async function waitForMeaning(core: ReturnType<typeof createCore>, text: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const result = await core.dispatcher.dispatch('search.query', { query: text, limit: 20 }, { door: 'ipc' });
    if (result.ok && (result.value as { usedMeaning: boolean }).usedMeaning) return;
    const status = core.index?.status();
    if (status?.state === 'unavailable') throw new Error(`the bench model did not load: ${status.message ?? ''}`);
    // Indexing means the stored vectors are not this model's: the search would wait for hours.
    if (status?.state === 'indexing') throw new Error(`the corpus is not fully indexed for ${status.model?.id ?? '?'}@${status.model?.revision ?? '?'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('search never used meaning within 5 minutes');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
