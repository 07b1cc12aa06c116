import { afterEach, describe, expect, it } from 'vitest';
import { redoableWrites } from '../../src-main/core/db/redoable-writes';
import { createTestCore, type TestCore } from '../helpers/test-core';

const FULL = 2;
const NORMAL = 1;

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

describe('background writes committed without an fsync', () => {
  it('run with synchronous=NORMAL and leave the connection at FULL, even when they throw', () => {
    core = createTestCore();
    const { sqlite } = core.db;
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(redoableWrites(sqlite, () => sqlite.pragma('synchronous', { simple: true }))).toBe(NORMAL);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() =>
      redoableWrites(sqlite, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('never leave a capture running without FULL while the job runner works', async () => {
    core = createTestCore({ runJobs: true });
    const { sqlite } = core.db;
    const seen: unknown[] = [];
    // Every capture's commit happens inside the dispatcher; sample the setting around each one.
    for (let index = 0; index < 20; index += 1) {
      seen.push(sqlite.pragma('synchronous', { simple: true }));
      const result = await core.dispatcher.dispatch('thoughts.capture', { text: `call the dentist tomorrow ${index} #health` }, { door: 'ipc' });
      expect(result.ok).toBe(true);
      seen.push(sqlite.pragma('synchronous', { simple: true }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(new Set(seen)).toEqual(new Set([FULL]));
  });
});
