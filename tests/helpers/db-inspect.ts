import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { isAppError, type ErrorCode } from '../../src-shared/errors';

/**
 * A digest of every row of every real table (FTS and vec0 shadow tables included), so a test
 * can prove that a refused request changed nothing that was stored.
 */
export function digestTables(sqlite: BetterSqlite3.Database): string {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all();
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export function integrityCheck(sqlite: BetterSqlite3.Database): string {
  return String(sqlite.pragma('integrity_check', { simple: true }));
}

/** FTS5's own check that the keyword index matches the thoughts table: 'ok' or why not. */
export function ftsIntegrityCheck(sqlite: BetterSqlite3.Database): string {
  try {
    sqlite.prepare("INSERT INTO thoughts_fts (thoughts_fts, rank) VALUES ('integrity-check', 1)").run();
    return 'ok';
  } catch (error) {
    return String(error);
  }
}

/** Rowids (thought seqs) the keyword index returns for a raw FTS5 expression. */
export function ftsRowids(sqlite: BetterSqlite3.Database, match: string): number[] {
  return (sqlite.prepare('SELECT rowid FROM thoughts_fts WHERE thoughts_fts MATCH ? ORDER BY rowid').all(match) as {
    rowid: number;
  }[]).map((row) => row.rowid);
}

/** A second, independent connection to a database file (as another process would open it). */
export function openSecondConnection(path: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  return new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: true });
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}

/** Runs `action` and returns the coded error it threw; fails the test for anything else. */
export function appErrorCodeOf(action: () => unknown): ErrorCode {
  try {
    action();
  } catch (error) {
    if (isAppError(error)) return error.code;
    expect.fail(`expected an AppError, got ${String(error)}`);
  }
  expect.fail('expected an AppError, but nothing was thrown');
}
