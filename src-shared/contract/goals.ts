import { z } from 'zod';
import { idSchema, isoDateTimeSchema, userTextSchema } from './common';
import { taskSchema, taskTitleSchema } from './intelligence';
import { aiProviderIds } from './settings';

export const goalStatuses = ['active', 'done', 'archived'] as const;

const goalTitleSchema = userTextSchema(300).refine((value) => value.trim().length > 0, 'A goal needs a title.');
const lifeAreaSchema = userTextSchema(60).refine((value) => value.trim().length > 0, 'A life area needs a name.');

export const goalSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  /** Health, Work, Family … (the person's own words). */
  lifeArea: z.string().nullable(),
  targetDate: isoDateTimeSchema.nullable(),
  status: z.enum(goalStatuses),
  /** From its tasks: done / all (cancelled ones do not count). */
  progress: z.object({ done: z.number().int(), total: z.number().int(), ratio: z.number().min(0).max(1) }),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  version: z.number().int().positive(),
});

export const planStepSchema = z.object({
  title: taskTitleSchema,
  /** Minutes it should take. */
  estimateMinutes: z.number().int().min(1).max(60 * 24 * 30).nullable(),
  notes: userTextSchema(2_000).default(''),
  dueAt: isoDateTimeSchema.nullable().default(null),
});

export const goalPlanSchema = z.object({
  id: idSchema,
  goalId: idSchema,
  status: z.enum(['draft', 'accepted', 'discarded']),
  /** Who proposed it. */
  provider: z.enum(aiProviderIds),
  steps: z.array(planStepSchema),
  /** How it was made (e.g. which template, which thoughts it drew on, what failed first). */
  notes: z.string(),
  createdAt: isoDateTimeSchema,
});

export const goalThoughtSchema = z.object({
  thoughtId: idSchema,
  excerpt: z.string(),
  status: z.enum(['suggested', 'linked', 'dismissed']),
  similarity: z.number(),
});

const goalFields = {
  title: goalTitleSchema,
  description: userTextSchema(5_000),
  lifeArea: lifeAreaSchema.nullable(),
  targetDate: isoDateTimeSchema.nullable(),
};

export const goalsContract = {
  'goals.create': {
    input: z.strictObject({
      title: goalFields.title,
      description: goalFields.description.default(''),
      lifeArea: goalFields.lifeArea.default(null),
      targetDate: goalFields.targetDate.default(null),
    }),
    output: goalSchema,
  },
  /** Throws not_found, conflict (expectedVersion is not current). */
  'goals.update': {
    input: z.strictObject({
      id: idSchema,
      expectedVersion: z.number().int().positive().optional(),
      patch: z.strictObject({ ...goalFields, status: z.enum(goalStatuses) }).partial(),
    }),
    output: goalSchema,
  },
  'goals.list': {
    input: z.strictObject({ status: z.enum([...goalStatuses, 'all']).default('active') }),
    output: z.object({ items: z.array(goalSchema) }),
  },
  /**
   * A goal with its tasks (plan order), the plan waiting for review, and thoughts related to it
   * by meaning (suggested until linked or dismissed). Throws not_found.
   */
  'goals.get': {
    input: z.strictObject({ id: idSchema }),
    output: z.object({
      goal: goalSchema,
      tasks: z.array(taskSchema),
      draftPlan: goalPlanSchema.nullable(),
      thoughts: z.array(goalThoughtSchema),
    }),
  },
  /**
   * Asks the AI backends (in order; offline uses templates and the related thoughts) for a plan
   * of ordered tasks with estimates. The plan is a draft until accepted. Throws not_found and the
   * provider_* codes when every backend failed.
   */
  'goals.decompose': { input: z.strictObject({ id: idSchema }), output: goalPlanSchema },
  /** Accepts a draft plan, with the person's edits: its steps become the goal's tasks. Throws not_found, invalid_state. */
  'goals.acceptPlan': {
    input: z.strictObject({ planId: idSchema, steps: z.array(planStepSchema.extend({ title: taskTitleSchema })).min(1).max(50) }),
    output: z.object({ goal: goalSchema, tasks: z.array(taskSchema) }),
  },
  'goals.discardPlan': { input: z.strictObject({ planId: idSchema }), output: goalPlanSchema },
  /** Links a related thought to a goal, or dismisses the suggestion. Throws not_found. */
  'goals.linkThought': {
    input: z.strictObject({ goalId: idSchema, thoughtId: idSchema, status: z.enum(['linked', 'dismissed']) }),
    output: goalThoughtSchema,
  },
} as const;

export type Goal = z.infer<typeof goalSchema>;
export type GoalPlan = z.infer<typeof goalPlanSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type GoalThought = z.infer<typeof goalThoughtSchema>;
