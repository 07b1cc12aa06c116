import { describe, expect, it } from 'vitest';
import { MAX_THOUGHT_CHARS } from '../../src-shared/contract/common';
import { suggestTags } from '../../src-main/core/understanding/auto-tags';
import { classifyThought } from '../../src-main/core/understanding/classify';
import { findDates } from '../../src-main/core/understanding/dates';
import { extractTasks, MAX_TITLE_CHARS } from '../../src-main/core/understanding/task-extract';

const options = { reference: new Date('2025-03-26T09:30:00+01:00'), timeZone: 'Europe/Berlin' };
const fill = (unit: string) => unit.repeat(Math.ceil(MAX_THOUGHT_CHARS / unit.length)).slice(0, MAX_THOUGHT_CHARS);

// Inputs shaped to trip backtracking regexes: long runs of one character class inside a line,
// followed by something that makes an end-anchored or run-matching pattern fail.
const inputs: Record<string, string> = {
  prose: fill(
    'Today I walked to the office and thought about the garden. Need to call Sam tomorrow at 3 about the shed, and also buy seeds by the 15th. What if we grew tomatoes? 🍅\n- [ ] water the beds\n- [x] fix the hose\n',
  ),
  'one long word': 'a'.repeat(MAX_THOUGHT_CHARS),
  'question marks': '?'.repeat(MAX_THOUGHT_CHARS),
  'spaces inside a task': `Buy milk${' '.repeat(MAX_THOUGHT_CHARS - 9)}x`,
  'exclamation marks after a task': `Buy milk${'!'.repeat(MAX_THOUGHT_CHARS - 9)}x`,
  'commas after a task': `Buy milk${','.repeat(MAX_THOUGHT_CHARS - 9)}x`,
  'emoji after a task': `Buy milk ${'🎉'.repeat((MAX_THOUGHT_CHARS - 9) / 2)}`,
  'open parentheses': `Buy milk ${'('.repeat(MAX_THOUGHT_CHARS - 9)}`,
  'and also, repeated': fill('call mom and also '),
  'times and colons': fill('12:'),
  ordinals: fill('the 1st '),
  digits: fill('1 '),
  checkboxes: fill('- [ ] '),
  'inline list': `Shopping: ${fill('a, ').slice(10)}`,
  abbreviations: fill('Mrs. '),
  links: fill('https://example.com/a/b/c?x=1 '),
  'one digit, then dots': `1${'.'.repeat(MAX_THOUGHT_CHARS - 2)}x`,
  'dots inside a list item': `Shopping: bread, milk${'.'.repeat(MAX_THOUGHT_CHARS - 30)}x, eggs`,
};

// Not a benchmark (bench/ holds those): a guard against super-linear patterns. Typical inputs
// take well under a second for all four functions; a quadratic regex takes minutes.
const BUDGET_MS = 8_000;

describe('understanding a 100k-character thought', () => {
  it.each(Object.entries(inputs))('stays linear on %s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_THOUGHT_CHARS + 1);
    const started = performance.now();
    const classification = classifyThought(text);
    const tasks = extractTasks(text, { ...options, classification });
    findDates(text, options);
    suggestTags({ text, existingTags: [{ name: 'garden', count: 4 }], neighbours: [{ tags: ['home'], similarity: 0.9 }], userTags: [] });
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    for (const task of tasks) expect(task.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  });

  it('normalizes a huge tag name from a caller without stalling', () => {
    const started = performance.now();
    const suggestions = suggestTags({ text: 'hello', existingTags: [{ name: `${'-/'.repeat(50_000)}x`, count: 1 }], neighbours: [], userTags: [] });
    expect(suggestions).toEqual([]);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });

  it('still finds the tasks in a long thought, capped at ten', () => {
    const text = Array.from({ length: 400 }, (_, index) => `Paragraph ${index}: thinking out loud.\n- [ ] call contact number ${index}`).join('\n');
    const tasks = extractTasks(text, options);
    expect(tasks).toHaveLength(10);
    expect(tasks[0]?.title).toBe('Call contact number 0');
  });
});
