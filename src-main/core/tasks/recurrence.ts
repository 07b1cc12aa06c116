import type { Recurrence, Weekday } from '../../../src-shared/contract';
import { weekdays } from '../../../src-shared/contract';
import { addDays, daysInMonth, instantOf, wallClockAt } from '../understanding/zoned-time';

/** A date on the calendar, month 1..12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

// Stored as RFC 5545 RRULE text (the column's documented format), so another tool can read it.
// Mon–Fri weekly and "weekdays" are the same rule; it reads back as "weekdays".
const WORKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** The RRULE text a recurrence is stored as. */
export function ruleText(recurrence: Recurrence): string {
  switch (recurrence.kind) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=${WORKDAYS.join(',')}`;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${inWeekOrder(recurrence.days).join(',')}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${recurrence.day}`;
    case 'everyNDays':
      return `FREQ=DAILY;INTERVAL=${recurrence.days}`;
  }
}

function inWeekOrder(days: readonly Weekday[]): Weekday[] {
  return weekdays.filter((day) => days.includes(day));
}

function isWeekday(value: string): value is Weekday {
  return (weekdays as readonly string[]).includes(value);
}

/** The recurrence a stored rule means; null for none, or for a rule Cairn did not write. */
export function parseRule(text: string | null): Recurrence | null {
  if (text === null) return null;
  const parts = new Map(text.split(';').map((part) => part.split('=', 2) as [string, string | undefined]));
  const frequency = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (frequency === 'DAILY' && Number.isInteger(interval) && interval >= 1 && interval <= 365) {
    return interval === 1 ? { kind: 'daily' } : { kind: 'everyNDays', days: interval };
  }
  if (frequency === 'WEEKLY') {
    const days = (parts.get('BYDAY') ?? '').split(',');
    if (days.length === 0 || !days.every(isWeekday)) return null;
    const ordered = inWeekOrder(days);
    return ordered.join() === WORKDAYS.join() ? { kind: 'weekdays' } : { kind: 'weekly', days: ordered };
  }
  const day = Number(parts.get('BYMONTHDAY'));
  if (frequency === 'MONTHLY' && Number.isInteger(day) && day >= 1 && day <= 31) return { kind: 'monthly', day };
  return null;
}

function serial(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function weekdayOf(day: CalendarDay): Weekday {
  // getUTCDay counts from Sunday.
  return weekdays[(new Date(serial(day)).getUTCDay() + 6) % 7] ?? 'MO';
}

function later(first: CalendarDay, second: CalendarDay): CalendarDay {
  return serial(first) >= serial(second) ? first : second;
}

/** The rule's day in a month: a day the month lacks falls on its last day. */
function monthDay(year: number, month: number, day: number): CalendarDay {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/** The first day of the rule strictly after `after`; `every N days` counts from `anchor`. */
function occurrenceAfter(recurrence: Recurrence, anchor: CalendarDay, after: CalendarDay): CalendarDay {
  switch (recurrence.kind) {
    case 'daily':
      return addDays(after.year, after.month, after.day, 1);
    case 'everyNDays': {
      const elapsed = Math.round((serial(after) - serial(anchor)) / 86_400_000);
      const steps = Math.max(1, Math.floor(elapsed / recurrence.days) + 1);
      return addDays(anchor.year, anchor.month, anchor.day, steps * recurrence.days);
    }
    case 'weekdays':
    case 'weekly': {
      const days = recurrence.kind === 'weekdays' ? WORKDAYS : recurrence.days;
      for (let offset = 1; offset <= 7; offset += 1) {
        const candidate = addDays(after.year, after.month, after.day, offset);
        if (days.includes(weekdayOf(candidate))) return candidate;
      }
      throw new Error(`weekly rule without days: ${JSON.stringify(recurrence)}`);
    }
    case 'monthly': {
      const sameMonth = monthDay(after.year, after.month, recurrence.day);
      if (serial(sameMonth) > serial(after)) return sameMonth;
      const next = addDays(after.year, after.month, 1, 32);
      return monthDay(next.year, next.month, recurrence.day);
    }
  }
}

/**
 * The day the occurrence after one due on `due` falls on: the rule's first day after both its due
 * day and today, so finishing late never leaves the next one already overdue.
 */
export function nextDueDay(recurrence: Recurrence, due: CalendarDay, today: CalendarDay): CalendarDay {
  return occurrenceAfter(recurrence, due, later(due, today));
}

/** The first day of the rule from today on (today included): when a repeating task is first due. */
export function firstDueDay(recurrence: Recurrence, today: CalendarDay): CalendarDay {
  if (recurrence.kind === 'everyNDays') return today;
  return occurrenceAfter(recurrence, today, addDays(today.year, today.month, today.day, -1));
}

export function calendarDayAt(instant: number, timeZone: string): CalendarDay {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return { year, month, day };
}

/** The end of a day in the zone: what Cairn stores for "due that day" without a time. */
export function endOfDay(day: CalendarDay, timeZone: string): number {
  return instantOf({ ...day, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
}

export function startOfDay(day: CalendarDay, timeZone: string): number {
  return instantOf({ ...day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** When the next occurrence is due: its day by the rule, at the same wall-clock time as this one. */
export function nextDueAt(recurrence: Recurrence, dueAt: number | null, now: number, timeZone: string): number {
  const today = calendarDayAt(now, timeZone);
  if (dueAt === null) return endOfDay(nextDueDay(recurrence, today, today), timeZone);
  const wall = wallClockAt(dueAt, timeZone);
  const day = nextDueDay(recurrence, { year: wall.year, month: wall.month, day: wall.day }, today);
  return instantOf({ ...wall, ...day }, timeZone);
}

/** YYYY-MM-DD. */
export function dayText(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
