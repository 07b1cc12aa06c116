/**
 * Embedding speed with a full-size MiniLM-L6 (bench/full-model.ts: the real tokenizer, random
 * weights): passages per second when the embedder is given batches of 1, 8 and 32 thoughts,
 * and the latency of embedding one search query. Runs through createEmbedder, i.e. the worker
 * thread, transformers.js and onnxruntime exactly as the indexer runs them.
 *
 * The texts are the corpus generator's (5–300 words, median ≈ 30), so batches mix short and
 * long thoughts as a real backlog does. Rounds interleave the batch sizes so a busy moment on
 * the shared machine does not land on one size only; each size's figure is its median round.
 */
import { createEmbedder } from '../src-main/core/embeddings/embedder';
import { silentLogger } from '../src-main/core/logger';
import type { BenchModel } from './full-model';
import { hybridQueries } from './hybrid-search';
import { median, round, summarize, type LatencySummary } from './stats';
import { createRandom, createVocabulary, thoughtText } from './vocabulary';

export const EMBED_BATCHES = [1, 8, 32] as const;

export interface ThroughputResult {
  variant: BenchModel['variant'];
  modelId: string;
  weightsMegabytes: number;
  /** Batch size → thoughts per second (median of the rounds). */
  thoughtsPerSecond: Record<string, number>;
  /** Batch size → every round's thoughts per second. */
  rounds: Record<string, number[]>;
  textsPerRound: number;
  meanWords: number;
  /** One query at a time (the search path), ms. */
  query: LatencySummary;
  loadMs: number;
}

export async function measureEmbeddingThroughput(
  model: BenchModel,
  options: { textsPerRound?: number; rounds?: number; queries?: number; seed?: number } = {},
): Promise<ThroughputResult> {
  const textsPerRound = options.textsPerRound ?? 256;
  const roundCount = options.rounds ?? 3;
  const random = createRandom(options.seed ?? 11);
  const vocabulary = createVocabulary(options.seed ?? 11);
  const texts = Array.from({ length: textsPerRound * roundCount }, () => thoughtText(random, vocabulary));
  const words = texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
  // The indexer hands over 32 texts a call; the embedder splits longer lists into maxBatch.
  const started = performance.now();
  const embedder = createEmbedder({ modelId: model.modelId, modelsDirs: { user: model.root }, allowDownload: false, logger: silentLogger, maxBatch: 1 });
  const batched = EMBED_BATCHES.map((batch) => ({
    batch,
    embedder: batch === 1 ? embedder : createEmbedder({ modelId: model.modelId, modelsDirs: { user: model.root }, allowDownload: false, logger: silentLogger, maxBatch: batch }),
  }));
  const rounds: Record<string, number[]> = Object.fromEntries(EMBED_BATCHES.map((batch) => [String(batch), []]));
  const queryTimes: number[] = [];
  try {
    for (const { embedder: each } of batched) {
      const state = await each.ready();
      if (state.state !== 'ready') throw new Error(`the bench model did not load: ${state.state === 'unavailable' ? state.message : state.state}`);
    }
    const loadMs = performance.now() - started;
    // Warm-up: one call of each size, so first-shape allocations stay out of the clock.
    for (const { batch, embedder: each } of batched) await each.embed(texts.slice(0, batch), 'passage');
    for (let index = 0; index < roundCount; index += 1) {
      const slice = texts.slice(index * textsPerRound, (index + 1) * textsPerRound);
      for (const { batch, embedder: each } of batched) {
        const begun = performance.now();
        for (let start = 0; start < slice.length; start += 32) await each.embed(slice.slice(start, start + 32), 'passage');
        rounds[String(batch)]?.push(round(slice.length / ((performance.now() - begun) / 1000), 1));
      }
    }
    const queries = hybridQueries(1).slice(0, options.queries ?? 200);
    for (const query of queries.slice(0, 10)) await embedder.embed([query.text], 'query');
    for (const query of queries) {
      const begun = performance.now();
      await embedder.embed([query.text], 'query');
      queryTimes.push(performance.now() - begun);
    }
    return {
      variant: model.variant,
      modelId: model.modelId,
      weightsMegabytes: Math.round(model.weightsBytes / 1e6),
      thoughtsPerSecond: Object.fromEntries(Object.entries(rounds).map(([batch, values]) => [batch, round(median(values), 1)])),
      rounds,
      textsPerRound,
      meanWords: round(words / texts.length, 1),
      query: summarize(queryTimes),
      loadMs: Math.round(loadMs),
    };
  } finally {
    await Promise.all(batched.map(({ embedder: each }) => each.dispose()));
  }
}
