import { errorAdvice, isErrorCode } from '../../../src-shared/errors';

type Fields = Record<string, unknown>;

/**
 * A logged field fit to show: a name Cairn made up (a model id, an operation, a job kind), never
 * free text. Anything else (an error message that might quote a thought) is left out.
 */
function name(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.@/:+-]{1,80}$/.test(value) ? value : undefined;
}

function adviceOf(code: unknown): string {
  return typeof code === 'string' && isErrorCode(code) ? errorAdvice[code] : '';
}

function inSeconds(ms: unknown): string {
  return typeof ms === 'number' && ms > 0 ? ` in ${Math.max(1, Math.round(ms / 1000))} s` : '';
}

function hotkeyRefused(fields: Fields): string {
  return `Another app holds the capture shortcut ${name(fields['accelerator']) ?? ''}. Choose another one in Settings.`;
}

const PROVIDERS: Record<string, string> = { ollama: 'Ollama', claude: 'Claude', offline: 'The offline mind' };

/** What each logged warning or error means to a person, and what to do about it. */
const MESSAGES: Record<string, (fields: Fields) => string> = {
  'index.batch_failed': (fields) => `Indexing a batch of thoughts failed; Cairn tries again${inSeconds(fields['retryInMs'])}. Your thoughts are saved.`,
  'index.model_unavailable': (fields) =>
    `The embedding model ${name(fields['model']) ?? ''} is not available, so search works by words only. Import the model, or allow its download in Settings.`,
  'index.after_embed_failed': () => 'Reading new thoughts for tags and tasks failed after indexing. Their vectors are stored; nothing was lost.',
  'jobs.attempt_failed': (fields) =>
    `A background job (${name(fields['kind']) ?? 'work'}) failed; ${fields['outcome'] === 'failed' ? 'Cairn gave up on it after several tries.' : 'Cairn will try it again.'}`,
  'jobs.invalid_payload': () => 'A background job could not be read and was set aside. Nothing you wrote was affected.',
  'jobs.inline_failed': () => 'A background job failed; Cairn runs it again the ordinary way.',
  'jobs.loop_failed': () => 'Background work stopped unexpectedly. It starts again with the next change, or when Cairn restarts.',
  'operation.failed': (fields) => `A request (${name(fields['operation']) ?? 'unknown'}) failed inside Cairn. ${adviceOf(fields['code'])}`.trim(),
  'events.listener_failed': () => 'Cairn could not pass an update on to one of its views. Reload the window if something looks out of date.',
  'events.external_poll_failed': () => 'Cairn could not look for changes made by the command line or another window. It tries again shortly.',
  'settings.invalid_stored_value': (fields) =>
    `The stored setting "${name(fields['key']) ?? 'unknown'}" was not valid, so its default is used. Set it again in Settings.`,
  'shell.hotkey_refused': hotkeyRefused,
  'desktop.hotkey_refused': hotkeyRefused,
  'desktop.launch_at_login_failed': () => 'Cairn could not change whether it starts at login. Try again, or set it in your system settings.',
  'shell.http_unavailable': () =>
    'The local web address could not start (its port is probably taken). The app works; the browser and scripts cannot reach it until you choose another port.',
  'http.unhandled': () => 'A request to the local web address failed inside Cairn. Try again.',
  'ai.invalid_output': (fields) => `${PROVIDERS[String(fields['provider'])] ?? 'An AI backend'} answered with something Cairn could not use; it was asked again.`,
  'ai.provider_failed': (fields) => `${PROVIDERS[String(fields['provider'])] ?? 'An AI backend'} did not answer. ${adviceOf(fields['code'])}`.trim(),
  'checks.failed': () => 'A consciousness check failed inside Cairn. Open Insights to see it; the next check covers the same thoughts.',
  'checks.schedule_failed': () => 'Cairn could not schedule the next check. It tries again at the next interval.',
  'checks.unfinished': () => 'A check was cut short. The next check covers its thoughts.',
  'checks.offer_failed': () => 'A task a check found could not be offered as a suggestion. The check itself finished.',
  'checks.tags_failed': () => 'Tags a check suggested could not be added. The check itself finished.',
  'goals.refresh_failed': () => 'Updating goal progress after a check failed. It is tried again after the next check.',
  'embeddings.worker_exited': () => 'The embedding worker stopped unexpectedly; Cairn starts it again.',
  'embeddings.batch_failed': () => 'Computing vectors for a batch of thoughts failed; Cairn tries again.',
  'embeddings.load_stalled': () => 'Loading the embedding model made no progress. Restart Cairn to try again.',
  'embeddings.timeout': () => 'The embedding worker did not answer in time and was restarted; indexing continues.',
};

/**
 * One warning or error in words a person understands. Built from the event and a few fields
 * Cairn itself named, never from free text, so no thought, key or stack can show through.
 */
export function plainMessage(event: string, fields: Fields): string {
  const describe = MESSAGES[event];
  if (describe !== undefined) return describe(fields).replace(/ {2,}/g, ' ');
  const code = adviceOf(fields['code']);
  return code !== '' ? code : 'Something went wrong inside Cairn. Your saved thoughts are safe; if it keeps happening, copy this report for help.';
}
