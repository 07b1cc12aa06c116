import { useEffect } from 'react';
import { api } from '../api/client';
import { usePreferencesStore } from './preferences-store';

/**
 * For windows without the workspace's live updates (quick capture): the preferences, and with
 * them the chosen theme, loaded and kept in step.
 */
export function useChosenTheme(): void {
  useEffect(() => {
    void usePreferencesStore.getState().load();
    return api.on('settings.changed', () => void usePreferencesStore.getState().load());
  }, []);
}
