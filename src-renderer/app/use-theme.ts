import { useEffect } from 'react';
import { api } from '../api/client';
import { applyTheme } from './preferences-store';

/** For windows without the preferences store (quick capture): the chosen theme, kept in step. */
export function useChosenTheme(): void {
  useEffect(() => {
    const apply = () => {
      api['settings.get']({}).then(
        (settings) => applyTheme(settings.theme),
        () => undefined, // The system's theme stays; capture works regardless.
      );
    };
    apply();
    return api.on('settings.changed', (change) => {
      if (change.keys.includes('theme')) apply();
    });
  }, []);
}
