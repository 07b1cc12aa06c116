import type { ProviderError } from './provider-error';

export interface RetryPolicy {
  /** Attempts per backend per request, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the run moves to the next backend. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

/**
 * How long to wait before attempt `attempt + 1`, or null to stop trying this backend.
 * Retry-After is honoured exactly; otherwise exponential backoff with jitter (half the step fixed,
 * half random, so retries spread out instead of arriving together).
 */
export function retryDelay(error: ProviderError, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (!error.retryable || attempt >= policy.maxAttempts) return null;
  if (error.retryAfterMs !== undefined) return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
