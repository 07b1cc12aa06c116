/**
 * seq → slot for the in-memory codes: an open-addressing hash table (linear probing,
 * backward-shift deletion) over two Int32Arrays. At a million entries it holds 16 MB where a
 * `Map<number, number>` held ~30 MB of heap, and it gives the garbage collector nothing to scan.
 * Keys are positive 31-bit integers (0 marks an empty cell).
 */
export class SeqIndex {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected = 0) {
    const capacity = capacityFor(expected);
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get count(): number {
    return this.size;
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** The slot of `seq`, or -1. */
  get(seq: number): number {
    const { keys, mask } = this;
    for (let cell = hash(seq) & mask; ; cell = (cell + 1) & mask) {
      const key = keys[cell];
      if (key === seq) return this.values[cell] ?? -1;
      if (key === 0) return -1;
    }
  }

  set(seq: number, slot: number): void {
    if (!Number.isInteger(seq) || seq < 1 || seq > 0x7fffffff) throw new RangeError(`seq out of range: ${seq}`);
    if ((this.size + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
    const { keys, mask } = this;
    let cell = hash(seq) & mask;
    while (keys[cell] !== 0 && keys[cell] !== seq) cell = (cell + 1) & mask;
    if (keys[cell] === 0) {
      keys[cell] = seq;
      this.size += 1;
    }
    this.values[cell] = slot;
  }

  /** Removes `seq`; returns whether it was present. */
  delete(seq: number): boolean {
    const { keys, values, mask } = this;
    let cell = hash(seq) & mask;
    for (;;) {
      const key = keys[cell];
      if (key === 0) return false;
      if (key === seq) break;
      cell = (cell + 1) & mask;
    }
    // Backward shift: pull later entries of the probe run into the gap, so lookups never need
    // tombstones and the table never degrades after many deletions.
    let gap = cell;
    for (let next = (gap + 1) & mask; keys[next] !== 0; next = (next + 1) & mask) {
      const home = hash(keys[next] ?? 0) & mask;
      // Move the entry if its home is not within (gap, next] cyclically.
      const distanceToNext = (next - home) & mask;
      const distanceToGap = (next - gap) & mask;
      if (distanceToNext >= distanceToGap) {
        keys[gap] = keys[next] ?? 0;
        values[gap] = values[next] ?? 0;
        gap = next;
      }
    }
    keys[gap] = 0;
    values[gap] = 0;
    this.size -= 1;
    return true;
  }

  private resize(capacity: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let cell = 0; cell < keys.length; cell += 1) {
      const key = keys[cell] ?? 0;
      if (key !== 0) this.set(key, values[cell] ?? 0);
    }
  }
}

function capacityFor(expected: number): number {
  let capacity = 1024;
  while (capacity < expected * 2) capacity *= 2;
  return capacity;
}

/** Murmur3's finalizer: consecutive seqs (the common case) spread over the table. */
function hash(seq: number): number {
  let h = seq;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
