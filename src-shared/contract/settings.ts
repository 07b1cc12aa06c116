import { z } from 'zod';

/** The AI backends Cairn knows: a local Ollama, Claude (remote, opt-in) and the offline mind. */
export const aiProviderIds = ['ollama', 'claude', 'offline'] as const;
export type AiProviderId = (typeof aiProviderIds)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour.');

/** Each setting's rule, without defaults (a patch must never fill in defaults for keys it omits). */
const settingFields = {
  theme: z.enum(['system', 'light', 'dark']),
  /** Electron accelerator for quick capture. */
  captureHotkey: z.string().min(1).max(64),
  launchAtLogin: z.boolean(),
  notifications: z.boolean(),
  httpPort: z.number().int().min(0).max(65535),
  embeddingModel: z.string().min(1).max(200),
  allowModelDownload: z.boolean(),
  autoTagging: z.boolean(),
  /** Background indexing waits (index.pause / index.resume); kept across restarts. */
  indexingPaused: z.boolean(),
  suggestionMode: z.enum(['off', 'suggest', 'auto']),
  autoCreateThreshold: z.number().min(0).max(1),
  checksEnabled: z.boolean(),
  checkIntervalMinutes: z.number().int().min(5).max(24 * 60),
  quietHours: z.object({ start: timeOfDay, end: timeOfDay }).nullable(),
  /** AI backends in the order a run tries them; a backend left out is never used. */
  aiProviders: z
    .array(z.enum(aiProviderIds))
    .min(1, 'Keep at least one AI backend (offline needs no setup).')
    .max(aiProviderIds.length)
    .refine((ids) => new Set(ids).size === ids.length, 'Each AI backend may appear once.'),
  /** Where Ollama listens. */
  ollamaHost: z
    .string()
    .max(200)
    .refine((value) => isHttpUrl(value), 'Use an http:// or https:// address, like http://127.0.0.1:11434.'),
  /** The Ollama model checks use; null picks the first model the server has. */
  ollamaModel: z.string().min(1).max(200).nullable(),
  claudeModel: z.string().min(1).max(200),
  /** How long one request to an AI backend may take before Cairn gives up on it. */
  aiTimeoutSeconds: z.number().int().min(5).max(600),
  /** IANA zone for reading dates in thoughts ("tomorrow at 3"); null follows the computer's. */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => isTimeZone(zone), 'Not a known time zone (use a name like Europe/Berlin).')
    .nullable(),
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type SettingFields = typeof settingFields;
export type Settings = { [K in keyof SettingFields]: z.infer<SettingFields[K]> };
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = {
  theme: 'system',
  captureHotkey: 'CommandOrControl+Shift+Space',
  launchAtLogin: false,
  notifications: true,
  httpPort: 7437,
  embeddingModel: 'Xenova/bge-small-en-v1.5',
  allowModelDownload: true,
  autoTagging: true,
  indexingPaused: false,
  suggestionMode: 'suggest',
  autoCreateThreshold: 0.85,
  checksEnabled: true,
  checkIntervalMinutes: 45,
  quietHours: { start: '22:00', end: '07:00' },
  aiProviders: ['ollama', 'offline'],
  ollamaHost: 'http://127.0.0.1:11434',
  ollamaModel: null,
  claudeModel: 'claude-sonnet-5-5',
  aiTimeoutSeconds: 120,
  timeZone: null,
};

/** Every setting, each validated on its own; stored values that fail fall back to defaults. */
export const settingsSchema = z.object(settingFields);
export const settingFieldSchemas: SettingFields = settingFields;
export const settingsPatchSchema = z.strictObject(settingFields).partial();

export const settingsContract = {
  /** All settings, defaults filled in. */
  'settings.get': { input: z.strictObject({}), output: settingsSchema },
  /** Changes the given settings only; validates each. Throws invalid_input. */
  'settings.update': {
    input: z.strictObject({ patch: settingsPatchSchema }),
    output: settingsSchema,
  },
} as const;
