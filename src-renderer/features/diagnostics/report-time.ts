const timeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** "Mar 1, 9:41:07 AM": when a problem was logged, to the second. */
export function formatReportTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}
