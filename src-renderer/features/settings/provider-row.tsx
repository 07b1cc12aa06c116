import { useRef, useState, type FormEvent } from 'react';
import type { ProviderStatus, Settings } from '../../../src-shared/contract';
import { useAiSettingsStore } from './ai-settings-store';

const NAMES = { ollama: 'Ollama (on this computer)', claude: 'Claude (Anthropic, over the internet)', offline: 'Offline (no model)' } as const;
const STATE: Record<ProviderStatus['state'], string> = { ok: 'Working', down: 'Not working', not_configured: 'Not set up', resting: 'Resting after failures' };

/** One backend: health with its fix-it hint, its place in the order, and its own settings. */
export function ProviderRow({ status, settings, position, count }: { status: ProviderStatus; settings: Settings; position: number; count: number }) {
  const move = useAiSettingsStore((state) => state.move);
  const toggle = useAiSettingsStore((state) => state.toggle);
  const update = useAiSettingsStore((state) => state.update);
  const saveKey = useAiSettingsStore((state) => state.saveKey);
  const clearKey = useAiSettingsStore((state) => state.clearKey);
  const [host, setHost] = useState(settings.ollamaHost);
  const [key, setKey] = useState('');
  const name = NAMES[status.id];
  const enabled = settings.aiProviders.includes(status.id);
  const arrowsRef = useRef<HTMLSpanElement>(null);

  function moveBy(by: -1 | 1): void {
    void move(status.id, by);
    // The new order shows at once, before Cairn answers. At the top or the bottom the pressed arrow
    // is disabled, which drops focus: the other arrow takes it.
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      arrowsRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    });
  }

  async function submitKey(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (await saveKey(key)) setKey('');
  }

  return (
    <li className="card provider" data-provider={status.id} data-state={status.state}>
      <div className="provider-head">
        <label className="provider-enable">
          <input type="checkbox" checked={enabled} onChange={() => void toggle(status.id)} />
          <strong>{name}</strong>
        </label>
        <span className="provider-state" data-state={status.state}>
          {enabled ? STATE[status.state] : 'Off'}
        </span>
        {enabled && (
          <span className="card-actions" ref={arrowsRef}>
            <button type="button" className="button button-small" disabled={position === 0} onClick={() => moveBy(-1)}>
              Up<span className="visually-hidden"> ({status.id})</span>
            </button>
            <button type="button" className="button button-small" disabled={position === count - 1} onClick={() => moveBy(1)}>
              Down<span className="visually-hidden"> ({status.id})</span>
            </button>
          </span>
        )}
      </div>
      {status.message !== null && (
        <p className="provider-problem">
          {status.message}
          {status.hint !== null && <span className="provider-hint"> {status.hint}</span>}
        </p>
      )}
      {status.id === 'ollama' && (
        <div className="provider-fields">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void update({ ollamaHost: host.trim() }, 'Ollama address saved.');
            }}
          >
            <label>
              <span>Address</span>
              <input type="url" value={host} onChange={(event) => setHost(event.target.value)} />
            </label>
            <button type="submit" className="button button-small">
              Save address
            </button>
          </form>
          <label>
            <span>Model</span>
            <select value={settings.ollamaModel ?? ''} onChange={(event) => void update({ ollamaModel: event.target.value === '' ? null : event.target.value }, 'Model saved.')}>
              <option value="">First installed model{status.models[0] === undefined ? '' : ` (${status.models[0]})`}</option>
              {[...new Set([...status.models, ...(settings.ollamaModel === null ? [] : [settings.ollamaModel])])].map((model) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {status.id === 'claude' && (
        <div className="provider-fields">
          <label>
            <span>Model</span>
            <select value={settings.claudeModel} onChange={(event) => void update({ claudeModel: event.target.value }, 'Model saved.')}>
              {[...new Set([settings.claudeModel, ...status.models])].map((model) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
            </select>
          </label>
          {status.keyStorage?.backend === 'environment' ? (
            <p className="muted">The API key comes from the ANTHROPIC_API_KEY environment variable.</p>
          ) : (
            <form onSubmit={(event) => void submitKey(event)}>
              <label>
                <span>{status.keySet === true ? 'Replace API key' : 'API key'}</span>
                <input id="claude-key" type="password" autoComplete="off" spellCheck={false} value={key} placeholder={status.keySet === true ? '•••••••• (set)' : 'sk-ant-…'} onChange={(event) => setKey(event.target.value)} />
              </label>
              <button type="submit" className="button button-small" disabled={key.trim() === ''}>
                Save key
              </button>
              {status.keySet === true && (
                <button type="button" className="button button-quiet button-small" onClick={() => void clearKey()}>
                  Remove key
                </button>
              )}
            </form>
          )}
          {(status.keyStorage?.warning ?? null) !== null && <p className="provider-problem">{status.keyStorage?.warning}</p>}
          <p className="muted">Private thoughts are never sent to Claude.</p>
        </div>
      )}
    </li>
  );
}
