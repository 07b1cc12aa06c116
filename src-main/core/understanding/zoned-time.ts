/** A reading of a clock on the wall somewhere: month 1..12, hour 0..23. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for a zone Intl does not know; callers pass settings that were validated.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows this IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at `instant` (ms since the epoch). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const value = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** The wall clock read as if it were UTC: a serial number for comparing and stepping local times. */
export function wallSerial(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** The inverse of wallSerial. */
export function wallFromSerial(serial: number): WallClock {
  const date = new Date(serial);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (Berlin in winter: 60). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  return (wallSerial(wallClockAt(instant, timeZone)) - instant) / 60_000;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which a clock in `timeZone` shows `wall`. Around a DST change the answer follows
 * Temporal's "compatible" rule: a time that happens twice (autumn) is its first occurrence; a time
 * that never happens (the spring gap) is moved forward by the length of the gap (02:30 → 03:30).
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const serial = wallSerial(wall);
  const offsetBefore = offsetMinutesAt(serial - DAY_MS, timeZone);
  const offsetAfter = offsetMinutesAt(serial + DAY_MS, timeZone);
  const candidates = [serial - offsetBefore * 60_000, serial - offsetAfter * 60_000].filter(
    (instant) => wallSerial(wallClockAt(instant, timeZone)) === serial,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: reading the wall time with the offset from before the change lands past the gap.
  return serial - offsetBefore * 60_000;
}

/** The calendar date `days` after the given one (negative goes back). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
