import * as chrono from 'chrono-node';
import type { ParsedResult, ParsingContext } from 'chrono-node';
import {
  addDays,
  daysInMonth,
  instantOf,
  type WallClock,
  wallClockAt,
  wallFromSerial,
  wallSerial,
} from './zoned-time';

export interface DateOptions {
  /** When the thought was captured: "tomorrow" is the day after this instant. */
  reference: Date;
  /** IANA zone the person lives in ("Europe/Berlin"); days and times are read on its clocks. */
  timeZone: string;
}

/** A date or time named in a thought. */
export interface FoundDate {
  /**
   * The instant it names, ms since the epoch. A day named without a time of day is the last
   * millisecond of that day in the zone (23:59:59.999): "pay rent Friday" is not overdue until
   * Friday is over, and the day shows correctly in that zone.
   */
  dueAt: number;
  /** A time of day was given ("at 3", "9am", "tonight", "tomorrow morning"). */
  hasTime: boolean;
  /** A day was given, not only a time ("at 5pm" names no day: today, or tomorrow once 5pm passed). */
  hasDate: boolean;
  /** `dueAt` is before the reference ("yesterday", "last Monday", "3 days ago"). */
  isPast: boolean;
  /** Where the phrase is, [start, end) in UTF-16 units, widened over "by", "on", "due" … */
  start: number;
  end: number;
  /** text.slice(start, end). */
  text: string;
}

// Times of day for words that name none precisely. Chrono's own choices (morning 6:00, tonight
// 22:00) are too early and too late for a reminder.
const MORNING_HOUR = 9;
const EVENING_HOUR = 19;
const NIGHT_HOUR = 20;

const WEEKDAY_ABBREVIATION = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;
const UNWANTED = /^(?:now|right now|just now|one day|some day|someday|the other day|a second|second|a sec|sec|a minute|a moment|the day|a day|day|tonight's|tonights)$/i;
// A duration is a date only when something anchors it: "in 2 weeks", "3 days ago", "next week".
const ANCHORED_RELATIVE = /^(?:in|within|next|last|past|this|coming|after|previous)\b|\b(?:ago|later|from now|from today|hence)$/i;
const BEFORE_MONTH = /\b(?:in|by|before|until|till|through|during|of|end of|early|mid|late|start of|beginning of)\s+$/i;
const BEFORE_WEEKDAY = /\b(?:on|by|before|until|till|due|this|next|every|last|from|after)\s+$/i;
const WIDEN_BEFORE = /(?:\b(?:by|on|at|in|during|before|until|till|due(?:\s+(?:on|by|date))?|deadline(?:\s+is)?|no later than|later|sometime|for|from)\s+)+$/i;
const WIDEN_AFTER = /^\s+(?:at the latest|latest|sharp|or so)\b/i;

function localDate(context: ParsingContext) {
  // The reference handed to chrono is a Date whose local fields are the zone's wall clock.
  const date = context.refDate;
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), weekday: date.getDay() };
}

// "the day after tomorrow": chrono reads only its "tomorrow".
const dayAfterTomorrowParser: chrono.Parser = {
  pattern: () => /\b(?:the\s+)?day\s+after\s+tomorrow\b/i,
  extract(context) {
    const today = localDate(context);
    return addDays(today.year, today.month, today.day, 2);
  },
};

// "end of day/week/month/year", "EOD", "EOW": the last day of that period (a week ends on Friday).
const endOfPeriodParser: chrono.Parser = {
  pattern: () => /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?(day|week|month|year)|(eod|eow|eom|eoy))\b/i,
  extract(context, match) {
    const today = localDate(context);
    const isNext = match[1] !== undefined;
    const unit = (match[2] ?? match[3] ?? '').toLowerCase();
    if (unit === 'day' || unit === 'eod') return addDays(today.year, today.month, today.day, isNext ? 1 : 0);
    if (unit === 'week' || unit === 'eow') {
      // Monday–Friday: this week's Friday. On a weekend the week's end is its Sunday.
      const toFriday = today.weekday === 6 ? 1 : today.weekday === 0 ? 0 : 5 - today.weekday;
      const toNextFriday = today.weekday === 6 ? 6 : today.weekday === 0 ? 5 : 12 - today.weekday;
      return addDays(today.year, today.month, today.day, isNext ? toNextFriday : toFriday);
    }
    if (unit === 'month' || unit === 'eom') {
      const month = isNext ? (today.month % 12) + 1 : today.month;
      const year = isNext && today.month === 12 ? today.year + 1 : today.year;
      return { year, month, day: daysInMonth(year, month) };
    }
    return { year: today.year + (isNext ? 1 : 0), month: 12, day: 31 };
  },
};

// "by the 15th", "on the 3rd": the next such day of a month, this month if it has not passed.
const dayOfMonthParser: chrono.Parser = {
  pattern: () =>
    /\bthe\s+([0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\b|century|floor|time|row|place|anniversary|birthday|percent|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i,
  extract(context, match) {
    const dayOfMonth = Number(match[1]);
    if (dayOfMonth < 1 || dayOfMonth > 31) return null;
    const today = localDate(context);
    let { year, month } = today;
    if (dayOfMonth < today.day) ({ year, month } = nextMonth(year, month));
    while (daysInMonth(year, month) < dayOfMonth) ({ year, month } = nextMonth(year, month));
    return { year, month, day: dayOfMonth };
  },
};

function nextMonth(year: number, month: number) {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

const parser = chrono.casual.clone();
parser.parsers.push(dayAfterTomorrowParser, endOfPeriodParser, dayOfMonthParser);

/**
 * Dates and times named in `text`, in order, read on the clocks of `timeZone` relative to the
 * moment the thought was captured. Forward-dated: "Friday" is the coming Friday (today when it
 * is Friday), "March 3" the next March 3, "at 5pm" tomorrow once 5pm has passed; "next Friday"
 * is the Friday of next week, and only "last"/"ago"/"yesterday" look back. A bare hour from 1 to
 * 7 reads as afternoon ("call at 3" is 15:00). A month without a day is its last day. Throws
 * RangeError for an unknown time zone or an invalid reference.
 */
export function findDates(text: string, { reference, timeZone }: DateOptions): FoundDate[] {
  const referenceMs = reference.getTime();
  if (!Number.isFinite(referenceMs)) throw new RangeError('The reference time is not a valid date.');
  const now = wallClockAt(referenceMs, timeZone);
  // Chrono reads dates through local Date fields; a Date whose local fields show the zone's wall
  // clock makes it compute in that zone. We then take its components, never its instants, so the
  // host's own zone and DST never leak into the answer.
  const localReference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  const found: FoundDate[] = [];
  for (const result of parser.parse(text, localReference)) {
    if (!isWanted(text, result)) continue;
    const resolved = resolve(result, now, referenceMs, timeZone);
    const { start, end } = widen(text, result.index, result.index + result.text.length);
    found.push({ ...resolved, isPast: resolved.dueAt < referenceMs, start, end, text: text.slice(start, end) });
  }
  return found;
}

function isWanted(text: string, result: ParsedResult): boolean {
  const phrase = result.text.trim();
  if (UNWANTED.test(phrase)) return false;
  const before = text.slice(Math.max(0, result.index - 24), result.index);
  const { start } = result;
  const tags = result.tags();
  if (tags.has('result/relativeDate') && !ANCHORED_RELATIVE.test(phrase)) return false;
  if (/^for\s/i.test(phrase)) return false;
  if (WEEKDAY_ABBREVIATION.test(phrase) && !BEFORE_WEEKDAY.test(before)) return false;
  const hasDay = start.isCertain('day') || start.isCertain('weekday');
  if (start.isCertain('month') && !hasDay && !tags.has('result/relativeDate') && !BEFORE_MONTH.test(before)) return false;
  const hasTimeWord = [...tags].some((tag) => tag.startsWith('casualReference/'));
  return hasDay || start.isCertain('month') || start.isCertain('hour') || hasTimeWord;
}

function resolve(
  result: ParsedResult,
  now: WallClock,
  referenceMs: number,
  timeZone: string,
): Pick<FoundDate, 'dueAt' | 'hasTime' | 'hasDate'> {
  const { start } = result;
  const tags = result.tags();
  const get = (component: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second') => start.get(component) ?? 0;
  const wall: WallClock = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: 0,
  };
  const hasDate = start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month') || tags.has('casualReference/tonight');
  const timeWord = timeOfDayWord(result);
  const hasTime = start.isCertain('hour') || timeWord !== null;

  if (tags.has('result/relativeDateAndTime')) {
    // "in 2 hours" is elapsed time: across a DST change the wall clock moves by 1 or 3 hours.
    return { dueAt: referenceMs + (wallSerial(wall) - wallSerial(now)), hasTime: true, hasDate: true };
  }
  if (!start.isCertain('hour') && timeWord !== null) {
    wall.hour = timeWord;
    wall.minute = 0;
    wall.second = 0;
  }
  if (start.isCertain('hour') && !start.isCertain('meridiem') && wall.hour >= 1 && wall.hour <= 7) {
    const isMorning = tags.has('casualReference/morning') || /\b0\d:\d\d/.test(result.text);
    if (!isMorning) wall.hour += 12;
  }
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('weekday')) {
    wall.day = daysInMonth(wall.year, wall.month);
  }
  forward(result, wall, now);
  if (!hasTime) Object.assign(wall, { hour: 23, minute: 59, second: 59, millisecond: 999 });
  if (start.isCertain('timezoneOffset')) {
    // "3pm EST": the writer named the zone, so its offset wins over the person's.
    return { dueAt: wallSerial(wall) - (start.get('timezoneOffset') ?? 0) * 60_000, hasTime, hasDate };
  }
  return { dueAt: instantOf(wall, timeZone), hasTime, hasDate };
}

function timeOfDayWord(result: ParsedResult): number | null {
  const tags = result.tags();
  if (tags.has('casualReference/morning')) return MORNING_HOUR;
  if (tags.has('casualReference/afternoon')) return 15;
  if (tags.has('casualReference/tonight')) return NIGHT_HOUR;
  if (tags.has('casualReference/evening')) return /night/i.test(result.text) ? NIGHT_HOUR : EVENING_HOUR;
  return null;
}

// Chrono runs without its forwardDate option (which also pushes "last Monday" forward); this
// moves only what names no direction into the future.
function forward(result: ParsedResult, wall: WallClock, now: WallClock): void {
  const { start } = result;
  const looksBack = /\b(?:last|past|previous|ago|yesterday)\b/i.test(result.text);
  if (looksBack || result.tags().has('result/relativeDate')) return;
  const today = wallSerial({ ...now, hour: 0, minute: 0, second: 0, millisecond: 0 });
  const dayOf = (value: WallClock) => wallSerial({ ...value, hour: 0, minute: 0, second: 0, millisecond: 0 });
  const step = (days: number) => Object.assign(wall, addDays(wall.year, wall.month, wall.day, days));

  if (start.isCertain('weekday') && !start.isCertain('day')) {
    // Chrono's "Friday" is the closest one, which may be last Friday.
    while (dayOf(wall) < today) step(7);
    return;
  }
  if (start.isCertain('month') && !start.isCertain('year')) {
    wall.year = now.year;
    if (!start.isCertain('day')) wall.day = daysInMonth(wall.year, wall.month);
    if (dayOf(wall) < today) {
      wall.year += 1;
      if (!start.isCertain('day')) wall.day = daysInMonth(wall.year, wall.month);
    }
    if (wall.day > daysInMonth(wall.year, wall.month)) wall.day = daysInMonth(wall.year, wall.month);
    return;
  }
  const namesDay = start.isCertain('day') || [...result.tags()].some((tag) => /casualReference\/(?:today|tomorrow|tonight|yesterday)/.test(tag));
  if (start.isCertain('hour') && !namesDay && wallSerial(wall) < wallSerial(now)) {
    Object.assign(wall, wallFromSerial(wallSerial(wall) + 86_400_000));
  }
}

function widen(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.slice(Math.max(0, start - 40), start);
  const lead = WIDEN_BEFORE.exec(before);
  const after = WIDEN_AFTER.exec(text.slice(end, end + 24));
  return { start: start - (lead?.[0].length ?? 0), end: end + (after?.[0].length ?? 0) };
}
