import fc from 'fast-check';

const FRAGMENTS = [
  'café au lait',
  'naïve résumé',
  '日本語のメモ',
  'Привет, мир',
  'עברית מימין לשמאל',
  'emoji 🎉🧠🌱',
  'family 👨‍👩‍👧',
  'flag 🇳🇱',
  'line one\nline two',
  'tab\tseparated',
  'windows\r\nline end',
  '#idea',
  '#projects/cairn',
  'quote "inside"',
  "it's fine",
  '∑ ∫ √ ∞',
  'a\u0301 combining',
  'Ⅻ ㊙ ﷽',
  '   leading and trailing spaces   ',
  '**markdown** _text_',
  "'; DROP TABLE thoughts; --",
];

const bodies = fc.tuple(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean());

/**
 * Printable, varied thought texts (Unicode, emoji, newlines) around a unique ASCII marker word,
 * reproducible from `seed`.
 */
export function createTextSource(seed: number): (marker: string) => string {
  let batch: [string[], number, boolean][] = [];
  let round = 0;
  return (marker) => {
    if (batch.length === 0) {
      batch = fc.sample(bodies, { seed: seed + round, numRuns: 200 });
      round += 1;
    }
    const [parts, position, useNewlines] = batch.pop() ?? [[], 0, false];
    const words = [...parts];
    words.splice(position % (words.length + 1), 0, marker);
    return words.join(useNewlines ? '\n' : ' ');
  };
}
