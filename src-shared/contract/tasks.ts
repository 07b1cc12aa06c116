import { z } from 'zod';
import { idSchema, isoDateTimeSchema, limitSchema, userTextSchema } from './common';
import { recurrenceSchema, taskSchema, taskStatuses, taskTitleSchema } from './intelligence';

export const taskViews = ['today', 'upcoming', 'goal', 'all', 'done'] as const;

/**
 * A due date as a caller gives it: an instant with its offset, a day alone ("2026-03-05": by the
 * end of that day), or a wall-clock time without offset ("2026-03-05T15:00"). Days and wall times
 * are read in the person's time zone (Settings, else the computer's), so a browser in another
 * zone still means the person's day.
 */
export const dueInputSchema = z.union([isoDateTimeSchema, z.iso.date(), z.iso.datetime({ local: true })]);

const prioritySchema = z.number().int().min(0).max(3);
const notesSchema = userTextSchema(10_000);

export const tasksContract = {
  /**
   * Makes a task. A subtask (`parentId`) goes one level deep, takes its parent's goal and cannot
   * repeat; a repeating task without a due date is due on the rule's first day from today. New
   * tasks go to the end of their list. Throws not_found (parent or goal), invalid_state (the
   * parent is itself a subtask; a subtask given a recurrence or another goal).
   */
  'tasks.create': {
    input: z.strictObject({
      title: taskTitleSchema,
      notes: notesSchema.default(''),
      /** 0 none, 1 low, 2 medium, 3 high. */
      priority: prioritySchema.default(0),
      dueAt: dueInputSchema.nullable().default(null),
      parentId: idSchema.nullable().default(null),
      goalId: idSchema.nullable().default(null),
      recurrence: recurrenceSchema.nullable().default(null),
    }),
    output: taskSchema,
  },
  /**
   * One list of tasks; each top-level task is followed by all of its subtasks (`parentId` set),
   * in their order. A parent is listed when it or one of its subtasks belongs to the view, so a
   * subtask due today brings its parent into Today. Days are the person's (`timeZone`, `today`).
   * - today: open and due today or overdue, plus what was completed today; in the person's order.
   * - upcoming: open and due after today, by due time; equal due times in the person's order.
   * - goal: one goal's tasks (`goalId`), open and done, in plan order.
   * - all: every open task, in the person's order.
   * - done: completed or cancelled, most recently completed first.
   * Paging counts top-level tasks. Throws invalid_input (goal view without goalId), not_found (goal).
   */
  'tasks.list': {
    input: z
      .strictObject({
        view: z.enum(taskViews).default('all'),
        goalId: idSchema.optional(),
        limit: limitSchema(500, 100),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .refine((input) => input.view !== 'goal' || input.goalId !== undefined, {
        message: 'The goal view needs a goalId.',
        path: ['goalId'],
      }),
    output: z.object({
      items: z.array(taskSchema),
      hasMore: z.boolean(),
      /** The time zone days were counted in (IANA name). */
      timeZone: z.string(),
      /** Today in that zone, YYYY-MM-DD. */
      today: z.iso.date(),
    }),
  },
  /**
   * Changes a task. Pass the version you read as `expectedVersion` to refuse a lost update.
   * Completing a repeating task makes its next occurrence, with fresh copies of its subtasks, once:
   * completing again (or after reopening) never makes a second one. Reopening it removes that
   * next occurrence while nobody has touched it yet. Completing a parent leaves its subtasks as
   * they are. Moving a task under a parent (`parentId`) is refused when that would nest deeper
   * than one level or the task repeats. Throws not_found, conflict, invalid_input (its own
   * parent), invalid_state (nesting, recurrence or goal of a subtask).
   */
  'tasks.update': {
    input: z.strictObject({
      id: idSchema,
      expectedVersion: z.number().int().positive().optional(),
      patch: z
        .strictObject({
          title: taskTitleSchema,
          notes: notesSchema,
          priority: prioritySchema,
          status: z.enum(taskStatuses),
          dueAt: dueInputSchema.nullable(),
          parentId: idSchema.nullable(),
          goalId: idSchema.nullable(),
          recurrence: recurrenceSchema.nullable(),
        })
        .partial(),
    }),
    output: taskSchema,
  },
  /**
   * Moves a task just before or after a sibling (both top-level, or both subtasks of one parent).
   * Order is not content: moving does not change a task's version, so it never makes an edit
   * conflict. Throws not_found, invalid_input (itself), invalid_state (not siblings).
   */
  'tasks.reorder': {
    input: z.strictObject({
      id: idSchema,
      relativeTo: idSchema,
      place: z.enum(['before', 'after']),
    }),
    output: taskSchema,
  },
  /**
   * Deletes a task and its subtasks for good (the history keeps what they were). Suggestions and
   * insights it came from stay. Throws not_found, conflict (expectedVersion is not current).
   */
  'tasks.delete': {
    input: z.strictObject({ id: idSchema, expectedVersion: z.number().int().positive().optional() }),
    output: z.object({ ids: z.array(idSchema) }),
  },
} as const;

export type TaskView = (typeof taskViews)[number];
export type DueInput = z.infer<typeof dueInputSchema>;
