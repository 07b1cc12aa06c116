import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Thought } from '../../src-shared/contract';
import { call, callFailing } from '../helpers/call';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(async () => {
  await core.cleanup();
});

function count(table: 'events' | 'thoughts' | 'jobs' | 'thought_tags'): number {
  return (core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function capture(text: string, extra: { tags?: string[]; type?: Thought['type'] } = {}): Promise<Thought> {
  return call(core, 'thoughts.capture', { text, ...extra });
}

async function listAll(view: 'active' | 'archived' | 'trash', limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await call(core, 'thoughts.list', { view, limit, ...(cursor === undefined ? {} : { cursor }) });
    pages += 1;
    ids.push(...page.items.map((thought) => thought.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages < 1000);
  return { ids, pages };
}

describe('capture and read', () => {
  it('stores the thought as sent, with defaults, and returns it by id', async () => {
    const thought = await capture('Buy oat milk\nand bread');
    expect(thought).toMatchObject({ text: 'Buy oat milk\nand bread', type: 'note', source: 'app', pinned: false, version: 1 });
    expect(await call(core, 'thoughts.get', { id: thought.id })).toEqual(thought);
  });

  it('records where a thought came from by the door it used', async () => {
    const viaHttp = await call(core, 'thoughts.capture', { text: 'from a phone' }, 'http');
    const viaCli = await call(core, 'thoughts.capture', { text: 'from a terminal' }, 'cli');
    const explicit = await call(core, 'thoughts.capture', { text: 'from the tray', source: 'tray' }, 'http');
    expect([viaHttp.source, viaCli.source, explicit.source]).toEqual(['http', 'cli', 'tray']);
  });

  it('turns inline #tags into user tags next to the tags given explicitly', async () => {
    const thought = await capture('Call #Mom about the #garden', { tags: ['Family'] });
    expect(thought.tags).toEqual(
      expect.arrayContaining([
        { name: 'mom', kind: 'user' },
        { name: 'garden', kind: 'user' },
        { name: 'family', kind: 'user' },
      ]),
    );
    expect(thought.tags).toHaveLength(3);
  });

  it('reports an unknown id as not_found', async () => {
    expect((await callFailing(core, 'thoughts.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('not_found');
  });
});

describe('listing', () => {
  it('pages through many thoughts captured in the same millisecond, newest first, each exactly once', async () => {
    const captured: string[] = [];
    for (let index = 0; index < 57; index += 1) captured.push((await capture(`same instant ${index}`)).id);
    const { ids, pages } = await listAll('active', 10);
    expect(ids).toEqual([...captured].reverse());
    expect(pages).toBe(6);
  });

  it('puts later captures first', async () => {
    const older = await capture('older');
    core.clock.advance(60_000);
    const newer = await capture('newer');
    core.clock.advance(-120_000);
    const backdated = await capture('clock stepped back');
    const { ids } = await listAll('active', 50);
    expect(ids).toEqual([newer.id, older.id, backdated.id]);
  });

  it('shows archived thoughts only under archived and trashed ones only under trash', async () => {
    const kept = await capture('kept');
    const archived = await capture('archived');
    const trashed = await capture('trashed');
    const archivedThenTrashed = await capture('archived then trashed');
    await call(core, 'thoughts.archive', { id: archived.id });
    await call(core, 'thoughts.delete', { id: trashed.id });
    await call(core, 'thoughts.archive', { id: archivedThenTrashed.id });
    await call(core, 'thoughts.delete', { id: archivedThenTrashed.id });
    expect((await listAll('active', 50)).ids).toEqual([kept.id]);
    expect((await listAll('archived', 50)).ids).toEqual([archived.id]);
    expect((await listAll('trash', 50)).ids).toEqual([archivedThenTrashed.id, trashed.id]);
  });

  it('refuses a forged cursor with invalid_input', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('[1,"x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect((await callFailing(core, 'thoughts.list', { cursor })).code).toBe('invalid_input');
    }
  });
});

describe('updating', () => {
  it('changes text, type, pinned and tags, bumping the version once', async () => {
    const thought = await capture('first draft #idea');
    const updated = await call(core, 'thoughts.update', {
      id: thought.id,
      expectedVersion: 1,
      text: 'second draft #plan',
      type: 'idea',
      pinned: true,
    });
    expect(updated).toMatchObject({ text: 'second draft #plan', type: 'idea', pinned: true, version: 2 });
    expect(updated.tags).toEqual([{ name: 'plan', kind: 'user' }]);
    const tagged = await call(core, 'thoughts.update', { id: thought.id, tags: ['one', 'Two'] });
    expect(tagged.tags.map((tag) => tag.name).sort()).toEqual(['one', 'two']);
  });

  it('keeps hand-set tags when the text is edited', async () => {
    const thought = await capture('plain text', { tags: ['kept'] });
    const edited = await call(core, 'thoughts.update', { id: thought.id, text: 'plain text, edited #new' });
    expect(edited.tags.map((tag) => tag.name).sort()).toEqual(['kept', 'new']);
  });

  it('refuses to overwrite a newer version (conflict) and leaves the thought as it was', async () => {
    const thought = await capture('original');
    await call(core, 'thoughts.update', { id: thought.id, text: 'edited elsewhere' });
    const error = await callFailing(core, 'thoughts.update', { id: thought.id, expectedVersion: 1, text: 'stale edit' });
    expect(error.code).toBe('conflict');
    expect(await call(core, 'thoughts.get', { id: thought.id })).toMatchObject({ text: 'edited elsewhere', version: 2 });
  });

  it('reports an update of an unknown thought as not_found', async () => {
    const error = await callFailing(core, 'thoughts.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', text: 'x' });
    expect(error.code).toBe('not_found');
  });
});

describe('history: the event log', () => {
  it('returns every change of a thought, oldest first, each with the thought as it was after it', async () => {
    const thought = await capture('v1 #a');
    await call(core, 'thoughts.update', { id: thought.id, text: 'v2 #b', pinned: true });
    await call(core, 'thoughts.archive', { id: thought.id });
    await call(core, 'thoughts.unarchive', { id: thought.id });
    await call(core, 'thoughts.delete', { id: thought.id });
    await call(core, 'thoughts.restore', { id: thought.id });
    const { events } = await call(core, 'thoughts.history', { id: thought.id });
    expect(events.map((event) => event.type)).toEqual([
      'thought.captured',
      'thought.edited',
      'thought.archived',
      'thought.unarchived',
      'thought.deleted',
      'thought.restored',
    ]);
    expect(events.map((event) => [event.snapshot.text, event.snapshot.tags, event.snapshot.archived, event.snapshot.deleted])).toEqual([
      ['v1 #a', ['a'], false, false],
      ['v2 #b', ['b'], false, false],
      ['v2 #b', ['b'], true, false],
      ['v2 #b', ['b'], false, false],
      ['v2 #b', ['b'], false, true],
      ['v2 #b', ['b'], false, false],
    ]);
    expect(events[1]?.changed.sort()).toEqual(['pinned', 'tags', 'text']);
    expect(events[1]?.snapshot.pinned).toBe(true);
  });

  it('writes exactly one event per mutation and none for a repeat that changes nothing', async () => {
    const thought = await capture('counted');
    expect(count('events')).toBe(1);
    const steps: [() => Promise<unknown>, number][] = [
      [() => call(core, 'thoughts.update', { id: thought.id, text: 'counted, edited' }), 1],
      [() => call(core, 'thoughts.update', { id: thought.id, text: 'counted, edited' }), 0],
      [() => call(core, 'thoughts.archive', { id: thought.id }), 1],
      [() => call(core, 'thoughts.archive', { id: thought.id }), 0],
      [() => call(core, 'thoughts.unarchive', { id: thought.id }), 1],
      [() => call(core, 'thoughts.unarchive', { id: thought.id }), 0],
      [() => call(core, 'thoughts.delete', { id: thought.id }), 1],
      [() => call(core, 'thoughts.delete', { id: thought.id }), 0],
      [() => call(core, 'thoughts.restore', { id: thought.id }), 1],
      [() => call(core, 'thoughts.restore', { id: thought.id }), 0],
    ];
    for (const [step, expected] of steps) {
      const before = count('events');
      await step();
      expect(count('events') - before).toBe(expected);
    }
  });

  it('has one event for every version a thought went through', async () => {
    // The version promises "increments with every change"; history must show each of them.
    const thought = await capture('versioned');
    await call(core, 'thoughts.update', { id: thought.id, pinned: true });
    await call(core, 'thoughts.update', { id: thought.id, type: 'note' });
    await call(core, 'thoughts.update', { id: thought.id, type: 'idea' });
    await call(core, 'thoughts.archive', { id: thought.id });
    const current = await call(core, 'thoughts.get', { id: thought.id });
    const { events } = await call(core, 'thoughts.history', { id: thought.id });
    expect(events).toHaveLength(current.version);
  });

  it('refuses to rewrite an event', async () => {
    await capture('immutable past');
    expect(() => core.db.sqlite.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/);
    expect(() => core.db.sqlite.prepare("UPDATE events SET type = 'thought.edited'").run()).toThrow(/append-only/);
  });
});

describe('atomicity: a mutation and its event commit together or not at all', () => {
  function failEventWrites(): () => void {
    core.db.sqlite.exec("CREATE TEMP TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    return () => core.db.sqlite.exec('DROP TRIGGER temp.refuse_events');
  }

  function snapshotOf(id: string): unknown {
    return {
      row: core.db.sqlite.prepare('SELECT * FROM thoughts WHERE id = ?').get(id),
      tags: core.db.sqlite
        .prepare('SELECT tt.kind, t.name FROM thought_tags tt JOIN tags t ON t.id = tt.tag_id JOIN thoughts th ON th.seq = tt.thought_seq WHERE th.id = ? ORDER BY t.name')
        .all(id),
      fts: core.db.sqlite.prepare("SELECT count(*) AS n FROM thoughts_fts WHERE thoughts_fts MATCH 'rewritten'").get(),
      jobs: count('jobs'),
    };
  }

  it('a capture whose event cannot be written leaves no thought, tag, index entry or job behind', async () => {
    const restore = failEventWrites();
    const error = await callFailing(core, 'thoughts.capture', { text: 'lost cause #ghost' });
    restore();
    expect(error.code).not.toBe('invalid_input');
    expect([count('thoughts'), count('thought_tags'), count('jobs'), count('events')]).toEqual([0, 0, 0, 0]);
    expect((await call(core, 'search.query', { query: 'lost cause' })).items).toEqual([]);
  });

  const mutations: [string, (id: string) => Promise<unknown>][] = [
    ['an update', (id) => core.dispatcher.dispatch('thoughts.update', { id, text: 'rewritten #changed', pinned: true }, { door: 'ipc' })],
    ['an archive', (id) => core.dispatcher.dispatch('thoughts.archive', { id }, { door: 'ipc' })],
    ['a delete', (id) => core.dispatcher.dispatch('thoughts.delete', { id }, { door: 'ipc' })],
  ];
  for (const [name, mutate] of mutations) {
    it(`${name} whose event cannot be written changes nothing`, async () => {
      const thought = await capture('steady state #kept');
      const before = snapshotOf(thought.id);
      const eventsBefore = count('events');
      const restore = failEventWrites();
      await mutate(thought.id);
      restore();
      expect(snapshotOf(thought.id)).toEqual(before);
      expect(count('events')).toBe(eventsBefore);
    });
  }

  it('an unarchive or restore whose event cannot be written changes nothing', async () => {
    const thought = await capture('parked');
    await call(core, 'thoughts.archive', { id: thought.id });
    await call(core, 'thoughts.delete', { id: thought.id });
    const before = snapshotOf(thought.id);
    const restore = failEventWrites();
    const unarchived = await core.dispatcher.dispatch('thoughts.unarchive', { id: thought.id }, { door: 'ipc' });
    const restored = await core.dispatcher.dispatch('thoughts.restore', { id: thought.id }, { door: 'ipc' });
    restore();
    expect([unarchived.ok, restored.ok]).toEqual([false, false]);
    expect(snapshotOf(thought.id)).toEqual(before);
  });
});
