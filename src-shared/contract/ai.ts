import { z } from 'zod';
import { errorCodes } from '../errors';
import { aiProviderIds } from './settings';

export const providerStatusSchema = z.object({
  id: z.enum(aiProviderIds),
  /** In the person's order (aiProviders setting); disabled backends are listed last. */
  enabled: z.boolean(),
  remote: z.boolean(),
  state: z.enum(['ok', 'down', 'not_configured', 'resting']),
  code: z.enum(errorCodes).nullable(),
  message: z.string().nullable(),
  /** The one thing to do about it. */
  hint: z.string().nullable(),
  model: z.string().nullable(),
  models: z.array(z.string()),
  /** Claude only: whether a key is set (the key itself never leaves the main process). */
  keySet: z.boolean().nullable(),
  /** Where the key is kept, and a warning when that is weaker than it looks. */
  keyStorage: z.object({ backend: z.enum(['keychain', 'file', 'environment']), warning: z.string().nullable() }).nullable(),
});

/** Exactly what the next check would send, to whom. */
export const aiPreviewSchema = z.object({
  /** The first backend in the order that is not offline, or null when only offline is on. */
  provider: z.enum(aiProviderIds).nullable(),
  remote: z.boolean(),
  thoughtCount: z.number().int().nonnegative(),
  /** Private thoughts left out because the backend is remote. */
  privateExcluded: z.number().int().nonnegative(),
  system: z.string(),
  prompt: z.string(),
  approxTokens: z.number().int().nonnegative(),
  notes: z.array(z.string()),
});

export const aiContract = {
  /** Each backend's live health (a short probe), the breaker's state and the key's presence. */
  'ai.status': { input: z.strictObject({}), output: z.object({ providers: z.array(providerStatusSchema) }) },
  /** Stores the Anthropic API key in the keychain (write-only: it is never read back). */
  'ai.setKey': {
    input: z.strictObject({
      provider: z.literal('claude'),
      key: z
        .string()
        .trim()
        .min(20, 'That is too short to be an Anthropic API key.')
        .max(300)
        .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters.'),
    }),
    output: providerStatusSchema,
  },
  'ai.clearKey': { input: z.strictObject({ provider: z.literal('claude') }), output: providerStatusSchema },
  /** What the next check would send to the first backend in the order, word for word. */
  'ai.preview': { input: z.strictObject({}), output: aiPreviewSchema },
} as const;

export type ProviderStatus = z.infer<typeof providerStatusSchema>;
export type AiPreview = z.infer<typeof aiPreviewSchema>;
