// A hashtag starts a word and holds at least one letter, so "#1" or "C#" stay text.
const HASHTAG = /(?:^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_\-/]*\p{L}[\p{L}\p{N}_\-/]*)/gu;

/** The `#tags` written inline in a thought, lower-cased, in order of first appearance. */
export function extractHashtags(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    const name = match[1]?.replace(/[-/]+$/, '').toLowerCase();
    if (name !== undefined && name.length > 0 && name.length <= 64) found.add(name);
  }
  return [...found];
}
