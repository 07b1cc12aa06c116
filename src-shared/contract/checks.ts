import { z } from 'zod';
import { errorCodes } from '../errors';
import { cursorSchema, idSchema, isoDateTimeSchema, limitSchema, page } from './common';
import { taskSchema, taskTitleSchema } from './intelligence';
import { aiProviderIds } from './settings';

export const checkTriggers = ['schedule', 'catch_up', 'manual'] as const;
export const checkStatuses = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export const insightKinds = ['pattern', 'insight', 'suggestion'] as const;
/** What the offline mind looks for; backends' insights have no topic. */
export const insightTopics = ['theme', 'stalled_task', 'overdue', 'open_question', 'streak', 'gap'] as const;

const providerSchema = z.enum(aiProviderIds);

/** One outbound request to an AI backend, without its content. */
export const aiRequestSchema = z.object({
  provider: providerSchema,
  model: z.string(),
  purpose: z.string(),
  /** True when the request left this machine. */
  remote: z.boolean(),
  /** Thoughts whose text the request carried. */
  thoughtCount: z.number().int().nonnegative(),
  status: z.enum(['running', 'ok', 'failed', 'cancelled']),
  errorCode: z.enum(errorCodes).nullable(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  startedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
});

export const checkRunSchema = z.object({
  id: idSchema,
  trigger: z.enum(checkTriggers),
  status: z.enum(checkStatuses),
  /** The backend that produced the results (null until one did). */
  provider: providerSchema.nullable(),
  model: z.string().nullable(),
  /** New thoughts this run read. */
  inputCount: z.number().int().nonnegative(),
  /** Of those, how many were sent to the backend (0 offline; private ones never go remote). */
  sentCount: z.number().int().nonnegative(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  /** US dollars (Claude); 0 for local backends. */
  costUsd: z.number().nonnegative(),
  insightCount: z.number().int().nonnegative(),
  error: z.object({ code: z.enum(errorCodes), message: z.string(), hint: z.string().nullable() }).nullable(),
  /** What the run had to do to fit, and backends that failed before one answered. */
  notes: z.array(z.string()),
  requests: z.array(aiRequestSchema),
  createdAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
});

export const evidenceSchema = z.object({
  thoughtId: idSchema,
  /** The start of the thought, or null when it has since been deleted. */
  excerpt: z.string().nullable(),
});

export const insightSchema = z.object({
  id: idSchema,
  runId: idSchema,
  kind: z.enum(insightKinds),
  topic: z.enum(insightTopics).nullable(),
  title: z.string(),
  body: z.string(),
  provider: providerSchema,
  /** The thoughts it rests on. */
  evidence: z.array(evidenceSchema),
  /** For suggestions: the task it proposes. */
  proposedTask: z.object({ title: z.string(), dueAt: isoDateTimeSchema.nullable() }).nullable(),
  pinned: z.boolean(),
  dismissed: z.boolean(),
  /** The task made from it, once made. */
  taskId: idSchema.nullable(),
  createdAt: isoDateTimeSchema,
});

export const scheduleSchema = z.object({
  enabled: z.boolean(),
  intervalMinutes: z.number().int(),
  /** When the next scheduled check is due (null when checks are off). */
  nextDueAt: isoDateTimeSchema.nullable(),
  /** True inside quiet hours: a due check waits until they end. */
  quiet: z.boolean(),
  /** The run in progress, if any. */
  runningId: idSchema.nullable(),
  /** The last time a due check found nothing new and did not run. */
  lastSkippedAt: isoDateTimeSchema.nullable(),
});

const byId = z.strictObject({ id: idSchema });

export const checksContract = {
  /** Starts a check now, or returns the one already running. */
  'checks.runNow': {
    input: z.strictObject({}),
    output: z.object({ runId: idSchema, alreadyRunning: z.boolean() }),
  },
  /** One run with its requests. Throws not_found. */
  'checks.get': { input: byId, output: checkRunSchema },
  /** Runs, newest first, and the schedule. */
  'checks.list': {
    input: z.strictObject({ limit: limitSchema(100, 20), cursor: cursorSchema.optional() }),
    output: page(checkRunSchema).extend({ schedule: scheduleSchema }),
  },
  /** Cancels a running check (nothing of it is stored). Throws not_found, invalid_state. */
  'checks.cancel': { input: byId, output: checkRunSchema },
  /** Insights, newest first: active (not dismissed) by default, or pinned, or one run's. */
  'insights.list': {
    input: z.strictObject({
      filter: z.enum(['active', 'pinned', 'dismissed']).default('active'),
      runId: idSchema.optional(),
      limit: limitSchema(100, 50),
      cursor: cursorSchema.optional(),
    }),
    output: page(insightSchema),
  },
  /** Pins (kept for good) or unpins an insight. Throws not_found. */
  'insights.pin': { input: z.strictObject({ id: idSchema, pinned: z.boolean() }), output: insightSchema },
  /** Hides an insight; the same finding is not raised again for 30 days. Throws not_found. */
  'insights.dismiss': { input: byId, output: insightSchema },
  /** Makes a task from an insight, with optional edits. Throws not_found, invalid_state (already made). */
  'insights.toTask': {
    input: z.strictObject({ id: idSchema, title: taskTitleSchema.optional(), dueAt: isoDateTimeSchema.nullable().optional() }),
    output: z.object({ insight: insightSchema, task: taskSchema }),
  },
} as const;

export type CheckRun = z.infer<typeof checkRunSchema>;
export type Insight = z.infer<typeof insightSchema>;
export type CheckSchedule = z.infer<typeof scheduleSchema>;
export type AiRequest = z.infer<typeof aiRequestSchema>;
export type InsightTopic = (typeof insightTopics)[number];
export type InsightKind = (typeof insightKinds)[number];
