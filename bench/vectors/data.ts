/**
 * Synthetic embeddings that behave like sentence embeddings for nearest-neighbour search, cached
 * under bench/.data/ as raw little-endian float32 files (1.5 GB per million at 384 dimensions).
 *
 * Uniform random unit vectors are the worst case for binary quantization (every neighbour is
 * nearly as far as every other point), so the default set is clustered and anisotropic:
 * - 2,000 topic centroids, random unit directions; topic sizes Zipf-like (weight ∝ rank^-0.7);
 * - vector = normalize(bias · b + centroid + r · noise), noise a random unit direction,
 *   r uniform in [0.6, 1.2] (cosine to its centroid 0.64–0.86), b a fixed unit direction shared
 *   by all vectors, as sentence-embedding models put every text in a narrow cone;
 * - queries are drawn the same way (new texts about known topics), never copies of stored ones.
 * `bias` 0.5 gives unrelated pairs a mean cosine of ≈ 0.1 (MiniLM-like); 1.5 gives ≈ 0.5
 * (bge-like: the default model, bge-small-en-v1.5, has this narrow a cone).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../corpus';
import { createRandom, type Random } from '../vocabulary';

export const DIMENSION = 384;
/** Bump when the generator changes. */
const GENERATOR_VERSION = 1;

export type Distribution = 'clustered' | 'anisotropic' | 'uniform';

export interface DistributionParameters {
  centroids: number;
  bias: number;
  noise: readonly [number, number];
}

export const DISTRIBUTIONS: Record<Distribution, DistributionParameters | null> = {
  clustered: { centroids: 2_000, bias: 0.5, noise: [0.6, 1.2] },
  anisotropic: { centroids: 2_000, bias: 1.5, noise: [0.6, 1.2] },
  uniform: null,
};

export interface VectorSet {
  distribution: Distribution;
  count: number;
  dimension: number;
  /** count × dimension, row-major, unit length. */
  vectors: Float32Array;
  queries: Float32Array;
  queryCount: number;
  /** queryCount × truthDepth seqs (1-based, seq = index + 1), exact cosine order. */
  truth: Int32Array;
  truthDepth: number;
}

/** Seeded Gaussian source (Box–Muller), so a cached file and a regenerated one agree. */
function gaussian(random: Random): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u = Math.max(random(), 1e-12);
    const v = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

function unitInto(target: Float32Array, offset: number, dimension: number, normal: () => number): void {
  let norm = 0;
  for (let i = 0; i < dimension; i += 1) {
    const value = normal();
    target[offset + i] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimension; i += 1) target[offset + i] = (target[offset + i] ?? 0) * scale;
}

/**
 * A generator of vectors from one distribution. `seed` fixes the topics (centroids, bias);
 * `stream` fixes the sequence drawn from them, so queries share the stored vectors' topics.
 */
export function createGenerator(
  distribution: Distribution,
  seed: number,
  stream: number,
  dimension = DIMENSION,
): (out: Float32Array, offset: number) => void {
  const parameters = DISTRIBUTIONS[distribution];
  const structure = createRandom(seed);
  const picks = createRandom(stream);
  const normal = gaussian(createRandom(stream ^ 0x5bd1e995));
  if (parameters === null) return (out, offset) => unitInto(out, offset, dimension, normal);
  const centroids = new Float32Array(parameters.centroids * dimension);
  for (let c = 0; c < parameters.centroids; c += 1) unitInto(centroids, c * dimension, dimension, gaussian(structure));
  const bias = new Float32Array(dimension);
  unitInto(bias, 0, dimension, gaussian(structure));
  // Cumulative Zipf-like weights for picking a topic.
  const cumulative = new Float64Array(parameters.centroids);
  let total = 0;
  for (let c = 0; c < parameters.centroids; c += 1) {
    total += (c + 1) ** -0.7;
    cumulative[c] = total;
  }
  const noise = new Float32Array(dimension);
  const [low, high] = parameters.noise;
  return (out, offset) => {
    const target = picks() * total;
    let lo = 0;
    let hi = parameters.centroids - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    const base = lo * dimension;
    const radius = low + picks() * (high - low);
    unitInto(noise, 0, dimension, normal);
    let norm = 0;
    for (let i = 0; i < dimension; i += 1) {
      const value = parameters.bias * (bias[i] ?? 0) + (centroids[base + i] ?? 0) + radius * (noise[i] ?? 0);
      out[offset + i] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimension; i += 1) out[offset + i] = (out[offset + i] ?? 0) * scale;
  };
}

function cachePath(distribution: Distribution, count: number, seed: number, what: string): string {
  return join(DATA_DIR, 'vectors', `${distribution}-g${GENERATOR_VERSION}-seed${seed}-${what}-${count}.bin`);
}

function writeAtomically(path: string, chunks: Iterable<Uint8Array>): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

function readFloats(path: string, length: number): Float32Array {
  const out = new Float32Array(length);
  const bytes = new Uint8Array(out.buffer);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(fd, bytes, done, Math.min(1 << 30, bytes.length - done), done);
      if (read === 0) throw new Error(`${path}: truncated`);
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/**
 * The stored vectors of a set, generated once and cached. Generating a prefix of a larger set
 * gives the same vectors, so 10k is the first tenth of 100k.
 */
function storedVectors(distribution: Distribution, count: number, seed: number, log: (line: string) => void): Float32Array {
  const path = cachePath(distribution, count, seed, 'vectors');
  const length = count * DIMENSION;
  if (existsSync(path) && statSync(path).size === length * 4) return readFloats(path, length);
  const started = performance.now();
  const vectors = new Float32Array(length);
  const next = createGenerator(distribution, seed, seed + 1);
  for (let i = 0; i < count; i += 1) next(vectors, i * DIMENSION);
  writeAtomically(path, chunksOf(vectors));
  log(`vectors ${distribution} ${count}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return vectors;
}

function* chunksOf(values: Float32Array): Iterable<Uint8Array> {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  for (let start = 0; start < bytes.length; start += 1 << 28) yield bytes.subarray(start, Math.min(bytes.length, start + (1 << 28)));
}

/** Exact top-`depth` by cosine (vectors are unit length: dot product), all queries in one pass. */
export function exactTopK(vectors: Float32Array, count: number, queries: Float32Array, queryCount: number, depth: number): Int32Array {
  const bestSeq = new Int32Array(queryCount * depth).fill(-1);
  const bestScore = new Float64Array(queryCount * depth).fill(-Infinity);
  for (let i = 0; i < count; i += 1) {
    const base = i * DIMENSION;
    for (let q = 0; q < queryCount; q += 1) {
      const queryBase = q * DIMENSION;
      let dot = 0;
      for (let d = 0; d < DIMENSION; d += 1) dot += (vectors[base + d] ?? 0) * (queries[queryBase + d] ?? 0);
      const row = q * depth;
      if (dot <= (bestScore[row + depth - 1] ?? -Infinity)) continue;
      let position = depth - 1;
      while (position > 0 && (bestScore[row + position - 1] ?? -Infinity) < dot) {
        bestScore[row + position] = bestScore[row + position - 1] ?? -Infinity;
        bestSeq[row + position] = bestSeq[row + position - 1] ?? -1;
        position -= 1;
      }
      bestScore[row + position] = dot;
      bestSeq[row + position] = i + 1;
    }
  }
  return bestSeq;
}

export function loadVectorSet(
  distribution: Distribution,
  count: number,
  options: { seed: number; queryCount: number; truthDepth: number; log: (line: string) => void },
): VectorSet {
  mkdirSync(join(DATA_DIR, 'vectors'), { recursive: true });
  const vectors = storedVectors(distribution, count, options.seed, options.log);
  // Queries: the same topics, another stream of topic picks and noise.
  const queries = new Float32Array(options.queryCount * DIMENSION);
  const queryStream = createGenerator(distribution, options.seed, options.seed ^ 0x2545f491);
  for (let q = 0; q < options.queryCount; q += 1) queryStream(queries, q * DIMENSION);
  const truthPath = cachePath(distribution, count, options.seed, `truth-q${options.queryCount}x${options.truthDepth}`);
  let truth: Int32Array;
  if (existsSync(truthPath)) {
    const raw = readFileSync(truthPath);
    truth = new Int32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  } else {
    const started = performance.now();
    truth = exactTopK(vectors, count, queries, options.queryCount, options.truthDepth);
    writeFileSync(truthPath, new Uint8Array(truth.buffer));
    options.log(`truth ${distribution} ${count}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { distribution, count, dimension: DIMENSION, vectors, queries, queryCount: options.queryCount, truth, truthDepth: options.truthDepth };
}

/** recall@k of one result list against the exact top-k. */
export function recallAt(k: number, found: readonly number[], truth: Int32Array, query: number, truthDepth: number): number {
  const exact = new Set<number>();
  for (let i = 0; i < k; i += 1) exact.add(truth[query * truthDepth + i] ?? -1);
  let hits = 0;
  for (const seq of found.slice(0, k)) if (exact.has(seq)) hits += 1;
  return hits / k;
}
