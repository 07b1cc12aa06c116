import { z } from 'zod';

/**
 * Every expected failure Cairn can report, in one union. Codes are stable: scripts, the UI and
 * tests depend on them. Add new codes; never rename or reuse one.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'invalid_state',
  'unknown_operation',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'payload_too_large',
  'db_corrupt',
  'db_from_future',
  'db_busy',
  'db_unavailable',
  'storage_full',
  'shutting_down',
  'model_unavailable',
  'internal',
  'provider_unreachable',
  'provider_timeout',
  'provider_model_missing',
  'provider_rate_limited',
  'provider_spend_limit',
  'provider_overloaded',
  'provider_auth',
  'provider_not_configured',
  'provider_rejected',
  'provider_bad_output',
  'provider_circuit_open',
  'provider_failed',
  'check_running',
  'hotkey_refused',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value);
}

export const serializedErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The only error shape that crosses IPC or HTTP. */
export type SerializedError = z.infer<typeof serializedErrorSchema>;

/** An expected failure with a stable code. Bugs are plain Errors and surface as `internal`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): SerializedError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Words a person understands, and what to do, for each code. Shown by the UI. */
export const errorAdvice: Record<ErrorCode, string> = {
  invalid_input: 'Something in that request was not valid. Check it and try again.',
  not_found: 'That item no longer exists. It may have been deleted elsewhere.',
  conflict: 'This was changed somewhere else in the meantime. Reload it and try again.',
  invalid_state: 'That action does not apply to this item right now.',
  unknown_operation: 'Cairn does not know that request. Update the app or the script that sent it.',
  unauthorized: 'Cairn needs your access token. Open the link Cairn printed, or paste the token.',
  forbidden: 'This request is not allowed from here.',
  rate_limited: 'Too many requests at once. Wait a moment and try again.',
  payload_too_large: 'That is too large for Cairn to store in one go. Split it into smaller parts.',
  db_corrupt:
    'Cairn cannot read its database file. It has not been changed. Restore a backup or move the file aside.',
  db_from_future:
    'This database was written by a newer version of Cairn. Update Cairn to open it; nothing was changed.',
  db_busy: 'The database is busy. Try again in a moment.',
  db_unavailable: 'Cairn cannot write to its data folder. Check the disk and the folder permissions.',
  storage_full: 'The disk is full. Free some space; nothing you wrote earlier was lost.',
  shutting_down: 'Cairn is closing. Try again after it restarts.',
  model_unavailable:
    'Search by meaning is off because no embedding model is installed. Import a model folder, or allow the one-time download in Settings.',
  internal: 'Something went wrong inside Cairn. Your saved thoughts are safe; try again.',
  provider_unreachable:
    'Cairn could not reach the AI backend. For Ollama: start it (`ollama serve`) and check the host in Settings → AI.',
  provider_timeout: 'The AI backend did not answer in time. It may be busy or loading a model; try again in a minute.',
  provider_model_missing: 'The chosen model is not available. Pull it (`ollama pull <model>`) or pick another in Settings → AI.',
  provider_rate_limited: 'The AI backend is limiting requests. Cairn will try again later by itself.',
  provider_spend_limit: 'Your Anthropic account reached its spend limit. Raise it in the Anthropic console, or use Ollama or the offline mode.',
  provider_overloaded: 'The AI backend is overloaded or failing right now. Cairn will try again later by itself.',
  provider_auth: 'The API key was refused. Enter a valid key in Settings → AI.',
  provider_not_configured: 'This AI backend is not set up yet. Finish it in Settings → AI.',
  provider_rejected: 'The AI backend refused the request. Check the model in Settings → AI.',
  provider_bad_output: 'The model answered with something Cairn could not use. Nothing was stored; try again or pick another model.',
  provider_circuit_open: 'This AI backend failed several times in a row, so Cairn is resting it for a minute before trying again.',
  provider_failed: 'No AI backend could finish this. Check Settings → AI for what each one reports.',
  check_running: 'A check is already running. Wait for it to finish, or cancel it.',
  hotkey_refused: 'Another app already uses that key combination. Choose another one.',
};
