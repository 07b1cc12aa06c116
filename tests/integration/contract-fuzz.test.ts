import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isOperationName, operationNames, searchScopes, thoughtTypes, thoughtViews } from '../../src-shared/contract';
import { errorCodes } from '../../src-shared/errors';
import { ftsIntegrityCheck, integrityCheck } from '../helpers/db-inspect';
import { seedThoughts } from '../helpers/seed';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
let ids: string[];
beforeAll(async () => {
  core = createTestCore();
  ids = (await seedThoughts(core)).map((thought) => thought.id);
  // Task suggestions to accept and dismiss: their ids join the pool of likely ids.
  core.suggestions.offer(
    ids[0] ?? '',
    [
      { title: 'Call the dentist', dueAt: null, hasTime: false, confidence: 0.9 },
      { title: 'Water the plants', dueAt: Date.parse('2026-03-02T10:00:00Z'), hasTime: true, confidence: 0.6 },
    ],
    { mode: 'suggest', autoCreateThreshold: 0.85 },
  );
  const offered = core.db.sqlite.prepare('SELECT id FROM task_suggestions').pluck().all() as string[];
  ids.push(...offered);
});
afterAll(async () => {
  await core.cleanup();
});

const FTS_SYNTAX = fc.constantFrom('"', '*', '(', ')', ':', '^', '-', '+', ' ', 'AND', 'OR', 'NOT', 'NEAR', "'", ';', 'seed', 'é', '𞤀', '\u0301', '🌱');
const texts = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: FTS_SYNTAX, maxLength: 12 }),
  fc.constantFrom('', ' ', '#tag text', 'x'.repeat(100_001), '\uD800', 'a\u0000b'),
);
const cursors = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('o', 'W10', 'WzEsMl0', 'bzoxMA', 'bzotMQ', 'WzEuNSwyXQ', 'WyJhIiwxXQ'),
  fc.tuple(fc.integer(), fc.integer()).map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  fc.nat({ max: 3000 }).map((offset) => Buffer.from(`o:${offset}`).toString('base64url')),
);
const isoDates = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2020-02-30T00:00:00Z', '2026-03-01T09:00:00+14:00', 'yesterday', '2026-13-01T00:00:00Z'),
);

// Values a field is likely to meet, valid and not, so random inputs reach past the schemas.
const fieldValues: Record<string, fc.Arbitrary<unknown>> = {
  text: texts,
  query: texts,
  id: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 3, 4, 5).map((index) => ids[index] ?? '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constant('01ARZ3NDEKTSV4RRFFQ69G5FAV') },
  ),
  thoughtId: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 3).map((index) => ids[index] ?? '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  ),
  name: fc.oneof(fc.stringMatching(/^[a-z0-9_/-]{1,8}$/), texts, fc.constantFrom('seed', 'Seed', '')),
  status: fc.constantFrom('pending', 'accepted', 'dismissed', 'expired', 'done'),
  title: texts,
  dueAt: fc.oneof(isoDates, fc.constant(null)),
  type: fc.constantFrom(...thoughtTypes, 'memo'),
  source: fc.constantFrom('app', 'http', 'cli', 'satellite'),
  view: fc.constantFrom(...thoughtViews, 'everything'),
  tags: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9_/-]{1,8}$/), texts), { maxLength: 4 }),
  limit: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) }, fc.integer({ min: -5, max: 250 }), fc.double()),
  cursor: cursors,
  expectedVersion: fc.integer({ min: -1, max: 5 }),
  pinned: fc.boolean(),
  isPrivate: fc.boolean(),
  filters: fc.record(
    {
      scope: fc.constantFrom(...searchScopes, 'nowhere'),
      tags: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
      types: fc.array(fc.constantFrom(...thoughtTypes), { maxLength: 3 }),
      from: isoDates,
      to: isoDates,
    },
    { requiredKeys: [] },
  ),
  patch: fc.record(
    {
      theme: fc.constantFrom('system', 'light', 'dark', 'neon'),
      httpPort: fc.integer({ min: -1, max: 70_000 }),
      checkIntervalMinutes: fc.integer({ min: 0, max: 2000 }),
      autoCreateThreshold: fc.double({ min: -1, max: 2 }),
      quietHours: fc.oneof(fc.constant(null), fc.record({ start: fc.constantFrom('22:00', '25:00', ''), end: fc.constantFrom('07:00', 'x') })),
      captureHotkey: texts,
      embeddingModel: texts,
    },
    { requiredKeys: [] },
  ),
};

function valueFor(key: string): fc.Arbitrary<unknown> {
  return (Object.hasOwn(fieldValues, key) ? fieldValues[key] : undefined) ?? fc.jsonValue({ maxDepth: 2 });
}

/** Mostly the operation's own fields with likely values; sometimes a stray or hostile key. */
function inputFor(operation: string): fc.Arbitrary<unknown> {
  const known = isOperationName(operation) ? Object.keys(contract[operation].input.shape) : [];
  const keys = fc.tuple(
    fc.oneof({ weight: 2, arbitrary: fc.constant(known) }, { weight: 3, arbitrary: fc.subarray(known) }),
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.keys(fieldValues), 'unknown', '__proto__', 'constructor') },
    ),
  );
  const structured = keys.chain(([own, stray]) => {
    const chosen = stray === null || own.includes(stray) ? own : [...own, stray];
    return fc.tuple(...chosen.map(valueFor)).map((values) => {
      const input: Record<string, unknown> = {};
      // defineProperty keeps `__proto__` an own key, as JSON.parse would.
      chosen.forEach((key, index) => Object.defineProperty(input, key, { value: values[index], enumerable: true, writable: true }));
      return input;
    });
  });
  return fc.oneof({ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 6, arbitrary: structured });
}

const calls = fc
  .oneof({ weight: 15, arbitrary: fc.constantFrom(...operationNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) })
  .chain((operation) => fc.tuple(fc.constant(operation), inputFor(operation)));

describe('the whole contract under random input', () => {
  it('always answers with a valid output or a coded, non-internal error, and keeps the database sound', async () => {
    await fc.assert(
      fc.asyncProperty(calls, async ([operation, input]) => {
        const result = await core.dispatcher.dispatch(operation, input, { door: 'http' });
        if (result.ok) {
          expect(isOperationName(operation)).toBe(true);
          if (isOperationName(operation)) expect(() => contract[operation].output.parse(result.value)).not.toThrow();
        } else {
          expect(errorCodes).toContain(result.error.code);
          expect(result.error.code, `${operation} ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe('internal');
        }
      }),
      { numRuns: 1500 },
    );
    expect(integrityCheck(core.db.sqlite)).toBe('ok');
    expect(ftsIntegrityCheck(core.db.sqlite)).toBe('ok');
  });

  it('accepts any well-formed text as a search query and answers without error', async () => {
    const queries = fc
      .oneof(fc.string({ unit: FTS_SYNTAX, maxLength: 15 }), fc.string({ unit: 'grapheme', maxLength: 25 }), fc.string({ maxLength: 40 }))
      .filter((query) => query.isWellFormed() && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(query));
    await fc.assert(
      fc.asyncProperty(queries, fc.constantFrom(...searchScopes), async (query, scope) => {
        const result = await core.dispatcher.dispatch('search.query', { query, filters: { scope } }, { door: 'http' });
        expect(result.ok, JSON.stringify(query)).toBe(true);
        if (result.ok) expect(() => contract['search.query'].output.parse(result.value)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
