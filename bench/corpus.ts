/**
 * Builds (or reuses) a SQLite database in Cairn's real schema holding N synthetic thoughts.
 * Rows go in with prepared statements in large transactions (synchronous=OFF for the load
 * only): thoughts (FTS5 rows through the real triggers), tags, thought_tags and one
 * `thought.captured` event each, as capture writes them. Jobs are left out: a bulk-loaded
 * corpus has nothing pending. Databases are cached under bench/.data/ by size, seed, schema
 * and generator version.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src-main/core/db/open-database';
import { DATABASE_FILE } from '../src-main/core/paths';
import { thoughtTypes } from '../src-shared/contract';
import { extractHashtags } from '../src-shared/hashtags';
import { createRandom, createVocabulary, pick, thoughtText, type Random } from './vocabulary';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const MIGRATIONS = join(REPO_ROOT, 'migrations');
export const DATA_DIR = join(REPO_ROOT, 'bench', '.data');
export const DEFAULT_SEED = 20_261_101;
/** Bump when the generator changes what it writes, so stale caches are not reused. */
const GENERATOR_VERSION = 1;
const BATCH = 20_000;
/** Thoughts span the three years before this instant, in capture order. */
export const CORPUS_END = Date.parse('2026-11-01T00:00:00.000Z');
const CORPUS_SPAN_MS = 3 * 365 * 24 * 3600 * 1000;

export interface Corpus {
  size: number;
  seed: number;
  /** Folder holding cairn.db (the cache; copy it before writing). */
  dir: string;
  bytes: number;
  buildSeconds: number | null;
}

/** Short hash of the migrations, so a schema change invalidates cached databases. */
export function schemaKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).filter((file) => file.endsWith('.sql')).sort()) {
    hash.update(readFileSync(join(MIGRATIONS, name)));
  }
  hash.update(readFileSync(join(MIGRATIONS, 'meta', '_journal.json')));
  return `${hash.digest('hex').slice(0, 10)}-g${GENERATOR_VERSION}`;
}

export function corpusDir(size: number, seed: number): string {
  return join(DATA_DIR, `corpus-${size}-seed${seed}-${schemaKey()}`);
}

export function ensureCorpus(size: number, seed = DEFAULT_SEED, log: (line: string) => void = console.log): Corpus {
  const dir = corpusDir(size, seed);
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) {
    log(`corpus ${size}: cached at ${dir}`);
    return { size, seed, dir, bytes: statSync(file).size, buildSeconds: null };
  }
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = performance.now();
  buildDatabase(join(building, DATABASE_FILE), size, seed, log);
  renameSync(building, dir);
  const buildSeconds = (performance.now() - started) / 1000;
  log(`corpus ${size}: built in ${buildSeconds.toFixed(1)} s`);
  return { size, seed, dir, bytes: statSync(file).size, buildSeconds };
}

/** A scratch copy of a corpus that benchmarks may write to; remove it when done. */
export function workingCopy(corpus: Pick<Corpus, 'size' | 'dir'>, name: string): { dir: string; remove(): void } {
  const dir = join(DATA_DIR, `work-${name}-${corpus.size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(corpus.dir, DATABASE_FILE), join(dir, DATABASE_FILE));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function buildDatabase(path: string, size: number, seed: number, log: (line: string) => void): void {
  // The real openDatabase creates the schema exactly as the app does (migrations, vec0 table).
  const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
  const { sqlite } = db;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const insertThought = sqlite.prepare(
    `INSERT INTO thoughts (seq, id, text, type, type_locked, source, pinned, is_private, archived_at, deleted_at, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?, 1)`,
  );
  const insertTag = sqlite.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?) RETURNING id');
  const linkTag = sqlite.prepare(
    "INSERT INTO thought_tags (thought_seq, tag_id, kind, status, created_at) VALUES (?, ?, 'user', 'accepted', ?)",
  );
  const insertEvent = sqlite.prepare(
    "INSERT INTO events (entity_type, entity_id, type, actor, at, data) VALUES ('thought', ?, 'thought.captured', 'user', ?, ?)",
  );
  const tagIds = new Map<string, number>();
  const random = createRandom(seed);
  const vocabulary = createVocabulary(seed);
  const start = CORPUS_END - CORPUS_SPAN_MS;
  const step = size > 0 ? CORPUS_SPAN_MS / size : 0;

  const loadBatch = sqlite.transaction((from: number, to: number) => {
    for (let seq = from; seq < to; seq += 1) {
      const createdAt = Math.floor(start + seq * step + random() * step * 0.5);
      const text = thoughtText(random, vocabulary);
      const type = random() < 0.7 ? 'note' : pick(random, thoughtTypes);
      const state = random();
      const archivedAt = state < 0.03 ? createdAt + 86_400_000 : null;
      const deletedAt = state > 0.99 ? createdAt + 86_400_000 : null;
      const pinned = random() < 0.01 ? 1 : 0;
      const id = ulid(createdAt, random);
      insertThought.run(seq + 1, id, text, type, 'app', pinned, archivedAt, deletedAt, createdAt, archivedAt ?? deletedAt ?? createdAt);
      const tags = extractHashtags(text);
      for (const name of tags) {
        let tagId = tagIds.get(name);
        if (tagId === undefined) {
          tagId = (insertTag.get(name, createdAt) as { id: number }).id;
          tagIds.set(name, tagId);
        }
        linkTag.run(seq + 1, tagId, createdAt);
      }
      const snapshot = { text, type, pinned: pinned === 1, isPrivate: false, tags, archived: false, deleted: false };
      insertEvent.run(id, createdAt, JSON.stringify({ changed: ['text'], snapshot }));
    }
  });

  const started = performance.now();
  for (let from = 0; from < size; from += BATCH) {
    const to = Math.min(size, from + BATCH);
    loadBatch(from, to);
    if (to % 100_000 === 0 || to === size) {
      const seconds = (performance.now() - started) / 1000;
      log(`corpus ${size}: ${to.toLocaleString('en-US')} thoughts (${seconds.toFixed(0)} s, ${Math.round(to / seconds)}/s)`);
    }
  }
  // No ANALYZE: the app never runs it, so plans must be measured without sqlite_stat1.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID from the seeded generator, so the corpus is the same on every machine. */
function ulid(time: number, random: Random): string {
  let remaining = time;
  let head = '';
  for (let index = 0; index < 10; index += 1) {
    head = CROCKFORD.charAt(remaining % 32) + head;
    remaining = Math.floor(remaining / 32);
  }
  let tail = '';
  for (let index = 0; index < 16; index += 1) tail += CROCKFORD.charAt(Math.floor(random() * 32));
  return head + tail;
}
