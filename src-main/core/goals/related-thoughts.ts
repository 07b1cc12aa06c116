import type { Database } from '../db/open-database';
import { keywordSearch } from '../db/repositories/search';
import { findThoughtsBySeq } from '../db/repositories/thoughts';
import type { MeaningSearch } from '../search/search-service';
import { closeEnough } from '../search/fusion';
import { STOP_WORDS, stem, words } from '../understanding/words';

export interface RelatedThought {
  id: string;
  text: string;
  isPrivate: boolean;
  /** Task-like: a planner can take it as a step. */
  actionable: boolean;
  /** Relatedness 0..1: cosine similarity, or a rank-based score for word matches. */
  score: number;
}

const MAX_WORDS = 8;
/** Goals are judged against the newest matches only; old ones rank by words. */
const RANK_WINDOW = 5_000;

/**
 * Thoughts related to a goal: nearest by meaning (when a model is ready), then thoughts sharing
 * any of its content words (bm25; goals are short, so any word counts, unlike search's AND).
 */
export async function relatedToGoal(db: Database, meaning: MeaningSearch | undefined, goalText: string, limit: number): Promise<RelatedThought[]> {
  const scores = new Map<number, number>();
  if (meaning !== undefined) {
    const hits = await meaning.nearest(goalText.slice(0, 1_000), limit * 2, (seqs) => seqs);
    if (hits !== undefined) {
      const { floor, relative } = meaning.thresholds();
      for (const hit of closeEnough(hits, floor, relative)) scores.set(hit.seq, Math.max(0, Math.min(1, hit.similarity)));
    }
  }
  const stems = [...new Set(words(goalText).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)).map(stem))]
    .filter((root) => root.length >= 3)
    .slice(0, MAX_WORDS);
  if (stems.length > 0) {
    const match = stems.map((root) => `"${root.replace(/"/g, '')}"*`).join(' OR ');
    const { hits } = keywordSearch(db.sqlite, match, { scope: 'active' }, { rankWindow: RANK_WINDOW, limit, offset: 0 });
    hits.forEach((hit, index) => {
      if (!scores.has(hit.seq)) scores.set(hit.seq, 0.5 / (1 + index));
    });
  }
  const ranked = [...scores.entries()].sort((left, right) => right[1] - left[1]).slice(0, limit);
  const rows = new Map(findThoughtsBySeq(db.sqlite, ranked.map(([seq]) => seq)).map((row) => [row.seq, row]));
  return ranked.flatMap(([seq, score]) => {
    const row = rows.get(seq);
    if (row === undefined || row.deleted_at !== null) return [];
    return [{ id: row.id, text: row.text, isPrivate: row.is_private === 1, actionable: row.type === 'task', score }];
  });
}
