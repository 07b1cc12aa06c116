import { extractHashtags } from '../../../src-shared/hashtags';
import { STOP_WORDS, stem, words, wordsWithOffsets } from './words';

export interface TagSuggestionInput {
  text: string;
  /** The person's tag vocabulary: every tag in use and on how many thoughts. */
  existingTags: readonly { name: string; count: number }[];
  /** Nearest thoughts by meaning, with their tags and similarity 0..1. */
  neighbours: readonly { tags: readonly string[]; similarity: number }[];
  /** Tags the thought already has; never suggested again. */
  userTags: readonly string[];
  /** Tags removed from this thought before; never suggested again. */
  rejectedTags?: readonly string[];
  /** At most this many suggestions; 4 unless given. */
  limit?: number;
}

export interface TagSuggestion {
  name: string;
  /** 0..1. */
  confidence: number;
  /** `neighbours`: similar thoughts carry it; `keyword`: an existing tag named in the text; `new`: a new word. */
  reason: 'neighbours' | 'keyword' | 'new';
}

const DEFAULT_LIMIT = 4;
/** Suggestions below this are not worth a person's attention. */
export const MIN_TAG_CONFIDENCE = 0.35;
// Words that recur without being a subject: adjectives and adverbs ("nice nice", "really").
const NOT_NOUNS = new Set(
  `nice cool weird tired happy fine sure great awesome amazing lovely pretty huge tiny small large best better
  worse worst same different every else whole hard easy true false real full free late early busy glad sorry
  super totally almost enough each both without within maybe perhaps twice once thanks thank`.split(/\s+/),
);
const NOT_NOUN_ENDING = /(?:ly|ful|ous|ive|able|ible|less|ish|est)$/;
// "wedding" and "meeting" are things, "walking" and "worked" are not: such words need one more mention.
const VERB_LIKE_ENDING = /(?:ing|ed)$/;
/** A tag nobody uses yet must clear a higher bar than one from the person's own vocabulary. */
const MIN_NEW_TAG_CONFIDENCE = 0.5;

/**
 * Tags for a thought, best first, preferring the person's own vocabulary: tags that similar
 * thoughts carry (weighted by similarity) and existing tags whose words appear in the text. A
 * brand-new tag only for a word the thought keeps coming back to. Never a tag it already has.
 */
export function suggestTags(input: TagSuggestionInput): TagSuggestion[] {
  const excluded = new Set([...input.userTags, ...(input.rejectedTags ?? []), ...extractHashtags(input.text)].map(normalizeTagName));
  const byName = new Map<string, { fromNeighbours: number; fromKeyword: number; fromNew: number }>();
  const add = (name: string, source: 'fromNeighbours' | 'fromKeyword' | 'fromNew', confidence: number) => {
    const normalized = normalizeTagName(name);
    if (normalized === '' || excluded.has(normalized)) return;
    const entry = byName.get(normalized) ?? { fromNeighbours: 0, fromKeyword: 0, fromNew: 0 };
    entry[source] = Math.max(entry[source], confidence);
    byName.set(normalized, entry);
  };

  for (const [name, confidence] of neighbourVotes(input.neighbours)) add(name, 'fromNeighbours', confidence);
  const textStems = stemSequence(input.text);
  const known = new Set<string>();
  for (const tag of input.existingTags) {
    const normalized = normalizeTagName(tag.name);
    known.add(normalized);
    const mentions = countMentions(normalized, textStems);
    if (mentions === 0) continue;
    const popularity = Math.min(1, Math.log10(Math.max(0, tag.count) + 1) / 2);
    add(normalized, 'fromKeyword', Math.min(0.9, 0.5 + 0.1 * Math.min(mentions - 1, 2) + 0.15 * popularity));
  }
  const fresh = newKeyword(input.text, known);
  if (fresh !== null && !byName.has(fresh.name)) add(fresh.name, 'fromNew', fresh.confidence);

  const suggestions: TagSuggestion[] = [];
  for (const [name, { fromNeighbours, fromKeyword, fromNew }] of byName) {
    // Two independent kinds of evidence for one tag reinforce each other.
    const confidence = 1 - (1 - fromNeighbours) * (1 - fromKeyword) * (1 - fromNew);
    const reason = fromNew > 0 ? 'new' : fromNeighbours >= fromKeyword ? 'neighbours' : 'keyword';
    const minimum = reason === 'new' ? MIN_NEW_TAG_CONFIDENCE : MIN_TAG_CONFIDENCE;
    if (confidence >= minimum) suggestions.push({ name, confidence: Math.round(confidence * 100) / 100, reason });
  }
  suggestions.sort((left, right) => right.confidence - left.confidence || left.name.localeCompare(right.name));
  return suggestions.slice(0, input.limit ?? DEFAULT_LIMIT);
}

/**
 * A tag name as Cairn stores it (see src-shared/hashtags.ts): lower-case letters, digits, `_`,
 * `-` and `/`, spaces as `-`, at most 64 characters, at least one letter; '' when nothing is left.
 */
export function normalizeTagName(name: string): string {
  // Longer input cannot make a longer name; cutting first keeps the patterns below cheap.
  const cleaned = name
    .slice(0, 256)
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '')
    .slice(0, 64)
    .replace(/[-/]+$/, '');
  return /\p{L}/u.test(cleaned) ? cleaned : '';
}

function neighbourVotes(neighbours: TagSuggestionInput['neighbours']): Map<string, number> {
  const weights = neighbours.map((neighbour) => Math.min(1, Math.max(0, neighbour.similarity)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const votes = new Map<string, { weight: number; carriers: number; best: number }>();
  neighbours.forEach((neighbour, index) => {
    const weight = weights[index] ?? 0;
    for (const tag of new Set(neighbour.tags.map(normalizeTagName))) {
      if (tag === '') continue;
      const vote = votes.get(tag) ?? { weight: 0, carriers: 0, best: 0 };
      votes.set(tag, { weight: vote.weight + weight, carriers: vote.carriers + 1, best: Math.max(vote.best, weight) });
    }
  });
  const confidences = new Map<string, number>();
  if (total === 0) return confidences;
  for (const [tag, vote] of votes) {
    // One neighbour is an anecdote unless it is a near-duplicate of this thought.
    if (vote.carriers < 2 && vote.best < 0.85) continue;
    const share = vote.weight / total;
    confidences.set(tag, share * (0.5 + 0.5 * vote.best));
  }
  return confidences;
}

// The text's words as stems, space-separated with a leading and trailing space, so a tag's stems
// can be found as whole words with includes().
function stemSequence(text: string): string {
  return ` ${words(text).map(stem).join(' ')} `;
}

function countMentions(tag: string, textStems: string): number {
  // "projects/cairn" is mentioned by "cairn"; "side-project" by "side project(s)".
  const leaf = tag.split('/').filter((part) => part !== '').at(-1) ?? '';
  const tagWords = words(leaf.replace(/[-_]/g, ' '));
  if (tagWords.length === 0 || tagWords.join('').length < 3) return 0;
  const needle = ` ${tagWords.map(stem).join(' ')} `;
  let mentions = 0;
  for (let from = textStems.indexOf(needle); from !== -1; from = textStems.indexOf(needle, from + needle.length - 1)) {
    mentions += 1;
  }
  return mentions;
}

// A word the thought keeps returning to, noun-like and not a function word: "sourdough" three
// times in a baking note. Capitalised mid-sentence names count double.
function newKeyword(text: string, known: ReadonlySet<string>): { name: string; confidence: number } | null {
  const counts = new Map<string, { count: number; forms: Map<string, number>; isName: boolean; isVerbLike: boolean }>();
  const withoutLinks = text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ');
  for (const { word, index } of wordsWithOffsets(withoutLinks)) {
    const lower = word.toLowerCase();
    if (lower.length < 4 || STOP_WORDS.has(lower) || NOT_NOUNS.has(lower) || /\d/.test(lower) || NOT_NOUN_ENDING.test(lower) || lower.includes("'")) continue;
    const key = stem(lower);
    if (STOP_WORDS.has(key) || known.has(key) || known.has(lower)) continue;
    const entry = counts.get(key) ?? { count: 0, forms: new Map<string, number>(), isName: false, isVerbLike: VERB_LIKE_ENDING.test(lower) };
    entry.count += 1;
    entry.forms.set(lower, (entry.forms.get(lower) ?? 0) + 1);
    const startsSentence = /(?:^|[.!?:\n]\s*)$/.test(withoutLinks.slice(Math.max(0, index - 3), index));
    if (/^\p{Lu}\p{Ll}/u.test(word) && !startsSentence) entry.isName = true;
    counts.set(key, entry);
  }
  const wordCount = Math.max(1, words(withoutLinks).length);
  let best: { name: string; confidence: number } | null = null;
  for (const entry of counts.values()) {
    if (entry.count < 2) continue;
    // In a long text a word must carry a share of it, not merely recur.
    const density = entry.count / wordCount;
    if (wordCount > 150 && density < 0.01) continue;
    const repeats = Math.min(entry.count - 1, 3) - (entry.isVerbLike ? 1 : 0);
    const confidence = Math.min(0.75, 0.3 + 0.1 * repeats + (entry.isName ? 0.15 : 0) + Math.min(0.05, density));
    const name = [...entry.forms].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))[0]?.[0] ?? '';
    if (best === null || confidence > best.confidence || (confidence === best.confidence && name < best.name)) best = { name, confidence };
  }
  return best;
}
