import { createHammingKernel, type HammingKernel } from './hamming-kernel';
import { SeqIndex } from './seq-index';
import { quantize } from './vector-input';

const PAGE = 65_536;
const MIN_CAPACITY = 1_024;

/**
 * Given candidate seqs (nearest first), the ones that may be returned. Called once per
 * collecting pass with that pass's candidates: a filter may be a SQL query over the batch.
 */
export type CandidateFilter = (seqs: readonly number[]) => Iterable<number>;

export interface Candidate {
  seq: number;
  /** Estimated similarity to the query (higher is nearer); 0 when no re-ranking was needed. */
  score: number;
}

/**
 * Binary codes of every stored vector, packed in WebAssembly memory, with the seq of each slot.
 * A cache of the SQLite table, rebuilt from it (see vector-store.ts): nothing here is durable.
 *
 * Memory layout: [query code][histogram: (bits + 1) × u32][codes: capacity × codeBytes]
 * [distances: capacity × u16]. Codes never move when the memory grows; the distances are
 * scratch space and move with the capacity. Removal moves the last code into the freed slot.
 *
 * Memory: (codeBytes + 2 + 4) bytes per slot (code, distance scratch, seq) plus 8 per seq-index
 * cell, capacities rounded up to powers of two — for 384 dimensions 73.5 MB at a million
 * vectors (bench/VECTORS.md), never returned to the system until the index is dropped
 * (WebAssembly memory cannot shrink).
 */
export class BinaryIndex {
  readonly codeBytes: number;
  private readonly bits: number;
  private readonly kernel: HammingKernel;
  private readonly histogramAt: number;
  private readonly codesAt: number;
  private capacity = 0;
  private size = 0;
  private seqs = new Int32Array(0);
  private readonly slots: SeqIndex;
  private bytes = new Uint8Array(0);

  constructor(codeBytes: number, expected = 0) {
    this.codeBytes = codeBytes;
    this.bits = codeBytes * 8;
    this.kernel = createHammingKernel();
    this.histogramAt = align(codeBytes, 64);
    this.codesAt = align(this.histogramAt + (this.bits + 1) * 4, 64);
    this.slots = new SeqIndex(expected);
    this.reserve(Math.max(MIN_CAPACITY, expected));
  }

  get count(): number {
    return this.size;
  }

  /** Bytes held: WebAssembly memory, the slot → seq array and the seq index. */
  get memoryBytes(): number {
    return this.kernel.memory.buffer.byteLength + this.seqs.byteLength + this.slots.bytes;
  }

  has(seq: number): boolean {
    return this.slots.get(seq) >= 0;
  }

  /** Adds or replaces the code of `seq`. */
  set(seq: number, code: Uint8Array): void {
    if (code.length !== this.codeBytes) throw new Error(`binary code of ${code.length} bytes, expected ${this.codeBytes}`);
    let slot = this.slots.get(seq);
    if (slot < 0) {
      if (this.size === this.capacity) this.reserve(this.capacity * 2);
      slot = this.size;
      this.size += 1;
      this.seqs[slot] = seq;
      this.slots.set(seq, slot);
    }
    this.bytes.set(code, this.codesAt + slot * this.codeBytes);
  }

  delete(seq: number): boolean {
    const slot = this.slots.get(seq);
    if (slot < 0) return false;
    const last = this.size - 1;
    if (slot !== last) {
      const lastSeq = this.seqs[last] ?? 0;
      const from = this.codesAt + last * this.codeBytes;
      this.bytes.copyWithin(this.codesAt + slot * this.codeBytes, from, from + this.codeBytes);
      this.seqs[slot] = lastSeq;
      this.slots.set(lastSeq, slot);
    }
    this.slots.delete(seq);
    this.size = last;
    return true;
  }

  /**
   * The `limit` seqs most likely nearest to `query` (a unit vector), best first, among those
   * `filter` keeps. Two stages, both over memory only:
   *
   * 1. Hamming distance between sign codes. One WebAssembly pass computes every distance and a
   *    histogram of them; JavaScript passes then collect the nearest `limit × widen` slots bin by
   *    bin, each pass sized by the share the filter kept so far. The filter sees each stored
   *    seq at most once, about limit × widen / (that share) in all, typically in 1–3 batches.
   * 2. Those are re-ranked by the query's float values summed over each code's set bits (the
   *    dot product of the query with the code's ±1 vector, up to a constant): no information of
   *    the query is thrown away, only of the stored vector. On the bench sets this kept recall@10
   *    at the level of rescoring 2–4× more hamming candidates exactly (bench/VECTORS.md).
   */
  nearest(query: Float32Array, limit: number, filter?: CandidateFilter, widen = 8): Candidate[] {
    const count = this.size;
    if (count === 0 || limit <= 0) return [];
    const pool = this.hammingNearest(quantize(query, this.codeBytes), limit * widen, filter);
    if (pool.length <= limit) return Array.from(pool, (slot) => ({ seq: this.seqs[slot] ?? 0, score: 0 }));
    const table = bitSums(query, this.codeBytes);
    const { bytes, codeBytes, codesAt } = this;
    const scores = new Float64Array(pool.length);
    for (let i = 0; i < pool.length; i += 1) {
      const at = codesAt + (pool[i] ?? 0) * codeBytes;
      let score = 0;
      for (let byte = 0; byte < codeBytes; byte += 1) score += table[(byte << 8) | (bytes[at + byte] ?? 0)] ?? 0;
      scores[i] = score;
    }
    const order = Int32Array.from({ length: pool.length }, (_, i) => i).sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0));
    const best: Candidate[] = [];
    for (let i = 0; i < limit; i += 1) {
      const at = order[i] ?? 0;
      best.push({ seq: this.seqs[pool[at] ?? 0] ?? 0, score: scores[at] ?? 0 });
    }
    return best;
  }

  /** Slots of the `limit` codes nearest to `code` by hamming distance (ties cut by slot). */
  private hammingNearest(code: Uint8Array, limit: number, filter: CandidateFilter | undefined): Int32Array {
    const count = this.size;
    const distancesAt = this.codesAt + this.capacity * this.codeBytes;
    this.bytes.set(code, 0);
    const histogram = new Uint32Array(this.kernel.memory.buffer, this.histogramAt, this.bits + 1);
    histogram.fill(0);
    this.kernel.scan(this.codesAt, count, this.codeBytes, 0, distancesAt, this.histogramAt);
    const distances = new Uint16Array(this.kernel.memory.buffer, distancesAt, count);
    const found: number[] = [];
    let tested = 0;
    let accepted = 0;
    let low = 0;
    while (found.length < limit && low <= this.bits) {
      const rate = tested === 0 ? 1 : Math.max(accepted, 1) / tested;
      const wanted = (limit - found.length) / rate;
      let high = low;
      let inRange = histogram[low] ?? 0;
      while (inRange < wanted && high < this.bits) {
        high += 1;
        inRange += histogram[high] ?? 0;
      }
      if (inRange > 0) {
        // Nearest first (a counting sort over the pass's distances, slot order within one), so
        // the batch a filter sees, and `found`, are in hamming order.
        const starts = new Int32Array(high - low + 2);
        for (let distance = low; distance <= high; distance += 1) {
          starts[distance - low + 1] = (starts[distance - low] ?? 0) + (histogram[distance] ?? 0);
        }
        const batch: number[] = new Array<number>(inRange);
        for (let slot = 0; slot < count; slot += 1) {
          const distance = distances[slot] ?? 0;
          if (distance < low || distance > high) continue;
          const position = starts[distance - low] ?? 0;
          starts[distance - low] = position + 1;
          batch[position] = slot;
        }
        tested += batch.length;
        let kept = batch;
        if (filter !== undefined) {
          const seqs = batch.map((slot) => this.seqs[slot] ?? 0);
          const allowed = new Set(filter(seqs));
          kept = batch.filter((slot) => allowed.has(this.seqs[slot] ?? 0));
        }
        accepted += kept.length;
        for (const slot of kept) found.push(slot);
      }
      low = high + 1;
    }
    // Each pass is sorted and covers farther distances than the one before: `found` is in order.
    return Int32Array.from(found.slice(0, limit));
  }

  private reserve(capacity: number): void {
    const needed = this.codesAt + capacity * (this.codeBytes + 2);
    const { memory } = this.kernel;
    if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    this.bytes = new Uint8Array(memory.buffer);
    const seqs = new Int32Array(capacity);
    seqs.set(this.seqs.subarray(0, this.size));
    this.seqs = seqs;
    this.capacity = capacity;
  }
}

/**
 * For each code byte, the sum of the query values at the bits set in each of the 256 byte
 * values: table[byte << 8 | value]. Built incrementally (value minus its lowest bit), 255 adds
 * per byte.
 */
function bitSums(query: Float32Array, codeBytes: number): Float32Array {
  const table = new Float32Array(codeBytes << 8);
  for (let byte = 0; byte < codeBytes; byte += 1) {
    const base = byte << 8;
    for (let value = 1; value < 256; value += 1) {
      const lowest = value & -value;
      const bit = 31 - Math.clz32(lowest);
      table[base | value] = (table[base | (value ^ lowest)] ?? 0) + (query[(byte << 3) | bit] ?? 0);
    }
  }
  return table;
}

function align(value: number, to: number): number {
  return Math.ceil(value / to) * to;
}
