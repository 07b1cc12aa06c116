import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../src-main/core/search/fts-query';
import { buildSnippet } from '../../src-main/core/search/snippet';

function snippetFor(text: string, query: string) {
  const terms = queryTerms(query);
  if (terms === undefined) throw new Error(`no terms in ${query}`);
  const { snippet, highlights } = buildSnippet(text, terms);
  return { snippet, marked: highlights.map(({ start, end }) => snippet.slice(start, end)) };
}

describe('search snippets', () => {
  it('marks every word the query matched, ignoring case and accents', () => {
    expect(snippetFor('Café au lait at the CAFE, then cafes.', 'cafe ')).toEqual({
      snippet: 'Café au lait at the CAFE, then cafes.',
      marked: ['Café', 'CAFE'],
    });
  });

  it('marks words that start with the last word while it is still being typed', () => {
    expect(snippetFor('Meeting notes: meet Mia before the meetup', 'notes mee').marked).toEqual(['Meeting', 'notes', 'meet', 'meetup']);
  });

  it('shows the passage around the first match of a long thought, with ellipses', () => {
    const words = Array.from({ length: 100 }, (_, index) => `w${index}`);
    words[60] = 'needle';
    const { snippet, marked } = snippetFor(words.join(' '), 'needle ');
    expect(marked).toEqual(['needle']);
    expect(snippet.startsWith('…w52 ')).toBe(true);
    expect(snippet.endsWith('w75…')).toBe(true);
  });

  it('reads as one line: line breaks and runs of spaces become one space', () => {
    expect(snippetFor('  first line\n\n\tsecond   line  ', 'second ').snippet).toBe('first line second line');
  });

  it('keeps highlight offsets right after emoji and other surrogate pairs', () => {
    const { snippet, marked } = snippetFor('🙂🙂 plan 🚀 launch day', 'launch ');
    expect(marked).toEqual(['launch']);
    expect(snippet).toBe('🙂🙂 plan 🚀 launch day');
  });

  it('shows the start of the text when no word matches (a match only the index found)', () => {
    expect(snippetFor('Nothing to see', 'zebra ')).toEqual({ snippet: 'Nothing to see', marked: [] });
  });
});
