import { create } from 'zustand';
import type { AiPreview, AiProviderId, ProviderStatus, Settings } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { usePreferencesStore } from '../../app/preferences-store';
import { toCairnError, type CairnError } from '../../api/errors';

type SettingsPatch = Partial<Settings>;

/** Settings → AI: backend health, the key and the preview. The settings themselves live in the preferences store. */
interface AiSettingsState {
  providers: ProviderStatus[];
  isChecking: boolean;
  preview: AiPreview | undefined;
  error: CairnError | undefined;
  notice: string | undefined;
  /** Asks every backend again (a probe of a few seconds at most). */
  checkHealth(): Promise<void>;
  update(patch: SettingsPatch, notice?: string): Promise<boolean>;
  move(id: AiProviderId, by: -1 | 1): Promise<void>;
  toggle(id: AiProviderId): Promise<void>;
  saveKey(key: string): Promise<boolean>;
  clearKey(): Promise<void>;
  loadPreview(): Promise<void>;
}

function currentOrder(): AiProviderId[] {
  return [...(usePreferencesStore.getState().settings?.aiProviders ?? [])];
}

export const useAiSettingsStore = create<AiSettingsState>()((set, get) => ({
  providers: [],
  isChecking: false,
  preview: undefined,
  error: undefined,
  notice: undefined,
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
    const failure = await usePreferencesStore.getState().save(patch);
    if (failure !== undefined) {
      set({ error: failure });
      return false;
    }
    set({ error: undefined, notice: notice ?? 'Saved.', preview: undefined });
    await get().checkHealth();
    return true;
  },
  async move(id, by) {
    const order = currentOrder();
    const index = order.indexOf(id);
    const target = index + by;
    if (index === -1 || target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    await get().update({ aiProviders: order }, `Order: ${order.join(' → ')}.`);
  },
  async toggle(id) {
    const order = currentOrder();
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
