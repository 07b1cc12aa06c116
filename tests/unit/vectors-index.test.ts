import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { BinaryIndex } from '../../src-main/core/vectors/binary-index';
import { createHammingKernel, hammingModuleBytes } from '../../src-main/core/vectors/hamming-kernel';
import { SeqIndex } from '../../src-main/core/vectors/seq-index';
import { codeBytesFor, quantize, toUnitVector } from '../../src-main/core/vectors/vector-input';

/** mulberry32, so every failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function popcount(byte: number): number {
  let count = 0;
  for (let rest = byte; rest !== 0; rest >>>= 1) count += rest & 1;
  return count;
}

function hamming(left: Uint8Array, right: Uint8Array): number {
  let distance = 0;
  for (let i = 0; i < left.length; i += 1) distance += popcount((left[i] ?? 0) ^ (right[i] ?? 0));
  return distance;
}

function randomVector(random: () => number, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  for (let i = 0; i < dimension; i += 1) vector[i] = random() * 2 - 1;
  return vector;
}

describe('the hamming kernel (hand-written WebAssembly)', () => {
  it('is a valid module', () => {
    expect(WebAssembly.validate(hammingModuleBytes())).toBe(true);
  });

  it.each([8, 48, 64, 512])('counts differing bits exactly for %i-byte codes, and histograms them', (codeBytes) => {
    const random = seeded(codeBytes);
    const kernel = createHammingKernel();
    const count = 257;
    const queryAt = 0;
    const histogramAt = 1024;
    const codesAt = histogramAt + (codeBytes * 8 + 1) * 4 + 64;
    const outAt = codesAt + count * codeBytes;
    kernel.memory.grow(Math.ceil((outAt + count * 2) / 65_536));
    const bytes = new Uint8Array(kernel.memory.buffer);
    for (let i = 0; i < codeBytes + count * codeBytes; i += 1) {
      bytes[i < codeBytes ? queryAt + i : codesAt + i - codeBytes] = Math.floor(random() * 256);
    }
    // A code equal to the query and one that is its complement: distances 0 and all bits.
    bytes.copyWithin(codesAt, queryAt, queryAt + codeBytes);
    for (let i = 0; i < codeBytes; i += 1) bytes[codesAt + codeBytes + i] = ~(bytes[queryAt + i] ?? 0) & 0xff;
    kernel.scan(codesAt, count, codeBytes, queryAt, outAt, histogramAt);
    const out = new Uint16Array(kernel.memory.buffer, outAt, count);
    const histogram = new Uint32Array(kernel.memory.buffer, histogramAt, codeBytes * 8 + 1);
    const query = bytes.slice(queryAt, queryAt + codeBytes);
    const expectedHistogram = new Uint32Array(codeBytes * 8 + 1);
    for (let i = 0; i < count; i += 1) {
      const expected = hamming(bytes.slice(codesAt + i * codeBytes, codesAt + (i + 1) * codeBytes), query);
      expect(out[i]).toBe(expected);
      expectedHistogram[expected] = (expectedHistogram[expected] ?? 0) + 1;
    }
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(codeBytes * 8);
    expect([...histogram]).toEqual([...expectedHistogram]);
  });

  it('does nothing for zero codes', () => {
    const kernel = createHammingKernel();
    const bytes = new Uint8Array(kernel.memory.buffer);
    bytes.fill(7, 0, 4096);
    kernel.scan(2048, 0, 48, 0, 1024, 512);
    expect(bytes.slice(0, 4096).every((byte) => byte === 7)).toBe(true);
  });
});

describe('SeqIndex', () => {
  it('agrees with a Map through many inserts, overwrites and deletions (with growth)', () => {
    const random = seeded(7);
    const index = new SeqIndex();
    const reference = new Map<number, number>();
    for (let step = 0; step < 60_000; step += 1) {
      // A small key range forces long probe runs, collisions and backward shifts.
      const seq = 1 + Math.floor(random() * 5_000) * (random() < 0.5 ? 1 : 4_099);
      if (random() < 0.35) {
        expect(index.delete(seq)).toBe(reference.delete(seq));
      } else {
        index.set(seq, step);
        reference.set(seq, step);
      }
    }
    expect(index.count).toBe(reference.size);
    for (const [seq, slot] of reference) expect(index.get(seq)).toBe(slot);
    for (let probe = 0; probe < 2_000; probe += 1) {
      const seq = 1 + Math.floor(random() * 30_000_000);
      expect(index.get(seq)).toBe(reference.get(seq) ?? -1);
    }
  });

  it('refuses keys the table cannot hold', () => {
    const index = new SeqIndex();
    expect(() => index.set(0, 1)).toThrow(RangeError);
    expect(() => index.set(2 ** 31, 1)).toThrow(RangeError);
  });
});

describe('BinaryIndex', () => {
  const dimension = 96;
  const codeBytes = codeBytesFor(dimension);

  function filled(count: number, seed: number): { index: BinaryIndex; vectors: Map<number, Float32Array> } {
    const random = seeded(seed);
    const index = new BinaryIndex(codeBytes);
    const vectors = new Map<number, Float32Array>();
    for (let seq = 1; seq <= count; seq += 1) {
      const unit = toUnitVector(randomVector(random, dimension), dimension, 'vector');
      vectors.set(seq, unit);
      index.set(seq, quantize(unit, codeBytes));
    }
    return { index, vectors };
  }

  function hammingOrder(vectors: Map<number, Float32Array>, query: Float32Array, accept: (seq: number) => boolean = () => true): Map<number, number> {
    const code = quantize(query, codeBytes);
    const distances = new Map<number, number>();
    for (const [seq, vector] of vectors) if (accept(seq)) distances.set(seq, hamming(quantize(vector, codeBytes), code));
    return distances;
  }

  it('with no re-ranking returns exactly the nearest codes by hamming distance, in order', () => {
    const { index, vectors } = filled(3_000, 1);
    const query = toUnitVector(randomVector(seeded(99), dimension), dimension, 'query');
    const distances = hammingOrder(vectors, query);
    const found = index.nearest(query, 50, undefined, 1);
    expect(found).toHaveLength(50);
    const foundDistances = found.map((candidate) => distances.get(candidate.seq) ?? -1);
    expect(foundDistances).toEqual([...foundDistances].sort((left, right) => left - right));
    const cutoff = foundDistances.at(-1) ?? 0;
    // Everything strictly nearer than the cut-off is in; nothing beyond it is.
    const nearer = [...distances.values()].filter((distance) => distance < cutoff).length;
    expect(foundDistances.filter((distance) => distance < cutoff)).toHaveLength(nearer);
    expect(foundDistances.every((distance) => distance <= cutoff)).toBe(true);
  });

  it('applies the filter while collecting, in nearest-first batches, however few seqs it keeps', () => {
    const { index, vectors } = filled(3_000, 2);
    const query = toUnitVector(randomVector(seeded(98), dimension), dimension, 'query');
    const accept = (seq: number) => seq % 97 === 0;
    const distances = hammingOrder(vectors, query, accept);
    const allDistances = hammingOrder(vectors, query);
    const seen: number[] = [];
    let batches = 0;
    const found = index.nearest(
      query,
      10,
      (seqs) => {
        batches += 1;
        const batchDistances = seqs.map((seq) => allDistances.get(seq) ?? -1);
        expect(batchDistances).toEqual([...batchDistances].sort((left, right) => left - right));
        seen.push(...seqs);
        return seqs.filter(accept);
      },
      1,
    );
    expect(found).toHaveLength(10);
    expect(found.every((candidate) => accept(candidate.seq))).toBe(true);
    const cutoff = Math.max(...found.map((candidate) => distances.get(candidate.seq) ?? -1));
    expect(found.filter((candidate) => (distances.get(candidate.seq) ?? 0) < cutoff)).toHaveLength(
      [...distances.values()].filter((distance) => distance < cutoff).length,
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(batches).toBeLessThanOrEqual(6);
    // Seqs a filter returns that were not asked about are ignored; one that keeps nothing ends the search.
    expect(index.nearest(query, 10, () => [999_999], 1)).toEqual([]);
    expect(index.nearest(query, 10, () => [], 1)).toEqual([]);
  });

  it('re-ranks the hamming pool by the sum of query values over each code\'s set bits', () => {
    const { index, vectors } = filled(2_000, 3);
    const query = toUnitVector(randomVector(seeded(97), dimension), dimension, 'query');
    const scoreOf = (vector: Float32Array) => {
      let score = 0;
      for (let i = 0; i < dimension; i += 1) if ((vector[i] ?? 0) > 0) score += query[i] ?? 0;
      return score;
    };
    // A pool of 40 × 50 covers all 2,000 codes: the answer is the global top 40 by that score.
    const found = index.nearest(query, 40, undefined, 50);
    const expected = [...vectors]
      .map(([seq, vector]) => ({ seq, score: scoreOf(vector) }))
      .sort((left, right) => right.score - left.score)
      .slice(0, 40);
    expect(found.map((candidate) => candidate.seq)).toEqual(expected.map((candidate) => candidate.seq));
    for (const [i, candidate] of found.entries()) expect(candidate.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 4);
  });

  it('keeps seqs and codes right through replacement and swap-removal', () => {
    const { index, vectors } = filled(1_500, 4);
    const random = seeded(5);
    for (let seq = 1; seq <= 1_500; seq += 3) {
      expect(index.delete(seq)).toBe(true);
      vectors.delete(seq);
    }
    expect(index.delete(1)).toBe(false);
    for (let seq = 2; seq <= 1_500; seq += 30) {
      const unit = toUnitVector(randomVector(random, dimension), dimension, 'vector');
      vectors.set(seq, unit);
      index.set(seq, quantize(unit, codeBytes));
    }
    expect(index.count).toBe(vectors.size);
    // Every stored vector is found at distance 0 from itself.
    for (const [seq, vector] of [...vectors].slice(0, 60)) {
      const found = index.nearest(vector, 1, (seqs) => seqs.filter((candidate) => candidate === seq), 1);
      expect(found.map((candidate) => candidate.seq)).toEqual([seq]);
      expect(hammingOrder(new Map([[seq, vector]]), vector).get(seq)).toBe(0);
    }
    const all = index.nearest(toUnitVector(randomVector(random, dimension), dimension, 'query'), 5_000, undefined, 1);
    expect(new Set(all.map((candidate) => candidate.seq))).toEqual(new Set(vectors.keys()));
  });
});

describe('vector input', () => {
  it('normalizes to unit length and quantizes to sign bits', () => {
    const unit = toUnitVector(new Float32Array([3, -4, 0, 0, 0, 0, 0, 0, 1e-3]), 9, 'vector');
    expect(Math.hypot(...unit)).toBeCloseTo(1, 6);
    expect(unit[0]).toBeCloseTo(0.6, 3);
    expect([...quantize(unit, 8)]).toEqual([0b00000001, 0b00000001, 0, 0, 0, 0, 0, 0]);
  });

  it.each([
    ['wrong length', new Float32Array(3)],
    ['NaN', new Float32Array([1, Number.NaN, 0, 0])],
    ['Infinity', new Float32Array([1, Number.POSITIVE_INFINITY, 0, 0])],
    ['all zeros', new Float32Array(4)],
    ['a plain array', [1, 0, 0, 0]],
    ['float64', new Float64Array([1, 0, 0, 0])],
  ])('refuses %s with invalid_input', (_, vector) => {
    let error: unknown;
    try {
      toUnitVector(vector, 4, 'vector');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
  });
});
