import type { Clock } from '../clock';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Failures in a row that open the breaker. */
  threshold: number;
  /** How long it stays open before one probe may go through. */
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 3, cooldownMs: 60_000 };

/**
 * One per backend: after `threshold` failures in a row it fails fast for `cooldownMs`, then lets
 * a single probe through; the probe's success closes it, its failure opens it again.
 */
export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get state(): BreakerState {
    if (this.#openedAt === undefined) return 'closed';
    return this.clock.now() - this.#openedAt >= this.options.cooldownMs ? 'half_open' : 'open';
  }

  /** When an open breaker lets the next probe through (ms since epoch), else null. */
  get retryAt(): number | null {
    return this.#openedAt === undefined ? null : this.#openedAt + this.options.cooldownMs;
  }

  /** May a request go now? Claims the one probe slot while half open. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.#probing) return false;
    this.#probing = true;
    return true;
  }

  succeeded(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
    this.#probing = false;
  }

  failed(): void {
    this.#failures += 1;
    if (this.#probing || this.#failures >= this.options.threshold) this.#openedAt = this.clock.now();
    this.#probing = false;
  }

  /** A request that ended without a verdict (cancelled): give the probe slot back. */
  released(): void {
    this.#probing = false;
  }
}
