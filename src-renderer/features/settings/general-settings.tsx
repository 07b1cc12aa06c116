import { useEffect } from 'react';
import type { Settings } from '../../../src-shared/contract';
import { usePreferencesStore } from '../../app/preferences-store';
import { ErrorMessage } from '../../ui/error-message';
import { HotkeyField } from './hotkey-field';

const THEMES: readonly { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings → Capture and appearance: hotkey, launch at login, theme, and where the data lives. */
export function GeneralSettings() {
  const settings = usePreferencesStore((state) => state.settings);
  const desktop = usePreferencesStore((state) => state.desktop);
  const error = usePreferencesStore((state) => state.error);
  const notice = usePreferencesStore((state) => state.notice);
  const load = usePreferencesStore((state) => state.load);
  const update = usePreferencesStore((state) => state.update);

  useEffect(() => {
    void load();
  }, [load]);

  if (settings === undefined || desktop === undefined) {
    return <section aria-label="Capture and appearance">{error === undefined ? <p className="muted">Loading…</p> : <ErrorMessage error={error} />}</section>;
  }
  return (
    <section aria-labelledby="general-settings-heading" className="general-settings">
      <h2 id="general-settings-heading">Capture and appearance</h2>
      <p className="pane-notice" aria-live="polite">
        {notice}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      <HotkeyField />
      <label className="setting-check">
        <input
          type="checkbox"
          checked={settings.launchAtLogin}
          disabled={!desktop.launchAtLogin.supported}
          aria-describedby="login-note"
          onChange={() => void update({ launchAtLogin: !settings.launchAtLogin }, settings.launchAtLogin ? 'Cairn will not start at login.' : 'Cairn will start when you log in.')}
        />{' '}
        Start Cairn when I log in
      </label>
      <p id="login-note" className="setting-note muted">
        {desktop.launchAtLogin.supported
          ? 'It starts in the tray, so the hotkey works all day without a window open.'
          : 'Only the desktop app can start at login.'}
      </p>
      <fieldset className="setting-themes">
        <legend>Theme</legend>
        {THEMES.map(({ value, label }) => (
          <label key={value}>
            <input type="radio" name="theme" value={value} checked={settings.theme === value} onChange={() => void update({ theme: value }, `Theme: ${label.toLowerCase()}.`)} /> {label}
          </label>
        ))}
      </fieldset>
      <p className="setting-data">
        Your data: <code>{desktop.dataDir}</code>
      </p>
    </section>
  );
}
