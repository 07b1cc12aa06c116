import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as sqliteVec from 'sqlite-vec';
import { AppError } from '../../../src-shared/errors';
import { classifyError } from '../errors';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Database {
  readonly sqlite: BetterSqlite3.Database;
  readonly orm: Orm;
  readonly path: string;
  /** Number of migrations applied; also written to PRAGMA user_version. */
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenDatabaseOptions {
  migrationsFolder: string;
  /** Dimension of the embedding vectors (from the configured model). */
  embeddingDimension?: number;
}

export const DEFAULT_EMBEDDING_DIMENSION = 384;

/**
 * Opens (creating if needed) Cairn's database: WAL, synchronous=FULL, foreign keys, a busy
 * timeout, sqlite-vec, then pending migrations in one transaction. Never writes to a file it
 * cannot read (db_corrupt) or one written by a newer Cairn (db_from_future).
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): Database {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw withPath(classifyError(error), path);
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path);
  } catch (error) {
    throw withPath(classifyError(error), path);
  }
  try {
    // Read before any write: a damaged file must be reported, not "repaired" by a pragma.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    refuseFutureDatabase(sqlite, migrations.length, migrations.at(-1)?.folderMillis ?? 0, path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    loadVectorExtension(sqlite);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: options.migrationsFolder });
    // Vector tables are per embedding model, created by createVectorStore (core/vectors/).
    sqlite.pragma(`user_version = ${migrations.length}`);
    return {
      sqlite,
      orm,
      path,
      schemaVersion: migrations.length,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw withPath(classifyError(error), path);
  }
}

function loadVectorExtension(sqlite: BetterSqlite3.Database): void {
  sqlite.loadExtension(outsideAsar(sqliteVec.getLoadablePath()));
}

/**
 * Where a file that a packaged app sees inside app.asar really is: SQLite opens extensions with
 * the OS loader, which cannot read the archive, so electron-builder unpacks them to
 * app.asar.unpacked (electron-builder.yml asarUnpack). Other paths come back unchanged.
 */
export function outsideAsar(path: string): string {
  return path.replace(/app\.asar(?!\.unpacked)/, 'app.asar.unpacked');
}

function refuseFutureDatabase(
  sqlite: BetterSqlite3.Database,
  knownMigrations: number,
  lastKnownMillis: number,
  path: string,
): void {
  const userVersion = Number(sqlite.pragma('user_version', { simple: true }));
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  const lastApplied = table
    ? Number(
        (sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: unknown })
          .last ?? 0,
      )
    : 0;
  if (userVersion > knownMigrations || lastApplied > lastKnownMillis) {
    throw new AppError(
      'db_from_future',
      'This database was written by a newer version of Cairn. Update Cairn to open it.',
      { path, schemaVersion: userVersion, supportedSchemaVersion: knownMigrations },
    );
  }
}

function withPath(error: AppError, path: string): AppError {
  if (error.details?.['path'] !== undefined) return error;
  const located = new AppError(error.code, error.message, { ...error.details, path });
  located.cause = error.cause ?? error;
  return located;
}
