import type { Highlight } from '../../../src-shared/contract';
import { WORD, type QueryTerms } from './fts-query';

/** Words shown around the first match, and how many of them come before it. */
const SNIPPET_WORDS = 24;
const WORDS_BEFORE_MATCH = 8;

/** Folds a word the way the index does (unicode61, remove_diacritics 2): no accents, lower case. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * A short passage of `text` around the first word the query matched, with every matching word
 * marked. Cut from the text already loaded: asking FTS5 for snippet() would run the MATCH again
 * for each result, which costs tens of milliseconds for common words at a million thoughts.
 * Whitespace runs (line breaks included) become one space so a passage reads as one line.
 */
export function buildSnippet(text: string, terms: QueryTerms): { snippet: string; highlights: Highlight[] } {
  const words = terms.words.map(foldWord);
  const prefix = terms.lastIsPrefix ? words.at(-1) : undefined;
  const isMatch = (token: string) => {
    const folded = foldWord(token);
    return words.includes(folded) || (prefix !== undefined && folded.startsWith(prefix));
  };
  const tokens = [...text.matchAll(WORD)];
  const firstMatch = tokens.findIndex((token) => isMatch(token[0]));
  const from = Math.max(0, firstMatch - WORDS_BEFORE_MATCH);
  const shown = tokens.slice(from, from + SNIPPET_WORDS);
  const highlights: Highlight[] = [];
  let snippet = from > 0 ? '…' : '';
  let cursor = from > 0 ? (shown[0]?.index ?? 0) : Math.max(0, text.search(/\S/));
  for (const token of shown) {
    snippet += text.slice(cursor, token.index).replace(/\s+/g, ' ');
    if (isMatch(token[0])) highlights.push({ start: snippet.length, end: snippet.length + token[0].length });
    snippet += token[0];
    cursor = token.index + token[0].length;
  }
  const trailing = from + SNIPPET_WORDS < tokens.length ? '…' : text.slice(cursor).replace(/\s+/g, ' ').trimEnd();
  return { snippet: snippet + trailing, highlights };
}
