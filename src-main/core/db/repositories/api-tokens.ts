import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export type TokenKind = 'api' | 'session';

export function insertToken(
  sqlite: BetterSqlite3.Database,
  token: { id: string; kind: TokenKind; hash: string; label: string },
  now: number,
): void {
  statement(
    sqlite,
    'INSERT OR IGNORE INTO api_tokens (id, kind, hash, label, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(token.id, token.kind, token.hash, token.label, now);
}

export function findActiveToken(
  sqlite: BetterSqlite3.Database,
  hash: string,
): { id: string; kind: TokenKind } | undefined {
  return statement(sqlite, 'SELECT id, kind FROM api_tokens WHERE hash = ? AND revoked_at IS NULL').get(hash) as
    | { id: string; kind: TokenKind }
    | undefined;
}

export function countActiveTokens(sqlite: BetterSqlite3.Database, kind: TokenKind): number {
  return (
    statement(sqlite, 'SELECT count(*) AS n FROM api_tokens WHERE kind = ? AND revoked_at IS NULL').get(kind) as {
      n: number;
    }
  ).n;
}

export function touchToken(sqlite: BetterSqlite3.Database, id: string, now: number): void {
  statement(sqlite, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, id);
}
