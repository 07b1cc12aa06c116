/** At most this many words of a query reach FTS5; the rest add cost, not precision. */
const MAX_TERMS = 16;
/** A prefix shorter than this would expand to a large part of the vocabulary. */
const MIN_PREFIX_CHARS = 2;

/** What FTS5's unicode61 tokenizer treats as a word: runs of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

export interface QueryTerms {
  /** As typed, at most MAX_TERMS. */
  words: string[];
  /** The last word is still being typed, so it also matches as a prefix. */
  lastIsPrefix: boolean;
}

/** The words of a query as search sees them; undefined when it has none. */
export function queryTerms(query: string): QueryTerms | undefined {
  const words = query.match(WORD)?.slice(0, MAX_TERMS);
  if (words === undefined || words.length === 0) return undefined;
  const stillTyping = /[\p{L}\p{N}]$/u.test(query);
  const last = words.at(-1) ?? '';
  return { words, lastIsPrefix: stillTyping && last.length >= MIN_PREFIX_CHARS };
}

/**
 * Turns whatever a person typed into a safe FTS5 MATCH expression: every word is quoted (so
 * AND, NEAR, quotes, colons, stars and parentheses are just text), words are ANDed, and the
 * last word also matches as a prefix while it is still being typed.
 */
export function toFtsQuery(terms: QueryTerms): string {
  return terms.words
    .map((word, index) => (terms.lastIsPrefix && index === terms.words.length - 1 ? `"${word}"*` : `"${word}"`))
    .join(' ');
}
