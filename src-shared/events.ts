import { z } from 'zod';
import { idSchema } from './contract/common';
import { checkStatuses } from './contract/checks';
import { indexStatusSchema } from './contract/intelligence';

/** Main → renderer notifications. Payloads are validated before they are sent. */
export const eventsContract = {
  /** Thoughts were added or changed, here or by another client (CLI, phone). */
  'thoughts.changed': z.object({
    ids: z.array(idSchema),
    reason: z.enum(['captured', 'updated', 'archived', 'unarchived', 'deleted', 'restored', 'external', 'analyzed']),
  }),
  /** Indexing moved on (at most a few times a second) or its state changed. */
  'index.progress': indexStatusSchema,
  /** Task suggestions were created, accepted, dismissed or expired. */
  'suggestions.changed': z.object({ thoughtIds: z.array(idSchema) }),
  /** A consciousness check started or ended; `newInsights` is what it added (for a notification). */
  'checks.changed': z.object({
    runId: idSchema,
    status: z.enum(checkStatuses),
    newInsights: z.number().int().nonnegative(),
  }),
  /** Insights were added, pinned, dismissed, turned into tasks or expired. */
  'insights.changed': z.object({ ids: z.array(idSchema) }),
  /** Tasks were created or changed (and the goals they belong to). */
  'tasks.changed': z.object({ ids: z.array(idSchema), goalIds: z.array(idSchema) }),
  /** Goals, their plans, tasks or linked thoughts changed. */
  'goals.changed': z.object({ ids: z.array(idSchema) }),
  /** Settings changed (here, in another window or from the tray): the names of those that did. */
  'settings.changed': z.object({ keys: z.array(z.string()) }),
} as const;

export type EventName = keyof typeof eventsContract;
export type EventPayload<K extends EventName> = z.infer<(typeof eventsContract)[K]>;
export const eventNames = Object.keys(eventsContract) as EventName[];

export function isEventName(value: string): value is EventName {
  return Object.hasOwn(eventsContract, value);
}

/** Subscribe to an event; returns the function that unsubscribes. */
export type Subscribe = <K extends EventName>(
  event: K,
  listener: (payload: EventPayload<K>) => void,
) => () => void;
