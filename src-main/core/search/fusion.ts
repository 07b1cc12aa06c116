/** Reciprocal rank fusion constant (Cormack et al.): dampens the weight of top ranks. */
export const RRF_K = 60;
/** At most this much is added for a brand-new thought, decaying by half every 90 days. */
export const RECENCY_WEIGHT = 0.002;
const RECENCY_HALF_LIFE_MS = 90 * 24 * 60 * 60 * 1000;

export interface FusedHit {
  seq: number;
  score: number;
  keyword: boolean;
  meaning: boolean;
}

/**
 * Fuses a keyword ranking and a meaning ranking (best first, seqs) with reciprocal rank fusion,
 * plus a small recency prior so that of two equally good matches the newer comes first.
 */
export function fuseRankings(
  keyword: readonly number[],
  meaning: readonly number[],
  createdAt: (seq: number) => number,
  now: number,
): FusedHit[] {
  const hits = new Map<number, FusedHit>();
  const add = (seqs: readonly number[], kind: 'keyword' | 'meaning') => {
    seqs.forEach((seq, rank) => {
      const hit = hits.get(seq) ?? { seq, score: 0, keyword: false, meaning: false };
      hit.score += 1 / (RRF_K + rank + 1);
      hit[kind] = true;
      hits.set(seq, hit);
    });
  };
  add(keyword, 'keyword');
  add(meaning, 'meaning');
  for (const hit of hits.values()) {
    const age = Math.max(0, now - createdAt(hit.seq));
    hit.score += RECENCY_WEIGHT * 2 ** (-age / RECENCY_HALF_LIFE_MS);
  }
  return [...hits.values()].sort((left, right) => right.score - left.score || right.seq - left.seq);
}

/**
 * Which nearest neighbours count as matches: a neighbour list always has k entries, however
 * unrelated the query. Keeps those within `relative` of the best similarity and above `floor`.
 */
export function closeEnough<T extends { similarity: number }>(neighbours: readonly T[], floor: number, relative: number): T[] {
  const best = neighbours.reduce((max, neighbour) => Math.max(max, neighbour.similarity), -1);
  return neighbours.filter((neighbour) => neighbour.similarity >= floor && neighbour.similarity >= best * relative);
}
