const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });
const sameYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const otherYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "5 minutes ago", "3 hours ago", then a date: recent thoughts read as recent. */
export function formatWhen(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  const age = now - time;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < 12 * HOUR) return relative.format(-Math.floor(age / HOUR), 'hour');
  const date = new Date(time);
  return date.getFullYear() === new Date(now).getFullYear() ? sameYear.format(date) : otherYear.format(date);
}

export function formatFull(iso: string): string {
  return full.format(new Date(iso));
}

const dayMonth = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAY = 24 * HOUR;

/** Whole calendar days from `now` to `date` in local time (0 today, 1 tomorrow, -1 yesterday). */
function calendarDaysBetween(now: Date, date: Date): number {
  const startOf = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate()).getTime();
  return Math.round((startOf(date) - startOf(now)) / DAY);
}

/**
 * A due date as a person says it: "tomorrow 3:00 PM", "today", "Fri, Nov 28". Only the day when
 * the time is not known ("on Friday"), so Cairn never invents a time nobody wrote.
 */
export function formatDue(iso: string, hasTime: boolean, now = Date.now()): string {
  const date = new Date(iso);
  const today = new Date(now);
  const days = calendarDaysBetween(today, date);
  const day =
    Math.abs(days) <= 1
      ? relative.format(days, 'day')
      : (date.getFullYear() === today.getFullYear() ? dayMonth : dayMonthYear).format(date);
  return hasTime ? `${day} ${clock.format(date)}` : day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value a `date` or `datetime-local` input shows for an instant, in local time. */
export function toLocalInputValue(iso: string, hasTime: boolean): string {
  const date = new Date(iso);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return hasTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/**
 * Reads a `date`/`datetime-local` input back as an ISO instant; undefined when empty or invalid.
 * A date alone keeps the time of day of `keepTimeOf` (what Cairn stored for a day-only date),
 * else midday, which stays on the same day in every time zone a person travels to.
 */
export function fromLocalInputValue(value: string, hasTime: boolean, keepTimeOf?: string | null): string | undefined {
  if (value.length === 0) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, dayOfMonth, hours, minutes] = match;
  const kept = keepTimeOf === undefined || keepTimeOf === null ? undefined : new Date(keepTimeOf);
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(dayOfMonth),
    hasTime ? Number(hours) : (kept?.getHours() ?? 12),
    hasTime ? Number(minutes) : (kept?.getMinutes() ?? 0),
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
