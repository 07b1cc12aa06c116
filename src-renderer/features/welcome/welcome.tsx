import type { AiProviderId } from '../../../src-shared/contract';
import { focusById, goTo } from '../../app/navigation';
import { usePreferencesStore } from '../../app/preferences-store';
import { MOD } from '../../app/shortcut-list';
import { ErrorMessage } from '../../ui/error-message';
import './welcome.css';

const AI_CHOICES: readonly { id: string; order: AiProviderId[]; title: string; detail: string }[] = [
  {
    id: 'local',
    order: ['ollama', 'offline'],
    title: 'A model on this computer',
    detail: 'Ollama runs the model here; nothing leaves your machine. Needs Ollama installed.',
  },
  {
    id: 'claude',
    order: ['claude', 'offline'],
    title: 'Claude',
    detail: 'Sends the thoughts of each check to Anthropic (never private ones). Needs an API key.',
  },
  {
    id: 'none',
    order: ['offline'],
    title: 'No model',
    detail: "Cairn's own offline analysis: themes, open loops, rhythm. Works everywhere, right away.",
  },
];

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}

/** The first run's stream: how to capture, where the data lives, and which mind reads it. */
export function Welcome() {
  const settings = usePreferencesStore((state) => state.settings);
  const desktop = usePreferencesStore((state) => state.desktop);
  const error = usePreferencesStore((state) => state.error);
  const notice = usePreferencesStore((state) => state.notice);
  const update = usePreferencesStore((state) => state.update);
  const hotkey = desktop?.hotkey;

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Cairn</h2>
      <p className="welcome-lead">A place to drop a thought the moment you have it. Three things to know:</p>
      <ol className="welcome-steps">
        <li>
          <h3>Capture in a second</h3>
          <p>
            Type in the box above and press <kbd>Enter</kbd>. Add <code>#tags</code> as you write.{' '}
            {desktop?.mode === 'desktop' && hotkey?.state === 'active' ? (
              <>
                From any app, press <kbd>{hotkey.label}</kbd>: a small window opens, you type, <kbd>Enter</kbd>, and it is gone.
              </>
            ) : desktop?.mode === 'desktop' ? (
              <>
                {hotkey?.message}{' '}
                <button type="button" className="link-button" onClick={() => { goTo('settings'); focusById('hotkey-change'); }}>
                  Choose a hotkey
                </button>
              </>
            ) : (
              <>
                Press <kbd>N</kbd> anywhere in Cairn to start typing. In the desktop app, <kbd>{hotkey?.label ?? 'Ctrl+Shift+Space'}</kbd> opens
                capture from any app.
              </>
            )}
          </p>
        </li>
        <li>
          <h3>It stays on this computer</h3>
          <p>
            Every thought is saved to disk before Cairn says “Saved”, in one file you own:{' '}
            <code className="welcome-path">{desktop === undefined ? '…' : `${desktop.dataDir}/cairn.db`}</code>. Search works offline, by words and
            by meaning.
          </p>
        </li>
        <li>
          <h3>Choose what reads your thoughts</h3>
          <p>Every so often a check looks over what you wrote and points out themes, open loops and tasks. You can change this any time in Settings.</p>
          <div className="welcome-choices" role="group" aria-label="AI for checks">
            {AI_CHOICES.map((choice) => {
              const chosen = settings !== undefined && sameOrder(settings.aiProviders, choice.order);
              return (
                <button
                  key={choice.id}
                  type="button"
                  className="welcome-choice"
                  aria-pressed={chosen}
                  disabled={settings === undefined}
                  onClick={() => void update({ aiProviders: choice.order }, `Checks will use: ${choice.title}.`)}
                >
                  <span className="welcome-choice-title">{choice.title}</span>
                  <span className="welcome-choice-detail">{choice.detail}</span>
                </button>
              );
            })}
          </div>
          {settings !== undefined && sameOrder(settings.aiProviders, ['claude', 'offline']) && (
            <p>
              <button type="button" className="link-button" onClick={() => { goTo('settings'); focusById('claude-key'); }}>
                Add your Anthropic API key in Settings
              </button>
            </p>
          )}
          <p className="welcome-notice" role="status">
            {notice}
          </p>
          {error !== undefined && <ErrorMessage error={error} />}
        </li>
      </ol>
      <p className="welcome-foot muted">
        <kbd>{MOD}</kbd>+<kbd>K</kbd> finds every action · <kbd>?</kbd> lists the shortcuts
      </p>
    </section>
  );
}
