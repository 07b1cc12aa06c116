import { errorAdvice, errorCodes, type ErrorCode } from '../../src-shared/errors';

/**
 * The contract's codes plus one only a client can observe: the app did not answer at all
 * (server stopped, network gone). The server can never send it, so it lives here.
 */
export type ClientErrorCode = ErrorCode | 'unreachable';

const clientAdvice: Record<ClientErrorCode, string> = {
  ...errorAdvice,
  unreachable: 'Cairn is not answering. Check that it is still running, then try again.',
};

/** Every failure a store sees, whichever door it came through. */
export class CairnError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ClientErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CairnError';
    this.code = code;
    this.details = details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Normalises anything a transport threw. Errors without a known code are bugs or crossings that
 * lost their properties (Electron's contextBridge copies only `message` of some errors), so they
 * become `internal` rather than leaking a stack trace into the UI.
 */
export function toCairnError(error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  if (isRecord(error) && isErrorCode(error['code'])) {
    const message = typeof error['message'] === 'string' ? error['message'] : '';
    const details = isRecord(error['details']) ? error['details'] : undefined;
    return new CairnError(error['code'], message, details);
  }
  // fetch rejects with a TypeError when nothing answers.
  if (error instanceof TypeError) return new CairnError('unreachable', error.message);
  return new CairnError('internal', error instanceof Error ? error.message : String(error));
}

/** Words a person understands, and what to do. */
export function adviceFor(error: CairnError): string {
  return clientAdvice[error.code];
}

/**
 * The server's own message says *what* was wrong for input problems ("Text is longer than
 * 100,000 characters."); for other codes it adds nothing a person can act on.
 */
export function specificsFor(error: CairnError): string | undefined {
  const isAboutInput = error.code === 'invalid_input' || error.code === 'payload_too_large';
  if (!isAboutInput || error.message.length === 0) return undefined;
  // Validation messages are prefixed with the field path ("text: …"), which means nothing to a person.
  return error.message.replace(/^[\w.[\]]+: /, '');
}
