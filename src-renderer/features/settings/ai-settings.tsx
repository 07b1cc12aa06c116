import { useEffect } from 'react';
import { aiProviderIds } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { usePreferencesStore } from '../../app/preferences-store';
import { useAiSettingsStore } from './ai-settings-store';
import { ProviderRow } from './provider-row';
import './settings.css';

/** Settings → AI (inside the settings view): which backends checks use and in what order, their health, the key, and a preview. */
export function AiSettings() {
  // The settings view's other section loads the settings; this one asks the backends.
  const settings = usePreferencesStore((state) => state.settings);
  const settingsError = usePreferencesStore((state) => state.error);
  const providers = useAiSettingsStore((state) => state.providers);
  const isChecking = useAiSettingsStore((state) => state.isChecking);
  const preview = useAiSettingsStore((state) => state.preview);
  const error = useAiSettingsStore((state) => state.error);
  const notice = useAiSettingsStore((state) => state.notice);
  const checkHealth = useAiSettingsStore((state) => state.checkHealth);
  const update = useAiSettingsStore((state) => state.update);
  const loadPreview = useAiSettingsStore((state) => state.loadPreview);
  const headingId = 'ai-settings-heading';

  useEffect(() => {
    void checkHealth();
  }, [checkHealth]);

  if (settings === undefined) {
    return <section aria-label="AI">{settingsError === undefined ? <p className="muted">Loading…</p> : <ErrorMessage error={settingsError} />}</section>;
  }
  const order = settings.aiProviders;
  const rows = [...providers].sort((left, right) => rank(order, left.id) - rank(order, right.id));

  return (
    <section aria-labelledby={headingId}>
        <div className="pane-header">
          <h2 id={headingId} tabIndex={-1}>
            AI
          </h2>
          <button type="button" className="button button-small" disabled={isChecking} onClick={() => void checkHealth()}>
            {isChecking ? 'Checking…' : 'Check again'}
          </button>
        </div>
        <p className="pane-intro">
          Checks try these backends from the top; when one fails, the next one answers. Offline needs no setup and never sends anything
          anywhere.
        </p>
        <p className="pane-notice" aria-live="polite">
          {notice}
        </p>
        {error !== undefined && <ErrorMessage error={error} />}
        <ul className="card-list" aria-label="AI backends" aria-busy={isChecking}>
          {rows.map((status) => (
            <ProviderRow key={status.id} status={status} settings={settings} position={order.indexOf(status.id)} count={order.length} />
          ))}
        </ul>
        <div className="settings-checks">
          <label>
            <input type="checkbox" checked={settings.checksEnabled} onChange={() => void update({ checksEnabled: !settings.checksEnabled })} /> Scheduled checks
          </label>
          <label>
            Every{' '}
            <select value={settings.checkIntervalMinutes} onChange={(event) => void update({ checkIntervalMinutes: Number(event.target.value) })}>
              {[15, 30, 45, 60, 120, 240].map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes} minutes
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={settings.notifications} onChange={() => void update({ notifications: !settings.notifications })} /> Notify me of new
            insights
          </label>
        </div>
        <div className="settings-preview">
          <button type="button" className="button" onClick={() => void loadPreview()}>
            Show exactly what the next check would send
          </button>
          {preview !== undefined && (
            <div className="preview" aria-label="What the next check would send">
              <p>
                {preview.provider === null
                  ? 'Only offline is on: nothing would leave this computer.'
                  : `${preview.thoughtCount} thought${preview.thoughtCount === 1 ? '' : 's'} to ${preview.provider === 'claude' ? 'Claude, over the internet' : 'Ollama, on this computer'} (about ${preview.approxTokens.toLocaleString()} tokens)${preview.privateExcluded > 0 ? `; ${preview.privateExcluded} private left out` : ''}.`}
              </p>
              {preview.notes.map((note) => (
                <p key={note} className="muted">
                  {note}
                </p>
              ))}
              {preview.prompt !== '' && <pre className="preview-text">{`${preview.system}\n\n${preview.prompt}`}</pre>}
            </div>
          )}
        </div>
    </section>
  );
}

function rank(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length + aiProviderIds.indexOf(id as never) : index;
}
