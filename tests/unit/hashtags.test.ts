import { describe, expect, it } from 'vitest';
import { extractHashtags } from '../../src-shared/hashtags';

describe('extractHashtags', () => {
  it('finds inline tags, lower-cased, once each, in order', () => {
    expect(extractHashtags('Call #Mom about #health and #mom again')).toEqual(['mom', 'health']);
  });
  it('ignores numbers, C#, URLs fragments and trailing punctuation', () => {
    expect(extractHashtags('Issue #12 in C# at http://x.y/#anchor #work-')).toEqual(['work']);
  });
  it('accepts nested tags and unicode letters', () => {
    expect(extractHashtags('#projects/cairn #café')).toEqual(['projects/cairn', 'café']);
  });
});
