import { useState, type KeyboardEvent } from 'react';
import { acceleratorFromKeyEvent, type Platform } from '../../../src-shared/accelerator';
import { defaultSettings } from '../../../src-shared/contract';
import { usePreferencesStore } from '../../app/preferences-store';
import type { CairnError } from '../../api/errors';
import { ErrorMessage } from '../../ui/error-message';

const platform: Platform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'darwin' : /Win/.test(navigator.platform) ? 'win32' : 'linux';

/** The quick-capture hotkey: its state, and a recorder that takes the next combination pressed. */
export function HotkeyField() {
  const desktop = usePreferencesStore((state) => state.desktop);
  const setHotkey = usePreferencesStore((state) => state.setHotkey);
  const [recording, setRecording] = useState(false);
  const [failure, setFailure] = useState<CairnError | undefined>(undefined);
  if (desktop === undefined) return null;
  const { hotkey } = desktop;

  async function choose(accelerator: string): Promise<void> {
    setRecording(false);
    setFailure(await setHotkey(accelerator));
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (!recording) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      setRecording(false);
      return;
    }
    const accelerator = acceleratorFromKeyEvent(event, platform);
    if (accelerator !== undefined) void choose(accelerator);
  }

  return (
    <div className="hotkey-field">
      <p id="hotkey-state">
        Quick capture: <kbd>{hotkey.label}</kbd>{' '}
        {hotkey.state === 'active' ? (
          <span className="setting-ok">works in every app</span>
        ) : (
          <span className={hotkey.state === 'refused' ? 'setting-problem' : 'muted'}>{hotkey.message}</span>
        )}
      </p>
      <div className="hotkey-actions">
        <button
          id="hotkey-change"
          type="button"
          className={recording ? 'button hotkey-recording' : 'button'}
          aria-describedby="hotkey-state"
          onClick={() => setRecording(!recording)}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? 'Press the new combination… (Esc to cancel)' : 'Change hotkey…'}
        </button>
        {hotkey.accelerator !== defaultSettings.captureHotkey && (
          <button type="button" className="button" onClick={() => void choose(defaultSettings.captureHotkey)}>
            Back to the default
          </button>
        )}
      </div>
      {failure !== undefined && <ErrorMessage error={failure} advice={failure.message} />}
    </div>
  );
}
