import { AppError } from '../../../src-shared/errors';
import type { UnavailableReason } from './model-resolver';

/** `details.reason` of the errors `Embedder.embed` rejects with. */
export const EMBED_FAILURES = {
  /** code model_unavailable: no usable model; `details.cause` says why (not_installed …). */
  unavailable: 'model_unavailable',
  /** code internal: the worker died (crash, out of memory) with this call in it. */
  crashed: 'worker_crashed',
  /** code internal: the worker did not answer in time and was restarted. */
  timeout: 'timeout',
  /** code internal: inference threw for this batch. */
  failed: 'inference_failed',
  /** code shutting_down: the embedder was disposed. */
  disposed: 'disposed',
} as const;
export type EmbedFailure = (typeof EMBED_FAILURES)[keyof typeof EMBED_FAILURES];

/**
 * The AppError for a failed embed call. A crash or timeout is `internal` (Cairn's own worker
 * failed, the person can only retry); no model is `model_unavailable`, carrying the words that
 * say how to install one.
 */
export function embedFailure(reason: EmbedFailure, message: string, unavailable?: { reason: UnavailableReason; message: string }): AppError {
  if (reason === 'disposed') return new AppError('shutting_down', message, { reason });
  if (reason === 'model_unavailable') {
    return unavailable === undefined
      ? new AppError('model_unavailable', message, { reason })
      : new AppError('model_unavailable', unavailable.message, { reason, cause: unavailable.reason });
  }
  return new AppError('internal', message, { reason });
}

/** Which of EMBED_FAILURES an error from `embed` is, if any. */
export function embedFailureOf(error: unknown): EmbedFailure | undefined {
  if (!(error instanceof AppError)) return undefined;
  const reason = error.details?.['reason'];
  return Object.values(EMBED_FAILURES).find((failure) => failure === reason);
}
