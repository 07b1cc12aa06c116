import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Thought } from '../../src-shared/contract';
import { SUGGESTION_LIFETIME_MS, type FoundTask } from '../../src-main/core/suggestions/suggestion-service';
import { call, callFailing } from '../helpers/call';
import { openSecondConnection } from '../helpers/db-inspect';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src-main/core/paths';

let core: TestCore;
beforeEach(() => {
  core = createTestCore({ runJobs: false });
});
afterEach(async () => {
  await core.cleanup();
});

const SUGGEST = { mode: 'suggest', autoCreateThreshold: 0.85 } as const;
const DENTIST: FoundTask = { title: 'Call the dentist', dueAt: Date.parse('2026-03-02T14:00:00.000Z'), hasTime: true, confidence: 0.9 };

async function thought(text: string): Promise<Thought> {
  return call(core, 'thoughts.capture', { text });
}

async function pending(thoughtId?: string) {
  return (await call(core, 'suggestions.list', thoughtId === undefined ? {} : { thoughtId })).items;
}

describe('task suggestions', () => {
  it('are offered once per thought and title, with the thought for context', async () => {
    const source = await thought('Need to call the dentist tomorrow at 3pm');
    expect(core.suggestions.offer(source.id, [DENTIST], SUGGEST)).toBe(1);
    expect(core.suggestions.offer(source.id, [{ ...DENTIST, title: 'call  the Dentist!' }], SUGGEST)).toBe(0);
    const [offered, ...others] = await pending();
    expect(others).toEqual([]);
    expect(offered).toMatchObject({
      thoughtId: source.id,
      thoughtExcerpt: 'Need to call the dentist tomorrow at 3pm',
      title: 'Call the dentist',
      dueAt: '2026-03-02T14:00:00.000Z',
      dueHasTime: true,
      status: 'pending',
      taskId: null,
    });
  });

  it('are not offered when the setting is off, and become tasks at once in auto mode above the threshold', async () => {
    const source = await thought('errands');
    expect(core.suggestions.offer(source.id, [DENTIST], { mode: 'off', autoCreateThreshold: 0.5 })).toBe(0);
    expect(await pending()).toEqual([]);
    core.suggestions.offer(
      source.id,
      [DENTIST, { title: 'Maybe buy flowers', dueAt: null, hasTime: false, confidence: 0.4 }],
      { mode: 'auto', autoCreateThreshold: 0.85 },
    );
    const accepted = (await call(core, 'suggestions.list', { status: 'accepted' })).items;
    expect(accepted.map((item) => item.title)).toEqual(['Call the dentist']);
    expect(accepted[0]?.taskId).not.toBeNull();
    expect((await pending()).map((item) => item.title)).toEqual(['Maybe buy flowers']);
  });

  it('accepting creates a linked task with the edits, and an event; a second accept is refused', async () => {
    const source = await thought('Need to call the dentist tomorrow');
    core.suggestions.offer(source.id, [DENTIST], SUGGEST);
    const [offered] = await pending();
    const result = await call(core, 'suggestions.accept', { id: offered?.id ?? '', title: 'Call Dr. Weiss', dueAt: null });
    expect(result.task).toMatchObject({ title: 'Call Dr. Weiss', dueAt: null, sourceThoughtId: source.id, status: 'todo' });
    expect(result.suggestion).toMatchObject({ status: 'accepted', taskId: result.task.id, title: 'Call Dr. Weiss' });
    expect(await pending()).toEqual([]);
    expect((await callFailing(core, 'suggestions.accept', { id: offered?.id })).code).toBe('invalid_state');
    const db = openSecondConnection(join(core.dataDir, DATABASE_FILE));
    try {
      const events = db.prepare("SELECT type, actor FROM events WHERE entity_type = 'task' AND entity_id = ?").all(result.task.id);
      expect(events).toEqual([{ type: 'task.created', actor: 'user' }]);
    } finally {
      db.close();
    }
  });

  it('never makes a second open task with the same title, and offers none for one that exists', async () => {
    const first = await thought('dentist');
    const second = await thought('dentist again');
    core.suggestions.offer(first.id, [DENTIST], SUGGEST);
    core.suggestions.offer(second.id, [{ ...DENTIST, title: 'Book a haircut' }], SUGGEST);
    const [haircut, dentist] = await pending();
    await call(core, 'suggestions.accept', { id: dentist?.id ?? '' });
    expect((await callFailing(core, 'suggestions.accept', { id: haircut?.id, title: 'call the dentist' })).code).toBe('conflict');
    expect((await pending()).map((item) => item.id)).toEqual([haircut?.id]);
    const third = await thought('the dentist, once more');
    expect(core.suggestions.offer(third.id, [DENTIST], SUGGEST)).toBe(0);
  });

  it('dismissed ones are listed as dismissed and never offered again', async () => {
    const source = await thought('dentist');
    core.suggestions.offer(source.id, [DENTIST], SUGGEST);
    const [offered] = await pending();
    expect(await call(core, 'suggestions.dismiss', { id: offered?.id ?? '' })).toMatchObject({ status: 'dismissed' });
    expect(await pending()).toEqual([]);
    expect((await call(core, 'suggestions.list', { status: 'dismissed' })).items).toHaveLength(1);
    expect(core.suggestions.offer(source.id, [DENTIST], SUGGEST)).toBe(0);
    expect((await callFailing(core, 'suggestions.dismiss', { id: offered?.id })).code).toBe('invalid_state');
  });

  it('expire after 90 days: no longer pending, listed as expired, cannot be accepted', async () => {
    const source = await thought('dentist');
    core.suggestions.offer(source.id, [DENTIST], SUGGEST);
    const [offered] = await pending();
    core.clock.advance(SUGGESTION_LIFETIME_MS + 1);
    expect(await pending()).toEqual([]);
    expect((await call(core, 'suggestions.list', { status: 'expired' })).items.map((item) => item.id)).toEqual([offered?.id]);
    expect((await callFailing(core, 'suggestions.accept', { id: offered?.id })).code).toBe('invalid_state');
    expect(core.suggestions.expire()).toBe(1);
    expect((await call(core, 'suggestions.list', { status: 'expired' })).items).toHaveLength(1);
  });

  it('of a trashed thought are hidden; of one thought can be listed alone', async () => {
    const kept = await thought('kept');
    const trashed = await thought('trashed');
    core.suggestions.offer(kept.id, [DENTIST], SUGGEST);
    core.suggestions.offer(trashed.id, [{ ...DENTIST, title: 'Water the plants' }], SUGGEST);
    expect((await pending(kept.id)).map((item) => item.title)).toEqual(['Call the dentist']);
    await call(core, 'thoughts.delete', { id: trashed.id });
    expect((await pending()).map((item) => item.title)).toEqual(['Call the dentist']);
  });

  it('page newest first, each once, and refuse forged cursors and unknown ids', async () => {
    const source = await thought('many');
    for (let index = 0; index < 7; index += 1) {
      core.suggestions.offer(source.id, [{ ...DENTIST, title: `Task number ${'x'.repeat(index + 1)}` }], SUGGEST);
      core.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(core, 'suggestions.list', { limit: 3, ...(cursor === undefined ? {} : { cursor }) });
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, index) => `Task number ${'x'.repeat(7 - index)}`));
    expect((await callFailing(core, 'suggestions.list', { cursor: 'bogus' })).code).toBe('invalid_input');
    expect((await callFailing(core, 'suggestions.accept', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('not_found');
    expect((await callFailing(core, 'suggestions.accept', { id: 'x', title: '' })).code).toBe('invalid_input');
  });
});
