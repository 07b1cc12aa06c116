import { z } from 'zod';
import { cursorSchema, idSchema, isoDateTimeSchema, limitSchema, page, tagNameSchema, userTextSchema } from './common';
import { thoughtSchema } from './thoughts';

export const suggestionStatuses = ['pending', 'accepted', 'dismissed', 'expired'] as const;
export const taskStatuses = ['todo', 'doing', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** A task still to do: what Today, Upcoming, checks and duplicate detection count as open. */
export const openTaskStatuses = ['todo', 'doing'] as const satisfies readonly (typeof taskStatuses)[number][];

/** Titles of tasks and suggestions. */
export const taskTitleSchema = userTextSchema(500).refine((value) => value.trim().length > 0, 'A task needs a title.');

/** Weekdays as RFC 5545 names them. */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * How a task repeats. Completing an occurrence makes the next one, due on the rule's first day
 * after both its due day and today, at the same time of day. `monthly` on a day a month lacks
 * (31, or 29–30 in February) falls on that month's last day.
 */
export const recurrenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily') }),
  /** Monday to Friday. */
  z.strictObject({ kind: z.literal('weekdays') }),
  z.strictObject({
    kind: z.literal('weekly'),
    days: z
      .array(z.enum(weekdays))
      .min(1, 'Pick at least one day of the week.')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Each day of the week once.'),
  }),
  z.strictObject({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31) }),
  /** Counted from the due day: every 3 days from Monday is Thursday, Sunday … */
  z.strictObject({ kind: z.literal('everyNDays'), days: z.number().int().min(2).max(365) }),
]);

export const taskSchema = z.object({
  id: idSchema,
  title: z.string(),
  notes: z.string(),
  /** 0 none, 1 low, 2 medium, 3 high. */
  priority: z.number().int(),
  status: z.enum(taskStatuses),
  dueAt: isoDateTimeSchema.nullable(),
  /** The task this is a subtask of (one level deep). */
  parentId: idSchema.nullable(),
  recurrence: recurrenceSchema.nullable(),
  /** The thought this task came from, when it came from one. */
  sourceThoughtId: idSchema.nullable(),
  /** The goal it serves, when it is part of one. */
  goalId: idSchema.nullable(),
  /** Minutes a plan estimated it takes. */
  estimateMinutes: z.number().int().nullable(),
  completedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  version: z.number().int().positive(),
});

/** A task Cairn found in a thought, waiting for the person to accept, edit or dismiss it. */
export const taskSuggestionSchema = z.object({
  id: idSchema,
  thoughtId: idSchema,
  /** The start of the thought it came from, for context in the inbox. */
  thoughtExcerpt: z.string(),
  title: z.string(),
  dueAt: isoDateTimeSchema.nullable(),
  /** False when only a day was found ("on Friday"): show the date, not a time. */
  dueHasTime: z.boolean(),
  confidence: z.number().min(0).max(1),
  status: z.enum(suggestionStatuses),
  /** Set once accepted. */
  taskId: idSchema.nullable(),
  createdAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
});

export const relatedThoughtSchema = z.object({
  thought: thoughtSchema,
  /** Similarity of meaning, 0..1 (higher is closer). */
  similarity: z.number(),
  /** Tags both thoughts carry (the tie-break). */
  sharedTags: z.array(z.string()),
});

export const indexStates = ['ready', 'indexing', 'unavailable', 'loading'] as const;

/** How far local understanding has got; also sent as the `index.progress` event. */
export const indexStatusSchema = z.object({
  state: z.enum(indexStates),
  /** The model vectors are made with, once one is available. */
  model: z.object({ id: z.string(), revision: z.string(), dimension: z.number().int() }).nullable(),
  /** Why meaning search is off, in words a person understands, and what to do about it. */
  message: z.string().nullable(),
  /** Thoughts (not in the trash) and how many of them have a current vector. */
  total: z.number().int().nonnegative(),
  embedded: z.number().int().nonnegative(),
  /** Thoughts per second over the last minute of indexing; null when idle. */
  ratePerSecond: z.number().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
  /**
   * The person paused background indexing (it stays paused across restarts): new thoughts wait
   * for vectors and reading; search by words still finds everything.
   */
  paused: z.boolean(),
});

const tagOnThought = z.strictObject({ thoughtId: idSchema, name: tagNameSchema });

export const intelligenceContract = {
  /**
   * Thoughts nearest in meaning to one thought, excluding itself and the trash; shared tags
   * break ties. Empty (with `indexed: false`) until that thought has a vector. Throws not_found.
   */
  'thoughts.related': {
    input: z.strictObject({ id: idSchema, limit: limitSchema(50, 8) }),
    output: z.object({ items: z.array(relatedThoughtSchema), indexed: z.boolean() }),
  },
  /** Task suggestions, newest first; pending ones by default, or those of one thought. */
  'suggestions.list': {
    input: z.strictObject({
      status: z.enum(suggestionStatuses).default('pending'),
      thoughtId: idSchema.optional(),
      limit: limitSchema(100, 50),
      cursor: cursorSchema.optional(),
    }),
    output: page(taskSuggestionSchema),
  },
  /**
   * Turns a pending suggestion into a task linked to its thought, with optional edits.
   * Throws not_found, invalid_state (not pending), conflict (an identical open task exists).
   */
  'suggestions.accept': {
    input: z.strictObject({
      id: idSchema,
      title: taskTitleSchema.optional(),
      dueAt: isoDateTimeSchema.nullable().optional(),
    }),
    output: z.object({ suggestion: taskSuggestionSchema, task: taskSchema }),
  },
  /** Dismisses a pending suggestion; it is never suggested again. Throws not_found, invalid_state. */
  'suggestions.dismiss': {
    input: z.strictObject({ id: idSchema }),
    output: taskSuggestionSchema,
  },
  /** Makes a tag Cairn suggested one of the thought's own tags. Throws not_found. */
  'tags.accept': { input: tagOnThought, output: thoughtSchema },
  /**
   * Removes a tag from a thought; a removed suggestion is never suggested for it again.
   * Throws not_found.
   */
  'tags.remove': { input: tagOnThought, output: thoughtSchema },
  /** Progress of local understanding: the model, how many thoughts have vectors, the ETA. */
  'index.status': { input: z.strictObject({}), output: indexStatusSchema },
  /**
   * Pauses background indexing (vectors and reading for meaning) until resumed, across restarts.
   * The batch in flight finishes; capture and search keep working. Returns the new status.
   */
  'index.pause': { input: z.strictObject({}), output: indexStatusSchema },
  /** Resumes background indexing; the thoughts that waited are indexed next. Returns the new status. */
  'index.resume': { input: z.strictObject({}), output: indexStatusSchema },
} as const;

export type Task = z.infer<typeof taskSchema>;
export type Recurrence = z.infer<typeof recurrenceSchema>;
export type Weekday = (typeof weekdays)[number];
export type TaskSuggestion = z.infer<typeof taskSuggestionSchema>;
export type RelatedThought = z.infer<typeof relatedThoughtSchema>;
export type IndexStatus = z.infer<typeof indexStatusSchema>;
export type SuggestionStatus = (typeof suggestionStatuses)[number];
