import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src-main/core/db/open-database';
import { createCore } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';
import { DATABASE_FILE } from '../../src-main/core/paths';
import { call } from '../helpers/call';
import { appErrorCodeOf, fileBytes, openSecondConnection } from '../helpers/db-inspect';
import { migrationsUpTo, readJournal } from '../helpers/migrations-fixture';
import { MIGRATIONS, tempDir } from '../helpers/test-core';
import type { ErrorCode } from '../../src-shared/errors';

const SCHEMA_V1_TABLES = [
  'api_tokens',
  'attachments',
  'check_runs',
  'events',
  'goals',
  'insight_evidence',
  'insights',
  'jobs',
  'life_areas',
  'settings',
  'tags',
  'task_suggestions',
  'tasks',
  'thought_attachments',
  'thought_embeddings',
  'thought_tags',
  'thoughts',
];
const MIGRATION_COUNT = readJournal().entries.length;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function newFolder(): string {
  const dir = tempDir('cairn-migrations-');
  cleanups.push(dir.remove);
  return dir.path;
}

function open(path: string, migrationsFolder = MIGRATIONS): Database {
  const db = openDatabase(path, { migrationsFolder });
  cleanups.unshift(() => db.close());
  return db;
}

function names(db: Database, type: 'table' | 'trigger'): string[] {
  return (db.sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as { name: string }[]).map(
    (row) => row.name,
  );
}

/** A real database written by this version of Cairn, holding a few thoughts, then closed. */
async function databaseWithThoughts(texts: readonly string[]): Promise<string> {
  const dataDir = newFolder();
  const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'test', logger: silentLogger, runJobs: false });
  for (const text of texts) await call(core, 'thoughts.capture', { text });
  await core.dispose();
  return join(dataDir, DATABASE_FILE);
}

describe('a new database', () => {
  it('has every table of the schema and the keyword index with its triggers', () => {
    const db = open(join(newFolder(), DATABASE_FILE));
    const tables = names(db, 'table');
    for (const table of [...SCHEMA_V1_TABLES, 'embedding_models', 'thoughts_fts', '__drizzle_migrations']) {
      expect(tables).toContain(table);
    }
    expect(names(db, 'trigger')).toEqual(
      expect.arrayContaining([
        'events_append_only',
        'thoughts_fts_after_delete',
        'thoughts_fts_after_insert',
        'thoughts_fts_after_update',
      ]),
    );
  });

  it('loads sqlite-vec on every connection, and vec0 tables work with BigInt rowids', () => {
    const db = open(join(newFolder(), DATABASE_FILE));
    expect(db.sqlite.prepare('SELECT vec_version()').pluck().get()).toMatch(/^v0\.1\./);
    db.sqlite.exec('CREATE VIRTUAL TABLE scratch_vectors USING vec0(embedding float[4])');
    const insert = db.sqlite.prepare('INSERT INTO scratch_vectors (rowid, embedding) VALUES (?, ?)');
    insert.run(7n, new Float32Array([1, 0, 0, 0]));
    insert.run(8n, new Float32Array([0, 1, 0, 0]));
    const nearest = db.sqlite
      .prepare('SELECT rowid FROM scratch_vectors WHERE embedding MATCH ? AND k = 1')
      .all(new Float32Array([0.9, 0.1, 0, 0])) as { rowid: number }[];
    expect(nearest.map((row) => row.rowid)).toEqual([7]);
  });

  it('is durable and consistent: WAL, synchronous FULL, foreign keys on, user_version = migrations', () => {
    const db = open(join(newFolder(), DATABASE_FILE));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(db.schemaVersion).toBe(MIGRATION_COUNT);
  });

  it('opens again without re-running migrations or touching the data', async () => {
    const path = await databaseWithThoughts(['first thought', 'second thought']);
    const first = open(path);
    const before = first.sqlite.prepare('SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY id').all();
    const thoughts = first.sqlite.prepare('SELECT id, text FROM thoughts ORDER BY seq').all();
    first.close();
    const again = open(path);
    expect(again.sqlite.prepare('SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY id').all()).toEqual(before);
    expect(again.sqlite.prepare('SELECT id, text FROM thoughts ORDER BY seq').all()).toEqual(thoughts);
    expect(again.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
  });
});

describe('upgrading from each earlier version', () => {
  for (let applied = 1; applied < MIGRATION_COUNT; applied += 1) {
    it(`keeps and indexes data written with only ${applied} migration(s) applied`, async () => {
      const dataDir = newFolder();
      const oldMigrations = migrationsUpTo(applied, newFolder());
      const oldCore = createCore({ dataDir, migrationsFolder: oldMigrations, version: 'old', logger: silentLogger, runJobs: false });
      const captured = [
        await call(oldCore, 'thoughts.capture', { text: 'Migrating zeppelins carry #travel plans' }),
        await call(oldCore, 'thoughts.capture', { text: 'Crème brûlée recipe from grandma', type: 'journal' }),
      ];
      await call(oldCore, 'thoughts.archive', { id: captured[1]?.id ?? '' });
      expect(oldCore.db.sqlite.pragma('user_version', { simple: true })).toBe(applied);
      await oldCore.dispose();

      const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'new', logger: silentLogger, runJobs: false });
      try {
        expect(core.db.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
        for (const thought of captured) {
          const now = await call(core, 'thoughts.get', { id: thought.id });
          expect(now.text).toBe(thought.text);
          expect(now.tags).toEqual(thought.tags);
        }
        expect((await call(core, 'thoughts.history', { id: captured[1]?.id ?? '' })).events).toHaveLength(2);
        const zeppelin = await call(core, 'search.query', { query: 'zeppelins' });
        expect(zeppelin.items.map((hit) => hit.thought.id)).toEqual([captured[0]?.id]);
        const creme = await call(core, 'search.query', { query: 'creme brulee', filters: { scope: 'archived' } });
        expect(creme.items.map((hit) => hit.thought.id)).toEqual([captured[1]?.id]);
        expect(core.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        await core.dispose();
      }
    });
  }
});

describe('the AI backends migration (0003)', () => {
  it('keeps check runs, insights with their evidence, and tasks written before it', async () => {
    const dataDir = newFolder();
    const oldCore = createCore({ dataDir, migrationsFolder: migrationsUpTo(3, newFolder()), version: 'old', logger: silentLogger, runJobs: false });
    const thought = await call(oldCore, 'thoughts.capture', { text: 'Sleep has been bad all week' });
    const at = Date.parse('2026-11-01T10:00:00Z');
    const sqlite = oldCore.db.sqlite;
    sqlite.prepare("INSERT INTO check_runs (id, trigger, status, provider, created_at, finished_at) VALUES ('01JAAAAAAAAAAAAAAAAAAAAAA1', 'manual', 'succeeded', 'offline', ?, ?)").run(at, at);
    sqlite.prepare("INSERT INTO insights (id, run_id, kind, title, body, pinned, created_at) VALUES ('01JAAAAAAAAAAAAAAAAAAAAAA2', '01JAAAAAAAAAAAAAAAAAAAAAA1', 'pattern', 'Sleep', 'Sleep comes up a lot', 1, ?)").run(at);
    sqlite.prepare("INSERT INTO insight_evidence (insight_id, thought_id) VALUES ('01JAAAAAAAAAAAAAAAAAAAAAA2', ?)").run(thought.id);
    sqlite.prepare("INSERT INTO tasks (id, title, created_at, updated_at) VALUES ('01JAAAAAAAAAAAAAAAAAAAAAA3', 'Go to bed earlier', ?, ?)").run(at, at);
    await oldCore.dispose();

    const core = createCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'new', logger: silentLogger, runJobs: false });
    try {
      const pinned = await call(core, 'insights.list', { filter: 'pinned' });
      expect(pinned.items).toEqual([
        expect.objectContaining({ title: 'Sleep', provider: 'offline', topic: null, evidence: [{ thoughtId: thought.id, excerpt: thought.text }] }),
      ]);
      expect(await call(core, 'checks.get', { id: '01JAAAAAAAAAAAAAAAAAAAAAA1' })).toMatchObject({ status: 'succeeded', sentCount: 0, requests: [] });
      expect((await call(core, 'tasks.list', {})).items).toEqual([expect.objectContaining({ title: 'Go to bed earlier', goalId: null, estimateMinutes: null })]);
      const goal = await call(core, 'goals.create', { title: 'Sleep eight hours' });
      expect(goal.progress.total).toBe(0);
      expect(core.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await core.dispose();
    }
  });
});

/** A real database, altered by `tamper`, must be refused with `code` and left byte-for-byte as it was. */
async function expectRefusedUnchanged(code: ErrorCode, tamper: (path: string) => void): Promise<void> {
  const path = await databaseWithThoughts(Array.from({ length: 150 }, (_, index) => `thought number ${index} `.repeat(20)));
  tamper(path);
  const before = fileBytes(path);
  expect(appErrorCodeOf(() => openDatabase(path, { migrationsFolder: MIGRATIONS }))).toBe(code);
  expect(fileBytes(path).equals(before)).toBe(true);
}

describe('a database from a newer Cairn', () => {
  it('is refused, unchanged, when its user_version is higher than ours', async () => {
    await expectRefusedUnchanged('db_from_future', (path) => {
      const raw = openSecondConnection(path);
      raw.pragma(`user_version = ${MIGRATION_COUNT + 1}`);
      raw.close();
    });
  });

  it('is refused, unchanged, when it applied a migration newer than ours', async () => {
    await expectRefusedUnchanged('db_from_future', (path) => {
      const raw = openSecondConnection(path);
      const last = readJournal().entries.at(-1)?.when ?? 0;
      raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future-hash', last + 60_000);
      raw.close();
    });
  });
});

describe('a damaged database file', () => {
  it('full of random bytes is refused as corrupt and never overwritten', async () => {
    await expectRefusedUnchanged('db_corrupt', (path) => {
      const noise = Buffer.alloc(64 * 1024);
      for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 7919 + 13) % 251;
      writeFileSync(path, noise);
    });
  });

  it('that is a text file is refused as corrupt and never overwritten', async () => {
    await expectRefusedUnchanged('db_corrupt', (path) => writeFileSync(path, 'Dear diary,\nthis is not a database.\n'.repeat(200)));
  });

  it('cut short is refused as corrupt and never overwritten', async () => {
    await expectRefusedUnchanged('db_corrupt', (path) => {
      const size = readFileSync(path).length;
      truncateSync(path, Math.floor(size / 2));
    });
  });

  it('cut to its first page is refused as corrupt and never overwritten', async () => {
    await expectRefusedUnchanged('db_corrupt', (path) => truncateSync(path, 4096));
  });
});

describe('a database Cairn cannot reach', () => {
  it('whose path is a folder is reported as unavailable', () => {
    const path = join(newFolder(), DATABASE_FILE);
    mkdirSync(path);
    expect(appErrorCodeOf(() => openDatabase(path, { migrationsFolder: MIGRATIONS }))).toBe('db_unavailable');
  });

  it('inside a data folder that is really a file is reported as unavailable', () => {
    const notAFolder = join(newFolder(), 'data');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    expect(appErrorCodeOf(() => openDatabase(join(notAFolder, DATABASE_FILE), { migrationsFolder: MIGRATIONS }))).toBe(
      'db_unavailable',
    );
  });
});

