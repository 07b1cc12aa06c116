import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type OperationName } from '../../src-shared/contract';
import { digestTables, integrityCheck } from '../helpers/db-inspect';
import { MUTATIONS, seedThoughts } from '../helpers/seed';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
let knownId: string;
beforeAll(async () => {
  core = createTestCore();
  knownId = (await seedThoughts(core))[0]?.id ?? '';
});
afterAll(async () => {
  await core.cleanup();
});

const HUGE = 'x'.repeat(100_001);
const LONE_SURROGATES = ['\uD800', 'ok \uDC00 text', '\uDFFF\uD800'];
const CONTROL = ['a\u0000b', '\u0007bell', 'esc \u001b[31m red', '\u007f'];
const PROTO_KEYS = [
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  { prototype: { polluted: true } },
];
const WRONG_TYPES: unknown[] = [42, -1, 1.5, Number.NaN, true, false, [], ['a'], {}, { $gt: '' }, [null], () => 'x'];
const NESTED_JUNK = { a: { b: { c: [1, { d: [null, { e: 'deep'.repeat(100) }] }] } } };
const BAD_IDS = ['not-an-id', '01ARZ3NDEKTSV4RRFFQ69G5FA', '01arz3ndektsv4rrffq69g5fav', '01ARZ3NDEKTSV4RRFFQ69G5FAI', "' OR 1=1 --", '', ' '.repeat(26)];

/** A valid input for each operation, so each field can be broken one at a time. */
function validInput(operation: OperationName): Record<string, unknown> {
  switch (operation) {
    case 'thoughts.capture':
      return { text: 'a valid thought', tags: ['ok'], type: 'idea', pinned: false, isPrivate: false, source: 'app' };
    case 'thoughts.update':
      return { id: knownId, text: 'valid edit', expectedVersion: 1, type: 'note', pinned: true, isPrivate: false, tags: ['ok'] };
    case 'thoughts.list':
      return { view: 'active', limit: 10 };
    case 'search.query':
      return { query: 'seed', limit: 5, filters: { scope: 'all', tags: ['gardening'], types: ['note'], from: '2020-01-01T00:00:00Z' } };
    case 'settings.update':
      return { patch: { theme: 'light', checkIntervalMinutes: 30, quietHours: { start: '22:00', end: '07:00' } } };
    case 'thoughts.revert':
      return { id: knownId, eventId: 1, expectedVersion: 1 };
    case 'tasks.create':
      return { title: 'a valid task', notes: 'n', priority: 2, dueAt: '2026-03-05', parentId: null, goalId: null, recurrence: { kind: 'weekly', days: ['MO'] } };
    case 'desktop.setHotkey':
      return { accelerator: 'Ctrl+Alt+J' };
    case 'settings.get':
    case 'system.health':
      return {};
    default:
      return { id: knownId };
  }
}

/** Hostile variants of one operation's input: whole-payload junk, then each field broken. */
function hostileInputs(operation: OperationName): unknown[] {
  const base = validInput(operation);
  const payloads: unknown[] = [42, 'thoughts', true, [], [base], ...PROTO_KEYS, { ...base, unexpected: 1 }, { ...base, nested: NESTED_JUNK }];
  for (const junk of PROTO_KEYS) payloads.push(Object.assign(JSON.parse(JSON.stringify(base)) as object, junk));
  const rest = JSON.stringify(base).slice(1);
  payloads.push(JSON.parse(`{"__proto__": {"polluted": true}${rest === '}' ? '' : ','} ${rest}`) as unknown);
  for (const [field, value] of Object.entries(base)) {
    const breakers: unknown[] = [null, ...WRONG_TYPES, NESTED_JUNK, HUGE, ...LONE_SURROGATES, ...CONTROL];
    if (field === 'id') breakers.push(...BAD_IDS);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner] of Object.entries(value)) {
        for (const breaker of [null, 42, HUGE, '\uD800', 'x\u0000', ['#bad tag'], { deep: NESTED_JUNK }]) {
          payloads.push({ ...base, [field]: { ...value, [inner]: breaker } });
        }
      }
      payloads.push({ ...base, [field]: { ...value, unknownKey: true } });
    }
    if (Array.isArray(value)) breakers.push([HUGE], ['\uD800'], ['with space'], ['#hash'], Array.from({ length: 51 }, (_, index) => `t${index}`));
    for (const breaker of breakers) payloads.push({ ...base, [field]: breaker });
  }
  // Some breakers happen to be valid for a field (a boolean for `pinned`): those are not hostile.
  return payloads.filter((payload) => !contract[operation].input.safeParse(payload).success);
}

describe('hostile input over the contract', () => {
  for (const operation of operationNames) {
    it(`${operation}: every malformed payload gets a coded error and nothing stored changes`, async () => {
      const before = digestTables(core.db.sqlite);
      const accepted: string[] = [];
      for (const payload of hostileInputs(operation)) {
        const result = await core.dispatcher.dispatch(operation, payload, { door: 'http' });
        if (result.ok) {
          expect(() => contract[operation].output.parse(result.value)).not.toThrow();
          if (MUTATIONS.has(operation)) accepted.push(JSON.stringify(payload).slice(0, 120));
        } else {
          expect(['invalid_input', 'not_found', 'conflict'], JSON.stringify(payload).slice(0, 120)).toContain(result.error.code);
          expect(result.error.message.length).toBeLessThan(500);
        }
      }
      expect(accepted).toEqual([]);
      expect(digestTables(core.db.sqlite)).toBe(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('prototype-pollution keys are refused as unknown fields, at the top and nested', async () => {
    const before = digestTables(core.db.sqlite);
    const payloads: [OperationName, string][] = [
      ['thoughts.capture', '{"__proto__": {"isPrivate": true}, "text": "polluting"}'],
      ['thoughts.capture', '{"constructor": {"prototype": {"polluted": true}}, "text": "polluting"}'],
      ['thoughts.update', `{"id": "${knownId}", "prototype": {"text": "x"}, "pinned": false}`],
      ['settings.update', '{"patch": {"__proto__": {"theme": "light"}}}'],
      ['search.query', '{"query": "seed", "filters": {"__proto__": {"scope": "all"}}}'],
    ];
    for (const [operation, json] of payloads) {
      const result = await core.dispatcher.dispatch(operation, JSON.parse(json), { door: 'http' });
      expect(result, json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(digestTables(core.db.sqlite)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ids that look valid but do not exist are not_found, for every operation taking an id', async () => {
    const before = digestTables(core.db.sqlite);
    for (const operation of ['thoughts.get', 'thoughts.update', 'thoughts.archive', 'thoughts.unarchive', 'thoughts.delete', 'thoughts.restore', 'thoughts.history'] as const) {
      const result = await core.dispatcher.dispatch(operation, { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, { door: 'http' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(digestTables(core.db.sqlite)).toBe(before);
  });

  it('search syntax and SQL in a query are just words: no error, nothing changed', async () => {
    const before = digestTables(core.db.sqlite);
    for (const query of ["'; DROP TABLE thoughts; --", '" OR 1=1', 'NEAR(a b', 'text:*', '(((', '"unbalanced', '^-+*:', 'a AND OR NOT b', '\\"\'']) {
      const result = await core.dispatcher.dispatch('search.query', { query, filters: { scope: 'all' } }, { door: 'http' });
      expect(result.ok, query).toBe(true);
    }
    expect(digestTables(core.db.sqlite)).toBe(before);
    expect(integrityCheck(core.db.sqlite)).toBe('ok');
  });

  it('a thought of exactly the size limit is stored; one character more is refused', async () => {
    const atLimit = await core.dispatcher.dispatch('thoughts.capture', { text: 'y'.repeat(100_000) }, { door: 'http' });
    expect(atLimit.ok).toBe(true);
    const over = await core.dispatcher.dispatch('thoughts.capture', { text: 'y'.repeat(100_001) }, { door: 'http' });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
