/**
 * Keyword search through the dispatcher (`search.query`, limit 20, default filters), as the UI
 * calls it. Queries are typed the way a person types them: with no trailing space the last
 * word also matches as a prefix (see src-main/core/search/fts-query.ts).
 */
import { createCore } from '../src-main/core/create-core';
import { silentLogger } from '../src-main/core/logger';
import { DEFAULT_SEED, MIGRATIONS } from './corpus';
import { summarize, type LatencySummary } from './stats';
import { createRandom, createVocabulary, pick, type Random } from './vocabulary';

export const QUERY_CLASSES = ['rare', 'common', 'prefix'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface SearchClassResult extends LatencySummary {
  distinctQueries: number;
  /** Mean number of hits returned (at most 20). */
  meanHits: number;
  /** The slowest query of the class and its time, to point at what to fix. */
  slowest: { query: string; ms: number };
  examples: string[];
}

export type SearchResult = Record<QueryClass, SearchClassResult> & { rounds: number; warmupRounds: number };

/**
 * rare: words from the rare list (about 15 thoughts each per million);
 * common: the 60 most frequent words (function words and everyday note words);
 * prefix: 2–3 letters of a frequent word, as while typing.
 */
export function searchQueries(seed = DEFAULT_SEED, perClass = 50): Record<QueryClass, string[]> {
  const vocabulary = createVocabulary(seed);
  const random = createRandom(seed ^ 0x9e37);
  const rare = distinct(perClass, () => pick(random, vocabulary.rare));
  const common = vocabulary.words.slice(0, 60).filter((word) => word.length > 1).slice(0, perClass);
  const frequent = vocabulary.words.slice(0, 600).filter((candidate) => candidate.length >= 4);
  const prefix = distinct(perClass, () => {
    const word = pick(random, frequent);
    return word.slice(0, random() < 0.5 ? 2 : 3);
  });
  return { rare, common, prefix };
}

function distinct(count: number, next: () => string): string[] {
  const found = new Set<string>();
  for (let tries = 0; found.size < count && tries < count * 50; tries += 1) found.add(next());
  return [...found];
}

export async function measureSearchLatency(
  dataDir: string,
  options: { rounds?: number; warmupRounds?: number; seed?: number } = {},
): Promise<SearchResult> {
  const rounds = options.rounds ?? 5;
  const warmupRounds = options.warmupRounds ?? 1;
  const queries = searchQueries(options.seed ?? DEFAULT_SEED);
  const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false });
  const order = QUERY_CLASSES.flatMap((kind) => queries[kind].map((query) => ({ kind, query })));
  const shuffle = createRandom(11);
  const times: Record<QueryClass, number[]> = { rare: [], common: [], prefix: [] };
  const hits: Record<QueryClass, number[]> = { rare: [], common: [], prefix: [] };
  const slowest: Record<QueryClass, { query: string; ms: number }> = {
    rare: { query: '', ms: 0 },
    common: { query: '', ms: 0 },
    prefix: { query: '', ms: 0 },
  };
  try {
    for (let round = 0; round < warmupRounds + rounds; round += 1) {
      for (const { kind, query } of shuffled(order, shuffle)) {
        const started = performance.now();
        const result = await core.dispatcher.dispatch('search.query', { query, limit: 20 }, { door: 'ipc' });
        const elapsed = performance.now() - started;
        if (!result.ok) throw new Error(`search "${query}" failed: ${result.error.code} ${result.error.message}`);
        if (round < warmupRounds) continue;
        times[kind].push(elapsed);
        hits[kind].push((result.value as { items: unknown[] }).items.length);
        if (elapsed > slowest[kind].ms) slowest[kind] = { query, ms: Math.round(elapsed * 100) / 100 };
      }
    }
  } finally {
    await core.dispose();
  }
  const perClass = (kind: QueryClass): SearchClassResult => ({
    ...summarize(times[kind]),
    distinctQueries: queries[kind].length,
    meanHits: Math.round((hits[kind].reduce((sum, value) => sum + value, 0) / Math.max(1, hits[kind].length)) * 10) / 10,
    slowest: slowest[kind],
    examples: queries[kind].slice(0, 5),
  });
  return { rare: perClass('rare'), common: perClass('common'), prefix: perClass('prefix'), rounds, warmupRounds };
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
