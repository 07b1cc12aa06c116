import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export function readSettingRows(sqlite: BetterSqlite3.Database): Map<string, string> {
  const rows = statement(sqlite, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((row) => [row.key, row.value]));
}

export function writeSetting(sqlite: BetterSqlite3.Database, key: string, value: unknown, now: number): void {
  statement(
    sqlite,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now);
}
