// Word-level helpers shared by the classifier, the task extractor and tag suggestions. Every
// pattern here is linear: no nested quantifiers, so 100k characters cost milliseconds.

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words in order, lower-cased, apostrophes kept inside ("don't"). */
export function words(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD), (match) => match[0].replace(/’/g, "'"));
}

/** Words with their offsets, in the original case. */
export function wordsWithOffsets(text: string): { word: string; index: number }[] {
  return Array.from(text.matchAll(WORD), (match) => ({ word: match[0], index: match.index }));
}

/** Function words that say nothing about what a thought is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
  him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't
  my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
  she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
  there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
  we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
  with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves just really maybe
  still even much many lot lots thing things something anything nothing everything someone anyone everyone
  today tomorrow yesterday tonight now later soon again always never sometimes often ever already yet
  one two three four five six seven eight nine ten first second last next new old good bad great little big
  long short right left well back way time times day days week weeks month months year years morning evening
  night afternoon get got getting make made making go going went gone come came take took see saw seen know
  knew think thought feel felt want wanted need needs needed like liked say said tell told try tried use used
  find found give gave keep kept let put seem seems look looks looked call called work worked start started
  actually probably definitely honestly basically literally pretty quite rather kind sort bit ok okay yes yeah
  hmm oh pls please via etc vs`.split(/\s+/),
);

/**
 * A small suffix-stripping stem, enough to match "runs", "running" and "run", or "recipes" and
 * "recipe". Not Porter: it errs on the side of leaving a word alone.
 */
export function stem(word: string): string {
  let value = word.toLowerCase().replace(/'s$/, '');
  if (value.length <= 3) return value;
  if (value.endsWith('ies') && value.length > 4) return `${value.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(value)) return value;
  if (/(?:ches|shes|xes|sses)$/.test(value)) return value.slice(0, -2);
  if (value.endsWith('ing') && value.length > 5) value = undouble(value.slice(0, -3));
  else if (value.endsWith('ed') && value.length > 4) value = undouble(value.slice(0, -2));
  else if (value.endsWith('s')) value = value.slice(0, -1);
  return value.endsWith('e') && value.length > 4 ? value.slice(0, -1) : value;
}

function undouble(value: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(value) && !/(?:ll|ss|zz)$/.test(value) ? value.slice(0, -1) : value;
}

/** Text on one line (whitespace runs become one space), cut to `max` characters with "…". */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
