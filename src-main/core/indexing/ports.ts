/** What the indexing code needs from the embedding engine and the vector store. */

export interface ModelInfo {
  id: string;
  revision: string;
  dimension: number;
}

export type EmbedderState =
  | { state: 'loading' }
  | { state: 'ready'; model: ModelInfo }
  /** `reason` (the embedder's: not_installed, download_disabled, load_failed …) tells missing from broken. */
  | { state: 'unavailable'; message: string; reason?: string };

export interface EmbedderPort {
  /** Resolves once the model is loaded or known to be unavailable. */
  ready(): Promise<EmbedderState>;
  state(): EmbedderState;
  embed(texts: readonly string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface VectorStorePort {
  upsert(seq: number, vector: Float32Array): void;
  remove(seq: number): void;
  /**
   * Nearest first, with cosine similarity (1 = same direction); never the trash. `filter` keeps
   * the seqs of a batch of candidates that may be returned (search filters, in SQL).
   */
  nearest(
    query: Float32Array,
    k: number,
    filter?: (seqs: readonly number[]) => Iterable<number>,
    /** Candidates scored exactly (default: the store's, tuned for search recall). */
    candidates?: number,
  ): { seq: number; similarity: number }[];
  vectorOf(seq: number): Float32Array | undefined;
  /** Deletes the store's tables (a retired model). */
  drop(): void;
}

/** `<model id>@<revision>`: names one set of vectors. */
export function modelKey(model: ModelInfo): string {
  return `${model.id}@${model.revision}`;
}
