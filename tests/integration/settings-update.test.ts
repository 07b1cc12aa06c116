import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/contract';
import { createTestCore, type TestCore } from '../helpers/test-core';

describe('settings', () => {
  let core: TestCore;
  afterEach(async () => core.cleanup());

  it('starts from defaults and changes only the keys a patch names', async () => {
    core = createTestCore();
    const dispatch = core.dispatcher.dispatch;
    expect(await dispatch('settings.get', {}, { door: 'ipc' })).toEqual({ ok: true, value: defaultSettings });
    await dispatch('settings.update', { patch: { httpPort: 9000 } }, { door: 'ipc' });
    const second = await dispatch('settings.update', { patch: { theme: 'dark' } }, { door: 'ipc' });
    expect(second).toEqual({ ok: true, value: { ...defaultSettings, httpPort: 9000, theme: 'dark' } });
  });

  it('refuses invalid values and unknown keys, keeping what was stored', async () => {
    core = createTestCore();
    const dispatch = core.dispatcher.dispatch;
    await dispatch('settings.update', { patch: { checkIntervalMinutes: 60 } }, { door: 'ipc' });
    for (const patch of [{ checkIntervalMinutes: 1 }, { theme: 'neon' }, { unknown: true }, { quietHours: { start: '25:00', end: '07:00' } }]) {
      const result = await dispatch('settings.update', { patch }, { door: 'http' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(core.settings.get().checkIntervalMinutes).toBe(60);
  });

  it('falls back to the default for a stored value that no longer validates', async () => {
    core = createTestCore();
    core.db.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"neon\"', 0), ('httpPort', 'not json', 0)").run();
    expect(core.settings.get()).toEqual(defaultSettings);
  });
});
