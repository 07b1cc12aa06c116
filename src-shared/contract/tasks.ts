import { z } from 'zod';
import { idSchema, isoDateTimeSchema, limitSchema, userTextSchema } from './common';
import { taskSchema, taskStatuses, taskTitleSchema } from './intelligence';

export const tasksContract = {
  /** Tasks: open ones by due date, or one goal's in plan order. */
  'tasks.list': {
    input: z.strictObject({
      filter: z.enum(['open', 'done', 'all']).default('open'),
      goalId: idSchema.optional(),
      limit: limitSchema(500, 100),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({ items: z.array(taskSchema), hasMore: z.boolean() }),
  },
  /**
   * Changes a task. Pass the version you read as `expectedVersion` to refuse a lost update.
   * Throws not_found, conflict.
   */
  'tasks.update': {
    input: z.strictObject({
      id: idSchema,
      expectedVersion: z.number().int().positive().optional(),
      patch: z
        .strictObject({
          title: taskTitleSchema,
          notes: userTextSchema(10_000),
          priority: z.number().int().min(0).max(3),
          status: z.enum(taskStatuses),
          dueAt: isoDateTimeSchema.nullable(),
        })
        .partial(),
    }),
    output: taskSchema,
  },
} as const;
