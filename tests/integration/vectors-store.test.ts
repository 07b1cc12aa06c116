import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src-main/core/db/open-database';
import { DATABASE_FILE } from '../../src-main/core/paths';
import { quantize } from '../../src-main/core/vectors/vector-input';
import { tablesFor, listVectorModels } from '../../src-main/core/vectors/vector-tables';
import { createVectorStore, type VectorStore, type VectorStoreOptions } from '../../src-main/core/vectors/vector-store';
import { appErrorCodeOf, openSecondConnection } from '../helpers/db-inspect';

// Not from helpers/test-core: that module pulls in the whole core, and this suite needs only the database.
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const MIGRATIONS = join(REPO_ROOT, 'migrations');

const MODEL = { modelKey: 'Xenova/bge-small-en-v1.5@main', dimension: 384 } as const;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function newDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-vectors-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, DATABASE_FILE);
}

function open(path: string): Database {
  const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
  cleanups.unshift(() => db.close());
  return db;
}

function addThoughts(db: Database, count: number, from = 1): void {
  const insert = db.sqlite.prepare(
    "INSERT INTO thoughts (seq, id, text, type, source, created_at, updated_at) VALUES (?, ?, ?, 'note', 'app', 0, 0)",
  );
  db.sqlite.transaction(() => {
    for (let seq = from; seq < from + count; seq += 1) insert.run(seq, `T${String(seq).padStart(25, '0')}`, `thought ${seq}`);
  })();
}

/** mulberry32 + Box–Muller: every failure reproduces. */
function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => Math.sqrt(-2 * Math.log(Math.max(uniform(), 1e-12))) * Math.cos(2 * Math.PI * uniform());
}

function randomVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const normal = gaussian(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, normal));
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = 1 / Math.sqrt(norm);
  return vector.map((value) => value * scale);
}

/**
 * The bench's clustered model in small (bench/vectors/data.ts): 800 topic centroids (5 vectors
 * each, so most of the 10 nearest come from other topics and nearly tie), a shared direction
 * every vector leans towards, and isotropic noise of varying size. Measured: recall@10 0.99
 * with the defaults, 0.78 when only 40 candidates are rescored.
 */
function clusteredVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const structure = gaussian(42);
  const centroids = Array.from({ length: 800 }, () => unit(Float32Array.from({ length: dimension }, structure)));
  const bias = unit(Float32Array.from({ length: dimension }, structure));
  const normal = gaussian(seed);
  return Array.from({ length: count }, (_, i) => {
    const centroid = centroids[(i * 7_919 + seed) % centroids.length] ?? bias;
    const noise = unit(Float32Array.from({ length: dimension }, normal));
    const radius = 0.6 + (((i + seed) * 104_729) % 61) / 100;
    return unit(centroid.map((value, d) => 0.5 * (bias[d] ?? 0) + value + radius * (noise[d] ?? 0)));
  });
}

/** Exact cosine distances computed here, independently of the store. */
function bruteForce(vectors: ReadonlyMap<number, Float32Array>, query: Float32Array, k: number): { seq: number; distance: number }[] {
  const unitQuery = unit(query);
  return [...vectors]
    .map(([seq, vector]) => {
      let dot = 0;
      let norm = 0;
      for (let i = 0; i < vector.length; i += 1) {
        dot += (vector[i] ?? 0) * (unitQuery[i] ?? 0);
        norm += (vector[i] ?? 0) ** 2;
      }
      return { seq, distance: 1 - dot / Math.sqrt(norm) };
    })
    .sort((left, right) => left.distance - right.distance || left.seq - right.seq)
    .slice(0, k);
}

function storeWith(db: Database, vectors: readonly Float32Array[], options: VectorStoreOptions = MODEL): VectorStore {
  const store = createVectorStore(db.sqlite, options);
  db.sqlite.transaction(() => {
    vectors.forEach((vector, i) => store.upsert(i + 1, vector));
  })();
  return store;
}

function rowsOf(db: Database, modelKey: string): unknown[] {
  return db.sqlite.prepare(`SELECT seq, hex(code) AS code, hex(vector) AS vector FROM ${tablesFor(modelKey).vectors} ORDER BY seq`).all();
}

describe('vector search results', () => {
  it('equal brute-force cosine search on a small set, distances included', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 150);
    const vectors = randomVectors(150, 384, 1);
    const store = storeWith(db, vectors);
    const byseq = new Map(vectors.map((vector, i) => [i + 1, vector]));
    for (const query of randomVectors(12, 384, 2)) {
      const found = store.search(query, 10);
      const exact = bruteForce(byseq, query, 10);
      expect(found.map((hit) => hit.seq)).toEqual(exact.map((hit) => hit.seq));
      found.forEach((hit, i) => expect(hit.distance).toBeCloseTo(exact[i]?.distance ?? Number.NaN, 5));
    }
    // A stored vector is its own nearest neighbour, at distance 0.
    const [nearest] = store.search(vectors[41] ?? new Float32Array(384), 1);
    expect(nearest?.seq).toBe(42);
    expect(nearest?.distance).toBeCloseTo(0, 5);
  });

  it('find ≥ 90% of the exact 10 nearest on a clustered set of 4,000 (bench: ≥ 0.95 at 10k–1M)', () => {
    const db = open(newDatabasePath());
    const vectors = clusteredVectors(4_000, 384, 3);
    addThoughts(db, vectors.length);
    const store = storeWith(db, vectors);
    const byseq = new Map(vectors.map((vector, i) => [i + 1, vector]));
    const queries = clusteredVectors(40, 384, 4);
    let recall = 0;
    for (const query of queries) {
      const exact = new Set(bruteForce(byseq, query, 10).map((hit) => hit.seq));
      recall += store.search(query, 10).filter((hit) => exact.has(hit.seq)).length / 10;
    }
    expect(recall / queries.length).toBeGreaterThanOrEqual(0.9);
  });

  it('respect exclusions and allow-lists exactly as brute force over the allowed rows', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 180);
    const vectors = randomVectors(180, 384, 5);
    const store = storeWith(db, vectors);
    const hidden = new Set([3, 9, 27, 81, 100, 101, 102]);
    const only = new Set(Array.from({ length: 60 }, (_, i) => 3 * i + 1));
    const visible = new Map(vectors.map((vector, i) => [i + 1, vector] as const).filter(([seq]) => !hidden.has(seq)));
    const allowed = new Map([...visible].filter(([seq]) => only.has(seq)));
    for (const query of [...randomVectors(5, 384, 6), vectors[2] ?? new Float32Array(384)]) {
      expect(store.search(query, 10, { exclude: (seq) => hidden.has(seq) }).map((hit) => hit.seq)).toEqual(
        bruteForce(visible, query, 10).map((hit) => hit.seq),
      );
      // Small allow-list (exact path) and the same list through the binary pass (candidates < size).
      const expected = bruteForce(allowed, query, 10).map((hit) => hit.seq);
      expect(store.search(query, 10, { only, exclude: (seq) => hidden.has(seq) }).map((hit) => hit.seq)).toEqual(expected);
      expect(
        store.search(query, 10, { only, exclude: (seq) => hidden.has(seq), candidates: 30 }).every((hit) => allowed.has(hit.seq)),
      ).toBe(true);
    }
  });
  it('apply a SQL filter over candidate batches (scope: archived and trashed thoughts left out)', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 3_000);
    const vectors = clusteredVectors(3_000, 384, 16);
    const store = storeWith(db, vectors);
    db.sqlite.prepare('UPDATE thoughts SET archived_at = 1 WHERE seq % 7 = 0').run();
    db.sqlite.prepare('UPDATE thoughts SET deleted_at = 1 WHERE seq % 11 = 0').run();
    // CROSS JOIN keeps the batch as the outer loop: with a plain JOIN SQLite walks every active
    // thought through thoughts_stream_idx and scans the batch for each (measured 350 ms a query).
    const active = db.sqlite
      .prepare('SELECT t.seq FROM json_each(?) j CROSS JOIN thoughts t ON t.seq = j.value WHERE t.deleted_at IS NULL AND t.archived_at IS NULL')
      .pluck();
    const batchSizes: number[] = [];
    const filter = (seqs: readonly number[]) => {
      batchSizes.push(seqs.length);
      return active.all(JSON.stringify(seqs)) as number[];
    };
    const visible = new Map(vectors.map((vector, i) => [i + 1, vector] as const).filter(([seq]) => seq % 7 !== 0 && seq % 11 !== 0));
    let recall = 0;
    const queries = clusteredVectors(20, 384, 17);
    for (const query of queries) {
      const found = store.search(query, 10, { filter });
      expect(found.every((hit) => visible.has(hit.seq))).toBe(true);
      const exact = new Set(bruteForce(visible, query, 10).map((hit) => hit.seq));
      recall += found.filter((hit) => exact.has(hit.seq)).length / 10;
    }
    expect(recall / queries.length).toBeGreaterThanOrEqual(0.9);
    // With every candidate in reach, the answer is exact.
    for (const query of queries.slice(0, 5)) {
      expect(store.search(query, 10, { filter, candidates: 3_000 }).map((hit) => hit.seq)).toEqual(
        bruteForce(visible, query, 10).map((hit) => hit.seq),
      );
    }
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(3_000);
  });

  it('filter once after the pass when few are hidden, and inside the pass when few are kept', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 3_000);
    const vectors = clusteredVectors(3_000, 384, 16);
    const store = storeWith(db, vectors);
    const queries = clusteredVectors(10, 384, 18);
    for (const [name, keepsSeq] of [
      ['wide', (seq: number) => seq % 25 !== 0],
      ['narrow', (seq: number) => seq % 100 === 0],
    ] as const) {
      const calls: number[] = [];
      const filter = (seqs: readonly number[]) => {
        calls.push(seqs.length);
        return seqs.filter(keepsSeq);
      };
      const visible = new Map(vectors.map((vector, i) => [i + 1, vector] as const).filter(([seq]) => keepsSeq(seq)));
      let recall = 0;
      for (const query of queries) {
        calls.length = 0;
        const found = store.search(query, 10, { filter });
        expect(found, name).toHaveLength(10);
        expect(found.every((hit) => visible.has(hit.seq)), name).toBe(true);
        const exact = new Set(bruteForce(visible, query, 10).map((hit) => hit.seq));
        recall += found.filter((hit) => exact.has(hit.seq)).length / 10;
        // Wide: one call over the rescored candidates. Narrow: that call finds too few, so the
        // filter runs again over the codes the pass looks at.
        if (name === 'wide') expect(calls).toEqual([400]);
        else expect(calls.length).toBeGreaterThan(1);
      }
      expect(recall / queries.length, name).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('writes', () => {
  it('upsert replaces the vector of a seq', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 20);
    const [first, second, ...others] = randomVectors(20, 384, 7);
    if (first === undefined || second === undefined) throw new Error('no vectors');
    const store = storeWith(db, [first, ...others]);
    expect(store.search(first, 1)[0]).toMatchObject({ seq: 1 });
    store.upsert(1, second);
    expect(store.count()).toBe(19);
    const stored = store.get(1);
    const norm = Math.hypot(...second);
    expect([...(stored ?? [])].map((value) => value.toFixed(5))).toEqual([...second].map((value) => (value / norm).toFixed(5)));
    expect(store.search(second, 1)[0]?.distance).toBeCloseTo(0, 5);
    expect(store.search(first, 19).find((hit) => hit.seq === 1)?.distance).toBeGreaterThan(0.5);
  });

  it('remove removes, once', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 30);
    const vectors = randomVectors(30, 384, 8);
    const store = storeWith(db, vectors);
    expect(store.remove(7)).toBe(true);
    expect(store.remove(7)).toBe(false);
    expect(store.has(7)).toBe(false);
    expect(store.get(7)).toBeUndefined();
    expect(store.count()).toBe(29);
    expect(store.search(vectors[6] ?? new Float32Array(384), 30).map((hit) => hit.seq)).not.toContain(7);
  });

  it('refuses bad vectors, seqs and k with invalid_input, and nothing stored changes', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 10);
    const vectors = randomVectors(10, 384, 9);
    const store = storeWith(db, vectors);
    store.warm();
    const before = rowsOf(db, MODEL.modelKey);
    const good = vectors[0] ?? new Float32Array(384);
    const withValue = (index: number, value: number) => {
      const copy = Float32Array.from(good);
      copy[index] = value;
      return copy;
    };
    const bad: [string, () => unknown][] = [
      ['short vector', () => store.upsert(2, new Float32Array(383))],
      ['long vector', () => store.upsert(2, new Float32Array(385))],
      ['NaN', () => store.upsert(2, withValue(100, Number.NaN))],
      ['Infinity', () => store.upsert(2, withValue(0, Number.POSITIVE_INFINITY))],
      ['-Infinity', () => store.upsert(2, withValue(383, Number.NEGATIVE_INFINITY))],
      ['zero vector', () => store.upsert(2, new Float32Array(384))],
      ['number array', () => store.upsert(2, [...good] as unknown as Float32Array)],
      ['seq 0', () => store.upsert(0, good)],
      ['seq 1.5', () => store.upsert(1.5, good)],
      ['seq 2^31', () => store.upsert(2 ** 31, good)],
      ['remove seq -1', () => store.remove(-1)],
      ['NaN query', () => store.search(withValue(5, Number.NaN), 5)],
      ['short query', () => store.search(new Float32Array(10), 5)],
      ['k 0', () => store.search(good, 0)],
      ['k 1.5', () => store.search(good, 1.5)],
      ['candidates 0', () => store.search(good, 5, { candidates: 0 })],
    ];
    for (const [what, action] of bad) expect(appErrorCodeOf(action), what).toBe('invalid_input');
    expect(appErrorCodeOf(() => store.upsert(11, good)), 'no such thought').toBe('not_found');
    expect(rowsOf(db, MODEL.modelKey)).toEqual(before);
    expect(store.count()).toBe(10);
    expect(store.search(good, 1)[0]?.seq).toBe(1);
  });

  it('belong to the caller\'s transaction: a rollback leaves neither SQLite nor search changed', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 40);
    const vectors = randomVectors(40, 384, 10);
    const store = storeWith(db, vectors.slice(0, 20));
    store.warm();
    const failing = db.sqlite.transaction(() => {
      store.upsert(21, vectors[20] ?? good());
      store.remove(1);
      expect(store.search(vectors[20] ?? good(), 1)[0]?.seq).toBe(21);
      throw new Error('caller failed after writing');
    });
    expect(() => failing()).toThrow('caller failed');
    // The next write comes before any read: memory must still notice it missed the rollback.
    store.upsert(22, vectors[21] ?? good());
    expect(store.search(vectors[20] ?? good(), 40).map((hit) => hit.seq)).not.toContain(21);
    expect(store.search(vectors[0] ?? good(), 1)[0]?.seq).toBe(1);
    expect(store.has(21)).toBe(false);
    expect(store.count()).toBe(21);
    db.sqlite.transaction(() => store.upsert(23, vectors[22] ?? good()))();
    expect(store.search(vectors[22] ?? good(), 1)[0]?.seq).toBe(23);
  });
});

function good(): Float32Array {
  return Float32Array.from({ length: 384 }, (_, i) => (i % 3) - 1 + 0.5);
}

describe('models and lifetimes', () => {
  it('keeps models apart, and dropping one leaves the other', () => {
    const db = open(newDatabasePath());
    addThoughts(db, 30);
    const old = storeWith(db, randomVectors(30, 384, 11));
    const next = createVectorStore(db.sqlite, { modelKey: 'Xenova/all-MiniLM-L6-v2@main', dimension: 384 });
    const small = createVectorStore(db.sqlite, { modelKey: 'tiny@1', dimension: 8 });
    const newVectors = randomVectors(10, 384, 12);
    newVectors.forEach((vector, i) => next.upsert(i + 21, vector));
    small.upsert(5, new Float32Array([1, 0, 0, 0, 0, 0, 0, 1]));
    expect(old.count()).toBe(30);
    expect(next.count()).toBe(10);
    expect(small.count()).toBe(1);
    expect(next.search(newVectors[0] ?? good(), 30).every((hit) => hit.seq > 20)).toBe(true);
    expect(appErrorCodeOf(() => small.upsert(6, new Float32Array(384)))).toBe('invalid_input');
    expect(
      listVectorModels(db.sqlite)
        .map((model) => `${model.modelKey}:${model.dimension}:${model.count}`)
        .sort(),
    ).toEqual(['Xenova/all-MiniLM-L6-v2@main:384:10', 'Xenova/bge-small-en-v1.5@main:384:30', 'tiny@1:8:1']);
    // The same key with another dimension is refused: the stored vectors would not fit.
    expect(appErrorCodeOf(() => createVectorStore(db.sqlite, { modelKey: 'tiny@1', dimension: 16 }))).toBe('invalid_input');
    old.drop();
    expect(appErrorCodeOf(() => old.count())).toBe('invalid_state');
    expect(listVectorModels(db.sqlite).map((model) => model.modelKey).sort()).toEqual(['Xenova/all-MiniLM-L6-v2@main', 'tiny@1']);
    expect(next.search(newVectors[3] ?? good(), 1)[0]?.seq).toBe(24);
    // A store opened again after a drop starts empty.
    expect(createVectorStore(db.sqlite, MODEL).count()).toBe(0);
  });

  it('keeps every vector across close and reopen', () => {
    const path = newDatabasePath();
    const vectors = randomVectors(50, 384, 13);
    const queries = randomVectors(5, 384, 14);
    const first = open(path);
    addThoughts(first, 50);
    const before = storeWith(first, vectors);
    before.remove(10);
    const answers = queries.map((query) => before.search(query, 10));
    first.close();
    const second = open(path);
    const after = createVectorStore(second.sqlite, MODEL);
    expect(after.count()).toBe(49);
    expect(after.has(10)).toBe(false);
    expect(queries.map((query) => after.search(query, 10))).toEqual(answers);
  });

  it('sees writes made by another connection and thoughts purged by cascade', () => {
    const path = newDatabasePath();
    const db = open(path);
    addThoughts(db, 60);
    const vectors = randomVectors(60, 384, 15);
    const store = storeWith(db, vectors.slice(0, 40));
    store.warm();
    const other = openSecondConnection(path);
    cleanups.unshift(() => other.close());
    other.pragma('foreign_keys = ON');
    const elsewhere = createVectorStore(other, MODEL);
    elsewhere.upsert(50, vectors[49] ?? good());
    elsewhere.remove(2);
    expect(store.search(vectors[49] ?? good(), 1)[0]?.seq).toBe(50);
    expect(store.has(2)).toBe(false);
    expect(store.search(vectors[1] ?? good(), 60).map((hit) => hit.seq)).not.toContain(2);
    db.sqlite.prepare('DELETE FROM thoughts WHERE seq IN (3, 4)').run();
    expect(store.count()).toBe(38);
    expect(store.search(vectors[2] ?? good(), 60).map((hit) => hit.seq)).not.toContain(3);
  });
});

describe('a process killed while writing vectors', () => {
  it('leaves every acknowledged vector stored, and a consistent store on reopen', async () => {
    const path = newDatabasePath();
    const setup = open(path);
    addThoughts(setup, 5_000);
    setup.close();
    const moduleUrl = (file: string) => pathToFileURL(join(REPO_ROOT, file)).href;
    // The child writes vectors one committed upsert (or 10-row transaction) at a time and
    // reports each; it is killed with SIGKILL while writing.
    const script = `
      import { openDatabase } from '${moduleUrl('src-main/core/db/open-database.ts')}';
      import { createVectorStore } from '${moduleUrl('src-main/core/vectors/vector-store.ts')}';
      const db = openDatabase(${JSON.stringify(path)}, { migrationsFolder: ${JSON.stringify(MIGRATIONS)} });
      const store = createVectorStore(db.sqlite, ${JSON.stringify(MODEL)});
      const vector = (seq) => Float32Array.from({ length: 384 }, (_, i) => Math.sin(seq * 0.37 + i * 1.3));
      const batch = db.sqlite.transaction((from) => { for (let seq = from; seq < from + 10; seq += 1) store.upsert(seq, vector(seq)); });
      for (let seq = 1; seq <= 5000; ) {
        if (seq % 100 === 1) { batch(seq); process.stdout.write('ok ' + (seq + 9) + '\\n'); seq += 10; }
        else { store.upsert(seq, vector(seq)); process.stdout.write('ok ' + seq + '\\n'); seq += 1; }
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          const match = /^ok (\d+)$/.exec(line);
          if (match !== null) acknowledged = Math.max(acknowledged, Number(match[1]));
        }
        if (acknowledged >= 400) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => (acknowledged >= 400 ? resolve() : reject(new Error(`child exited early: ${errors}`))));
    });
    await exited;
    const db = open(path);
    const store = createVectorStore(db.sqlite, MODEL);
    const count = store.count();
    expect(count).toBeGreaterThanOrEqual(acknowledged);
    // Stored seqs are exactly 1..count (writes went in order), each with its own vector and code.
    const rows = db.sqlite.prepare(`SELECT seq, code, vector FROM ${tablesFor(MODEL.modelKey).vectors} ORDER BY seq`).all() as {
      seq: number;
      code: Buffer;
      vector: Buffer;
    }[];
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const row of rows) {
      const stored = new Float32Array(new Uint8Array(row.vector).buffer);
      expect(Buffer.from(quantize(stored, 48)).equals(row.code)).toBe(true);
    }
    const probe = Float32Array.from({ length: 384 }, (_, i) => Math.sin(123 * 0.37 + i * 1.3));
    expect(store.search(probe, 1)[0]).toMatchObject({ seq: 123 });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
