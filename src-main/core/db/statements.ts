import type BetterSqlite3 from 'better-sqlite3';

const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** Prepared once per connection: hot paths (capture, list, search) skip re-parsing SQL. */
export function statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** Asserts a write touched exactly the rows it meant to: a silent no-op is a bug. */
export function expectChanges(result: BetterSqlite3.RunResult, expected: number, what: string): void {
  if (result.changes !== expected) {
    throw new Error(`${what}: expected ${expected} row(s) changed, got ${result.changes}`);
  }
}
