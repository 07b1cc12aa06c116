import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_THOUGHT_CHARS } from '../../src-shared/contract/common';
import { diffText, type DiffPart, type TextDiff } from '../../src-renderer/ui/text-diff';

function oldSide(diff: TextDiff): string {
  return diff.parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('');
}

function newSide(diff: TextDiff): string {
  return diff.parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('');
}

function wdiff(parts: readonly DiffPart[]): string {
  return parts.map((part) => (part.kind === 'kept' ? part.text : part.kind === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`)).join('');
}

function changes(diff: TextDiff): DiffPart[] {
  return diff.parts.filter((part) => part.kind !== 'kept');
}

// Few distinct words, so random texts share a lot and the diff has real work to do.
const words = fc.constantFrom('the', 'tomato', 'basil', 'frost', '#garden', 'é', 'e\u0301', '🌱', '.', ',', '?');
const separators = fc.constantFrom(' ', '  ', '\n', '\t', '', ' \n');
const prose = fc.array(fc.tuple(words, separators), { maxLength: 60 }).map((pairs) => pairs.map(([word, separator]) => word + separator).join(''));
const anyText = fc.oneof(prose, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('diffText', () => {
  it('spells the old text from kept+removed and the new text from kept+added', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const diff = diffText(before, after);
        expect(oldSide(diff)).toBe(before);
        expect(newSide(diff)).toBe(after);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never returns empty runs or two runs of the same kind side by side', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const { parts } = diffText(before, after);
        expect(parts.every((part) => part.text.length > 0)).toBe(true);
        for (let index = 1; index < parts.length; index += 1) expect(parts[index]?.kind).not.toBe(parts[index - 1]?.kind);
      }),
      { numRuns: 1_000 },
    );
  });

  it('marks nothing when nothing changed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(changes(diffText(text, text))).toEqual([]);
      }),
    );
  });

  it('marks only what was inserted into a text, word by word', () => {
    const inserted = fc.array(words, { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(prose, inserted, prose, (start, insertion, end) => {
        // "|" stands alone as a token, so the insertion cannot merge with its neighbours.
        const diff = diffText(`${start}|${end}`, `${start}|${insertion}|${end}`);
        expect(diff.granularity).toBe('word');
        expect(changes(diff).every((part) => part.kind === 'added')).toBe(true);
        expect(changes(diff).map((part) => part.text).join('')).toHaveLength(insertion.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  // Expected diffs in wdiff's notation: [-removed-] {+added+}.
  const examples: [behaviour: string, before: string, after: string, expected: string][] = [
    ['shows a changed word as removed, then its replacement added', 'Plant the tomatoes before the frost', 'Plant the basil before the frost', 'Plant the [-tomatoes-]{+basil+} before the frost'],
    ['keeps punctuation apart from its word', 'Call mom.', 'Call mom!', 'Call mom[-.-]{+!+}'],
    ['keeps a word whole', 'water the beds', 'water the bed', 'water the [-beds-]{+bed+}'],
    ['joins neighbouring changed words into one removal and one addition', 'one two three four', 'one zwei drei four', 'one [-two three-]{+zwei drei+} four'],
    ['puts the space of an inserted word after it, not before', 'before the frost', 'before the first frost', 'before the {+first +}frost'],
    ['treats a #tag as one word', 'basil #garden', 'basil #herbs', 'basil [-#garden-]{+#herbs+}'],
  ];
  for (const [behaviour, before, after, expected] of examples) {
    it(behaviour, () => {
      const diff = diffText(before, after);
      expect(diff.granularity).toBe('word');
      expect(wdiff(diff.parts)).toBe(expected);
    });
  }

  it('handles empty texts on either side', () => {
    expect(diffText('', 'new')).toEqual({ granularity: 'word', parts: [{ kind: 'added', text: 'new' }] });
    expect(diffText('old', '')).toEqual({ granularity: 'word', parts: [{ kind: 'removed', text: 'old' }] });
    expect(diffText('', '')).toEqual({ granularity: 'word', parts: [] });
  });
});

describe('diffText on the longest thoughts', () => {
  const wordsOf = (seed: number, count: number) =>
    Array.from({ length: count }, (_, index) => `w${((index * 7919 + seed) % 104_729).toString(36)}`).join(' ');
  const longest = wordsOf(1, 20_000).slice(0, MAX_THOUGHT_CHARS);

  it('still compares word by word when a long thought changed in a few places', () => {
    const after = `${longest.slice(0, 3)}inserted ${longest.slice(3, -10)}changed`;
    const diff = diffText(longest, after);
    expect(diff.granularity).toBe('word');
    expect(changes(diff).map((part) => part.kind)).toEqual(['added', 'removed', 'added']);
    expect(oldSide(diff)).toBe(longest);
    expect(newSide(diff)).toBe(after);
  });

  it('falls back to lines when too many words changed but most lines did not', () => {
    const lines = Array.from({ length: 2_000 }, (_, index) => wordsOf(index, 6));
    const rewritten = lines.map((line, index) => (index % 10 === 0 ? wordsOf(index + 50_000, 6) : line));
    const diff = diffText(lines.join('\n'), rewritten.join('\n'));
    expect(diff.granularity).toBe('line');
    expect(changes(diff)).toHaveLength(400);
    expect(oldSide(diff)).toBe(lines.join('\n'));
    expect(newSide(diff)).toBe(rewritten.join('\n'));
  });

  it('shows a 100,000-character thought rewritten line by line as one removal and one addition', () => {
    const lines = (seed: number) => Array.from({ length: 5_000 }, (_, index) => wordsOf(index + seed, 3)).join('\n').slice(0, MAX_THOUGHT_CHARS);
    const [before, after] = [lines(0), lines(70_000)];
    const diff = diffText(before, after);
    expect(diff.granularity).toBe('whole');
    expect(oldSide(diff)).toBe(before);
    expect(newSide(diff)).toBe(after);
    expect(changes(diff).map((part) => part.kind)).toEqual(['removed', 'added']);
  });
});
