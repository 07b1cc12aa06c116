import { z } from 'zod';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour.');

/**
 * Every setting with its default. Stored per key; a stored value that no longer validates
 * falls back to its default rather than breaking start-up.
 */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Electron accelerator for quick capture. */
  captureHotkey: z.string().min(1).max(64).default('CommandOrControl+Shift+Space'),
  launchAtLogin: z.boolean().default(false),
  notifications: z.boolean().default(true),
  httpPort: z.number().int().min(0).max(65535).default(7437),
  embeddingModel: z.string().min(1).max(200).default('Xenova/bge-small-en-v1.5'),
  allowModelDownload: z.boolean().default(true),
  autoTagging: z.boolean().default(true),
  suggestionMode: z.enum(['off', 'suggest', 'auto']).default('suggest'),
  autoCreateThreshold: z.number().min(0).max(1).default(0.85),
  checksEnabled: z.boolean().default(true),
  checkIntervalMinutes: z.number().int().min(5).max(24 * 60).default(45),
  quietHours: z
    .object({ start: timeOfDay, end: timeOfDay })
    .nullable()
    .default({ start: '22:00', end: '07:00' }),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const settingsContract = {
  /** All settings, defaults filled in. */
  'settings.get': { input: z.strictObject({}), output: settingsSchema },
  /** Changes the given settings only; validates each. Throws invalid_input. */
  'settings.update': {
    input: z.strictObject({ patch: settingsSchema.partial().strict() }),
    output: settingsSchema,
  },
} as const;
