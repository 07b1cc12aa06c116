import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { finishAiRequest, insertAiRequest, type AiRequestEnd, type NewAiRequest } from '../db/repositories/ai-requests';

/** Writes one row per outbound AI request, before it is sent and when it ends. */
export interface RequestLog {
  start(request: NewAiRequest): number;
  finish(id: number, end: AiRequestEnd): void;
}

export function createRequestLog(db: Database, clock: Clock): RequestLog {
  return {
    start: (request) => insertAiRequest(db.sqlite, request, clock.now()),
    finish: (id, end) => finishAiRequest(db.sqlite, id, end, clock.now()),
  };
}
