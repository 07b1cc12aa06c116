/** At most this many words of a query reach FTS5; the rest add cost, not precision. */
const MAX_TERMS = 16;
/** A prefix shorter than this would expand to a large part of the vocabulary. */
const MIN_PREFIX_CHARS = 2;

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Turns whatever a person typed into a safe FTS5 MATCH expression: every word is quoted (so
 * AND, NEAR, quotes, colons, stars and parentheses are just text), words are ANDed, and the
 * last word also matches as a prefix while it is still being typed. Returns undefined when the
 * query has no searchable words.
 */
export function toFtsQuery(query: string): string | undefined {
  const words = query.match(WORD)?.slice(0, MAX_TERMS);
  if (words === undefined || words.length === 0) return undefined;
  const stillTyping = /[\p{L}\p{N}]$/u.test(query);
  return words
    .map((word, index) => {
      const quoted = `"${word}"`;
      const isLast = index === words.length - 1;
      return isLast && stillTyping && word.length >= MIN_PREFIX_CHARS ? `${quoted}*` : quoted;
    })
    .join(' ');
}

export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

/** Splits FTS5 snippet markers out of the text, returning plain text and highlight ranges. */
export function parseSnippet(marked: string): { snippet: string; highlights: { start: number; end: number }[] } {
  let snippet = '';
  const highlights: { start: number; end: number }[] = [];
  let openAt = -1;
  for (const char of marked) {
    if (char === SNIPPET_OPEN) {
      openAt = snippet.length;
    } else if (char === SNIPPET_CLOSE) {
      if (openAt >= 0 && snippet.length > openAt) highlights.push({ start: openAt, end: snippet.length });
      openAt = -1;
    } else {
      snippet += char;
    }
  }
  return { snippet, highlights };
}
