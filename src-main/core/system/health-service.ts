import type { OperationOutput } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { queueCounts } from '../db/repositories/jobs';
import { statement } from '../db/statements';

export interface HealthServiceDeps {
  db: Database;
  clock: Clock;
  version: string;
  startedAt: number;
}

export type HealthService = ReturnType<typeof createHealthService>;

export function createHealthService({ db, clock, version, startedAt }: HealthServiceDeps) {
  return {
    health(): OperationOutput<'system.health'> {
      const counts = queueCounts(db.sqlite);
      const thoughts = (statement(db.sqlite, 'SELECT count(*) AS n FROM thoughts').get() as { n: number }).n;
      return {
        status: counts.failed > 0 ? 'degraded' : 'ok',
        version,
        schemaVersion: db.schemaVersion,
        uptimeMs: Math.max(0, Math.round(clock.now() - startedAt)),
        thoughts,
        queue: { pending: counts.pending + counts.running, failed: counts.failed },
      };
    },
  };
}
