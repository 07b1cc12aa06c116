import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export type EntityType = 'thought' | 'task' | 'goal';

export interface EventRow {
  id: number;
  entity_type: EntityType;
  entity_id: string;
  type: string;
  actor: 'user' | 'system';
  at: number;
  data: string;
}

export interface NewEvent {
  entityType: EntityType;
  entityId: string;
  type: string;
  actor: 'user' | 'system';
  at: number;
  data: unknown;
}

/** Call inside the transaction of the mutation it records. */
export function appendEvent(sqlite: BetterSqlite3.Database, event: NewEvent): number {
  const result = statement(
    sqlite,
    'INSERT INTO events (entity_type, entity_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(event.entityType, event.entityId, event.type, event.actor, event.at, JSON.stringify(event.data));
  return Number(result.lastInsertRowid);
}

export function eventsFor(sqlite: BetterSqlite3.Database, entityType: EntityType, entityId: string): EventRow[] {
  return statement(
    sqlite,
    'SELECT id, entity_type, entity_id, type, actor, at, data FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id',
  ).all(entityType, entityId) as EventRow[];
}

/** One event, only if it belongs to that entity: an id from another thought is not found. */
export function eventOf(
  sqlite: BetterSqlite3.Database,
  entityType: EntityType,
  entityId: string,
  eventId: number,
): EventRow | undefined {
  return statement(
    sqlite,
    'SELECT id, entity_type, entity_id, type, actor, at, data FROM events WHERE id = ? AND entity_type = ? AND entity_id = ?',
  ).get(eventId, entityType, entityId) as EventRow | undefined;
}
