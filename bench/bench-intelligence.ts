/**
 * How the bench's cores open models and vector stores: exactly as defaultIntelligence does
 * (createEmbedder: the worker thread, transformers.js, the model resolver and its checks;
 * createVectorStore behind vectorStorePort), with the models folder pointed at bench/.models,
 * plus three things a benchmark needs:
 * - a clock on every embed() and nearest() call, so a search's time can be split;
 * - optionally, the query's vector swapped AFTER the real model computed it, for a synthetic
 *   one of the stored vectors' distribution (bench/vector-corpus.ts says why): the embedding
 *   time is real, the vector searched with is in-distribution;
 * - optionally, no model at all: queries answered from the synthetic set at once (for
 *   comparing search engines without the embedding every one of them would pay alike).
 */
import { createEmbedder } from '../src-main/core/embeddings/embedder';
import { vectorStorePort, type Intelligence } from '../src-main/core/indexing/intelligence';
import type { EmbedderPort, EmbedderState, VectorStorePort } from '../src-main/core/indexing/ports';
import { silentLogger } from '../src-main/core/logger';
import { createVectorStore } from '../src-main/core/vectors/vector-store';
import type { BenchModel } from './full-model';

export interface CallClock {
  /** Milliseconds of each embed() call of kind 'query', in order. */
  queryEmbedMs: number[];
  /** Milliseconds of each vector-store nearest() call, in order. */
  nearestMs: number[];
  /** Meaning candidates each nearest() returned. */
  nearestHits: number[];
  reset(): void;
}

export interface BenchIntelligenceOptions {
  model: BenchModel;
  /** The vector to search with for a query text (undefined: keep the model's). */
  queryVector?: (text: string) => Float32Array | undefined;
  /** No worker, no model: every query vector comes from `queryVector`. */
  instant?: boolean;
}

export function benchIntelligence(options: BenchIntelligenceOptions): Intelligence & { clock: CallClock } {
  const clock: CallClock = {
    queryEmbedMs: [],
    nearestMs: [],
    nearestHits: [],
    reset() {
      clock.queryEmbedMs.length = 0;
      clock.nearestMs.length = 0;
      clock.nearestHits.length = 0;
    },
  };
  const { model } = options;
  const swap = (texts: readonly string[], vectors: Float32Array[]): Float32Array[] =>
    vectors.map((vector, index) => options.queryVector?.(texts[index] ?? '') ?? vector);

  function openEmbedder(modelId: string): EmbedderPort {
    if (options.instant === true) {
      const table = (texts: readonly string[]) =>
        texts.flatMap((text) => {
          const vector = options.queryVector?.(text);
          return vector === undefined ? [] : [vector];
        });
      return instantEmbedder(model, table, clock);
    }
    const embedder = createEmbedder({ modelId, modelsDirs: { user: model.root }, allowDownload: false, logger: silentLogger });
    return {
      ready: () => embedder.ready(),
      state: () => embedder.state(),
      dispose: () => embedder.dispose(),
      async embed(texts, kind) {
        const started = performance.now();
        const vectors = await embedder.embed(texts, kind);
        if (kind !== 'query') return vectors;
        clock.queryEmbedMs.push(performance.now() - started);
        return swap(texts, vectors);
      },
    };
  }

  function openVectorStore(db: Parameters<Intelligence['openVectorStore']>[0], key: string, dimension: number): VectorStorePort {
    const port = vectorStorePort(createVectorStore(db.sqlite, { modelKey: key, dimension }), db.sqlite);
    return {
      ...port,
      nearest(query, k, filter, candidates) {
        const started = performance.now();
        const hits = port.nearest(query, k, filter, candidates);
        clock.nearestMs.push(performance.now() - started);
        clock.nearestHits.push(hits.length);
        return hits;
      },
    };
  }

  return { openEmbedder, openVectorStore, clock };
}

/** A model that is always ready and answers queries from a table, for engine comparisons. */
function instantEmbedder(model: BenchModel, vectorsFor: (texts: readonly string[]) => Float32Array[], clock: CallClock): EmbedderPort {
  const state: EmbedderState = { state: 'ready', model: { id: model.modelId, revision: model.revision, dimension: model.dimension } };
  return {
    ready: () => Promise.resolve(state),
    state: () => state,
    dispose: () => Promise.resolve(),
    embed(texts, kind) {
      if (kind !== 'query') return Promise.reject(new Error('the instant bench embedder only answers queries'));
      const vectors = vectorsFor(texts);
      if (vectors.length !== texts.length) return Promise.reject(new Error('no synthetic vector for a query'));
      clock.queryEmbedMs.push(0);
      return Promise.resolve(vectors);
    },
  };
}
