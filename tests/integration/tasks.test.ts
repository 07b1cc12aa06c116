import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput, Task } from '../../src-shared/contract';
import { createCore } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';
import { call, callFailing } from '../helpers/call';
import { MIN_GAP } from '../../src-main/core/tasks/task-order';
import { migrationsUpTo } from '../helpers/migrations-fixture';
import { createTestCore, MIGRATIONS, tempDir, type TestCore } from '../helpers/test-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A core whose clock reads `now`, with the person living in `timeZone`. */
async function coreAt(now: string, timeZone: string): Promise<TestCore> {
  const core = createTestCore();
  cleanups.push(() => core.cleanup());
  core.clock.advance(Date.parse(now) - core.clock.now());
  await call(core, 'settings.update', { patch: { timeZone } });
  return core;
}

function create(core: TestCore, input: OperationInput<'tasks.create'>): Promise<Task> {
  return call(core, 'tasks.create', input);
}

async function titles(core: TestCore, input: OperationInput<'tasks.list'>): Promise<string[]> {
  const { items } = await call(core, 'tasks.list', input);
  return items.map((task) => (task.parentId === null ? task.title : `  ${task.title}`));
}

async function code(core: TestCore, operation: string, input: unknown): Promise<string> {
  return (await callFailing(core, operation, input)).code;
}

describe('due dates and the person’s day', () => {
  it('reads a day alone as the end of that day, and a time without offset on the person’s clock', async () => {
    const core = await coreAt('2026-03-01T09:00:00Z', 'Europe/Berlin');
    const byDay = await create(core, { title: 'Pay rent', dueAt: '2026-03-05' });
    const atTime = await create(core, { title: 'Dentist', dueAt: '2026-03-05T15:30' });
    const instant = await create(core, { title: 'Call', dueAt: '2026-03-05T15:30:00+09:00' });
    expect(byDay.dueAt).toBe('2026-03-05T22:59:59.999Z');
    expect(atTime.dueAt).toBe('2026-03-05T14:30:00.000Z');
    expect(instant.dueAt).toBe('2026-03-05T06:30:00.000Z');
    expect(byDay).toMatchObject({ status: 'todo', priority: 0, parentId: null, recurrence: null, goalId: null, version: 1 });
  });

  it('counts today in the person’s time zone: just before and just after midnight', async () => {
    // 07:30Z is 23:30 on Feb 28 in Los Angeles, and already March 1 in UTC.
    const core = await coreAt('2026-03-01T07:30:00Z', 'America/Los_Angeles');
    await create(core, { title: 'Due Feb 28', dueAt: '2026-02-28' });
    await create(core, { title: 'Due Mar 1', dueAt: '2026-03-01' });
    await create(core, { title: 'Due Mar 2', dueAt: '2026-03-02T09:00' });
    await create(core, { title: 'No date' });

    const list = await call(core, 'tasks.list', { view: 'today' });
    expect(list).toMatchObject({ timeZone: 'America/Los_Angeles', today: '2026-02-28', hasMore: false });
    expect(list.items.map((task) => task.title)).toEqual(['Due Feb 28']);
    expect(await titles(core, { view: 'upcoming' })).toEqual(['Due Mar 1', 'Due Mar 2']);
    expect(await titles(core, { view: 'all' })).toEqual(['Due Feb 28', 'Due Mar 1', 'Due Mar 2', 'No date']);

    core.clock.advance(HOUR);
    expect((await call(core, 'tasks.list', { view: 'today' })).today).toBe('2026-03-01');
    expect(await titles(core, { view: 'today' })).toEqual(['Due Feb 28', 'Due Mar 1']);
    expect(await titles(core, { view: 'upcoming' })).toEqual(['Due Mar 2']);

    // Due dates are instants; which day they fall on is the person's. At UTC+14 it is 22:30 on
    // March 1, and the end of March 1 in Los Angeles is already March 2 there.
    await call(core, 'settings.update', { patch: { timeZone: 'Pacific/Kiritimati' } });
    expect((await call(core, 'tasks.list', { view: 'today' })).today).toBe('2026-03-01');
    expect(await titles(core, { view: 'today' })).toEqual(['Due Feb 28']);
    expect(await titles(core, { view: 'upcoming' })).toEqual(['Due Mar 1', 'Due Mar 2']);
  });

  it('shows what was completed today in Today, in place, and everything finished under Done', async () => {
    const core = await coreAt('2026-03-10T12:00:00Z', 'UTC');
    const first = await create(core, { title: 'First', dueAt: '2026-03-10' });
    await create(core, { title: 'Second', dueAt: '2026-03-09' });
    const undated = await create(core, { title: 'Undated' });
    await call(core, 'tasks.update', { id: first.id, patch: { status: 'done' } });
    await call(core, 'tasks.update', { id: undated.id, patch: { status: 'done' } });
    expect(await titles(core, { view: 'today' })).toEqual(['First', 'Second', 'Undated']);
    expect(await titles(core, { view: 'all' })).toEqual(['Second']);

    core.clock.advance(DAY);
    expect(await titles(core, { view: 'today' })).toEqual(['Second']);
    const done = await call(core, 'tasks.list', { view: 'done' });
    expect(done.items.map((task) => task.title)).toEqual(['Undated', 'First']);
    expect(done.items.every((task) => task.completedAt !== null)).toBe(true);
  });

  it('pages over top-level tasks, each with all of its subtasks', async () => {
    const core = await coreAt('2026-03-10T12:00:00Z', 'UTC');
    const one = await create(core, { title: 'One' });
    await create(core, { title: 'One.a', parentId: one.id });
    await create(core, { title: 'One.b', parentId: one.id });
    await create(core, { title: 'Two' });
    await create(core, { title: 'Three' });
    const first = await call(core, 'tasks.list', { view: 'all', limit: 2 });
    expect(first.items.map((task) => task.title)).toEqual(['One', 'One.a', 'One.b', 'Two']);
    expect(first.hasMore).toBe(true);
    const second = await call(core, 'tasks.list', { view: 'all', limit: 2, offset: 2 });
    expect(second.items.map((task) => task.title)).toEqual(['Three']);
    expect(second.hasMore).toBe(false);
  });
});

describe('repeating tasks', () => {
  it('completing makes the next occurrence once, even when “complete” arrives twice', async () => {
    const core = await coreAt('2026-03-02T08:00:00Z', 'Europe/Berlin');
    const task = await create(core, { title: 'Water the plants', dueAt: '2026-03-02T09:00', recurrence: { kind: 'weekly', days: ['MO', 'TH'] } });
    const done = await call(core, 'tasks.update', { id: task.id, expectedVersion: task.version, patch: { status: 'done' } });
    expect(done).toMatchObject({ status: 'done', completedAt: '2026-03-02T08:00:00.000Z', version: 2 });
    // The same click again: a stale version is refused; without one, nothing new is made.
    expect(await code(core, 'tasks.update', { id: task.id, expectedVersion: task.version, patch: { status: 'done' } })).toBe('conflict');
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });

    const open = (await call(core, 'tasks.list', { view: 'all' })).items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ title: 'Water the plants', dueAt: '2026-03-05T08:00:00.000Z', recurrence: { kind: 'weekly', days: ['MO', 'TH'] } });
    const links = core.db.sqlite.prepare('SELECT count(*) FROM tasks WHERE recurs_from = ?').pluck().get(task.id);
    expect(links).toBe(1);
  });

  it('reopening takes back an untouched next occurrence; completing again makes it again, once', async () => {
    const core = await coreAt('2026-03-02T08:00:00Z', 'UTC');
    const task = await create(core, { title: 'Stretch', recurrence: { kind: 'daily' } });
    expect(task.dueAt).toBe('2026-03-02T23:59:59.999Z');
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'todo' } });
    expect((await call(core, 'tasks.list', { view: 'all' })).items.map((each) => each.id)).toEqual([task.id]);

    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    const [next] = (await call(core, 'tasks.list', { view: 'upcoming' })).items;
    expect(next?.dueAt).toBe('2026-03-03T23:59:59.999Z');
    // Once the person has touched the next one, reopening the old one leaves it alone.
    await call(core, 'tasks.update', { id: next?.id ?? '', patch: { priority: 2 } });
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'todo' } });
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    expect((await call(core, 'tasks.list', { view: 'all' })).items.map((each) => each.id)).toEqual([next?.id]);
  });

  it('finished late, the next one is due after today; its subtasks start over fresh, the old ones stay', async () => {
    const core = await coreAt('2026-03-12T10:00:00Z', 'UTC');
    const review = await create(core, { title: 'Weekly review', dueAt: '2026-03-09', recurrence: { kind: 'weekly', days: ['MO'] }, priority: 3 });
    const inbox = await create(core, { title: 'Empty the inbox', parentId: review.id, dueAt: '2026-03-08' });
    await create(core, { title: 'Plan the week', parentId: review.id });
    await call(core, 'tasks.update', { id: inbox.id, patch: { status: 'done' } });
    await call(core, 'tasks.update', { id: review.id, patch: { status: 'done' } });

    const upcoming = (await call(core, 'tasks.list', { view: 'upcoming' })).items;
    expect(upcoming.map((task) => [task.title, task.status, task.dueAt])).toEqual([
      ['Weekly review', 'todo', '2026-03-16T23:59:59.999Z'],
      ['Empty the inbox', 'todo', '2026-03-15T23:59:59.999Z'],
      ['Plan the week', 'todo', null],
    ]);
    expect(upcoming[0]?.priority).toBe(3);
    expect(upcoming.slice(1).every((task) => task.parentId === upcoming[0]?.id)).toBe(true);
    // The completed one keeps its subtasks as they were: one done, one still open.
    const old = (await call(core, 'tasks.list', { view: 'done' })).items;
    expect(old.map((task) => [task.title, task.status])).toEqual([
      ['Weekly review', 'done'],
      ['Empty the inbox', 'done'],
      ['Plan the week', 'todo'],
    ]);
  });

  it('can be given a recurrence later, and lose it', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const task = await create(core, { title: 'Invoice' });
    const monthly = await call(core, 'tasks.update', { id: task.id, patch: { recurrence: { kind: 'monthly', day: 31 } } });
    expect(monthly).toMatchObject({ recurrence: { kind: 'monthly', day: 31 }, dueAt: '2026-03-31T23:59:59.999Z' });
    const plain = await call(core, 'tasks.update', { id: task.id, patch: { recurrence: null } });
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    expect(plain.recurrence).toBeNull();
    expect((await call(core, 'tasks.list', { view: 'all' })).items).toEqual([]);
  });
});

describe('order', () => {
  async function threeTasks(core: TestCore): Promise<Record<'a' | 'b' | 'c', Task>> {
    return { a: await create(core, { title: 'A' }), b: await create(core, { title: 'B' }), c: await create(core, { title: 'C' }) };
  }

  it('new tasks go last; a move puts a task right before or after another and keeps its version', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const { a, b, c } = await threeTasks(core);
    const moved = await call(core, 'tasks.reorder', { id: c.id, relativeTo: a.id, place: 'before' });
    expect(moved.version).toBe(c.version);
    expect(await titles(core, {})).toEqual(['C', 'A', 'B']);
    await call(core, 'tasks.reorder', { id: c.id, relativeTo: b.id, place: 'after' });
    expect(await titles(core, {})).toEqual(['A', 'B', 'C']);
    await call(core, 'tasks.reorder', { id: a.id, relativeTo: b.id, place: 'after' });
    expect(await titles(core, {})).toEqual(['B', 'A', 'C']);
    // An edit with the version read before the moves still goes through.
    await call(core, 'tasks.update', { id: a.id, expectedVersion: a.version, patch: { title: 'A!' } });
  });

  it('keeps the order through sixty moves into the same gap, renumbering when the gap gets tiny', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const { a, c } = await threeTasks(core);
    const d = await create(core, { title: 'D' });
    const position = core.db.sqlite.prepare('SELECT position FROM tasks WHERE id = ?').pluck();
    const gaps: number[] = [];
    for (let round = 0; round < 60; round += 1) {
      const mover = round % 2 === 0 ? c : d;
      await call(core, 'tasks.reorder', { id: mover.id, relativeTo: a.id, place: 'after' });
      gaps.push((position.get(mover.id) as number) - (position.get(a.id) as number));
    }
    // Each move halves the gap after A, until it is renumbered 1, 2, 3 … and starts over.
    expect(Math.min(...gaps)).toBeGreaterThan(MIN_GAP / 4);
    expect(gaps.filter((gap, index) => index > 0 && gap > (gaps[index - 1] ?? 0)).length).toBeGreaterThanOrEqual(2);
    expect(await titles(core, {})).toEqual(['A', 'D', 'C', 'B']);
    // Renumbering is housekeeping: nobody's version moved, so no edit in flight conflicts.
    expect((await call(core, 'tasks.list', {})).items.map((task) => task.version)).toEqual([1, 1, 1, 1]);
  });

  it('moves subtasks among their siblings only', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const parent = await create(core, { title: 'Trip' });
    const pack = await create(core, { title: 'Pack', parentId: parent.id });
    const tickets = await create(core, { title: 'Tickets', parentId: parent.id });
    const other = await create(core, { title: 'Other' });
    await call(core, 'tasks.reorder', { id: tickets.id, relativeTo: pack.id, place: 'before' });
    expect(await titles(core, {})).toEqual(['Trip', '  Tickets', '  Pack', 'Other']);
    expect(await code(core, 'tasks.reorder', { id: pack.id, relativeTo: other.id, place: 'after' })).toBe('invalid_state');
    expect(await code(core, 'tasks.reorder', { id: pack.id, relativeTo: pack.id, place: 'after' })).toBe('invalid_input');
    expect(await code(core, 'tasks.reorder', { id: pack.id, relativeTo: '01JAAAAAAAAAAAAAAAAAAAAAAA', place: 'after' })).toBe('not_found');
  });
});

describe('subtasks', () => {
  it('go one level deep: no subtask of a subtask, no parent under another, never its own parent', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const parent = await create(core, { title: 'Move house' });
    const child = await create(core, { title: 'Book a van', parentId: parent.id });
    const loner = await create(core, { title: 'Loner' });
    expect(await code(core, 'tasks.create', { title: 'Deeper', parentId: child.id })).toBe('invalid_state');
    expect(await code(core, 'tasks.create', { title: 'Orphan', parentId: '01JAAAAAAAAAAAAAAAAAAAAAAA' })).toBe('not_found');
    expect(await code(core, 'tasks.update', { id: parent.id, patch: { parentId: loner.id } })).toBe('invalid_state');
    expect(await code(core, 'tasks.update', { id: loner.id, patch: { parentId: loner.id } })).toBe('invalid_input');
    expect(await code(core, 'tasks.update', { id: loner.id, patch: { parentId: child.id } })).toBe('invalid_state');
    expect(await code(core, 'tasks.create', { title: 'Daily', parentId: parent.id, recurrence: { kind: 'daily' } })).toBe('invalid_state');
    expect(await code(core, 'tasks.update', { id: child.id, patch: { recurrence: { kind: 'daily' } } })).toBe('invalid_state');

    const moved = await call(core, 'tasks.update', { id: loner.id, patch: { parentId: parent.id } });
    expect(moved.parentId).toBe(parent.id);
    expect(await titles(core, {})).toEqual(['Move house', '  Book a van', '  Loner']);
    // Out again: right below its old parent.
    await create(core, { title: 'Last' });
    await call(core, 'tasks.update', { id: child.id, patch: { parentId: null } });
    expect(await titles(core, {})).toEqual(['Move house', '  Loner', 'Book a van', 'Last']);
  });

  it('share their parent’s goal, and follow it when the parent moves to another goal', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const garden = await call(core, 'goals.create', { title: 'Grow vegetables' });
    const fitness = await call(core, 'goals.create', { title: 'Run 10k' });
    const parent = await create(core, { title: 'Build raised beds', goalId: garden.id });
    const child = await create(core, { title: 'Buy timber', parentId: parent.id });
    expect(child.goalId).toBe(garden.id);
    expect(await code(core, 'tasks.create', { title: 'Elsewhere', parentId: parent.id, goalId: fitness.id })).toBe('invalid_state');
    expect(await code(core, 'tasks.update', { id: child.id, patch: { goalId: fitness.id } })).toBe('invalid_state');
    expect(await code(core, 'tasks.create', { title: 'Ghost goal', goalId: '01JAAAAAAAAAAAAAAAAAAAAAAA' })).toBe('not_found');

    await call(core, 'tasks.update', { id: parent.id, patch: { goalId: fitness.id } });
    expect(await titles(core, { view: 'goal', goalId: fitness.id })).toEqual(['Build raised beds', '  Buy timber']);
    expect(await titles(core, { view: 'goal', goalId: garden.id })).toEqual([]);
    expect((await call(core, 'goals.get', { id: fitness.id })).goal.progress).toMatchObject({ done: 0, total: 2 });
  });

  it('a parent can be completed with open subtasks, which stay open and still show under it', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const parent = await create(core, { title: 'Tax return', dueAt: '2026-03-04' });
    await create(core, { title: 'Find receipts', parentId: parent.id });
    await call(core, 'tasks.update', { id: parent.id, patch: { status: 'done' } });
    const list = (await call(core, 'tasks.list', { view: 'all' })).items;
    expect(list.map((task) => [task.title, task.status])).toEqual([
      ['Tax return', 'done'],
      ['Find receipts', 'todo'],
    ]);
  });

  it('a subtask due today brings its parent into Today', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const parent = await create(core, { title: 'Birthday party', dueAt: '2026-03-20' });
    await create(core, { title: 'Order the cake', parentId: parent.id, dueAt: '2026-03-04' });
    await create(core, { title: 'Send invitations', parentId: parent.id });
    expect(await titles(core, { view: 'today' })).toEqual(['Birthday party', '  Order the cake', '  Send invitations']);
    expect(await titles(core, { view: 'upcoming' })).toEqual(['Birthday party', '  Order the cake', '  Send invitations']);
  });

  it('are deleted with their parent; the history keeps what they were', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const parent = await create(core, { title: 'Old plan' });
    const child = await create(core, { title: 'Old step', parentId: parent.id });
    const kept = await create(core, { title: 'Kept' });
    expect(await code(core, 'tasks.delete', { id: parent.id, expectedVersion: 7 })).toBe('conflict');
    const { ids } = await call(core, 'tasks.delete', { id: parent.id, expectedVersion: parent.version });
    expect(ids.sort()).toEqual([parent.id, child.id].sort());
    expect((await call(core, 'tasks.list', {})).items.map((task) => task.id)).toEqual([kept.id]);
    expect(await code(core, 'tasks.delete', { id: parent.id })).toBe('not_found');
    const history = core.db.sqlite.prepare("SELECT entity_id FROM events WHERE type = 'task.deleted'").pluck().all();
    expect(history.sort()).toEqual([parent.id, child.id].sort());
  });
});

describe('bad input and stale versions', () => {
  it('is refused with a stable code and changes nothing', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const task = await create(core, { title: 'Real' });
    for (const input of [
      { title: '   ' },
      { title: 'x', priority: 4 },
      { title: 'x', priority: -1 },
      { title: 'x', dueAt: '2026-02-30' },
      { title: 'x', dueAt: 'tomorrow' },
      { title: 'x', recurrence: { kind: 'weekly', days: [] } },
      { title: 'x', recurrence: { kind: 'monthly', day: 32 } },
      { title: 'x', parentId: 'not-an-id' },
      { title: 'x', extra: true },
    ]) {
      expect(await code(core, 'tasks.create', input), JSON.stringify(input)).toBe('invalid_input');
    }
    expect(await code(core, 'tasks.list', { view: 'goal' })).toBe('invalid_input');
    expect(await code(core, 'tasks.list', { view: 'goal', goalId: '01JAAAAAAAAAAAAAAAAAAAAAAA' })).toBe('not_found');
    expect(await code(core, 'tasks.update', { id: task.id, patch: { status: 'finished' } })).toBe('invalid_input');
    expect(await code(core, 'tasks.reorder', { id: task.id, relativeTo: task.id, place: 'above' })).toBe('invalid_input');

    await call(core, 'tasks.update', { id: task.id, expectedVersion: 1, patch: { title: 'Renamed' } });
    expect(await code(core, 'tasks.update', { id: task.id, expectedVersion: 1, patch: { title: 'Lost update' } })).toBe('conflict');
    expect((await call(core, 'tasks.list', {})).items.map((each) => each.title)).toEqual(['Renamed']);
  });
});

describe('events', () => {
  it('tell open views which tasks and goals changed', async () => {
    const core = await coreAt('2026-03-04T10:00:00Z', 'UTC');
    const goal = await call(core, 'goals.create', { title: 'Garden' });
    const seen: unknown[] = [];
    cleanups.push(core.bus.subscribe((event, payload) => event === 'tasks.changed' && seen.push(payload)));
    const task = await create(core, { title: 'Dig', goalId: goal.id, recurrence: { kind: 'daily' } });
    await call(core, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    const next = (await call(core, 'tasks.list', { view: 'goal', goalId: goal.id })).items.find((each) => each.status === 'todo');
    await call(core, 'tasks.reorder', { id: task.id, relativeTo: next?.id ?? '', place: 'after' });
    await call(core, 'tasks.delete', { id: task.id });
    expect(seen).toEqual([
      { ids: [task.id], goalIds: [goal.id] },
      { ids: [task.id, next?.id], goalIds: [goal.id] },
      { ids: [task.id], goalIds: [goal.id] },
      { ids: [task.id], goalIds: [goal.id] },
    ]);
  });
});

describe('a database from before tasks could repeat (migration 0005)', () => {
  it('keeps its tasks, which can then repeat and be ordered', async () => {
    const dir = tempDir('cairn-tasks-migration-');
    const oldFolder = tempDir('cairn-old-migrations-');
    cleanups.push(dir.remove, oldFolder.remove);
    const options = { dataDir: dir.path, version: 'old', logger: silentLogger, runJobs: false } as const;
    const oldCore = createCore({ ...options, migrationsFolder: migrationsUpTo(5, oldFolder.path) });
    const at = Date.parse('2026-03-01T10:00:00Z');
    const insert = oldCore.db.sqlite.prepare('INSERT INTO tasks (id, title, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('01JAAAAAAAAAAAAAAAAAAAAAA1', 'Old task', at, at, at);
    insert.run('01JAAAAAAAAAAAAAAAAAAAAAA2', 'Older task', null, at - 1, at - 1);
    await oldCore.dispose();

    const core = createCore({ ...options, migrationsFolder: MIGRATIONS });
    cleanups.push(() => core.dispose());
    expect((await call(core, 'tasks.list', {})).items.map((task) => [task.title, task.parentId, task.recurrence])).toEqual([
      ['Older task', null, null],
      ['Old task', null, null],
    ]);
    await call(core, 'tasks.reorder', { id: '01JAAAAAAAAAAAAAAAAAAAAAA2', relativeTo: '01JAAAAAAAAAAAAAAAAAAAAAA1', place: 'after' });
    await call(core, 'tasks.update', { id: '01JAAAAAAAAAAAAAAAAAAAAAA1', patch: { recurrence: { kind: 'daily' } } });
    await call(core, 'tasks.update', { id: '01JAAAAAAAAAAAAAAAAAAAAAA1', patch: { status: 'done' } });
    // The next occurrence takes the place of the one it follows.
    expect((await call(core, 'tasks.list', { view: 'all' })).items.map((task) => task.title)).toEqual(['Old task', 'Older task']);
    expect(core.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
