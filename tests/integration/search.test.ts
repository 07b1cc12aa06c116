import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, SearchHit, Thought } from '../../src-shared/contract';
import { call, callFailing } from '../helpers/call';
import { createTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function capture(text: string, extra: { type?: Thought['type'] } = {}): Promise<Thought> {
  return call(core, 'thoughts.capture', { text, ...extra });
}

async function searchIds(query: string, filters?: OperationInput<'search.query'>['filters']): Promise<string[]> {
  const result = await call(core, 'search.query', { query, ...(filters === undefined ? {} : { filters }) });
  return result.items.map((hit) => hit.thought.id).sort();
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * What a person expects from "any text is a safe query": a thought matches when it contains
 * every word typed (case and accents aside), the last one possibly still being typed.
 */
function expectedMatch(query: string, text: string): boolean {
  const words = (query.match(WORD) ?? []).map(fold);
  if (words.length === 0) return false;
  const tokens: string[] = fold(text).match(WORD) ?? [];
  const stillTyping = /[\p{L}\p{N}]$/u.test(query);
  return words.every((word, index) => {
    const isLast = index === words.length - 1;
    return isLast && stillTyping && word.length >= 2
      ? tokens.some((token) => token.startsWith(word))
      : tokens.includes(word);
  });
}

const CORPUS = [
  'Morning coffee with Ana at the café',
  'Coffee beans: order more before Friday',
  'Résumé needs an update #work',
  'Naïve plan: learn NEAR field communication',
  'alpha beta gamma',
  'alpha and omega',
  'Question: what is "quoted text" doing here? (parenthesised) -minus ^caret',
  "Bobby said '; DROP TABLE thoughts; -- and laughed",
  'text: a column name as a word',
  'hello world',
];

describe('keyword search', () => {
  beforeEach(async () => {
    for (const text of CORPUS) await capture(text);
  });

  it('finds thoughts by whole words, ignoring case', async () => {
    const hits = await call(core, 'search.query', { query: 'COFFEE' });
    expect(hits.items.map((hit) => hit.thought.text).sort()).toEqual([CORPUS[1], CORPUS[0]]);
  });

  it('treats the last word as a prefix while it is still being typed', async () => {
    const hits = await call(core, 'search.query', { query: 'morning cof' });
    expect(hits.items.map((hit) => hit.thought.text)).toEqual([CORPUS[0]]);
    expect((await call(core, 'search.query', { query: 'cof ' })).items).toEqual([]);
  });

  it('ignores accents on either side', async () => {
    expect((await call(core, 'search.query', { query: 'cafe' })).items.map((hit) => hit.thought.text)).toEqual([CORPUS[0]]);
    expect((await call(core, 'search.query', { query: 'resume' })).items.map((hit) => hit.thought.text)).toEqual([CORPUS[2]]);
    expect((await call(core, 'search.query', { query: 'naive' })).items.map((hit) => hit.thought.text)).toEqual([CORPUS[3]]);
    expect((await call(core, 'search.query', { query: 'Héllo' })).items.map((hit) => hit.thought.text)).toEqual([CORPUS[9]]);
  });

  it('highlights exactly the matched words in the snippet', async () => {
    const { items } = await call(core, 'search.query', { query: 'coffee fri' });
    expect(items).toHaveLength(1);
    const hit = items[0] as SearchHit;
    const marked = hit.highlights.map(({ start, end }) => fold(hit.snippet.slice(start, end)));
    expect(marked.sort()).toEqual(['coffee', 'friday']);
    for (const { start, end } of hit.highlights) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(hit.snippet.length);
    }
    expect(hit.snippet).toContain('Coffee beans');
  });

  it('returns nothing for an empty or wordless query', async () => {
    for (const query of ['', '   ', '\n\t', '!!! ??? ...', '"', '*', '()', '-', '^']) {
      expect((await call(core, 'search.query', { query })).items, JSON.stringify(query)).toEqual([]);
    }
  });

  const HOSTILE_QUERIES = [
    '"',
    '""',
    '*',
    'alpha*',
    '*alpha',
    'AND',
    'alpha AND',
    'alpha OR omega',
    'alpha NOT beta',
    'alpha -beta',
    '-beta alpha',
    'NEAR(',
    'NEAR(alpha beta)',
    'NEAR(alpha omega, 2)',
    'text:alpha',
    'text : column',
    '{text}: alpha',
    '(alpha',
    'alpha)',
    '^alpha',
    '"alpha',
    'alpha"',
    '"alpha beta',
    '"quoted text"',
    'beta + gamma',
    "'; DROP TABLE thoughts; --",
    "alpha' OR '1'='1",
    '\\',
    '%',
    '_',
    'hello 𞤀𞤁',
    '𞤀𞤁',
  ];

  it('treats search syntax as plain words: never throws, never matches what was not written', async () => {
    const all = await call(core, 'thoughts.list', { limit: 200 });
    for (const query of HOSTILE_QUERIES) {
      const expected = all.items
        .filter((thought) => expectedMatch(query, thought.text))
        .map((thought) => thought.id)
        .sort();
      expect(await searchIds(query), query).toEqual(expected);
    }
    expect((await call(core, 'thoughts.list', { limit: 200 })).items).toHaveLength(CORPUS.length);
  });
});

describe('search filters', () => {
  it('keeps only thoughts carrying all of the given tags', async () => {
    const both = await capture('shared word #red #blue');
    const red = await capture('shared word #red');
    await capture('shared word #blue');
    expect(await searchIds('shared', { tags: ['red', 'blue'] })).toEqual([both.id]);
    expect(await searchIds('shared', { tags: ['RED'] })).toEqual([both.id, red.id].sort());
    expect(await searchIds('shared', { tags: ['green'] })).toEqual([]);
  });

  it('keeps only the given types', async () => {
    const idea = await capture('planning the trip', { type: 'idea' });
    const question = await capture('planning what?', { type: 'question' });
    await capture('planning notes');
    expect(await searchIds('planning', { types: ['idea'] })).toEqual([idea.id]);
    expect(await searchIds('planning', { types: ['idea', 'question'] })).toEqual([idea.id, question.id].sort());
  });

  it('keeps only thoughts captured within from/to, both ends included', async () => {
    const first = await capture('dated entry');
    core.clock.advance(3_600_000);
    const second = await capture('dated entry');
    core.clock.advance(3_600_000);
    const third = await capture('dated entry');
    expect(await searchIds('dated', { from: second.createdAt, to: second.createdAt })).toEqual([second.id]);
    expect(await searchIds('dated', { from: second.createdAt })).toEqual([second.id, third.id].sort());
    expect(await searchIds('dated', { to: second.createdAt })).toEqual([first.id, second.id].sort());
    const offsetForm = new Date(Date.parse(first.createdAt) + 1).toISOString().replace('Z', '+00:00');
    expect(await searchIds('dated', { to: offsetForm })).toEqual([first.id]);
  });

  it('searches active thoughts by default, and archived, trash or all on request', async () => {
    const active = await capture('scoped thing');
    const archived = await capture('scoped thing');
    const trashed = await capture('scoped thing');
    await call(core, 'thoughts.archive', { id: archived.id });
    await call(core, 'thoughts.delete', { id: trashed.id });
    expect(await searchIds('scoped')).toEqual([active.id]);
    expect(await searchIds('scoped', { scope: 'archived' })).toEqual([archived.id]);
    expect(await searchIds('scoped', { scope: 'trash' })).toEqual([trashed.id]);
    expect(await searchIds('scoped', { scope: 'all' })).toEqual([active.id, archived.id, trashed.id].sort());
  });

  it('finds an edited thought by its new words only', async () => {
    const thought = await capture('before the edit');
    await call(core, 'thoughts.update', { id: thought.id, text: 'after the rewrite' });
    expect(await searchIds('before')).toEqual([]);
    expect(await searchIds('rewrite')).toEqual([thought.id]);
  });
});

describe('search paging', () => {
  it('walks every match exactly once, page by page', async () => {
    const captured = new Set<string>();
    for (let index = 0; index < 25; index += 1) captured.add((await capture(`paged entry number ${index}`)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(core, 'search.query', { query: 'paged', limit: 10, ...(cursor === undefined ? {} : { cursor }) });
      seen.push(...page.items.map((hit) => hit.thought.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(captured);
  });

  it('refuses a forged cursor with invalid_input', async () => {
    await capture('anything');
    for (const cursor of ['garbage', Buffer.from('o:-1').toString('base64url'), Buffer.from('o:1e9').toString('base64url')]) {
      expect((await callFailing(core, 'search.query', { query: 'anything', cursor })).code).toBe('invalid_input');
    }
  });
});

describe('ranking and the rank window', () => {
  it('puts the thought that is most about the words first', async () => {
    await capture('garden: water the tomatoes, then read about history, cooking, travel and music');
    const focused = await capture('garden garden garden plans');
    await capture('bought a garden hose and some other things for the house today');
    const result = await call(core, 'search.query', { query: 'garden ' });
    expect(result.items[0]?.thought.id).toBe(focused.id);
    const scores = result.items.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it('returns a query broader than the window newest first, once each, and stops at the window', async () => {
    const windowed = createTestCore({ searchRankWindow: 5 });
    try {
      const ids: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        ids.push((await call(windowed, 'thoughts.capture', { text: `common word ${'common '.repeat(index % 3)}${index}` })).id);
        windowed.clock.advance(1000);
      }
      const first = await call(windowed, 'search.query', { query: 'common ', limit: 3 });
      expect(first.items.map((hit) => hit.thought.id)).toEqual(ids.slice(-3).reverse());
      expect(first.nextCursor).not.toBeNull();
      const second = await call(windowed, 'search.query', { query: 'common ', limit: 3, cursor: first.nextCursor ?? '' });
      expect(second.items.map((hit) => hit.thought.id)).toEqual(ids.slice(3, 5).reverse());
      expect(second.nextCursor).toBeNull();
      // A narrower query fits the window and is ranked again.
      const narrow = await call(windowed, 'search.query', { query: 'common 2 ' });
      expect(narrow.items.map((hit) => hit.thought.id)).toEqual([ids[2]]);
    } finally {
      await windowed.cleanup();
    }
  });
});
