import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexStatus } from '../../src-shared/contract';
import { call } from '../helpers/call';
import { createIndexedCore, type IndexedCore } from '../helpers/indexed-core';

let core: IndexedCore | undefined;
afterEach(async () => {
  await core?.cleanup();
  core = undefined;
});

async function untilIndexed(target: IndexedCore, total: number): Promise<IndexStatus> {
  let status: IndexStatus | undefined;
  await vi.waitFor(
    async () => {
      status = await call(target, 'index.status', {});
      expect(status).toMatchObject({ state: 'ready', total, embedded: total, paused: false });
    },
    { timeout: 20_000, interval: 50 },
  );
  return status as IndexStatus;
}

/** Background work gets time it would use if it were not paused. */
async function settle(ms = 600): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function pendingJobs(target: IndexedCore): Promise<number> {
  return (await call(target, 'system.health', {})).queue.pending;
}

describe('pausing background indexing', () => {
  it('holds vectors and reading while paused, across a restart, and catches up on resume', async () => {
    core = await createIndexedCore();
    const garden = await call(core, 'thoughts.capture', { text: 'plan the garden beds' });
    await untilIndexed(core, 1);
    await vi.waitFor(async () => expect(await pendingJobs(core as IndexedCore)).toBe(0), { timeout: 20_000, interval: 50 });

    const progress: IndexStatus[] = [];
    core.bus.subscribe((event, payload) => event === 'index.progress' && progress.push(payload as IndexStatus));
    const paused = await call(core, 'index.pause', {});
    expect(paused).toMatchObject({ paused: true, ratePerSecond: null, etaSeconds: null });
    await vi.waitFor(() => expect(progress.at(-1)).toMatchObject({ paused: true }), { timeout: 5_000 });

    // Capture and search keep working: words at once, meaning for what already has a vector.
    const tomatoes = await call(core, 'thoughts.capture', { text: 'water the tomatoes tonight' });
    await settle();
    expect(await call(core, 'index.status', {})).toMatchObject({ paused: true, total: 2, embedded: 1, state: 'indexing' });
    expect(await pendingJobs(core)).toBe(2);
    const byWords = await call(core, 'search.query', { query: 'tomatoes' });
    expect(byWords.items.map((hit) => hit.thought.id)).toEqual([tomatoes.id]);
    const byMeaning = await call(core, 'search.query', { query: 'garden beds' });
    expect(byMeaning.usedMeaning).toBe(true);
    expect(byMeaning.items.find((hit) => hit.thought.id === garden.id)?.matchedBy).toContain('meaning');

    core = await core.reopen();
    expect((await call(core, 'settings.get', {})).indexingPaused).toBe(true);
    await settle(1_500);
    expect(await call(core, 'index.status', {})).toMatchObject({ paused: true, total: 2, embedded: 1 });
    expect(await pendingJobs(core)).toBe(2);

    const resumed = await call(core, 'index.resume', {});
    expect(resumed.paused).toBe(false);
    await untilIndexed(core, 2);
    await vi.waitFor(async () => expect(await pendingJobs(core as IndexedCore)).toBe(0), { timeout: 20_000, interval: 50 });
    expect((await call(core, 'settings.get', {})).indexingPaused).toBe(false);
  });

  it('is the same as changing the setting, and pausing twice is harmless', async () => {
    core = await createIndexedCore();
    await untilIndexed(core, 0);
    await call(core, 'settings.update', { patch: { indexingPaused: true } });
    expect((await call(core, 'index.pause', {})).paused).toBe(true);
    await call(core, 'thoughts.capture', { text: 'a thought that waits' });
    await settle();
    expect(await call(core, 'index.status', {})).toMatchObject({ paused: true, embedded: 0, total: 1 });

    await call(core, 'settings.update', { patch: { indexingPaused: false } });
    await untilIndexed(core, 1);
    expect((await call(core, 'index.resume', {})).paused).toBe(false);
  });
});
