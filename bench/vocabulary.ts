/**
 * Deterministic English-like text for the synthetic corpus: a Zipf-distributed vocabulary of
 * real function words, common note words and generated words, a separate list of rare words
 * that searches can look for, and a handful of #tags.
 */

/** mulberry32: small, fast and good enough for test data; the same seed gives the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const FUNCTION_WORDS = (
  'the and to of a i in is that it for you was with on as have but be at not this are we my ' +
  'so if or from they he she me just about there what all can will one do like when out up get ' +
  'more no some would time could their them than then now only also into how our its after ' +
  'because need think want should know make still back over really maybe again very much'
).split(' ');

const NOTE_WORDS = (
  'meeting idea project call email tomorrow today week work book read write buy remember ' +
  'people team plan notes draft review budget garden dinner morning evening weekend travel ' +
  'doctor health sleep coffee music movie friend family house kitchen money design code ' +
  'release feature bug customer interview question answer reading writing running walk ' +
  'article podcast chapter recipe shopping list deadline launch report feedback habit goal'
).split(' ');

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cl', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr', 'ch', 'sp', 'wh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'oo', 'ou', 'ie'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'ck', 'rt', 'sh', 'th'];
const RARE_ONSETS = ['qu', 'x', 'z', 'zh', 'kv', 'yl'];

export const TAG_NAMES = (
  'work ideas reading health family project-atlas journal todo someday books travel garden ' +
  'finance learning music recipes writing fitness kids home meetings research design ops ' +
  'people gratitude questions dreams quotes podcasts'
).split(' ');

export interface Vocabulary {
  /** Zipf-ordered: index 0 is the most frequent word. */
  words: readonly string[];
  /** Words that occur in about 3% of thoughts in total, never in `words`. */
  rare: readonly string[];
  sampleWord(random: Random): string;
}

export const VOCABULARY_SIZE = 4_000;
export const RARE_WORDS = 2_000;
/** Zipf exponent: about 1 for English text. */
const ZIPF_EXPONENT = 1.05;

function syllable(random: Random, onsets: readonly string[]): string {
  return pick(random, onsets) + pick(random, VOWELS) + pick(random, CODAS);
}

export function createVocabulary(seed: number): Vocabulary {
  const random = createRandom(seed ^ 0x5eed);
  const seen = new Set<string>([...FUNCTION_WORDS, ...NOTE_WORDS, ...TAG_NAMES]);
  const generated: string[] = [];
  while (generated.length < VOCABULARY_SIZE - FUNCTION_WORDS.length - NOTE_WORDS.length) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let index = 0; index < syllables; index += 1) word += syllable(random, ONSETS);
    if (word.length < 3 || seen.has(word)) continue;
    seen.add(word);
    generated.push(word);
  }
  const rare: string[] = [];
  while (rare.length < RARE_WORDS) {
    const word = syllable(random, RARE_ONSETS) + syllable(random, ONSETS) + syllable(random, ONSETS);
    if (seen.has(word)) continue;
    seen.add(word);
    rare.push(word);
  }
  // Function words lead, note words mix into the head, generated words fill the long tail.
  const words = [...FUNCTION_WORDS.slice(0, 40), ...interleave(FUNCTION_WORDS.slice(40), NOTE_WORDS), ...generated];
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    total += 1 / (rank + 1) ** ZIPF_EXPONENT;
    cumulative[rank] = total;
  }
  return {
    words,
    rare,
    sampleWord(source) {
      const target = source() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] ?? 0) < target) low = middle + 1;
        else high = middle;
      }
      return words[low] ?? 'the';
    },
  };
}

function interleave(left: readonly string[], right: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    if (left[index] !== undefined) out.push(left[index] as string);
    if (right[index] !== undefined) out.push(right[index] as string);
  }
  return out;
}

/** Log-normal word count, clamped to 5–300: median ≈ 30 words, a long tail of long notes. */
export function wordCount(random: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(300, Math.max(5, Math.round(Math.exp(3.4 + 0.9 * normal))));
}

/** One thought's text, with 20% of thoughts carrying one or two inline #tags. */
export function thoughtText(random: Random, vocabulary: Vocabulary): string {
  const count = wordCount(random);
  const rareAt = random() < 0.03 ? Math.floor(random() * count) : -1;
  const parts: string[] = [];
  let sentenceLeft = 0;
  for (let index = 0; index < count; index += 1) {
    let word = index === rareAt ? pick(random, vocabulary.rare) : vocabulary.sampleWord(random);
    if (sentenceLeft === 0) {
      word = word.charAt(0).toUpperCase() + word.slice(1);
      sentenceLeft = 6 + Math.floor(random() * 12);
    }
    sentenceLeft -= 1;
    parts.push(sentenceLeft === 0 || index === count - 1 ? `${word}.` : word);
  }
  if (random() < 0.2) {
    parts.push(`#${pick(random, TAG_NAMES)}`);
    if (random() < 0.3) parts.push(`#${pick(random, TAG_NAMES)}`);
  }
  return parts.join(' ');
}
