import { defaultSettings, settingFieldSchemas, type Settings, type SettingKey } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { readSettingRows, writeSetting } from '../db/repositories/settings';

export interface SettingsServiceDeps {
  db: Database;
  clock: Clock;
  onInvalidStoredValue: (key: string, error: unknown) => void;
}

const settingKeys = Object.keys(defaultSettings) as SettingKey[];

/**
 * Settings stored one key per row. A stored value that no longer validates (hand-edited, or from
 * an older version) falls back to its default and is reported, so start-up never breaks on it.
 */
export function createSettingsService({ db, clock, onInvalidStoredValue }: SettingsServiceDeps) {
  const { sqlite } = db;

  function get(): Settings {
    const rows = readSettingRows(sqlite);
    const settings: Record<string, unknown> = { ...defaultSettings };
    for (const key of settingKeys) {
      const raw = rows.get(key);
      if (raw === undefined) continue;
      try {
        const parsed = settingFieldSchemas[key].safeParse(JSON.parse(raw));
        if (parsed.success) settings[key] = parsed.data;
        else onInvalidStoredValue(key, parsed.error);
      } catch (error) {
        onInvalidStoredValue(key, error);
      }
    }
    return settings as Settings;
  }

  const updateTransaction = sqlite.transaction((patch: Partial<Settings>) => {
    const now = clock.now();
    for (const key of settingKeys) {
      if (patch[key] !== undefined) writeSetting(sqlite, key, patch[key], now);
    }
  });

  return {
    get,
    /** The patch is already validated by the contract; only the given keys are written. */
    update(patch: Partial<Settings>): Settings {
      updateTransaction.immediate(patch);
      return get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
