import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createCore } from '../../src-main/core/create-core';
import { createJobRunner, defaultRetryDelay, JobRegistry, type JobProcessor, type JobRunner } from '../../src-main/core/jobs/job-queue';
import { enqueueJob } from '../../src-main/core/db/repositories/jobs';
import { silentLogger } from '../../src-main/core/logger';
import { call } from '../helpers/call';
import { createTestCore, MIGRATIONS, tempDir, type TestCore } from '../helpers/test-core';

interface JobState {
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  run_after: number;
  last_error: string | null;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function testCore(options: { runJobs?: boolean } = {}): TestCore {
  const core = createTestCore(options);
  cleanups.push(() => core.cleanup());
  return core;
}

function jobsOf(core: TestCore, kind?: string): JobState[] {
  const rows = core.db.sqlite
    .prepare('SELECT kind, payload, status, attempts, run_after, last_error FROM jobs ORDER BY id')
    .all() as JobState[];
  return kind === undefined ? rows : rows.filter((row) => row.kind === kind);
}

function embedProcessor(process: (payload: { thoughtId: string }, signal: AbortSignal) => Promise<void>): JobProcessor<{ thoughtId: string }> {
  return { kind: 'embed', payloadSchema: z.object({ thoughtId: z.string() }), process };
}

/** A runner over a core's database with its own processors, started once work is waiting. */
function startRunner(core: TestCore, processors: JobProcessor<{ thoughtId: string }>[], retryDelayMs?: (attempts: number) => number): JobRunner {
  const registry = new JobRegistry();
  for (const processor of processors) registry.register(processor);
  const runner = createJobRunner({ db: core.db, registry, clock: core.clock, logger: silentLogger, ...(retryDelayMs ? { retryDelayMs } : {}) });
  cleanups.push(() => runner.drain());
  runner.wake();
  return runner;
}

describe('background work for a captured thought', () => {
  it('is queued in the capture transaction: one embed and one analyze job, pending', async () => {
    const core = testCore({ runJobs: false });
    const thought = await call(core, 'thoughts.capture', { text: 'needs understanding' });
    expect(jobsOf(core).map((job) => [job.kind, JSON.parse(job.payload), job.status, job.attempts])).toEqual([
      ['embed', { thoughtId: thought.id }, 'pending', 0],
      ['analyze', { thoughtId: thought.id }, 'pending', 0],
    ]);
  });

  it('stays pending, untouched, while no processor for it exists', async () => {
    const core = testCore({ runJobs: true });
    core.db.sqlite.transaction(() => enqueueJob(core.db.sqlite, { kind: 'summarize', payload: { thoughtId: 'x' } }, core.clock.now()))();
    core.jobs.runner?.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(jobsOf(core, 'summarize').map((job) => [job.status, job.attempts])).toEqual([['pending', 0]]);
  });

  it('is processed once a processor registers with the running app', async () => {
    const core = testCore({ runJobs: true });
    const processed: string[] = [];
    core.db.sqlite.transaction(() => enqueueJob(core.db.sqlite, { kind: 'summarize', payload: { thoughtId: 'a' } }, core.clock.now()))();
    core.jobs.registry.register({ ...embedProcessor(async ({ thoughtId }) => void processed.push(thoughtId)), kind: 'summarize' });
    core.jobs.runner?.wake();
    await vi.waitFor(() => expect(processed).toEqual(['a']), { timeout: 3_000 });
    await vi.waitFor(() => expect(jobsOf(core, 'summarize')).toEqual([]), { timeout: 3_000 });
  });

  it('is queued only once while waiting, however often the thought is edited', async () => {
    const core = testCore({ runJobs: false });
    const thought = await call(core, 'thoughts.capture', { text: 'draft one' });
    await call(core, 'thoughts.update', { id: thought.id, text: 'draft two' });
    await call(core, 'thoughts.update', { id: thought.id, text: 'draft three' });
    expect(jobsOf(core).map((job) => job.kind).sort()).toEqual(['analyze', 'embed']);
  });
});

describe('a job runner', () => {
  it('processes due jobs of the kinds it knows and leaves the others pending', async () => {
    const core = testCore({ runJobs: false });
    const first = await call(core, 'thoughts.capture', { text: 'one' });
    const second = await call(core, 'thoughts.capture', { text: 'two' });
    const processed: string[] = [];
    startRunner(core, [embedProcessor(async ({ thoughtId }) => void processed.push(thoughtId))]);
    await vi.waitFor(() => expect(processed).toEqual([first.id, second.id]));
    expect(jobsOf(core).map((job) => [job.kind, job.status])).toEqual([
      ['analyze', 'pending'],
      ['analyze', 'pending'],
    ]);
  });

  it('retries a failing job later, backing off, and marks it failed after the last attempt', async () => {
    const core = testCore({ runJobs: false });
    await call(core, 'thoughts.capture', { text: 'will not embed' });
    let calls = 0;
    const delays: number[] = [];
    const runner = startRunner(
      core,
      [
        embedProcessor(async () => {
          calls += 1;
          throw new Error(`model crashed on attempt ${calls}`);
        }),
      ],
      (attempts) => {
        delays.push(attempts);
        return attempts * 600_000;
      },
    );
    for (let attempt = 1; attempt < 5; attempt += 1) {
      await vi.waitFor(() => expect(jobsOf(core, 'embed')[0]).toMatchObject({ status: 'pending', attempts: attempt }));
      const job = jobsOf(core, 'embed')[0];
      expect(job?.run_after).toBe(core.clock.now() + attempt * 600_000);
      expect(calls).toBe(attempt);
      core.clock.advance(attempt * 600_000);
      runner.wake();
    }
    await vi.waitFor(() => expect(jobsOf(core, 'embed')[0]?.status).toBe('failed'));
    expect(calls).toBe(5);
    expect(delays).toEqual([1, 2, 3, 4, 5]);
    expect(jobsOf(core, 'embed')[0]?.last_error).toContain('model crashed on attempt 5');
    expect((await call(core, 'system.health', {})).status).toBe('degraded');
  });

  it('waits longer after each failure, up to an hour', () => {
    const delays = [1, 2, 3, 4, 5, 10, 30].map(defaultRetryDelay);
    for (let index = 1; index < delays.length; index += 1) {
      expect(delays[index]).toBeGreaterThanOrEqual(delays[index - 1] ?? 0);
    }
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(delays.at(-1)).toBe(60 * 60 * 1000);
  });

  it('fails a job with an invalid payload at once, without running it', async () => {
    const core = testCore({ runJobs: false });
    core.db.sqlite
      .prepare("INSERT INTO jobs (kind, payload, run_after, created_at, updated_at) VALUES ('embed', ?, 0, 0, 0)")
      .run(JSON.stringify({ thoughtId: 42 }));
    let calls = 0;
    startRunner(core, [embedProcessor(async () => void (calls += 1))]);
    await vi.waitFor(() => expect(jobsOf(core, 'embed')[0]?.status).toBe('failed'));
    expect(calls).toBe(0);
    expect(jobsOf(core, 'embed')[0]?.last_error).toMatch(/invalid payload/i);
  });

  it('on shutdown aborts the job in flight and puts it back in line without counting the attempt', async () => {
    const core = testCore({ runJobs: false });
    await call(core, 'thoughts.capture', { text: 'long embedding' });
    let sawAbort = false;
    let started = false;
    const runner = startRunner(core, [
      embedProcessor(
        (_payload, signal) =>
          new Promise<void>((_resolve, reject) => {
            started = true;
            signal.addEventListener('abort', () => {
              sawAbort = true;
              reject(new Error('aborted'));
            });
          }),
      ),
    ]);
    await vi.waitFor(() => expect(started).toBe(true));
    expect(jobsOf(core, 'embed')[0]?.status).toBe('running');
    await runner.drain();
    expect(sawAbort).toBe(true);
    expect(jobsOf(core, 'embed')[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('after a crash', () => {
  it('jobs left running are put back in line at the next start', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const open = (runJobs: boolean) => createCore({ dataDir: dir.path, migrationsFolder: MIGRATIONS, version: 'test', logger: silentLogger, runJobs });
    const before = open(false);
    await call(before, 'thoughts.capture', { text: 'interrupted' });
    before.db.sqlite.prepare("UPDATE jobs SET status = 'running', attempts = 1 WHERE kind = 'embed'").run();
    // A crash: the process dies without draining.
    before.db.close();
    const after = open(true);
    cleanups.push(() => after.dispose());
    // (Nothing can embed here: no model is installed, so the job waits, pending again.)
    const rows = after.db.sqlite.prepare("SELECT kind, status FROM jobs WHERE kind = 'embed'").all();
    expect(rows).toEqual([{ kind: 'embed', status: 'pending' }]);
  });
});

describe('jobs run inline (synchronous, short, safe to repeat)', () => {
  function inlineProcessor(runInline: (payload: { thoughtId: string }) => void, process: (payload: { thoughtId: string }) => Promise<void>): JobProcessor<{ thoughtId: string }> {
    return { kind: 'embed', payloadSchema: z.object({ thoughtId: z.string() }), process, runInline };
  }

  function enqueue(core: TestCore, payload: unknown): void {
    core.db.sqlite.transaction(() => enqueueJob(core.db.sqlite, { kind: 'embed', payload }, core.clock.now()))();
  }

  it('are claimed, run and completed in one commit, their writes with them', async () => {
    const core = testCore({ runJobs: false });
    core.db.sqlite.exec('CREATE TABLE done (id TEXT)');
    const slow: string[] = [];
    enqueue(core, { thoughtId: 'a' });
    enqueue(core, { thoughtId: 'b' });
    startRunner(core, [
      inlineProcessor(
        ({ thoughtId }) => void core.db.sqlite.prepare('INSERT INTO done VALUES (?)').run(thoughtId),
        async ({ thoughtId }) => void slow.push(thoughtId),
      ),
    ]);
    await vi.waitFor(() => expect(jobsOf(core)).toEqual([]), { timeout: 3_000 });
    expect(core.db.sqlite.prepare('SELECT id FROM done ORDER BY id').pluck().all()).toEqual(['a', 'b']);
    expect(slow).toEqual([]);
  });

  it('that throw leave nothing half-written and run the ordinary way, which counts the attempt', async () => {
    const core = testCore({ runJobs: false });
    core.db.sqlite.exec('CREATE TABLE done (id TEXT)');
    const slow: string[] = [];
    enqueue(core, { thoughtId: 'a' });
    startRunner(
      core,
      [
        inlineProcessor(
          ({ thoughtId }) => {
            core.db.sqlite.prepare('INSERT INTO done VALUES (?)').run(thoughtId);
            throw new Error('inline broke');
          },
          async ({ thoughtId }) => {
            slow.push(thoughtId);
            throw new Error('slow broke too');
          },
        ),
      ],
      () => 60_000,
    );
    await vi.waitFor(() => expect(jobsOf(core)).toMatchObject([{ status: 'pending', attempts: 1, last_error: 'Error: slow broke too' }]), { timeout: 3_000 });
    expect(slow).toEqual(['a']);
    expect(core.db.sqlite.prepare('SELECT count(*) FROM done').pluck().get()).toBe(0);
  });

  it('with a payload that can never work fail at once', async () => {
    const core = testCore({ runJobs: false });
    enqueue(core, { thoughtId: 42 });
    startRunner(core, [inlineProcessor(() => undefined, async () => undefined)]);
    await vi.waitFor(() => expect(jobsOf(core)).toMatchObject([{ status: 'failed', attempts: 1 }]), { timeout: 3_000 });
  });
});
