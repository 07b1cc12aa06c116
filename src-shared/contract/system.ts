import { z } from 'zod';
import { providerStatusSchema } from './ai';
import { isoDateTimeSchema } from './common';

const count = z.number().int().nonnegative();

/** Background work waiting in the queue, of one kind (`analyze`, `embed` …). */
export const queueDepthSchema = z.object({
  kind: z.string(),
  pending: count,
  running: count,
  /** Gave up after its attempts; kept for diagnosis. */
  failed: count,
});

export const modelStates = ['loaded', 'loading', 'missing', 'failed', 'not_running'] as const;

/** The embedding model search by meaning uses, and whether Cairn could load it. */
export const embeddingModelStatusSchema = z.object({
  /** The model chosen in settings. */
  id: z.string(),
  /** missing: not installed and not downloadable; failed: present but would not load; not_running: this process does not index. */
  state: z.enum(modelStates),
  revision: z.string().nullable(),
  dimension: z.number().int().nullable(),
  /** Why it is missing or failed, and what to do, in plain words. */
  message: z.string().nullable(),
});

/**
 * A backend's health as diagnostics sees it: local ones are asked (a short probe), remote ones
 * never are (`not_checked`); they report their key and whether they failed lately.
 */
export const providerCheckSchema = providerStatusSchema.extend({
  state: z.enum(['ok', 'down', 'not_configured', 'resting', 'not_checked']),
});

/** One warning or error Cairn logged: when, which event, and what it means, in plain words. */
export const recentErrorSchema = z.object({
  time: isoDateTimeSchema,
  level: z.enum(['warn', 'error']),
  event: z.string(),
  message: z.string(),
  /** The same event repeated this many times in a row (the time is the last one). */
  count: z.number().int().positive(),
});

export const diagnosticsSchema = z.object({
  app: z.object({
    version: z.string(),
    schemaVersion: z.number().int(),
    uptimeMs: count,
    /** The operating system Cairn runs on (`linux`, `darwin`, `win32`). */
    platform: z.string(),
  }),
  storage: z.object({
    dataFolder: z.string(),
    databasePath: z.string(),
    /** The database file, and its write-ahead log (changes not yet folded into the file). */
    databaseBytes: count,
    walBytes: count,
    /** Where the log files are; null when this process writes none. */
    logFolder: z.string().nullable(),
  }),
  thoughts: z.object({ total: count, inTrash: count, embedded: count }),
  queue: z.object({ kinds: z.array(queueDepthSchema), pending: count, running: count, failed: count }),
  indexing: z.object({
    paused: z.boolean(),
    /** Thoughts without a vector from the current model. */
    waiting: count,
    /** Background jobs finished per minute, averaged over `rateWindowMinutes` (or the uptime, when shorter). */
    jobsPerMinute: z.number().nonnegative(),
    rateWindowMinutes: z.number().positive(),
  }),
  embeddingModel: embeddingModelStatusSchema,
  providers: z.array(providerCheckSchema),
  /** The latest warnings and errors, newest first; never what a person wrote, never a stack trace. */
  recentErrors: z.array(recentErrorSchema),
});

export const systemContract = {
  /**
   * Whether Cairn is up and can reach its database. Safe to call without a token: it reveals
   * counts, never content or paths.
   */
  'system.health': {
    input: z.strictObject({}),
    output: z.object({
      status: z.enum(['ok', 'degraded']),
      version: z.string(),
      schemaVersion: z.number().int(),
      uptimeMs: z.number().int(),
      thoughts: z.number().int(),
      queue: z.object({ pending: z.number().int(), failed: z.number().int() }),
    }),
  },
  /**
   * Everything needed to tell what Cairn is doing: where its data and logs are, how big the
   * database is, the queue, indexing, the embedding model, the AI backends (remote ones are never
   * contacted) and recent errors. Needs the token: it reveals paths. Never thought content.
   */
  'system.diagnostics': { input: z.strictObject({}), output: diagnosticsSchema },
} as const;

export type Diagnostics = z.infer<typeof diagnosticsSchema>;
export type QueueDepth = z.infer<typeof queueDepthSchema>;
export type EmbeddingModelStatus = z.infer<typeof embeddingModelStatusSchema>;
export type ProviderCheck = z.infer<typeof providerCheckSchema>;
export type RecentError = z.infer<typeof recentErrorSchema>;
