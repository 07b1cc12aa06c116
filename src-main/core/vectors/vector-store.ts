import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { expectChanges } from '../db/statements';
import { BinaryIndex, type CandidateFilter } from './binary-index';
import { blobOf, checkSeq, codeBytesFor, cosineDistance, floatsOf, quantize, toUnitVector } from './vector-input';
import { checkModel, dropTables, ensureTables, tablesFor } from './vector-tables';

/**
 * Candidates rescored exactly per search (floats read back from SQLite, ~5 µs each). With the
 * pool below, recall@10 was ≥ 0.95 on the bench's clustered sets at 10k, 100k and 1M
 * (bench/VECTORS.md).
 */
export const DEFAULT_CANDIDATES = 400;
/** Nearest codes by hamming distance per rescored candidate, re-ranked in memory first. */
export const HAMMING_POOL = 10;
/** Allow-lists up to this size skip the binary pass: every listed vector is scored exactly. */
export const EXACT_LIMIT = 1_000;
export const MAX_K = 1_000;
export const MAX_CANDIDATES = 10_000;

export interface VectorStoreOptions {
  /** `<model id>@<revision>`: each key gets its own tables, so models coexist. */
  modelKey: string;
  /** Length of this model's vectors (1–4096). */
  dimension: number;
  /** Default number of binary candidates rescored per search. */
  candidates?: number;
}

export interface VectorHit {
  seq: number;
  /** Cosine distance, 1 − cos(query, vector): 0 is the same direction, 2 the opposite. */
  distance: number;
}

export interface VectorSearchOptions {
  /**
   * Only these seqs may be returned. A set of up to EXACT_LIMIT (1,000) seqs is scored exactly,
   * with no binary pass (≈ 5 ms for 1,000); a larger one filters the binary candidates
   * (`only.has`, called about candidates × 10 / (share of stored seqs in the set) times).
   */
  only?: ReadonlySet<number>;
  /**
   * Seqs for which this returns true are never returned (trashed, archived …). It filters the
   * hamming candidates nearest first, so it is called about candidates × 10 / (share of seqs it
   * lets through) times — ~4,200 for a 4% exclusion with the defaults — and at most once per
   * stored vector. Keep it cheap: a Set lookup (~20 ns), not a SQL query per call.
   */
  exclude?: (seq: number) => boolean;
  /**
   * For filters that live in SQL (scope, tags, type, dates): given a batch of candidate seqs,
   * nearest first, returns those that may be returned — e.g. one
   * `SELECT t.seq FROM json_each(?) j CROSS JOIN thoughts t ON t.seq = j.value WHERE …`
   * (~1 ms per 3,000 seqs). Keep the CROSS JOIN: with a plain JOIN SQLite may walk every
   * thought in an index on the WHERE columns and scan the batch for each (350 ms). Called
   * after `only` and `exclude`, once per collecting pass: with the defaults a first batch of
   * ~4,000 seqs, then smaller ones while too few were kept (a filter keeping 10% sees ~40,000
   * seqs in all). Returned seqs not in the batch are ignored.
   */
  filter?: (seqs: readonly number[]) => Iterable<number>;
  /** Candidates to rescore exactly (default: the store's, at least 2k). More: slower, closer to exact. */
  candidates?: number;
}

/**
 * Vectors of one embedding model, keyed by thought seq, in the caller's SQLite database.
 *
 * Stored in `vec_<model>_<hash>`: per seq a unit float32 vector and its sign-bit code. Search
 * works in three steps: the hamming distance of every code in memory (WebAssembly popcount,
 * ~5 ms per million) gives the nearest `candidates × 10`; those are re-ranked in memory by the
 * query's floats over their code bits; the best `candidates` are ranked exactly by cosine with
 * the float vectors read back from SQLite. Results are approximate only in which candidates
 * the first two steps keep (recall measured in bench/VECTORS.md).
 *
 * SQLite is the only truth. The in-memory codes are a cache, valid while the state row's
 * random `generation` equals the one the cache was built at; triggers give every change a new
 * one. Writes through this object update the cache in place; anything else — a rolled-back
 * transaction, a thought purged by cascade, another process or another store object on the
 * same table — makes the next read reload every code (0.2 s per 100k, 1–3 s per million). So: one
 * store per model per process, and write vectors through it.
 *
 * All methods are synchronous and run in the caller's transaction when there is one (their
 * own steps nest as a savepoint). Expected failures are AppErrors: invalid_input (bad seq,
 * vector, k), not_found (upsert for a seq with no thought), invalid_state (after drop()).
 */
export interface VectorStore {
  readonly modelKey: string;
  readonly dimension: number;
  /** Stores the unit-length copy of `vector` for `seq`, replacing any earlier one. */
  upsert(seq: number, vector: Float32Array): void;
  /** Removes the vector of `seq`; false when there was none. */
  remove(seq: number): boolean;
  has(seq: number): boolean;
  /** The stored (unit-length) vector of `seq`. */
  get(seq: number): Float32Array | undefined;
  count(): number;
  /** The `k` nearest stored vectors to `query` by cosine, nearest first (ties: lower seq). */
  search(query: Float32Array, k: number, options?: VectorSearchOptions): VectorHit[];
  /** Loads the in-memory codes now rather than at the first search. */
  warm(): void;
  /** Bytes the in-memory codes hold now (0 before the first read). */
  memoryBytes(): number;
  /** Deletes this model's tables and vectors. The store cannot be used afterwards. */
  drop(): void;
}

interface Statements {
  generation: BetterSqlite3.Statement;
  thoughtExists: BetterSqlite3.Statement;
  upsert: BetterSqlite3.Statement;
  remove: BetterSqlite3.Statement;
  vector: BetterSqlite3.Statement;
  exists: BetterSqlite3.Statement;
  codes: BetterSqlite3.Statement;
}

/** Opens (creating if needed) the vector tables of one model. */
export function createVectorStore(sqlite: BetterSqlite3.Database, options: VectorStoreOptions): VectorStore {
  const { modelKey, dimension } = options;
  checkModel(modelKey, dimension);
  const defaultCandidates = checkCandidates(options.candidates ?? DEFAULT_CANDIDATES);
  const tables = tablesFor(modelKey);
  ensureTables(sqlite, tables, modelKey, dimension);
  const codeBytes = codeBytesFor(dimension);
  const { vectors, codesIndex, state } = tables;
  const statements: Statements = {
    generation: sqlite.prepare(`SELECT generation FROM ${state} WHERE id = 1`).pluck().safeIntegers(true),
    thoughtExists: sqlite.prepare('SELECT 1 FROM thoughts WHERE seq = ?').pluck(),
    upsert: sqlite.prepare(
      `INSERT INTO ${vectors} (seq, code, vector) VALUES (?, ?, ?)
       ON CONFLICT (seq) DO UPDATE SET code = excluded.code, vector = excluded.vector`,
    ),
    remove: sqlite.prepare(`DELETE FROM ${vectors} WHERE seq = ?`),
    vector: sqlite.prepare(`SELECT vector FROM ${vectors} WHERE seq = ?`).pluck(),
    exists: sqlite.prepare(`SELECT 1 FROM ${vectors} WHERE seq = ?`).pluck(),
    codes: sqlite.prepare(`SELECT seq, code FROM ${vectors} INDEXED BY ${codesIndex}`).raw(),
  };
  const inTransaction = sqlite.transaction((step: () => void) => {
    step();
  });
  let index: BinaryIndex | undefined;
  let generation: bigint | undefined;
  let isDropped = false;

  function readGeneration(): bigint {
    const value: unknown = statements.generation.get();
    if (typeof value !== 'bigint') throw new Error(`vector store ${modelKey}: state row missing`);
    return value;
  }

  function assertUsable(): void {
    if (isDropped) throw new AppError('invalid_state', `The vectors of model "${modelKey}" were dropped.`, { modelKey });
  }

  /** The in-memory codes, reloaded from SQLite unless they are known to match it. */
  function current(): BinaryIndex {
    if (index !== undefined && readGeneration() === generation) return index;
    index = undefined;
    generation = undefined;
    const loaded = new BinaryIndex(codeBytes);
    let at: bigint | undefined;
    // One read transaction (or savepoint): the generation and the codes from the same snapshot.
    inTransaction(() => {
      at = readGeneration();
      for (const row of statements.codes.iterate() as Iterable<[number, Uint8Array]>) {
        const [seq, code] = row;
        if (code.length !== codeBytes) throw new Error(`vector store ${modelKey}: code of seq ${seq} has ${code.length} bytes`);
        loaded.set(seq, code);
      }
    });
    index = loaded;
    generation = at;
    return loaded;
  }

  /**
   * Runs one write and mirrors it in memory only when memory matched SQLite just before it;
   * otherwise memory is dropped and reloaded at the next read.
   */
  function write(step: () => void, mirror: (codes: BinaryIndex) => void): void {
    let before: bigint | undefined;
    let after: bigint | undefined;
    inTransaction.immediate(() => {
      before = readGeneration();
      step();
      after = readGeneration();
    });
    if (index !== undefined && generation === before) {
      mirror(index);
      generation = after;
    } else {
      index = undefined;
      generation = undefined;
    }
  }

  function rescore(unit: Float32Array, seqs: Iterable<number>, k: number): VectorHit[] {
    const hits: VectorHit[] = [];
    for (const seq of seqs) {
      const blob: unknown = statements.vector.get(seq);
      if (!(blob instanceof Uint8Array)) continue;
      const stored = floatsOf(blob, dimension);
      if (stored === undefined) throw new Error(`vector store ${modelKey}: vector of seq ${seq} has ${blob.byteLength} bytes`);
      hits.push({ seq, distance: cosineDistance(unit, stored) });
    }
    hits.sort((left, right) => left.distance - right.distance || left.seq - right.seq);
    return hits.slice(0, k);
  }

  return {
    modelKey,
    dimension,

    upsert(seq, vector) {
      assertUsable();
      checkSeq(seq);
      const unit = toUnitVector(vector, dimension, 'vector');
      const code = quantize(unit, codeBytes);
      write(
        () => {
          if (statements.thoughtExists.get(seq) === undefined) {
            throw new AppError('not_found', `There is no thought ${seq} to store a vector for.`, { seq });
          }
          expectChanges(statements.upsert.run(seq, code, blobOf(unit)), 1, 'vector upsert');
        },
        (codes) => codes.set(seq, code),
      );
    },

    remove(seq) {
      assertUsable();
      checkSeq(seq);
      let isRemoved = false;
      write(
        () => {
          isRemoved = statements.remove.run(seq).changes === 1;
        },
        (codes) => codes.delete(seq),
      );
      return isRemoved;
    },

    has(seq) {
      assertUsable();
      return statements.exists.get(checkSeq(seq)) !== undefined;
    },

    get(seq) {
      assertUsable();
      const blob: unknown = statements.vector.get(checkSeq(seq));
      return blob instanceof Uint8Array ? floatsOf(blob, dimension) : undefined;
    },

    count() {
      assertUsable();
      return current().count;
    },

    search(query, k, searchOptions = {}) {
      assertUsable();
      if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
        throw new AppError('invalid_input', `k must be a whole number from 1 to ${MAX_K}.`, { k: String(k) });
      }
      const unit = toUnitVector(query, dimension, 'query');
      const candidates = Math.min(MAX_CANDIDATES, Math.max(2 * k, checkCandidates(searchOptions.candidates ?? defaultCandidates)));
      const { only, exclude, filter } = searchOptions;
      const keep = combineFilters(only, exclude, filter);
      if (only !== undefined && only.size <= Math.max(EXACT_LIMIT, candidates)) {
        const listed = [...only];
        return rescore(unit, keep === undefined ? listed : keep(listed), k);
      }
      const codes = current();
      if (keep === undefined) return rescore(unit, codes.nearest(unit, candidates, undefined, HAMMING_POOL).map((candidate) => candidate.seq), k);
      // Most filters hide few thoughts (the trash, the archive): filtering the candidates once,
      // after the unfiltered pass, costs one batch (~0.5 ms); filtering inside the pass costs a
      // batch per ~4,000 codes looked at (≈ 15 ms at 100k). Only when too few survive does
      // the pass run again with the filter inside, so narrow filters still find k.
      const scored = rescore(unit, codes.nearest(unit, candidates, undefined, HAMMING_POOL).map((candidate) => candidate.seq), candidates);
      const kept = new Set(keep(scored.map((hit) => hit.seq)));
      const allowed = scored.filter((hit) => kept.has(hit.seq));
      if (allowed.length >= k || scored.length < candidates) return allowed.slice(0, k);
      return rescore(unit, codes.nearest(unit, candidates, keep, HAMMING_POOL).map((candidate) => candidate.seq), k);
    },

    warm() {
      assertUsable();
      current();
    },

    memoryBytes() {
      return index?.memoryBytes ?? 0;
    },

    drop() {
      assertUsable();
      dropTables(sqlite, tables);
      isDropped = true;
      index = undefined;
      generation = undefined;
    },
  };
}

/** One batch filter from the three ways a caller can restrict results, cheapest first. */
function combineFilters(
  only: ReadonlySet<number> | undefined,
  exclude: ((seq: number) => boolean) | undefined,
  filter: ((seqs: readonly number[]) => Iterable<number>) | undefined,
): CandidateFilter | undefined {
  if (only === undefined && exclude === undefined && filter === undefined) return undefined;
  return (seqs) => {
    const allowed = seqs.filter((seq) => (only === undefined || only.has(seq)) && (exclude === undefined || !exclude(seq)));
    if (filter === undefined || allowed.length === 0) return allowed;
    const kept = new Set(filter(allowed));
    return allowed.filter((seq) => kept.has(seq));
  };
}

function checkCandidates(candidates: number): number {
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > MAX_CANDIDATES) {
    throw new AppError('invalid_input', `candidates must be a whole number from 1 to ${MAX_CANDIDATES}.`, {
      candidates: String(candidates),
    });
  }
  return candidates;
}
