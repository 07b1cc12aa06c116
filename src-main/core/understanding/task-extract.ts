import { ACTIONABLE_THRESHOLD, actionabilityOf } from './actionability';
import { classifyThought, type Classification } from './classify';
import { type DateOptions, type FoundDate, findDates } from './dates';
import { readUnits, type Unit } from './units';

/** A task found in a thought, for the suggestion inbox. */
export interface TaskCandidate {
  title: string;
  /** Due instant (ms since the epoch) or null when the thought names no future date. */
  dueAt: number | null;
  /** False when only a day was named: show the date, not a time. */
  hasTime: boolean;
  /** 0..1. */
  confidence: number;
}

export interface ExtractOptions extends DateOptions {
  /** The thought's classification when the caller already has one (e.g. blended with embeddings). */
  classification?: Classification;
  /** At most this many tasks from one thought; 10 unless given. */
  limit?: number;
}

export const MAX_TITLE_CHARS = 120;
const DEFAULT_LIMIT = 10;

// "… and also call the bank", "…; cancel the card": one sentence, two tasks. The lookbehind
// starts a match only at the beginning of a run of spaces, keeping long runs linear.
const ALSO = /(?<![\s,])(?:,\s*|\s+)and also\s+|;\s+(?:and\s+)?(?:also\s+)?/gi;
const LEAD_INS: readonly RegExp[] = [
  /^(?:(?:ok(?:ay)?|so|also|and|then|oh|btw|pls|please|plz|quick(?:ly)?|urgent)[,:!]?\s+)+/i,
  /^(?:todo|to do|to-do|reminder|task)\s*[:\-–—]\s*/i,
  /^(?:(?:pls|please)\s+)?(?:remember|remind me|don't forget|dont forget|do not forget)(?:\s+to)?\s+/i,
  /^(?:(?:i|we)\s+(?:really\s+|still\s+|also\s+|definitely\s+|seriously\s+|just\s+)?)?(?:need|needs|have|has|got|ought)\s+to\s+/i,
  /^(?:(?:i|we)\s+(?:really\s+|probably\s+|definitely\s+)?)?(?:must|gotta|should|will|shall)\s+/i,
  /^(?:i'll|we'll|i'm going to|i am going to|let's|lets|make sure to)\s+/i,
  /^(?:i|we)\s+(?:want|plan|would like)\s+to\s+/i,
];
const TRAILING_MARK = /^(?:[\s.,;:!?…\-–—]|\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])$/u;
const TRAILING_WORD = /\s+(?:asap|a\.s\.a\.p\.?|urgently|pls|please|plz|sometime|someday|soon|at some point|eventually)$/i;
const DANGLING = /\s+(?:by|on|at|before|until|till|due|for|in|from|and|then)$/i;
const KEY_STOP_WORDS = new Set('a an the to for of on in at with and or my our your his her their some please pls asap i we me us it this that these those'.split(' '));

/**
 * The tasks hidden in a thought: one per actionable sentence, bullet or list item ("and also"
 * splits a sentence). None when the thought as a whole is not actionable. Titles are the action
 * cleaned of "I need to", "remember to", "TODO:", the date and trailing punctuation; duplicates
 * within the thought (same `taskKey`) are dropped. Throws RangeError for an unknown time zone.
 */
export function extractTasks(text: string, options: ExtractOptions): TaskCandidate[] {
  const classification = options.classification ?? classifyThought(text);
  if (classification.actionability < ACTIONABLE_THRESHOLD) return [];
  const limit = options.limit ?? DEFAULT_LIMIT;
  const found: TaskCandidate[] = [];
  const keys = new Set<string>();
  for (const unit of readUnits(text)) {
    if (unit.isDone) continue;
    for (const part of splitAlso(unit)) {
      const score = actionabilityOf(part);
      if (score < ACTIONABLE_THRESHOLD) continue;
      const candidate = toCandidate(part, score, classification.actionability, options);
      const key = taskKey(candidate.title);
      if (key === '' || keys.has(key)) continue;
      keys.add(key);
      found.push(candidate);
      if (found.length >= limit) return found;
    }
  }
  return found;
}

function splitAlso(unit: Unit): Unit[] {
  const parts: Unit[] = [];
  let from = 0;
  for (const match of unit.text.matchAll(ALSO)) {
    parts.push({ ...unit, text: unit.text.slice(from, match.index), start: unit.start + from });
    from = match.index + match[0].length;
  }
  parts.push({ ...unit, text: unit.text.slice(from), start: unit.start + from });
  return parts.filter((part) => part.text.trim() !== '');
}

function toCandidate(unit: Unit, score: number, thoughtActionability: number, options: DateOptions): TaskCandidate {
  const text = unit.text;
  const cut = titleEnd(text);
  // "Move the standup to 9:45", "push it from Monday": a date the task is about, not its due.
  const dates = findDates(text, options).filter(
    (date) => !date.isPast && !/\b(?:to|from|since|starting|between|and)\s+$/i.test(text.slice(Math.max(0, date.start - 16), date.start)),
  );
  let due: FoundDate | undefined = dates.find((date) => date.start < cut) ?? dates[0];
  let title = text.slice(0, cut);
  if (due !== undefined && due.end <= cut && !/^['’]s\b/.test(text.slice(due.end))) {
    title = `${text.slice(0, due.start)} ${text.slice(due.end, cut)}`;
  }
  if (unit.dayHeading !== null && (due === undefined || !due.hasDate)) {
    const phrase = due === undefined ? unit.dayHeading : `${unit.dayHeading} ${/^at\b/i.test(due.text) ? '' : 'at '}${due.text}`;
    due = findDates(phrase, options).find((date) => !date.isPast) ?? due;
  }
  const confidence = 0.55 * score + 0.3 * thoughtActionability + (due === undefined ? 0 : 0.1) + (unit.isMarked ? 0.05 : 0);
  return {
    title: cleanTaskTitle(title),
    dueAt: due?.dueAt ?? null,
    hasTime: due?.hasTime ?? false,
    confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
  };
}

// Where the action ends and commentary begins: "Apply for the grant — deadline is April 20",
// "Order printer ink, we're out", "Prep for the interview: review notes, …".
function titleEnd(text: string): number {
  const dash = /\s[—–-]\s/.exec(text);
  if (dash !== null && dash.index > 0) return dash.index;
  const colon = /:\s/.exec(text);
  if (colon !== null && actionabilityOf(text.slice(0, colon.index)) >= ACTIONABLE_THRESHOLD) return colon.index;
  const comma = /,\s/.exec(text);
  if (comma !== null && actionabilityOf(text.slice(comma.index + 2)) < ACTIONABLE_THRESHOLD) return comma.index;
  return text.length;
}

/**
 * A task title from the words of an action: lead-ins ("I need to", "remember to", "TODO:")
 * and trailing punctuation, emoji and "asap" removed, shouting lowered, first letter capitalised,
 * at most MAX_TITLE_CHARS characters.
 */
export function cleanTaskTitle(phrase: string): string {
  // Tags are the thought's, not part of the action: trailing ones go, inline ones keep their word.
  let title = phrase
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:^|\s+)(?:#[\p{L}\p{N}_\-/]+\s*)+$/u, '')
    .replace(/#([\p{L}\p{N}_\-/]+)/gu, '$1');
  for (let round = 0; round < 4; round += 1) {
    const before = title;
    for (const leadIn of LEAD_INS) title = title.replace(leadIn, '');
    if (title === before) break;
  }
  const withoutAside = title.replace(/\s*\([^()]*\)\s*$/, '');
  if (withoutAside.trim() !== '') title = withoutAside;
  for (let round = 0; round < 4; round += 1) {
    const before = title;
    title = trimTrailingMarks(title);
    // Only the tail is searched: an end-anchored pattern over the whole title would be quadratic.
    const tail = title.slice(-40);
    const noise = TRAILING_WORD.exec(tail) ?? DANGLING.exec(tail);
    if (noise !== null) title = title.slice(0, title.length - noise[0].length);
    if (title === before) break;
  }
  title = title.replace(/^[\s\-–—:,.;]+/, '').replace(/\s+([,.;:!?])/g, '$1').replace(/\s{2,}/g, ' ');
  if (/\p{Lu}/u.test(title) && !/\p{Ll}/u.test(title) && title.length > 3) title = title.toLowerCase();
  title = title.replace(/\p{L}/u, (letter) => letter.toUpperCase());
  if (title.length > MAX_TITLE_CHARS) {
    const space = title.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
    title = `${title.slice(0, space > MAX_TITLE_CHARS / 2 ? space : MAX_TITLE_CHARS - 1).trimEnd()}…`;
  }
  return title;
}

// Punctuation, spaces and emoji at the end, removed code point by code point from the end.
function trimTrailingMarks(title: string): string {
  let end = title.length;
  while (end > 0) {
    const isPair = end >= 2 && /[\uDC00-\uDFFF]/.test(title.charAt(end - 1)) && /[\uD800-\uDBFF]/.test(title.charAt(end - 2));
    const width = isPair ? 2 : 1;
    if (!TRAILING_MARK.test(title.slice(end - width, end))) break;
    end -= width;
  }
  return title.slice(0, end);
}

/**
 * A normalized form of a task title for refusing duplicates: lower-case, accents, punctuation
 * and filler words ("the", "my", "to") removed. "Buy the milk!" and "buy milk" share a key.
 * Empty only for a title with no letters or digits.
 */
export function taskKey(title: string): string {
  const all = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const meaningful = all.filter((word) => !KEY_STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : all).join(' ');
}
