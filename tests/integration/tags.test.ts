import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Thought } from '../../src-shared/contract';
import { addAutoTags } from '../../src-main/core/db/repositories/tags';
import { findThoughtById } from '../../src-main/core/db/repositories/thoughts';
import { call, callFailing } from '../helpers/call';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
beforeEach(() => {
  core = createTestCore({ runJobs: false });
});
afterEach(async () => {
  await core.cleanup();
});

function suggest(thought: Thought, ...names: string[]): string[] {
  const seq = findThoughtById(core.db.sqlite, thought.id)?.seq ?? -1;
  return addAutoTags(
    core.db.sqlite,
    seq,
    names.map((name) => ({ name, confidence: 0.8 })),
    core.clock.now(),
  );
}

describe('suggested tags', () => {
  it('show as auto tags next to the own ones, and accepting one makes it own, with a new version and event', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'Ran 5k this morning #running' });
    expect(suggest(thought, 'health', 'running')).toEqual(['health']);
    const shown = await call(core, 'thoughts.get', { id: thought.id });
    expect(shown.tags).toEqual([
      { name: 'running', kind: 'user' },
      { name: 'health', kind: 'auto' },
    ]);
    const accepted = await call(core, 'tags.accept', { thoughtId: thought.id, name: 'Health' });
    expect(accepted.tags).toEqual([
      { name: 'health', kind: 'user' },
      { name: 'running', kind: 'user' },
    ]);
    expect(accepted.version).toBe(shown.version + 1);
    const history = await call(core, 'thoughts.history', { id: thought.id });
    expect(history.events.at(-1)).toMatchObject({ type: 'thought.edited', changed: ['tags'], snapshot: { tags: ['running', 'health'] } });
    // Accepting an own tag again changes nothing.
    expect((await call(core, 'tags.accept', { thoughtId: thought.id, name: 'health' })).version).toBe(accepted.version);
  });

  it('removed ones disappear without a new version and are never suggested again', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'Budget review' });
    suggest(thought, 'finance');
    const removed = await call(core, 'tags.remove', { thoughtId: thought.id, name: 'finance' });
    expect(removed.tags).toEqual([]);
    expect(removed.version).toBe(thought.version);
    expect(suggest(thought, 'finance')).toEqual([]);
    expect((await call(core, 'thoughts.get', { id: thought.id })).tags).toEqual([]);
    expect((await callFailing(core, 'tags.remove', { thoughtId: thought.id, name: 'finance' })).code).toBe('not_found');
  });

  it('removing an own tag is an edit, and Cairn does not suggest it back', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'Call mom #family #calls' });
    const removed = await call(core, 'tags.remove', { thoughtId: thought.id, name: 'calls' });
    expect(removed.tags).toEqual([{ name: 'family', kind: 'user' }]);
    expect(removed.version).toBe(thought.version + 1);
    expect(suggest(thought, 'calls')).toEqual([]);
    // The person can still add it back by hand.
    const readded = await call(core, 'thoughts.update', { id: thought.id, tags: ['family', 'calls'] });
    expect(readded.tags.map((tag) => `${tag.name}:${tag.kind}`)).toEqual(['calls:user', 'family:user']);
  });

  it('refuse unknown thoughts, unknown tags and malformed names with coded errors, changing nothing', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'plain' });
    expect((await callFailing(core, 'tags.accept', { thoughtId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: 'x' })).code).toBe('not_found');
    expect((await callFailing(core, 'tags.accept', { thoughtId: thought.id, name: 'never-suggested' })).code).toBe('not_found');
    for (const name of ['', 'two words', 'x'.repeat(65), 'semi;colon']) {
      expect((await callFailing(core, 'tags.accept', { thoughtId: thought.id, name })).code).toBe('invalid_input');
    }
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(thought);
  });
});
