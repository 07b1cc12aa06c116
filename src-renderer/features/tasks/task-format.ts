import type { Recurrence, Task, Weekday } from '../../../src-shared/contract';

// Days are the person's (the zone the server counted in), not necessarily this browser's.

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = map.get(key);
  if (format === undefined) {
    format = make();
    map.set(key, format);
  }
  return format;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function dayKey(iso: string, timeZone: string): string {
  const format = cached(dayKeyFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return format.format(new Date(iso));
}

/** HH:MM (24 h) of an instant in a time zone. */
export function clockTime(iso: string, timeZone: string): string {
  const format = cached(clockFormats, timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  return format.format(new Date(iso));
}

/** The calendar day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "Due by the end of the day" is stored as 23:59:59.999: such a date has no time worth showing. */
export function hasTime(iso: string, timeZone: string): boolean {
  return clockTime(iso, timeZone) !== '23:59';
}

const relativeDays = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "today", "tomorrow 3:30 PM", "Fri, Mar 6", "Mon, Jan 4, 2027", in the person's zone. */
export function formatDue(iso: string, timeZone: string, today: string): string {
  const key = dayKey(iso, timeZone);
  const days = daysBetween(today, key);
  const noon = new Date(`${key}T12:00:00Z`);
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  const day =
    Math.abs(days) <= 1
      ? relativeDays.format(days, 'day')
      : noon.toLocaleDateString(undefined, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: sameYear ? undefined : 'numeric' });
  if (!hasTime(iso, timeZone)) return day;
  return `${day} ${new Date(iso).toLocaleTimeString(undefined, { timeZone, hour: 'numeric', minute: '2-digit' })}`;
}

export function isOpen(task: Task): boolean {
  return task.status === 'todo' || task.status === 'doing';
}

/** Open and past its due time. */
export function isOverdue(task: Task, now: number): boolean {
  return isOpen(task) && task.dueAt !== null && Date.parse(task.dueAt) < now;
}

export const PRIORITY_NAMES = ['No priority', 'Low', 'Medium', 'High'] as const;

export function priorityName(priority: number): string {
  return PRIORITY_NAMES[priority] ?? PRIORITY_NAMES[0];
}

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

function ordinal(day: number): string {
  const rules = new Intl.PluralRules('en-US', { type: 'ordinal' });
  const suffixes: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${day}${suffixes[rules.select(day)] ?? 'th'}`;
}

/** "Every weekday", "Every Mon and Thu", "Monthly on the 31st", "Every 3 days". */
export function describeRecurrence(recurrence: Recurrence): string {
  switch (recurrence.kind) {
    case 'daily':
      return 'Every day';
    case 'weekdays':
      return 'Every weekday';
    case 'weekly': {
      const names = recurrence.days.map((day) => WEEKDAY_NAMES[day]);
      return `Every ${new Intl.ListFormat('en-US', { type: 'conjunction' }).format(names)}`;
    }
    case 'monthly':
      return `Monthly on the ${ordinal(recurrence.day)}`;
    case 'everyNDays':
      return `Every ${recurrence.days} days`;
  }
}
