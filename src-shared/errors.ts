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
] as const;

export type ErrorCode = (typeof errorCodes)[number];

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
};
