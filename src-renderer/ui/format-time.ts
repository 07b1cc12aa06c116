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
