import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Thought, ThoughtEvent } from '../../src-shared/contract';
import { addAutoTags } from '../../src-main/core/db/repositories/tags';
import { findThoughtById } from '../../src-main/core/db/repositories/thoughts';
import { call, callFailing } from '../helpers/call';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function history(id: string): Promise<ThoughtEvent[]> {
  return (await call(core, 'thoughts.history', { id })).events;
}

async function versionOf(thought: Thought, index: number): Promise<ThoughtEvent> {
  const event = (await history(thought.id))[index];
  if (event === undefined) throw new Error(`no event ${index}`);
  return event;
}

async function found(query: string): Promise<string[]> {
  const { items } = await call(core, 'search.query', { query, filters: { scope: 'all' } });
  return items.map((hit) => hit.thought.id);
}

/** A thought captured, then rewritten twice: three versions of the text. */
async function rewrittenTwice(): Promise<Thought> {
  const thought = await call(core, 'thoughts.capture', { text: 'Plant tomatoes before the frost #garden', type: 'idea' });
  core.clock.advance(60_000);
  await call(core, 'thoughts.update', { id: thought.id, text: 'Plant basil before the frost #herbs', type: 'note' });
  core.clock.advance(60_000);
  return call(core, 'thoughts.update', { id: thought.id, text: 'Plant basil and chives in spring #herbs', tags: ['herbs', 'spring'] });
}

describe('restoring an earlier version', () => {
  it('brings back its text, own tags and type as a new version', async () => {
    const thought = await rewrittenTwice();
    const first = await versionOf(thought, 0);
    const restored = await call(core, 'thoughts.revert', { id: thought.id, eventId: first.id, expectedVersion: thought.version });
    expect(restored).toMatchObject({ text: 'Plant tomatoes before the frost #garden', type: 'idea', version: thought.version + 1 });
    expect(restored.tags).toEqual([{ name: 'garden', kind: 'user' }]);
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(restored);
  });

  it('records the restore as its own event, naming the version it brought back, and loses nothing', async () => {
    const thought = await rewrittenTwice();
    const first = await versionOf(thought, 0);
    await call(core, 'thoughts.revert', { id: thought.id, eventId: first.id });
    const events = await history(thought.id);
    expect(events).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({
      type: 'thought.reverted',
      actor: 'user',
      revertedTo: first.id,
      snapshot: { text: first.snapshot.text, tags: ['garden'], type: 'idea' },
    });
    expect(events.at(-1)?.changed.sort()).toEqual(['tags', 'text', 'type']);
    // Every version that was replaced is still there to go back to.
    expect(events.map((event) => event.snapshot.text)).toEqual([
      'Plant tomatoes before the frost #garden',
      'Plant basil before the frost #herbs',
      'Plant basil and chives in spring #herbs',
      'Plant tomatoes before the frost #garden',
    ]);
  });

  it('is undone by restoring the version before it', async () => {
    const thought = await rewrittenTwice();
    const [first, , latest] = await history(thought.id);
    await call(core, 'thoughts.revert', { id: thought.id, eventId: first?.id ?? 0 });
    const undone = await call(core, 'thoughts.revert', { id: thought.id, eventId: latest?.id ?? 0 });
    expect(undone).toMatchObject({ text: thought.text, type: thought.type, version: thought.version + 2 });
    expect(undone.tags.map((tag) => tag.name).sort()).toEqual(['herbs', 'spring']);
  });

  it('keeps where the thought lives: archived, pinned and private stay as they are now', async () => {
    const thought = await rewrittenTwice();
    await call(core, 'thoughts.update', { id: thought.id, pinned: true, isPrivate: true });
    const archived = await call(core, 'thoughts.archive', { id: thought.id });
    const first = await versionOf(thought, 0);
    const restored = await call(core, 'thoughts.revert', { id: thought.id, eventId: first.id, expectedVersion: archived.version });
    expect(restored).toMatchObject({ text: first.snapshot.text, pinned: true, isPrivate: true, archivedAt: archived.archivedAt, deletedAt: null });
  });

  it('can bring back the text a state change saw, whatever the event was', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'before archiving' });
    await call(core, 'thoughts.archive', { id: thought.id });
    await call(core, 'thoughts.update', { id: thought.id, text: 'after archiving' });
    const archivedEvent = await versionOf(thought, 1);
    expect(archivedEvent.type).toBe('thought.archived');
    expect((await call(core, 'thoughts.revert', { id: thought.id, eventId: archivedEvent.id })).text).toBe('before archiving');
  });

  it('leaves suggested tags alone and makes a removed tag own again when that version had it', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'Morning run', tags: ['running'] });
    const seq = findThoughtById(core.db.sqlite, thought.id)?.seq ?? -1;
    addAutoTags(core.db.sqlite, seq, [{ name: 'health', confidence: 0.8 }], core.clock.now());
    await call(core, 'tags.remove', { thoughtId: thought.id, name: 'running' });
    const restored = await call(core, 'thoughts.revert', { id: thought.id, eventId: (await versionOf(thought, 0)).id });
    expect(restored.tags).toEqual([
      { name: 'running', kind: 'user' },
      { name: 'health', kind: 'auto' },
    ]);
  });

  it('moves the search index with it: the restored words are found, the replaced ones are not', async () => {
    const thought = await rewrittenTwice();
    expect(await found('chives')).toEqual([thought.id]);
    expect(await found('tomatoes')).toEqual([]);
    await call(core, 'thoughts.revert', { id: thought.id, eventId: (await versionOf(thought, 0)).id });
    expect(await found('tomatoes')).toEqual([thought.id]);
    expect(await found('chives')).toEqual([]);
  });

  it('queues a fresh analysis and embedding and tells the windows, like an edit', async () => {
    const thought = await rewrittenTwice();
    core.db.sqlite.prepare('DELETE FROM jobs').run();
    const announced: unknown[] = [];
    const unsubscribe = core.bus.subscribe((event, payload) => {
      if (event === 'thoughts.changed') announced.push(payload);
    });
    await call(core, 'thoughts.revert', { id: thought.id, eventId: (await versionOf(thought, 0)).id });
    unsubscribe();
    const jobs = core.db.sqlite.prepare('SELECT kind, payload FROM jobs ORDER BY kind').all();
    expect(jobs).toEqual([
      { kind: 'analyze', payload: JSON.stringify({ thoughtId: thought.id }) },
      { kind: 'embed', payload: JSON.stringify({ thoughtId: thought.id }) },
    ]);
    expect(announced).toEqual([{ ids: [thought.id], reason: 'updated' }]);
  });

  it('changes nothing and records nothing when the thought already says that', async () => {
    const thought = await rewrittenTwice();
    const latest = await versionOf(thought, 2);
    const eventsBefore = (await history(thought.id)).length;
    const unchanged = await call(core, 'thoughts.revert', { id: thought.id, eventId: latest.id, expectedVersion: thought.version });
    expect(unchanged).toEqual(thought);
    expect(await history(thought.id)).toHaveLength(eventsBefore);
  });

  it('does not lock a type Cairn may still correct when only the text comes back', async () => {
    const thought = await call(core, 'thoughts.capture', { text: 'first words' });
    await call(core, 'thoughts.update', { id: thought.id, text: 'second words' });
    await call(core, 'thoughts.revert', { id: thought.id, eventId: (await versionOf(thought, 0)).id });
    const locked = core.db.sqlite.prepare('SELECT type_locked FROM thoughts WHERE id = ?').pluck().get(thought.id);
    expect(locked).toBe(0);
  });
});

describe('restoring refuses', () => {
  it('a stale expectedVersion (conflict) and leaves the thought as it is', async () => {
    const thought = await rewrittenTwice();
    const first = await versionOf(thought, 0);
    const error = await callFailing(core, 'thoughts.revert', { id: thought.id, eventId: first.id, expectedVersion: thought.version - 1 });
    expect(error.code).toBe('conflict');
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(thought);
  });

  it('an event of another thought, or one that does not exist (not_found)', async () => {
    const thought = await rewrittenTwice();
    const other = await call(core, 'thoughts.capture', { text: 'someone else entirely' });
    const foreign = await versionOf(other, 0);
    expect((await callFailing(core, 'thoughts.revert', { id: thought.id, eventId: foreign.id })).code).toBe('not_found');
    expect((await callFailing(core, 'thoughts.revert', { id: thought.id, eventId: 999_999 })).code).toBe('not_found');
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(thought);
  });

  it('an unknown thought (not_found)', async () => {
    const error = await callFailing(core, 'thoughts.revert', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', eventId: 1 });
    expect(error.code).toBe('not_found');
  });

  it('a thought in the trash (invalid_state), until it is restored from there', async () => {
    const thought = await rewrittenTwice();
    const first = await versionOf(thought, 0);
    await call(core, 'thoughts.delete', { id: thought.id });
    const error = await callFailing(core, 'thoughts.revert', { id: thought.id, eventId: first.id });
    expect(error.code).toBe('invalid_state');
    expect(error.message).toMatch(/trash/);
    expect((await call(core, 'thoughts.get', { id: thought.id })).text).toBe(thought.text);
    await call(core, 'thoughts.restore', { id: thought.id });
    expect((await call(core, 'thoughts.revert', { id: thought.id, eventId: first.id })).text).toBe(first.snapshot.text);
  });

  it('malformed ids (invalid_input)', async () => {
    const thought = await rewrittenTwice();
    for (const input of [
      { id: 'not-an-id', eventId: 1 },
      { id: thought.id, eventId: 0 },
      { id: thought.id, eventId: 1.5 },
      { id: thought.id, eventId: '1' },
      { id: thought.id },
      { id: thought.id, eventId: 1, expectedVersion: 0 },
      { id: thought.id, eventId: 1, text: 'smuggled' },
    ]) {
      expect((await callFailing(core, 'thoughts.revert', input)).code, JSON.stringify(input)).toBe('invalid_input');
    }
  });

  it('nothing half-done when the event cannot be written', async () => {
    const thought = await rewrittenTwice();
    const first = await versionOf(thought, 0);
    core.db.sqlite.exec("CREATE TEMP TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    const result = await core.dispatcher.dispatch('thoughts.revert', { id: thought.id, eventId: first.id }, { door: 'ipc' });
    core.db.sqlite.exec('DROP TRIGGER temp.refuse_events');
    expect(result.ok).toBe(false);
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(thought);
    expect(await found('tomatoes')).toEqual([]);
  });
});
