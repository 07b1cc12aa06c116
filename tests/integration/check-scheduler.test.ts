import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/call';
import { createAiRig, type AiTestRig } from '../helpers/ai-core';

const MINUTE = 60_000;
let rig: AiTestRig;
afterEach(async () => {
  await rig?.cleanup();
});

async function setUp(): Promise<AiTestRig> {
  rig = await createAiRig({ schedulerTickMs: MINUTE });
  // 2026-03-01T09:00Z; quiet hours off unless a test sets them.
  await call(rig.core, 'settings.update', { patch: { aiProviders: ['offline'], quietHours: null, timeZone: 'UTC' } });
  return rig;
}

async function tick(): Promise<string | undefined> {
  const started = rig.core.scheduler!.tick();
  await rig.core.checks.settled();
  return started;
}

async function runs() {
  return (await call(rig.core, 'checks.list', {})).items;
}

describe('the check scheduler', () => {
  it('runs a check once the interval has passed since the last one, not before', async () => {
    await setUp();
    await call(rig.core, 'thoughts.capture', { text: 'First thought of the day' });
    rig.core.clock.advance(44 * MINUTE);
    expect(await tick()).toBeUndefined();
    rig.core.clock.advance(MINUTE);
    const id = await tick();
    expect(id).toBeDefined();
    expect(await runs()).toEqual([expect.objectContaining({ id, trigger: 'schedule', status: 'succeeded' })]);
    const { schedule } = await call(rig.core, 'checks.list', {});
    expect(Date.parse(schedule.nextDueAt!)).toBe(rig.core.clock.now() + 45 * MINUTE);
  });

  it('skips a due check when nothing new was captured, and says when it last skipped', async () => {
    await setUp();
    await call(rig.core, 'thoughts.capture', { text: 'Something' });
    rig.core.clock.advance(45 * MINUTE);
    await tick();
    rig.core.clock.advance(45 * MINUTE);
    expect(await tick()).toBeUndefined();
    expect(await runs()).toHaveLength(1);
    const { schedule } = await call(rig.core, 'checks.list', {});
    expect(schedule.lastSkippedAt).toBe(new Date(rig.core.clock.now()).toISOString());
    // Something new arrives: the next look (one interval after the skip) runs.
    await call(rig.core, 'thoughts.capture', { text: 'Something new' });
    rig.core.clock.advance(45 * MINUTE);
    expect(await tick()).toBeDefined();
  });

  it('catches up once, not once per missed interval, after the machine slept', async () => {
    await setUp();
    await call(rig.core, 'thoughts.capture', { text: 'Before sleep' });
    rig.core.clock.advance(10 * 60 * MINUTE);
    const id = await tick();
    expect(await tick()).toBeUndefined();
    rig.core.scheduler!.poke();
    await rig.core.checks.settled();
    expect(await runs()).toEqual([expect.objectContaining({ id, trigger: 'catch_up' })]);
  });

  it('waits out quiet hours in the person’s time zone, then runs', async () => {
    await setUp();
    await call(rig.core, 'settings.update', { patch: { quietHours: { start: '10:00', end: '12:00' }, timeZone: 'Europe/Berlin' } });
    await call(rig.core, 'thoughts.capture', { text: 'Late thought' });
    // 09:00Z + 45 min = 10:45 in Berlin (UTC+1): quiet.
    rig.core.clock.advance(45 * MINUTE);
    expect(await tick()).toBeUndefined();
    const { schedule } = await call(rig.core, 'checks.list', {});
    expect(schedule.quiet).toBe(true);
    // The next check is due when quiet hours end: 12:00 in Berlin, 11:00 UTC.
    expect(schedule.nextDueAt).toBe('2026-03-01T11:00:00.000Z');
    rig.core.clock.advance(75 * MINUTE);
    expect(await tick()).toBeDefined();
  });

  it('does nothing while checks are off', async () => {
    await setUp();
    await call(rig.core, 'settings.update', { patch: { checksEnabled: false } });
    await call(rig.core, 'thoughts.capture', { text: 'Anything' });
    rig.core.clock.advance(5 * 60 * MINUTE);
    expect(await tick()).toBeUndefined();
    expect((await call(rig.core, 'checks.list', {})).schedule).toMatchObject({ enabled: false, nextDueAt: null });
  });

  it('never starts a second check while one runs', async () => {
    await setUp();
    await call(rig.core, 'settings.update', { patch: { aiProviders: ['ollama'] } });
    await call(rig.core, 'thoughts.capture', { text: 'Slow one' });
    rig.ollama.slowMs = 300;
    rig.ollama.fail('slow');
    const { runId } = await call(rig.core, 'checks.runNow', {});
    rig.core.clock.advance(60 * MINUTE);
    expect(rig.core.scheduler!.tick()).toBeUndefined();
    await rig.core.checks.settled();
    expect((await runs()).map((run) => run.id)).toEqual([runId]);
  });
});
