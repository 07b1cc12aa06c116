import { z } from 'zod';

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
} as const;
