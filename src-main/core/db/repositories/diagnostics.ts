import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export interface KindDepth {
  kind: string;
  pending: number;
  running: number;
  failed: number;
}

/** Jobs in the queue by kind and state (completed jobs are deleted, so all of these wait or failed). */
export function queueDepthByKind(sqlite: BetterSqlite3.Database): KindDepth[] {
  const rows = statement(sqlite, 'SELECT kind, status, count(*) AS n FROM jobs GROUP BY kind, status ORDER BY kind').all() as {
    kind: string;
    status: 'pending' | 'running' | 'failed';
    n: number;
  }[];
  const byKind = new Map<string, KindDepth>();
  for (const row of rows) {
    const depth = byKind.get(row.kind) ?? { kind: row.kind, pending: 0, running: 0, failed: 0 };
    depth[row.status] = row.n;
    byKind.set(row.kind, depth);
  }
  return [...byKind.values()];
}

/** Thoughts in the trash (deleted, not yet purged). */
export function trashedThoughtCount(sqlite: BetterSqlite3.Database): number {
  return (statement(sqlite, 'SELECT count(*) AS n FROM thoughts WHERE deleted_at IS NOT NULL').get() as { n: number }).n;
}
