import type {
  CallContext,
  ParsedInput,
  Thought,
  ThoughtEvent,
  ThoughtEventType,
  ThoughtSource,
  ThoughtType,
} from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { extractHashtags } from '../../../src-shared/hashtags';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { appendEvent, eventOf, eventsFor } from '../db/repositories/events';
import { enqueueJob } from '../db/repositories/jobs';
import { setUserTags, tagsForThoughts } from '../db/repositories/tags';
import {
  findThoughtById,
  insertThought,
  listThoughts,
  updateThought,
  type ThoughtChanges,
  type ThoughtRow,
} from '../db/repositories/thoughts';
import type { EventBus } from '../events/event-bus';
import { decodeStreamCursor, encodeStreamCursor, toSnapshot, toThought, toThoughtEvent } from './thought-mapping';

export interface ThoughtServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
}

/** Background work every new or edited thought needs; processors arrive in later issues. */
export const THOUGHT_JOB_KINDS = ['embed', 'analyze'] as const;

const DEFAULT_SOURCE: Record<CallContext['door'], ThoughtSource> = { ipc: 'app', http: 'http', cli: 'cli' };

type StateChange = 'archive' | 'unarchive' | 'delete' | 'restore';

const STATE_CHANGES: Record<
  StateChange,
  { event: ThoughtEventType; applies: (row: ThoughtRow) => boolean; changes: (now: number) => ThoughtChanges }
> = {
  archive: { event: 'thought.archived', applies: (row) => row.archived_at === null, changes: (now) => ({ archivedAt: now }) },
  unarchive: { event: 'thought.unarchived', applies: (row) => row.archived_at !== null, changes: () => ({ archivedAt: null }) },
  delete: { event: 'thought.deleted', applies: (row) => row.deleted_at === null, changes: (now) => ({ deletedAt: now }) },
  restore: { event: 'thought.restored', applies: (row) => row.deleted_at !== null, changes: () => ({ deletedAt: null }) },
};

/** What a person can change about what a thought says; both `update` and `revert` arrive here. */
interface ThoughtEdit {
  text?: string;
  type?: ThoughtType;
  pinned?: boolean;
  isPrivate?: boolean;
  tags?: string[];
}

const CHANGED_REASON = {
  archive: 'archived',
  unarchive: 'unarchived',
  delete: 'deleted',
  restore: 'restored',
} as const;

/** Capture, read and change thoughts. Every mutation writes its event in the same transaction. */
export function createThoughtService({ db, clock, newId, bus }: ThoughtServiceDeps) {
  const { sqlite } = db;

  function userTagsOf(seq: number): string[] {
    return (tagsForThoughts(sqlite, [seq]).get(seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name);
  }

  function present(row: ThoughtRow): Thought {
    return toThought(row, tagsForThoughts(sqlite, [row.seq]).get(row.seq) ?? []);
  }

  function requireRow(id: string): ThoughtRow {
    const row = findThoughtById(sqlite, id);
    if (row === undefined) throw new AppError('not_found', 'No thought with that id.', { id });
    return row;
  }

  function requireCurrent(row: ThoughtRow, expectedVersion: number | undefined): void {
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('conflict', 'This thought was changed elsewhere. Reload it before saving.', {
        id: row.id,
        expectedVersion,
        actualVersion: row.version,
      });
    }
  }

  function record(
    row: ThoughtRow,
    type: ThoughtEventType,
    changed: string[],
    userTags: string[],
    now: number,
    { actor = 'user', revertedTo }: { actor?: 'user' | 'system'; revertedTo?: number } = {},
  ): void {
    appendEvent(sqlite, {
      entityType: 'thought',
      entityId: row.id,
      type,
      actor,
      at: now,
      data: { changed, snapshot: toSnapshot(row, userTags), ...(revertedTo === undefined ? {} : { revertedTo }) },
    });
  }

  function enqueueUnderstanding(row: ThoughtRow, now: number): void {
    for (const kind of THOUGHT_JOB_KINDS) {
      enqueueJob(sqlite, { kind, payload: { thoughtId: row.id }, dedupeKey: row.id }, now);
    }
  }

  const captureTransaction = sqlite.transaction((input: ParsedInput<'thoughts.capture'>, source: ThoughtSource) => {
    const now = clock.now();
    const row = insertThought(sqlite, {
      id: newId(),
      text: input.text,
      type: input.type ?? 'note',
      typeLocked: input.type !== undefined,
      source,
      pinned: input.pinned ?? false,
      isPrivate: input.isPrivate ?? false,
      now,
    });
    const tags = [...new Set([...(input.tags ?? []), ...extractHashtags(input.text)])];
    setUserTags(sqlite, row.seq, tags, now);
    record(row, 'thought.captured', ['text'], tags, now);
    enqueueUnderstanding(row, now);
    return present(row);
  });

  /**
   * The one edit path (call inside a transaction): writes what differs, re-tags, records the event
   * and queues a fresh analysis when the text changed. The search index follows the text by trigger.
   */
  function applyEdit(
    row: ThoughtRow,
    input: ThoughtEdit,
    event: { type: ThoughtEventType; revertedTo?: number },
  ): { thought: Thought; changed: string[] } {
    const changes: ThoughtChanges = {};
    const changed: string[] = [];
    if (input.text !== undefined && input.text !== row.text) {
      changes.text = input.text;
      changed.push('text');
    }
    if (input.type !== undefined && (input.type !== row.type || row.type_locked === 0)) {
      changes.type = input.type;
      changes.typeLocked = true;
      // Confirming the type the thought already has still locks it against later reclassification:
      // a new version, so it gets its own event.
      changed.push(input.type !== row.type ? 'type' : 'typeLocked');
    }
    if (input.pinned !== undefined && input.pinned !== (row.pinned === 1)) {
      changes.pinned = input.pinned;
      changed.push('pinned');
    }
    if (input.isPrivate !== undefined && input.isPrivate !== (row.is_private === 1)) {
      changes.isPrivate = input.isPrivate;
      changed.push('isPrivate');
    }
    const currentTags = userTagsOf(row.seq);
    const nextTags = input.tags ?? retagForText(currentTags, row.text, changes.text);
    const tagsChanged = !sameSet(currentTags, nextTags);
    if (tagsChanged) changed.push('tags');
    if (changed.length === 0) return { thought: present(row), changed };
    const now = clock.now();
    const updated = updateThought(sqlite, row.seq, changes, now);
    if (tagsChanged) setUserTags(sqlite, row.seq, nextTags, now);
    record(updated, event.type, changed, tagsChanged ? nextTags : currentTags, now, { revertedTo: event.revertedTo });
    if (changes.text !== undefined) enqueueUnderstanding(updated, now);
    return { thought: present(updated), changed };
  }

  const updateTransaction = sqlite.transaction((input: ParsedInput<'thoughts.update'>) => {
    const row = requireRow(input.id);
    requireCurrent(row, input.expectedVersion);
    return applyEdit(row, input, { type: 'thought.edited' });
  });

  const revertTransaction = sqlite.transaction((input: ParsedInput<'thoughts.revert'>) => {
    const row = requireRow(input.id);
    const event = eventOf(sqlite, 'thought', input.id, input.eventId);
    if (event === undefined) {
      throw new AppError('not_found', 'This thought has no such version.', { id: input.id, eventId: input.eventId });
    }
    // Editing is closed in the trash (the editor is read-only there); bringing it back comes first.
    if (row.deleted_at !== null) {
      throw new AppError('invalid_state', 'This thought is in the trash. Restore it from the trash first.', { id: input.id });
    }
    requireCurrent(row, input.expectedVersion);
    const { snapshot } = toThoughtEvent(event);
    return applyEdit(
      row,
      // The type only when it differs: naming the current type would lock it, a change with no content.
      { text: snapshot.text, tags: snapshot.tags, ...(snapshot.type === row.type ? {} : { type: snapshot.type }) },
      { type: 'thought.reverted', revertedTo: event.id },
    );
  });

  /** Cairn's own reading of the type; never overrides a type the person chose. */
  const classifyTransaction = sqlite.transaction((id: string, type: ThoughtType, seenText: string) => {
    const row = findThoughtById(sqlite, id);
    // Gone, edited since it was analysed (a fresh analysis is queued), locked, or already right.
    if (row === undefined || row.text !== seenText || row.type_locked === 1 || row.type === type) return false;
    const now = clock.now();
    // A new version (so a stale edit is caught), but updatedAt stays the person's last change.
    const updated = updateThought(sqlite, row.seq, { type }, row.updated_at);
    record(updated, 'thought.edited', ['type'], userTagsOf(row.seq), now, { actor: 'system' });
    return true;
  });

  const stateTransaction = sqlite.transaction((id: string, change: StateChange) => {
    const row = requireRow(id);
    const rule = STATE_CHANGES[change];
    // Repeating a state change is harmless: it returns the thought unchanged, with no event.
    if (!rule.applies(row)) return { thought: present(row), changed: false };
    const now = clock.now();
    const updated = updateThought(sqlite, row.seq, rule.changes(now), now);
    record(updated, rule.event, [change === 'archive' || change === 'unarchive' ? 'archived' : 'deleted'], userTagsOf(row.seq), now);
    // The index skips the trash; a restored thought may have been trashed before it got a vector.
    if (change === 'restore') enqueueJob(sqlite, { kind: 'embed', payload: { thoughtId: row.id }, dedupeKey: row.id }, now);
    return { thought: present(updated), changed: true };
  });

  function changeState(id: string, change: StateChange): Thought {
    const result = stateTransaction.immediate(id, change);
    if (result.changed) bus.emit('thoughts.changed', { ids: [id], reason: CHANGED_REASON[change] });
    return result.thought;
  }

  return {
    /** Durable before it returns: the transaction commits with synchronous=FULL. */
    capture(input: ParsedInput<'thoughts.capture'>, context: CallContext): Thought {
      const thought = captureTransaction.immediate(input, input.source ?? DEFAULT_SOURCE[context.door]);
      bus.emit('thoughts.changed', { ids: [thought.id], reason: 'captured' });
      return thought;
    },

    list(input: ParsedInput<'thoughts.list'>): { items: Thought[]; nextCursor: string | null } {
      const after = input.cursor === undefined ? undefined : decodeStreamCursor(input.cursor);
      // One extra row tells whether another page exists without a count query.
      const rows = listThoughts(sqlite, input.view, input.limit + 1, after);
      const pageRows = rows.slice(0, input.limit);
      const tags = tagsForThoughts(sqlite, pageRows.map((row) => row.seq));
      const last = pageRows.at(-1);
      return {
        items: pageRows.map((row) => toThought(row, tags.get(row.seq) ?? [])),
        nextCursor:
          rows.length > input.limit && last !== undefined
            ? encodeStreamCursor({ createdAt: last.created_at, seq: last.seq })
            : null,
      };
    },

    get(id: string): Thought {
      return present(requireRow(id));
    },

    update(input: ParsedInput<'thoughts.update'>): Thought {
      const { thought, changed } = updateTransaction.immediate(input);
      if (changed.length > 0) bus.emit('thoughts.changed', { ids: [thought.id], reason: 'updated' });
      return thought;
    },

    /** Brings back an earlier version's text, type and own tags as a new, recorded edit. */
    revert(input: ParsedInput<'thoughts.revert'>): Thought {
      const { thought, changed } = revertTransaction.immediate(input);
      if (changed.length > 0) bus.emit('thoughts.changed', { ids: [thought.id], reason: 'updated' });
      return thought;
    },

    archive: (id: string) => changeState(id, 'archive'),
    unarchive: (id: string) => changeState(id, 'unarchive'),
    delete: (id: string) => changeState(id, 'delete'),
    restore: (id: string) => changeState(id, 'restore'),

    /** Sets the type the analyzer read from `seenText`, if the thought still says that. */
    classify(id: string, type: ThoughtType, seenText: string): boolean {
      const changed = classifyTransaction.immediate(id, type, seenText);
      if (changed) bus.emit('thoughts.changed', { ids: [id], reason: 'analyzed' });
      return changed;
    },

    history(id: string): { events: ThoughtEvent[] } {
      requireRow(id);
      return { events: eventsFor(sqlite, 'thought', id).map(toThoughtEvent) };
    },
  };
}

export type ThoughtService = ReturnType<typeof createThoughtService>;

/** Editing text keeps hand-set tags and follows the inline #tags the edit added or removed. */
function retagForText(current: readonly string[], oldText: string, newText: string | undefined): string[] {
  if (newText === undefined) return [...current];
  const removed = new Set(extractHashtags(oldText));
  const added = extractHashtags(newText);
  const kept = current.filter((tag) => !removed.has(tag) || added.includes(tag));
  return [...new Set([...kept, ...added])];
}

function sameSet(left: readonly string[], right: readonly string[]): boolean {
  const a = new Set(left);
  const b = new Set(right);
  return a.size === b.size && [...a].every((value) => b.has(value));
}
