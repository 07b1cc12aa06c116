import type { Thought, ThoughtEvent, ThoughtEventType, ThoughtSnapshot } from '../../../src-shared/contract';
import { thoughtSnapshotSchema } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { EventRow } from '../db/repositories/events';
import type { TagLink } from '../db/repositories/tags';
import type { StreamPosition, ThoughtRow } from '../db/repositories/thoughts';

export function toIso(time: number): string {
  return new Date(time).toISOString();
}

export function toThought(row: ThoughtRow, tags: readonly TagLink[]): Thought {
  return {
    id: row.id,
    text: row.text,
    type: row.type,
    source: row.source,
    pinned: row.pinned === 1,
    isPrivate: row.is_private === 1,
    tags: tags.map((tag) => ({ name: tag.name, kind: tag.kind })),
    archivedAt: row.archived_at === null ? null : toIso(row.archived_at),
    deletedAt: row.deleted_at === null ? null : toIso(row.deleted_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
  };
}

export function toSnapshot(row: ThoughtRow, userTags: readonly string[]): ThoughtSnapshot {
  return {
    text: row.text,
    type: row.type,
    pinned: row.pinned === 1,
    isPrivate: row.is_private === 1,
    tags: [...userTags],
    archived: row.archived_at !== null,
    deleted: row.deleted_at !== null,
  };
}

export function toThoughtEvent(event: EventRow): ThoughtEvent {
  const data = JSON.parse(event.data) as { changed?: unknown; snapshot?: unknown; revertedTo?: unknown };
  return {
    id: event.id,
    type: event.type as ThoughtEventType,
    at: toIso(event.at),
    actor: event.actor,
    changed: Array.isArray(data.changed) ? data.changed.map(String) : [],
    snapshot: thoughtSnapshotSchema.parse(data.snapshot),
    ...(typeof data.revertedTo === 'number' ? { revertedTo: data.revertedTo } : {}),
  };
}

export function encodeStreamCursor(position: StreamPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.seq])).toString('base64url');
}

export function decodeStreamCursor(cursor: string): StreamPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => Number.isSafeInteger(part))) {
      return { createdAt: value[0] as number, seq: value[1] as number };
    }
  } catch {
    // Falls through to the coded error below.
  }
  throw new AppError('invalid_input', 'cursor: This page cursor is not valid. Start from the first page.');
}
