import { z } from 'zod';
import {
  cursorSchema,
  idSchema,
  isoDateTimeSchema,
  limitSchema,
  MAX_TAGS_PER_THOUGHT,
  page,
  tagNameSchema,
  thoughtTextSchema,
} from './common';

export const thoughtTypes = ['note', 'idea', 'question', 'journal', 'reflection', 'task'] as const;
export const thoughtSources = ['app', 'quick_capture', 'tray', 'cli', 'http', 'import'] as const;
export const thoughtViews = ['active', 'archived', 'trash'] as const;

export const tagSchema = z.object({
  name: z.string(),
  /** `user` tags were written or accepted by the person; `auto` tags are Cairn's suggestions. */
  kind: z.enum(['user', 'auto']),
});

export const thoughtSchema = z.object({
  id: idSchema,
  text: z.string(),
  type: z.enum(thoughtTypes),
  source: z.enum(thoughtSources),
  pinned: z.boolean(),
  isPrivate: z.boolean(),
  tags: z.array(tagSchema),
  archivedAt: isoDateTimeSchema.nullable(),
  deletedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  /** The person's last change (Cairn's own reading of the type does not count). */
  updatedAt: isoDateTimeSchema,
  /** Increments with every change; pass it back as `expectedVersion` to avoid lost updates. */
  version: z.number().int().positive(),
});

const tagListSchema = z.array(tagNameSchema).max(MAX_TAGS_PER_THOUGHT);
const byId = z.strictObject({ id: idSchema });

/** A thought as it was after one event: what history shows and undo restores. */
export const thoughtSnapshotSchema = z.object({
  text: z.string(),
  type: z.enum(thoughtTypes),
  pinned: z.boolean(),
  isPrivate: z.boolean(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  deleted: z.boolean(),
});

export const thoughtEventTypes = [
  'thought.captured',
  'thought.edited',
  'thought.archived',
  'thought.unarchived',
  'thought.deleted',
  'thought.restored',
  /** An earlier version's text, type and tags were brought back (`thoughts.revert`). */
  'thought.reverted',
] as const;

export const thoughtEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(thoughtEventTypes),
  at: isoDateTimeSchema,
  actor: z.enum(['user', 'system']),
  /** Which fields this event changed. */
  changed: z.array(z.string()),
  snapshot: thoughtSnapshotSchema,
  /** On `thought.reverted`: the event whose version was brought back. */
  revertedTo: z.number().int().optional(),
});

export const thoughtsContract = {
  /**
   * Stores a new thought. Resolves only after the SQLite transaction (thought, tags, search
   * index, event and background jobs) is committed with synchronous=FULL. `#tags` in the text
   * become user tags. Throws invalid_input.
   */
  'thoughts.capture': {
    input: z.strictObject({
      text: thoughtTextSchema,
      type: z.enum(thoughtTypes).optional(),
      source: z.enum(thoughtSources).optional(),
      tags: tagListSchema.optional(),
      pinned: z.boolean().optional(),
      isPrivate: z.boolean().optional(),
    }),
    output: thoughtSchema,
  },
  /** Thoughts newest first, one page at a time. Throws invalid_input for a bad cursor. */
  'thoughts.list': {
    input: z.strictObject({
      view: z.enum(thoughtViews).default('active'),
      limit: limitSchema(200, 50),
      cursor: cursorSchema.optional(),
    }),
    output: page(thoughtSchema),
  },
  /** One thought, including archived and trashed ones. Throws not_found. */
  'thoughts.get': { input: byId, output: thoughtSchema },
  /**
   * Changes text, type, pinned, privacy or user tags. With `expectedVersion`, refuses to
   * overwrite a newer version (conflict). Throws not_found, conflict, invalid_input.
   */
  'thoughts.update': {
    input: z.strictObject({
      id: idSchema,
      expectedVersion: z.number().int().positive().optional(),
      text: thoughtTextSchema.optional(),
      type: z.enum(thoughtTypes).optional(),
      pinned: z.boolean().optional(),
      isPrivate: z.boolean().optional(),
      tags: tagListSchema.optional(),
    }),
    output: thoughtSchema,
  },
  /** Hides a thought from the stream, keeping it searchable on request. Throws not_found. */
  'thoughts.archive': { input: byId, output: thoughtSchema },
  /** Throws not_found. */
  'thoughts.unarchive': { input: byId, output: thoughtSchema },
  /** Moves a thought to the trash (soft delete). Throws not_found. */
  'thoughts.delete': { input: byId, output: thoughtSchema },
  /** Brings a thought back from the trash. Throws not_found. */
  'thoughts.restore': { input: byId, output: thoughtSchema },
  /**
   * Brings back an earlier version: the text, type and the person's own tags as they were after
   * event `eventId`. Pinned, private, archived and trashed stay as they are now: those are where
   * the thought lives, not what it says. A type that differs from the current one is set as if
   * the person had chosen it (Cairn no longer re-reads it). Goes the way of any edit (search
   * index, a fresh analysis) and is recorded as a new `thought.reverted` event, so a restore is itself undone by
   * restoring the version before it. Restoring the version the thought already has changes
   * nothing and records nothing. Throws not_found (no such thought, or no such event of this
   * thought), invalid_state (the thought is in the trash: restore it from there first),
   * conflict (stale `expectedVersion`), invalid_input.
   */
  'thoughts.revert': {
    input: z.strictObject({
      id: idSchema,
      eventId: z.number().int().positive(),
      expectedVersion: z.number().int().positive().optional(),
    }),
    output: thoughtSchema,
  },
  /** Every event of one thought, oldest first, each with the thought as it was after it. */
  'thoughts.history': {
    input: byId,
    output: z.object({ events: z.array(thoughtEventSchema) }),
  },
} as const;

export type Thought = z.infer<typeof thoughtSchema>;
export type ThoughtType = (typeof thoughtTypes)[number];
export type ThoughtSource = (typeof thoughtSources)[number];
export type ThoughtView = (typeof thoughtViews)[number];
export type ThoughtSnapshot = z.infer<typeof thoughtSnapshotSchema>;
export type ThoughtEvent = z.infer<typeof thoughtEventSchema>;
export type ThoughtEventType = (typeof thoughtEventTypes)[number];
