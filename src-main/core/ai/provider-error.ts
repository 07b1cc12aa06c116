import type { AiProviderId } from '../../../src-shared/contract';
import { AppError, type ErrorCode } from '../../../src-shared/errors';

export interface ProviderErrorOptions {
  /** Worth trying the same backend again soon (timeouts, 429, 5xx). */
  retryable: boolean;
  /** The server said when to come back (Retry-After), in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The one thing the person can do about it. */
  hint?: string | undefined;
  /** HTTP status, when there was one. */
  status?: number | undefined;
}

/** A backend failed in an expected way. Its code tells the UI what to say. */
export class ProviderError extends AppError {
  readonly provider: AiProviderId;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly hint: string | undefined;
  readonly status: number | undefined;

  constructor(provider: AiProviderId, code: ErrorCode, message: string, options: ProviderErrorOptions) {
    super(code, message, {
      provider,
      ...(options.hint === undefined ? {} : { hint: options.hint }),
      ...(options.status === undefined ? {} : { status: options.status }),
    });
    this.name = 'ProviderError';
    this.provider = provider;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.hint = options.hint;
    this.status = options.status;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
