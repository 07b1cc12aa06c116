import type { RelatedThought } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Database } from '../db/open-database';
import { tagsForThoughts } from '../db/repositories/tags';
import { findThoughtById, findThoughtsBySeq } from '../db/repositories/thoughts';
import type { MeaningSearch } from '../search/search-service';
import { toThought } from '../thoughts/thought-mapping';
import type { IndexService } from './index-service';

/**
 * Which cosine similarities count as "about the same thing" differs by model: bge-small puts
 * unrelated English around 0.4–0.5, MiniLM around 0.0–0.2. Unknown models get the lenient default.
 */
const THRESHOLDS: Record<string, { floor: number; relative: number }> = {
  'Xenova/bge-small-en-v1.5': { floor: 0.55, relative: 0.85 },
  'Xenova/all-MiniLM-L6-v2': { floor: 0.25, relative: 0.7 },
};
const DEFAULT_THRESHOLDS = { floor: 0.2, relative: 0.75 };
/** Neighbours asked for beyond `limit`, since trashed ones and the thought itself are dropped. */
const RELATED_OVERFETCH = 16;

export function createMeaningSearch(index: IndexService): () => MeaningSearch | undefined {
  return () => {
    const side = index.searchSide();
    if (side === undefined) return undefined;
    return {
      async nearest(query, k, filter) {
        const [vector] = await side.embedder.embed([query], 'query');
        return vector === undefined ? undefined : side.store.nearest(vector, k, filter);
      },
      thresholds: () => THRESHOLDS[side.model.id] ?? DEFAULT_THRESHOLDS,
    };
  };
}

/** Thoughts nearest in meaning to one thought; shared tags break near-ties. */
export function relatedThoughts(db: Database, index: IndexService, id: string, limit: number): { items: RelatedThought[]; indexed: boolean } {
  const { sqlite } = db;
  const row = findThoughtById(sqlite, id);
  if (row === undefined) throw new AppError('not_found', 'No thought with that id.', { id });
  const side = index.searchSide();
  const vector = side?.store.vectorOf(row.seq);
  if (side === undefined || vector === undefined) return { items: [], indexed: false };
  const neighbours = side.store.nearest(vector, limit + RELATED_OVERFETCH).filter((hit) => hit.seq !== row.seq);
  const rows = new Map(findThoughtsBySeq(sqlite, neighbours.map((hit) => hit.seq)).map((found) => [found.seq, found]));
  const tags = tagsForThoughts(sqlite, [row.seq, ...rows.keys()]);
  const own = new Set((tags.get(row.seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name));
  const { floor } = THRESHOLDS[side.model.id] ?? DEFAULT_THRESHOLDS;
  const items: RelatedThought[] = [];
  for (const hit of neighbours) {
    const found = rows.get(hit.seq);
    if (found === undefined || found.deleted_at !== null || hit.similarity < floor) continue;
    const theirTags = tags.get(hit.seq) ?? [];
    items.push({
      thought: toThought(found, theirTags),
      similarity: Math.max(0, Math.min(1, hit.similarity)),
      sharedTags: theirTags.filter((tag) => tag.kind === 'user' && own.has(tag.name)).map((tag) => tag.name),
    });
  }
  // Similarity to two decimals first, so shared tags decide between near-equals.
  items.sort(
    (left, right) =>
      Math.round(right.similarity * 100) - Math.round(left.similarity * 100) ||
      right.sharedTags.length - left.sharedTags.length ||
      right.similarity - left.similarity,
  );
  return { items: items.slice(0, limit), indexed: true };
}
