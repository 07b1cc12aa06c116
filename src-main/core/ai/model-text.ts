import { instantOf } from '../understanding/zoned-time';

// Control characters never reach the database from a model, whatever it writes.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A model's text made safe to store: no control characters, well-formed, trimmed. */
export function cleanModelText(value: string): string {
  return value.replace(CONTROL, '').toWellFormed().trim();
}

/**
 * "2026-12-01" from a model → the end of that day in the person's zone. Anything else, or a day
 * already past, is no date at all.
 */
export function dayFromModel(value: string | null | undefined, now: number, timeZone: string): number | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 2000 || year > 2200) return null;
  const instant = instantOf({ year, month, day, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
  return instant < now ? null : instant;
}
