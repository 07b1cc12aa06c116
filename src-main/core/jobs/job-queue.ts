import type { z } from 'zod';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import {
  claimJob,
  completeJob,
  failJob,
  nextDueTime,
  recoverInterruptedJobs,
  releaseJob,
  retryJobLater,
  type JobRow,
} from '../db/repositories/jobs';
import type { Logger } from '../logger';
import { createBackgroundTurns, type BackgroundTurns } from './background-turns';

/** Does one kind of background work. Later issues register embed, analyze … */
export interface JobProcessor<Payload = unknown> {
  kind: string;
  payloadSchema: z.ZodType<Payload>;
  process(payload: Payload, signal: AbortSignal): Promise<void>;
  /**
   * For work that is synchronous, short and safe to repeat: claimed, done and completed in one
   * transaction (one commit instead of three; an import queues 100,000 of these).
   */
  runInline?(payload: Payload): void;
}

/**
 * Which kinds of job this process can run. Jobs of a kind nobody registered stay pending, safe,
 * until a processor for them exists.
 */
export class JobRegistry {
  readonly #processors = new Map<string, JobProcessor>();

  register<Payload>(processor: JobProcessor<Payload>): () => void {
    if (this.#processors.has(processor.kind)) throw new Error(`A processor for "${processor.kind}" already exists`);
    this.#processors.set(processor.kind, processor as JobProcessor);
    return () => this.#processors.delete(processor.kind);
  }

  get(kind: string): JobProcessor | undefined {
    return this.#processors.get(kind);
  }

  kinds(): string[] {
    return [...this.#processors.keys()];
  }
}

export interface JobRunnerDeps {
  db: Database;
  registry: JobRegistry;
  clock: Clock;
  logger: Logger;
  /** Delay before attempt n+1 after n failed attempts. */
  retryDelayMs?: (attempts: number) => number;
  /** The gate background work shares the main thread through (one per core). */
  turns?: BackgroundTurns;
  /** Kinds the person paused (indexing): they stay pending, untouched, until `wake()` after a change. */
  isHeld?: (kind: string) => boolean;
  /** A job finished (diagnostics count jobs per minute). */
  onCompleted?: (kind: string) => void;
}

export interface JobRunner {
  /** Look for due work now (call after enqueueing). */
  wake(): void;
  pause(): void;
  resume(): void;
  /** Stop taking jobs, abort the one in flight, put it back in line, and resolve when idle. */
  drain(): Promise<void>;
}

export function defaultRetryDelay(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** One job at a time: background work must never compete with capture for the database. */
export function createJobRunner({
  db,
  registry,
  clock,
  logger,
  retryDelayMs = defaultRetryDelay,
  turns = createBackgroundTurns(),
  isHeld = () => false,
  onCompleted = () => undefined,
}: JobRunnerDeps): JobRunner {
  const { sqlite } = db;
  const runnableKinds = () => registry.kinds().filter((kind) => !isHeld(kind));
  let paused = false;
  let draining = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: AbortController | undefined;

  const recovered = recoverInterruptedJobs(sqlite, clock.now());
  if (recovered > 0) logger.info('jobs.recovered', { count: recovered });

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (paused || draining) return;
    const due = nextDueTime(sqlite, runnableKinds());
    if (due === undefined) return;
    timer = setTimeout(wake, Math.max(0, due - clock.now()));
    timer.unref();
  }

  async function runOne(job: JobRow): Promise<void> {
    const processor = registry.get(job.kind);
    if (processor === undefined) {
      releaseJob(sqlite, job.id, clock.now());
      return;
    }
    let payload: unknown;
    try {
      payload = processor.payloadSchema.parse(JSON.parse(job.payload));
    } catch (error) {
      failJob(sqlite, job.id, `Invalid payload: ${String(error)}`, clock.now());
      logger.warn('jobs.invalid_payload', { id: job.id, kind: job.kind });
      return;
    }
    inFlight = new AbortController();
    try {
      await processor.process(payload, inFlight.signal);
      await turns.slice(() => completeJob(sqlite, job.id));
      onCompleted(job.kind);
    } catch (error) {
      if (inFlight.signal.aborted) {
        releaseJob(sqlite, job.id, clock.now());
        return;
      }
      failOrRetry(job, error);
    } finally {
      inFlight = undefined;
    }
  }

  /**
   * Claims the next due job; one whose processor runs inline is run and completed right here, and
   * its kind is returned instead.
   */
  function claimNext(): JobRow | string | undefined {
    try {
      return sqlite
        .transaction(() => {
          const job = claimJob(sqlite, runnableKinds(), clock.now());
          const runInline = job === undefined ? undefined : registry.get(job.kind)?.runInline;
          if (job === undefined || runInline === undefined) return job;
          runInline(parsePayload(job));
          completeJob(sqlite, job.id);
          return job.kind;
        })
        .immediate();
    } catch (error) {
      // Rolled back, job and all: claimed again, it runs the ordinary way, which counts the
      // attempt and fails a payload that can never work.
      logger.warn('jobs.inline_failed', { error: String(error) });
      return claimJob(sqlite, runnableKinds(), clock.now());
    }
  }

  function parsePayload(job: JobRow): unknown {
    const processor = registry.get(job.kind);
    if (processor === undefined) throw new Error(`no processor for ${job.kind}`);
    return processor.payloadSchema.parse(JSON.parse(job.payload));
  }

  function failOrRetry(job: JobRow, error: unknown): void {
    const outcome = retryJobLater(sqlite, job.id, String(error), clock.now() + retryDelayMs(job.attempts), clock.now());
    logger.warn('jobs.attempt_failed', { id: job.id, kind: job.kind, attempt: job.attempts, outcome });
  }

  async function loop(): Promise<void> {
    while (!paused && !draining) {
      // Never inside the caller's turn (a capture enqueues, then wakes us) and never two jobs
      // back to back: whatever waits on the event loop goes first.
      const job = await turns.slice(() => (paused || draining ? undefined : claimNext()));
      if (typeof job === 'string') {
        onCompleted(job);
        continue;
      }
      if (job === undefined) break;
      await runOne(job);
    }
  }

  function wake(): void {
    if (paused || draining || running !== undefined) return;
    // loop() may finish synchronously when nothing is due, so the bookkeeping lives in finally,
    // which always runs after `running` has been assigned.
    const run: Promise<void> = loop()
      .catch((error: unknown) => {
        logger.error('jobs.loop_failed', { error: String(error) });
      })
      .finally(() => {
        if (running === run) running = undefined;
        schedule();
      });
    running = run;
  }

  return {
    wake,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wake();
    },
    async drain() {
      draining = true;
      if (timer !== undefined) clearTimeout(timer);
      inFlight?.abort();
      await running;
    },
  };
}
