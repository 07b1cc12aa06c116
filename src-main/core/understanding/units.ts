import { ACTIONABLE_THRESHOLD, actionabilityOf } from './actionability';

/** One sentence, bullet or list item of a thought: the grain at which tasks are found. */
export interface Unit {
  /** Its words, without bullet, checkbox or "TODO:" label. */
  text: string;
  /** Offset of `text` in the thought. */
  start: number;
  /** A bullet, a checkbox, or an item of an inline list ("Shopping: bread, feta"). */
  isListItem: boolean;
  /** An item under a heading that makes its items things to do ("Groceries:", "Tomorrow:"). */
  isTodoItem: boolean;
  /** Marked as a to-do by the writer: an open checkbox, "TODO:", "Reminder:". */
  isMarked: boolean;
  /** A ticked checkbox: already done, never a suggestion. */
  isDone: boolean;
  /** The heading above it when that heading names a day ("Tomorrow:", "Sunday:"), else null. */
  dayHeading: string | null;
}

/** More units than this in one thought are not read: a pasted book is not a to-do list. */
export const MAX_UNITS = 2_000;

const BULLET = /^\s*(?:[-*•+]|\d{1,3}[.)])\s+/;
const CHECKBOX = /^\s*(?:[-*•+]\s+)?\[([ xX])\]\s*/;
const MARK_LABEL = /^(?:todo|to do|to-do|reminder|task|action item|action|remember)$/i;
// Labels that say nothing about what follows: "Note to self: call the bank" is a to-do, "Note to
// self: the key is under the pot" is not.
const NEUTRAL_LABEL = /^(?:note to self|note|nb|n\.b\.|fyi|ps|p\.s\.)$/i;
const DAY_WORD =
  /^(?:today|tonight|tomorrow|tmrw|this weekend|next week|weekend|(?:this |next |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: morning| afternoon| evening)?|(?:this |tomorrow )?(?:morning|afternoon|evening))$/i;
const LIST_LABEL =
  /^(?:(?:grocery|groceries|shopping|packing|todo|to-do|to do|errands?|chores?|tasks?|things to (?:do|buy|get)|buy|get|pick up|check ?list|list|to buy|for the trip|for the party)(?: list)?)$/i;
const ABBREVIATION = /(?:^|\s)(?:mrs|mr|ms|dr|st|prof|vs|etc|e\.g|i\.e|approx|no|fig|jr|sr)$/i;

/** The units of a thought, in order. Ticked checkboxes are returned with `isDone`. */
export function readUnits(text: string, limit = MAX_UNITS): Unit[] {
  const units: Unit[] = [];
  let heading: { isTodo: boolean; day: string | null } | null = null;
  let lineStart = 0;
  for (const rawLine of text.split('\n')) {
    const offset = lineStart;
    lineStart += rawLine.length + 1;
    if (units.length >= limit) break;
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      heading = null;
      continue;
    }
    const checkbox = CHECKBOX.exec(line);
    const bullet = checkbox === null ? BULLET.exec(line) : null;
    const markerLength = checkbox?.[0].length ?? bullet?.[0].length ?? 0;
    const content = line.slice(markerLength);
    const contentStart = offset + markerLength;
    const isListItem = markerLength > 0;

    if (content.endsWith(':') && content.length <= 40 && !isListItem) {
      const label = content.slice(0, -1).trim();
      heading = { isTodo: LIST_LABEL.test(label) || DAY_WORD.test(label) || MARK_LABEL.test(label), day: DAY_WORD.test(label) ? label : null };
      continue;
    }
    if (!isListItem) heading = null;
    const base = {
      isListItem,
      isTodoItem: isListItem && heading !== null && heading.isTodo,
      isMarked: checkbox !== null && checkbox[1] === ' ',
      isDone: checkbox !== null && checkbox[1] !== ' ',
      dayHeading: isListItem ? (heading?.day ?? null) : null,
    };

    const labelled = /^([^:\n]{1,30}):\s+(?=\S)/.exec(content);
    const label = labelled?.[1]?.trim() ?? '';
    if (labelled !== null && (MARK_LABEL.test(label) || NEUTRAL_LABEL.test(label))) {
      const isMarked = base.isMarked || MARK_LABEL.test(label);
      pushSentences(units, content.slice(labelled[0].length), contentStart + labelled[0].length, { ...base, isMarked });
      continue;
    }
    const items = content.slice(labelled?.[0].length ?? 0);
    if (labelled !== null && content.includes(',') && (LIST_LABEL.test(label) || (DAY_WORD.test(label) && hasActionWording(items)))) {
      const itemsStart = contentStart + labelled[0].length;
      for (const item of items.matchAll(/[^,;]+/g)) {
        const leading = /^\s*(?:and\s+|then\s+)?/i.exec(item[0])?.[0].length ?? 0;
        const itemText = item[0].slice(leading).trim();
        if (itemText === '') continue;
        units.push({
          ...base,
          text: trimEndMarks(itemText),
          start: itemsStart + item.index + leading,
          isListItem: true,
          isTodoItem: true,
          dayHeading: DAY_WORD.test(label) ? label : null,
        });
      }
      continue;
    }
    pushSentences(units, content, contentStart, base);
  }
  return units.slice(0, limit);
}

// Trailing "." and "!" removed by a loop: /[.!]+$/ would rescan long runs from every start.
function trimEndMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end -= 1;
  return text.slice(0, end);
}

function hasActionWording(items: string): boolean {
  return items.split(/[,;]/).some((item) => actionabilityOf(item.replace(/^\s*(?:and|then)\s+/i, '')) >= ACTIONABLE_THRESHOLD);
}

function pushSentences(units: Unit[], text: string, start: number, base: Omit<Unit, 'text' | 'start'>): void {
  let from = 0;
  let isFirst = true;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const leading = raw.length - raw.trimStart().length;
    const sentence = raw.trim();
    if (sentence !== '') {
      // Only the first sentence of a bullet is the item; the rest is commentary on it.
      units.push(isFirst ? { ...base, text: sentence, start: start + from + leading } : { ...base, isListItem: false, isTodoItem: false, isMarked: false, text: sentence, start: start + from + leading });
      isFirst = false;
    }
  };
  // The lookbehind starts a match only at the first mark of a run, keeping long runs ("?????") linear.
  for (const boundary of text.matchAll(/(?<![.!?…])[.!?…]+\s+(?=\S)/g)) {
    const end = boundary.index + boundary[0].trimEnd().length;
    if (ABBREVIATION.test(text.slice(Math.max(from, boundary.index - 8), boundary.index))) continue;
    push(end);
    from = boundary.index + boundary[0].length;
  }
  push(text.length);
}
