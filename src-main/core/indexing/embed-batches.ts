import type BetterSqlite3 from 'better-sqlite3';
import { embeddingModels, hasEmbedding, recordEmbedding, setBackfillBelow, thoughtsWithoutEmbedding } from '../db/repositories/embeddings';
import { claimJobs, completeJob, releaseJob, type JobRow } from '../db/repositories/jobs';
import { findThoughtById, findThoughtsBySeq } from '../db/repositories/thoughts';
import type { ModelInfo, VectorStorePort } from './ports';

/** Thoughts embedded per batch: one inference call in the worker, one short write transaction. */
export const EMBED_BATCH = 32;

export interface EmbedBatch {
  /** The claimed `embed` jobs (none for a backfill batch). */
  jobs: JobRow[];
  /** Each job's thought, by job id. */
  seqOfJob: Map<number, number>;
  items: { seq: number; text: string }[];
  fromJobs: boolean;
}

export interface EmbeddedItem {
  seq: number;
  vector: Float32Array;
  /** First vector of this thought for the model (not a re-embed after an edit). */
  fresh: boolean;
}

/**
 * The next batch for a model: fresh captures and edits first (their `embed` jobs, claimed here),
 * then older thoughts without a vector, newest first. Undefined when every thought has one.
 */
export function takeEmbedBatch(sqlite: BetterSqlite3.Database, modelKey: string, now: number): EmbedBatch | undefined {
  const jobs = sqlite.transaction(() => claimJobs(sqlite, 'embed', EMBED_BATCH, now)).immediate();
  const seqOfJob = new Map<number, number>();
  if (jobs.length > 0) {
    const items: { seq: number; text: string }[] = [];
    for (const job of jobs) {
      const thoughtId = parseThoughtId(job.payload);
      const row = thoughtId === undefined ? undefined : findThoughtById(sqlite, thoughtId);
      if (row === undefined || row.deleted_at !== null) continue;
      seqOfJob.set(job.id, row.seq);
      if (!items.some((item) => item.seq === row.seq)) items.push({ seq: row.seq, text: row.text });
    }
    return { jobs, seqOfJob, items, fromJobs: true };
  }
  const row = embeddingModels(sqlite).find((candidate) => candidate.model_key === modelKey);
  const items = thoughtsWithoutEmbedding(sqlite, modelKey, row?.backfill_below_seq ?? null, EMBED_BATCH);
  if (items.length > 0) return { jobs, seqOfJob, items, fromJobs: false };
  // Every older thought has a vector: from now on only jobs bring work (0 = nothing below).
  if (row?.backfill_below_seq !== 0) setBackfillBelow(sqlite, modelKey, 0);
  return undefined;
}

/**
 * Stores a batch's vectors in one transaction and completes its jobs. A thought edited while it
 * was being embedded keeps no vector, and its job runs again with the new text.
 */
export function createBatchWriter(sqlite: BetterSqlite3.Database) {
  return sqlite.transaction(
    (store: VectorStorePort, model: ModelInfo & { key: string }, batch: EmbedBatch, vectors: Float32Array[], now: number): EmbeddedItem[] => {
      const { items, jobs, seqOfJob } = batch;
      const current = new Map(findThoughtsBySeq(sqlite, items.map((item) => item.seq)).map((row) => [row.seq, row]));
      const edited = new Set(items.filter((item) => current.get(item.seq)?.text !== item.text).map((item) => item.seq));
      const written: EmbeddedItem[] = [];
      items.forEach((item, index) => {
        const vector = vectors[index];
        if (edited.has(item.seq) || vector === undefined) return;
        const fresh = !hasEmbedding(sqlite, item.seq, model.key);
        store.upsert(item.seq, vector);
        recordEmbedding(sqlite, item.seq, model, now);
        written.push({ seq: item.seq, vector, fresh });
      });
      for (const job of jobs) {
        const seq = seqOfJob.get(job.id);
        if (seq !== undefined && edited.has(seq) && current.has(seq)) releaseJob(sqlite, job.id, now);
        else completeJob(sqlite, job.id);
      }
      const lowest = items.at(-1)?.seq;
      if (!batch.fromJobs && lowest !== undefined) setBackfillBelow(sqlite, model.key, lowest);
      return written;
    },
  );
}

function parseThoughtId(payload: string): string | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value === 'object' && value !== null && 'thoughtId' in value && typeof value.thoughtId === 'string') return value.thoughtId;
  } catch {
    // An unreadable payload names no thought: the job completes with nothing to do.
  }
  return undefined;
}
