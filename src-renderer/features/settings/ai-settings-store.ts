import { create } from 'zustand';
import type { AiPreview, AiProviderId, ProviderStatus, Settings } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

type SettingsPatch = Partial<Settings>;

interface AiSettingsState {
  settings: Settings | undefined;
  providers: ProviderStatus[];
  isChecking: boolean;
  preview: AiPreview | undefined;
  error: CairnError | undefined;
  notice: string | undefined;
  load(): Promise<void>;
  /** Asks every backend again (a probe of a few seconds at most). */
  checkHealth(): Promise<void>;
  update(patch: SettingsPatch, notice?: string): Promise<boolean>;
  move(id: AiProviderId, by: -1 | 1): Promise<void>;
  toggle(id: AiProviderId): Promise<void>;
  saveKey(key: string): Promise<boolean>;
  clearKey(): Promise<void>;
  loadPreview(): Promise<void>;
}

export const useAiSettingsStore = create<AiSettingsState>()((set, get) => ({
  settings: undefined,
  providers: [],
  isChecking: false,
  preview: undefined,
  error: undefined,
  notice: undefined,
  async load() {
    try {
      set({ settings: await api['settings.get']({}), error: undefined });
    } catch (error) {
      set({ error: toCairnError(error) });
    }
    await get().checkHealth();
  },
  async checkHealth() {
    set({ isChecking: true });
    try {
      const { providers } = await api['ai.status']({});
      set({ providers });
    } catch (error) {
      set({ error: toCairnError(error) });
    } finally {
      set({ isChecking: false });
    }
  },
  async update(patch, notice) {
    const before = get().settings;
    // Shown at once (a checkbox must follow the click); put back if Cairn refuses the change.
    if (before !== undefined) set({ settings: { ...before, ...patch } });
    try {
      const settings = await api['settings.update']({ patch });
      set({ settings, error: undefined, notice: notice ?? 'Saved.', preview: undefined });
      await get().checkHealth();
      return true;
    } catch (error) {
      set({ settings: before, error: toCairnError(error) });
      return false;
    }
  },
  async move(id, by) {
    const order = [...(get().settings?.aiProviders ?? [])];
    const index = order.indexOf(id);
    const target = index + by;
    if (index === -1 || target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    await get().update({ aiProviders: order }, `Order: ${order.join(' → ')}.`);
  },
  async toggle(id) {
    const order = get().settings?.aiProviders ?? [];
    const next = order.includes(id) ? order.filter((entry) => entry !== id) : [...order.filter((entry) => entry !== 'offline'), id, ...(order.includes('offline') ? ['offline' as const] : [])];
    await get().update({ aiProviders: next });
  },
  async saveKey(key) {
    try {
      await api['ai.setKey']({ provider: 'claude', key });
      set({ notice: 'Key saved. It is never shown again.', error: undefined });
      await get().checkHealth();
      return true;
    } catch (error) {
      set({ error: toCairnError(error) });
      return false;
    }
  },
  async clearKey() {
    try {
      await api['ai.clearKey']({ provider: 'claude' });
      set({ notice: 'Key removed.' });
      await get().checkHealth();
    } catch (error) {
      set({ error: toCairnError(error) });
    }
  },
  async loadPreview() {
    try {
      set({ preview: await api['ai.preview']({}), error: undefined });
    } catch (error) {
      set({ error: toCairnError(error) });
    }
  },
}));
