const thisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const otherYear = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** A version named by when it was made, "Nov 3, 2:02 PM": relative times ("just now") name none. */
export function formatVersionTime(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  return (date.getFullYear() === new Date(now).getFullYear() ? thisYear : otherYear).format(date);
}
