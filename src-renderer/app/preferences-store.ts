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
  update(patch: Partial<Settings>, notice: string): Promise<boolean>;
  /** Returns the failure, if the hotkey was refused or is not usable. */
  setHotkey(accelerator: string): Promise<CairnError | undefined>;
}

/** Follows the system when `system`; otherwise fixes the colour scheme for every page of the app. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

/** App-wide settings the shell itself uses: theme, hotkey, launch at login, checks on or off. */
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
  async update(patch, notice) {
    const before = get().settings;
    if (before !== undefined) set({ settings: { ...before, ...patch } });
    if (patch.theme !== undefined) applyTheme(patch.theme);
    try {
      const settings = await api['settings.update']({ patch });
      applyTheme(settings.theme);
      set({ settings, notice, error: undefined, desktop: await api['desktop.status']({}) });
      return true;
    } catch (error) {
      if (before !== undefined) applyTheme(before.theme);
      set({ settings: before, error: toCairnError(error) });
      return false;
    }
  },
  async setHotkey(accelerator) {
    try {
      const desktop = await api['desktop.setHotkey']({ accelerator });
      set({ desktop, notice: `Quick capture is now ${desktop.hotkey.label}.` });
      await get().load();
      return undefined;
    } catch (error) {
      return toCairnError(error);
    }
  },
}));
