import { create } from 'zustand';
import type { DesktopStatus, Settings } from '../../src-shared/contract';
import { api } from '../api/client';
import { toCairnError, type CairnError } from '../api/errors';

type Theme = Settings['theme'];

interface PreferencesState {
  settings: Settings | undefined;
  desktop: DesktopStatus | undefined;
  error: CairnError | undefined;
  /** What the last change did ("Theme: dark."), for a status line. */
  notice: string | undefined;
  load(): Promise<void>;
  /**
   * Changes settings, shown at once and put back if Cairn refuses; returns the refusal. The
   * callers say what happened in their own place (this store's notice, or a view's).
   */
  save(patch: Partial<Settings>): Promise<CairnError | undefined>;
  /** `save`, then says how it went in this store's notice and error (welcome, general settings, palette). */
  update(patch: Partial<Settings>, notice: string): Promise<boolean>;
  /** Returns the failure, if the hotkey was refused or is not usable. */
  setHotkey(accelerator: string): Promise<CairnError | undefined>;
}

/** Follows the system when `system`; otherwise fixes the colour scheme for every page of the app. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

/** Every setting, held once for the whole window, and the desktop integration's state. */
export const usePreferencesStore = create<PreferencesState>()((set, get) => ({
  settings: undefined,
  desktop: undefined,
  error: undefined,
  notice: undefined,
  async load() {
    try {
      const [settings, desktop] = await Promise.all([api['settings.get']({}), api['desktop.status']({})]);
      applyTheme(settings.theme);
      set({ settings, desktop, error: undefined });
    } catch (error) {
      set({ error: toCairnError(error) });
    }
  },
  async save(patch) {
    const before = get().settings;
    if (before !== undefined) set({ settings: { ...before, ...patch } });
    if (patch.theme !== undefined) applyTheme(patch.theme);
    try {
      const settings = await api['settings.update']({ patch });
      applyTheme(settings.theme);
      // The desktop status (login item) follows with the settings.changed event's reload.
      set({ settings });
      return undefined;
    } catch (error) {
      if (before !== undefined) applyTheme(before.theme);
      set({ settings: before });
      return toCairnError(error);
    }
  },
  async update(patch, notice) {
    const failure = await get().save(patch);
    set(failure === undefined ? { notice, error: undefined } : { error: failure });
    return failure === undefined;
  },
  async setHotkey(accelerator) {
    try {
      const desktop = await api['desktop.setHotkey']({ accelerator });
      set({ desktop, notice: `Quick capture is now ${desktop.hotkey.label}.` });
      return undefined;
    } catch (error) {
      return toCairnError(error);
    }
  },
}));
