import { STOP_WORDS, stem, words } from '../understanding/words';
import type { CheckThought, Finding } from './check-types';

/** A theme recurs: at least this many thoughts. */
const MIN_THEME_SIZE = 3;
const MAX_THEMES = 4;
const MAX_CLUSTERS = 8;
const ITERATIONS = 12;
/** The naming word must appear in this share of a cluster, or the cluster has no clear subject. */
const MIN_WORD_COVERAGE = 0.4;
const MAX_EVIDENCE = 8;
/** k-means runs over at most the newest this many (5,000 × 384-d takes ~0.5 s on the main thread). */
const MAX_CLUSTERED = 1_500;

interface WordStats {
  /** Stem → the thoughts (indexes) that use it. */
  postings: Map<string, Set<number>>;
  /** Stem → the form people wrote most often (for naming). */
  surface: Map<string, string>;
}

/**
 * Recurring themes in a set of thoughts: clusters of their embeddings (when a model has made
 * them), named by their most characteristic words; then words that recur across thoughts the
 * clusters did not already cover. Deterministic for the same input.
 */
export function findThemes(thoughts: readonly CheckThought[], vectors: ReadonlyMap<number, Float32Array>): Finding[] {
  if (thoughts.length < MIN_THEME_SIZE) return [];
  const stats = wordStats(thoughts);
  const themes: { members: number[]; words: string[] }[] = [];
  const covered = new Set<string>();

  for (const cluster of clusterByMeaning(thoughts, vectors)) {
    if (cluster.length < MIN_THEME_SIZE) continue;
    const named = characteristicWords(cluster, stats, thoughts.length);
    const top = named[0];
    if (top === undefined || (stats.postings.get(top)?.size ?? 0) < MIN_THEME_SIZE) continue;
    const coverage = cluster.filter((index) => stats.postings.get(top)?.has(index)).length / cluster.length;
    if (coverage < MIN_WORD_COVERAGE) continue;
    themes.push({ members: cluster, words: named.slice(0, 3) });
    for (const word of named.slice(0, 2)) covered.add(word);
  }

  for (const [word, postings] of [...stats.postings.entries()].sort(byRecurrence)) {
    if (themes.length >= MAX_THEMES) break;
    if (postings.size < MIN_THEME_SIZE || covered.has(word)) continue;
    // A word in nearly every thought is the person's vocabulary, not a theme.
    if (thoughts.length >= 10 && postings.size > thoughts.length * 0.6) continue;
    const members = [...postings];
    const named = characteristicWords(members, stats, thoughts.length).filter((other) => other !== word);
    const companions = named.filter((other) => (stats.postings.get(other)?.size ?? 0) >= 2 && overlap(stats, word, other) >= 2).slice(0, 2);
    themes.push({ members, words: [word, ...companions] });
    for (const name of [word, ...companions]) covered.add(name);
  }

  return themes.slice(0, MAX_THEMES).map(({ members, words: named }) => {
    const labels = named.map((word) => stats.surface.get(word) ?? word);
    const evidence = members
      .map((index) => thoughts[index])
      .filter((thought): thought is CheckThought => thought !== undefined)
      .sort((left, right) => right.createdAt - left.createdAt)
      .slice(0, MAX_EVIDENCE)
      .map((thought) => thought.id);
    const share = `${members.length} of your ${thoughts.length} recent thoughts`;
    return {
      kind: 'pattern' as const,
      topic: 'theme' as const,
      title: `Recurring theme: ${labels.join(', ')}`,
      body: `${share} come back to ${joinWords(labels)}. Worth a closer look, or a goal of its own?`,
      evidence,
      proposedTask: null,
      dedupeKey: `theme:${[...named.slice(0, 2)].sort().join('+')}`,
    };
  });
}

function byRecurrence([leftWord, left]: [string, Set<number>], [rightWord, right]: [string, Set<number>]): number {
  return right.size - left.size || leftWord.localeCompare(rightWord);
}

function overlap(stats: WordStats, first: string, second: string): number {
  const a = stats.postings.get(first);
  const b = stats.postings.get(second);
  if (a === undefined || b === undefined) return 0;
  let shared = 0;
  for (const index of a) if (b.has(index)) shared += 1;
  return shared;
}

function wordStats(thoughts: readonly CheckThought[]): WordStats {
  const postings = new Map<string, Set<number>>();
  const forms = new Map<string, Map<string, number>>();
  thoughts.forEach((thought, index) => {
    for (const word of words(thought.text)) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      const root = stem(word);
      let set = postings.get(root);
      if (set === undefined) postings.set(root, (set = new Set()));
      set.add(index);
      let counts = forms.get(root);
      if (counts === undefined) forms.set(root, (counts = new Map()));
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  });
  const surface = new Map<string, string>();
  for (const [root, counts] of forms) {
    const best = [...counts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))[0];
    if (best !== undefined) surface.set(root, best[0]);
  }
  return { postings, surface };
}

/** Words frequent in the cluster and rare outside it (tf-idf over the check's thoughts). */
function characteristicWords(members: readonly number[], stats: WordStats, total: number): string[] {
  const inCluster = new Set(members);
  const scored: { word: string; score: number }[] = [];
  for (const [word, postings] of stats.postings) {
    let hits = 0;
    for (const index of postings) if (inCluster.has(index)) hits += 1;
    if (hits < 2) continue;
    const score = (hits / members.length) * Math.log((total + 1) / postings.size);
    scored.push({ word, score: score + hits * 1e-6 });
  }
  return scored.sort((left, right) => right.score - left.score || left.word.localeCompare(right.word)).map((entry) => entry.word);
}

/** Deterministic k-means over unit vectors (cosine), seeded by farthest points from the newest. */
function clusterByMeaning(thoughts: readonly CheckThought[], vectors: ReadonlyMap<number, Float32Array>): number[][] {
  const points: { index: number; vector: Float32Array }[] = [];
  // Thoughts come oldest first: the newest are at the end.
  for (let index = thoughts.length - 1; index >= 0 && points.length < MAX_CLUSTERED; index -= 1) {
    const vector = vectors.get(thoughts[index]!.seq);
    if (vector !== undefined) points.push({ index, vector });
  }
  points.reverse();
  if (points.length < MIN_THEME_SIZE * 2) return [];
  const k = Math.max(2, Math.min(MAX_CLUSTERS, Math.round(Math.sqrt(points.length / 3))));
  const centroids: Float32Array[] = [Float32Array.from(points[points.length - 1]!.vector)];
  const nearest = points.map((point) => dot(point.vector, centroids[0]!));
  while (centroids.length < k) {
    let farthest = 0;
    for (let i = 1; i < points.length; i += 1) if (nearest[i]! < nearest[farthest]!) farthest = i;
    const next = Float32Array.from(points[farthest]!.vector);
    centroids.push(next);
    points.forEach((point, i) => (nearest[i] = Math.max(nearest[i]!, dot(point.vector, next))));
  }
  let assignment = new Array<number>(points.length).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next = points.map((point) => {
      let best = 0;
      let bestScore = -Infinity;
      centroids.forEach((centroid, c) => {
        const score = dot(point.vector, centroid);
        if (score > bestScore) [best, bestScore] = [c, score];
      });
      return best;
    });
    const stable = next.every((value, i) => value === assignment[i]);
    assignment = next;
    centroids.forEach((centroid, c) => {
      const sum = new Float32Array(centroid.length);
      points.forEach((point, i) => {
        if (assignment[i] === c) for (let d = 0; d < sum.length; d += 1) sum[d]! += point.vector[d]!;
      });
      const norm = Math.hypot(...sum);
      if (norm > 0) centroids[c] = sum.map((value) => value / norm);
    });
    if (stable && iteration > 0) break;
  }
  return centroids.map((_, c) => points.filter((_, i) => assignment[i] === c).map((point) => point.index));
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < left.length; i += 1) sum += left[i]! * right[i]!;
  return sum;
}

export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
