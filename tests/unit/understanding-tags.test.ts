import { describe, expect, it } from 'vitest';
import { extractHashtags } from '../../src-shared/hashtags';
import { normalizeTagName, suggestTags, type TagSuggestionInput } from '../../src-main/core/understanding/auto-tags';

const vocabulary = [
  { name: 'running', count: 40 },
  { name: 'work', count: 120 },
  { name: 'recipes', count: 12 },
  { name: 'projects/cairn', count: 30 },
  { name: 'side-project', count: 5 },
  { name: 'family', count: 60 },
  { name: 'ai', count: 9 },
];

function input(overrides: Partial<TagSuggestionInput>): TagSuggestionInput {
  return { text: '', existingTags: vocabulary, neighbours: [], userTags: [], ...overrides };
}

describe('suggestTags', () => {
  it('offers existing tags whose words appear in the text, stems included', () => {
    const suggestions = suggestTags(input({ text: 'Ran 10k before work, my knees hate me. Running in the rain is underrated.' }));
    expect(suggestions.map((tag) => tag.name)).toEqual(expect.arrayContaining(['running', 'work']));
    expect(suggestions.every((tag) => tag.reason === 'keyword')).toBe(true);
  });

  it('matches the leaf of a nested tag and the words of a hyphenated one', () => {
    const names = suggestTags(input({ text: 'Cairn needs a better side project page' })).map((tag) => tag.name);
    expect(names).toEqual(expect.arrayContaining(['projects/cairn', 'side-project']));
  });

  it('prefers tags that similar thoughts carry, weighted by similarity', () => {
    const suggestions = suggestTags(
      input({
        text: 'Slow morning, pancakes with the kids',
        neighbours: [
          { tags: ['family', 'weekend'], similarity: 0.82 },
          { tags: ['family'], similarity: 0.78 },
          { tags: ['weekend'], similarity: 0.4 },
          { tags: ['work'], similarity: 0.3 },
        ],
      }),
    );
    expect(suggestions[0]).toMatchObject({ name: 'family', reason: 'neighbours' });
    expect(suggestions.find((tag) => tag.name === 'work')).toBeUndefined();
    const weekend = suggestions.find((tag) => tag.name === 'weekend');
    expect(weekend === undefined || weekend.confidence < suggestions[0]!.confidence).toBe(true);
  });

  it('does not trust a single distant neighbour', () => {
    expect(suggestTags(input({ text: 'hmm', neighbours: [{ tags: ['taxes'], similarity: 0.5 }] }))).toEqual([]);
  });

  it('never suggests a tag the thought has, was refused, or names inline', () => {
    const suggestions = suggestTags(
      input({
        text: 'Running club tonight, then #Family dinner. Work was fine.',
        userTags: ['Running'],
        rejectedTags: ['work'],
        neighbours: [
          { tags: ['running', 'family'], similarity: 0.9 },
          { tags: ['running', 'family'], similarity: 0.9 },
        ],
      }),
    );
    const names = suggestions.map((tag) => tag.name);
    for (const taken of ['running', 'family', 'work']) expect(names).not.toContain(taken);
  });

  it('invents a new tag only for a word the thought keeps returning to', () => {
    const repeated = suggestTags(
      input({ text: 'Fed the sourdough starter. The sourdough rose twice as fast as last week; next sourdough loaf on Sunday.' }),
    );
    expect(repeated).toContainEqual(expect.objectContaining({ name: 'sourdough', reason: 'new' }));
    expect(suggestTags(input({ text: 'Fed the sourdough starter this morning.' })).filter((tag) => tag.reason === 'new')).toEqual([]);
    expect(suggestTags(input({ text: 'really really really nice nice' }))).toEqual([]);
    expect(suggestTags(input({ text: 'Walking home, walking to work, walking everywhere.' })).filter((tag) => tag.reason === 'new')).toEqual([]);
  });

  it('returns at most the limit, best first, with confidences in 0..1', () => {
    const suggestions = suggestTags(
      input({
        text: 'work on cairn side project, running later, family dinner, recipe for soup',
        neighbours: [{ tags: ['a1', 'b2', 'c3'], similarity: 0.95 }],
      }),
    );
    expect(suggestions.length).toBeLessThanOrEqual(4);
    expect(suggestTags(input({ text: 'work running family recipes', limit: 2 }))).toHaveLength(2);
    for (let index = 1; index < suggestions.length; index += 1) {
      expect(suggestions[index - 1]!.confidence).toBeGreaterThanOrEqual(suggestions[index]!.confidence);
    }
    for (const tag of suggestions) expect(tag.confidence).toBeGreaterThan(0);
    for (const tag of suggestions) expect(tag.confidence).toBeLessThanOrEqual(1);
  });

  it('does not match tags inside other words or tags too short to be words', () => {
    const names = suggestTags(input({ text: 'Network outage again. Said hi to the aide.' })).map((tag) => tag.name);
    expect(names).not.toContain('work');
    expect(names).not.toContain('ai');
  });
});

describe('normalizeTagName', () => {
  it('normalizes like inline hashtags', () => {
    expect(normalizeTagName('Side Project')).toBe('side-project');
    expect(normalizeTagName('#Café')).toBe('café');
    expect(normalizeTagName('projects//Cairn/')).toBe('projects/cairn');
    expect(normalizeTagName('1234')).toBe('');
    expect(normalizeTagName('x'.repeat(80))).toHaveLength(64);
    for (const name of ['work', 'projects/cairn', 'deep_work', 'café']) expect(normalizeTagName(name)).toBe(extractHashtags(`#${name}`)[0]);
  });
});
