/**
 * The candidate vector-search designs, each over the same bench database:
 *   thoughts(seq)                — stand-in for the real table (the store's rows reference it)
 *   bench_float  vec0 float[384] — design a
 *   bench_bit    vec0 bit[384]   — design b's candidate pass
 *   vec_<model>_<hash>           — the store's table (unit float32 BLOB + 48-byte code per seq):
 *                                  rescoring for b, c and d, codes for c and d, and design e
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BinaryIndex } from '../../src-main/core/vectors/binary-index';
import { codeBytesFor, cosineDistance, floatsOf, quantize } from '../../src-main/core/vectors/vector-input';
import { tablesFor } from '../../src-main/core/vectors/vector-tables';
import type { VectorSearchOptions, VectorStore } from '../../src-main/core/vectors/vector-store';

export const MODEL_KEY = 'bench/synthetic@1';

export interface Design {
  /** Row label in the report, e.g. "b. vec0 bit → rescore (BLOB)". */
  name: string;
  variant: string;
  search(query: Float32Array, k: number): number[];
  /** Bytes held in process memory by the design's own structures (not SQLite's cache). */
  memoryBytes?: number;
  /** Time to build the in-memory structures from SQLite. */
  loadMs?: number;
}

export function vec0Float(sqlite: BetterSqlite3.Database): Design {
  const knn = sqlite.prepare('SELECT rowid FROM bench_float WHERE embedding MATCH ? AND k = ?').pluck();
  return {
    name: 'a. vec0 float[384] brute force',
    variant: 'exact',
    search: (query, k) => knn.all(query, k) as number[],
  };
}

/** Exact cosine over candidates, floats fetched by seq from a BLOB column. */
function rescorer(sqlite: BetterSqlite3.Database, sql: string, dimension: number): (query: Float32Array, seqs: Iterable<number>, k: number) => number[] {
  const fetch = sqlite.prepare(sql).pluck();
  return (query, seqs, k) => {
    const scored: { seq: number; distance: number }[] = [];
    for (const seq of seqs) {
      const blob = fetch.get(seq) as Uint8Array | undefined;
      const stored = blob === undefined ? undefined : floatsOf(blob, dimension);
      if (stored !== undefined) scored.push({ seq, distance: cosineDistance(query, stored) });
    }
    scored.sort((left, right) => left.distance - right.distance || left.seq - right.seq);
    return scored.slice(0, k).map((hit) => hit.seq);
  };
}

export function vec0Bit(sqlite: BetterSqlite3.Database, candidates: number, rescoreFrom: 'blob' | 'vec0'): Design {
  const knn = sqlite.prepare('SELECT rowid FROM bench_bit WHERE code MATCH vec_quantize_binary(?) AND k = ?').pluck();
  const rescore =
    rescoreFrom === 'blob'
      ? rescorer(sqlite, `SELECT vector FROM ${tablesFor(MODEL_KEY).vectors} WHERE seq = ?`, 384)
      : rescorer(sqlite, 'SELECT embedding FROM bench_float WHERE rowid = ?', 384);
  return {
    name: `b. vec0 bit[384] → rescore (${rescoreFrom === 'blob' ? 'BLOB table' : 'vec0 float by rowid'})`,
    variant: `candidates ${candidates}`,
    search: (query, k) => rescore(query, knn.all(query, Math.max(candidates, k)) as number[], k),
  };
}

const POPCOUNT16 = (() => {
  const table = new Uint8Array(65_536);
  for (let i = 1; i < table.length; i += 1) table[i] = (i & 1) + (table[i >>> 1] ?? 0);
  return table;
})();

/** Codes of every stored vector in one Uint32Array, read from the store's table. */
function loadCodes(sqlite: BetterSqlite3.Database): { words: Uint32Array; seqs: Int32Array; count: number } {
  const { vectors, codesIndex } = tablesFor(MODEL_KEY);
  const count = Number(sqlite.prepare(`SELECT count(*) FROM ${vectors}`).pluck().get());
  const words = new Uint32Array(count * 12);
  const bytes = new Uint8Array(words.buffer);
  const seqs = new Int32Array(count);
  let slot = 0;
  for (const [seq, code] of sqlite.prepare(`SELECT seq, code FROM ${vectors} INDEXED BY ${codesIndex}`).raw().iterate() as Iterable<[number, Uint8Array]>) {
    bytes.set(code, slot * 48);
    seqs[slot] = seq;
    slot += 1;
  }
  return { words, seqs, count };
}

/** c: pure JavaScript scan (16-bit popcount table) with a bounded max-heap of candidates. */
export function jsHamming(sqlite: BetterSqlite3.Database, candidates: number): Design {
  const started = performance.now();
  const { words, seqs, count } = loadCodes(sqlite);
  const loadMs = performance.now() - started;
  const rescore = rescorer(sqlite, `SELECT vector FROM ${tablesFor(MODEL_KEY).vectors} WHERE seq = ?`, 384);
  const query32 = new Uint32Array(12);
  const query8 = new Uint8Array(query32.buffer);
  return {
    name: 'c. in-memory codes, JS scan + heap → rescore',
    variant: `candidates ${candidates}`,
    memoryBytes: words.byteLength + seqs.byteLength,
    loadMs,
    search: (query, k) => {
      query8.set(quantize(query, 48));
      const limit = Math.max(candidates, k);
      // Max-heap on distance: the root is the worst candidate kept so far.
      const heapDistance = new Int32Array(limit);
      const heapSlot = new Int32Array(limit);
      let size = 0;
      for (let slot = 0, offset = 0; slot < count; slot += 1, offset += 12) {
        let distance = 0;
        for (let w = 0; w < 12; w += 1) {
          const x = ((words[offset + w] ?? 0) ^ (query32[w] ?? 0)) >>> 0;
          distance += (POPCOUNT16[x & 0xffff] ?? 0) + (POPCOUNT16[x >>> 16] ?? 0);
        }
        if (size < limit) {
          let at = size;
          size += 1;
          while (at > 0) {
            const parent = (at - 1) >> 1;
            if ((heapDistance[parent] ?? 0) >= distance) break;
            heapDistance[at] = heapDistance[parent] ?? 0;
            heapSlot[at] = heapSlot[parent] ?? 0;
            at = parent;
          }
          heapDistance[at] = distance;
          heapSlot[at] = slot;
        } else if (distance < (heapDistance[0] ?? 0)) {
          let at = 0;
          for (;;) {
            const left = 2 * at + 1;
            if (left >= size) break;
            const right = left + 1;
            const child = right < size && (heapDistance[right] ?? 0) > (heapDistance[left] ?? 0) ? right : left;
            if ((heapDistance[child] ?? 0) <= distance) break;
            heapDistance[at] = heapDistance[child] ?? 0;
            heapSlot[at] = heapSlot[child] ?? 0;
            at = child;
          }
          heapDistance[at] = distance;
          heapSlot[at] = slot;
        }
      }
      const chosen: number[] = [];
      for (let i = 0; i < size; i += 1) chosen.push(seqs[heapSlot[i] ?? 0] ?? 0);
      return rescore(query, chosen, k);
    },
  };
}

/**
 * d: the same codes in WebAssembly memory, i64.popcnt scan + histogram selection; with
 * `widen` > 1 the nearest candidates × widen by hamming are re-ranked in memory by the query's
 * float values over each code's bits before the exact rescoring (see binary-index.ts).
 */
export function wasmHamming(sqlite: BetterSqlite3.Database, candidates: number, widen = 1): Design {
  const started = performance.now();
  const { vectors, codesIndex } = tablesFor(MODEL_KEY);
  const index = new BinaryIndex(codeBytesFor(384));
  for (const [seq, code] of sqlite.prepare(`SELECT seq, code FROM ${vectors} INDEXED BY ${codesIndex}`).raw().iterate() as Iterable<[number, Uint8Array]>) {
    index.set(seq, code);
  }
  const loadMs = performance.now() - started;
  const rescore = rescorer(sqlite, `SELECT vector FROM ${vectors} WHERE seq = ?`, 384);
  return {
    name:
      widen === 1
        ? 'd. in-memory codes, WebAssembly popcount scan → rescore'
        : 'd2. as d, + in-memory re-rank of hamming top (candidates × widen) by query floats',
    variant: widen === 1 ? `candidates ${candidates}` : `candidates ${candidates}, widen ${widen}`,
    memoryBytes: index.memoryBytes,
    loadMs,
    search: (query, k) =>
      rescore(
        query,
        index.nearest(query, Math.max(candidates, k), undefined, widen).map((candidate) => candidate.seq),
        k,
      ),
  };
}

/** e: the implemented store (src-main/core/vectors), with a filter if given. */
export function storeDesign(store: VectorStore, variant: string, options: () => VectorSearchOptions, loadMs: number): Design {
  return {
    name: 'e. createVectorStore (as implemented)',
    variant,
    memoryBytes: store.memoryBytes(),
    loadMs,
    search: (query, k) => store.search(query, k, options()).map((hit) => hit.seq),
  };
}
