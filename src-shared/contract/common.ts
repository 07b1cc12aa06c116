import { z } from 'zod';

/** Longest thought Cairn stores (characters). Longer text is refused, never truncated. */
export const MAX_THOUGHT_CHARS = 100_000;
export const MAX_QUERY_CHARS = 1_000;
export const MAX_TAGS_PER_THOUGHT = 50;

// C0 controls other than tab, newline and carriage return have no meaning in a note and would
// corrupt exports; \u0002/\u0003 are also used internally as snippet markers.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Public, time-sortable identifier (ULID, Crockford base32). */
export const idSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a valid Cairn id.');

/** Text a person wrote: well-formed Unicode, no control characters, within the size limit. */
export function userTextSchema(maxChars: number) {
  return z
    .string()
    .max(maxChars, `Text is longer than ${maxChars.toLocaleString('en-US')} characters.`)
    .refine((value) => value.isWellFormed(), 'Text contains invalid characters (broken Unicode).')
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'Text contains control characters.');
}

export const thoughtTextSchema = userTextSchema(MAX_THOUGHT_CHARS).refine(
  (value) => value.trim().length > 0,
  'A thought needs some text.',
);

/** A tag name: letters, digits, `_`, `-` and `/` for hierarchy; stored lower-case. */
export const tagNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_\-/]+$/u, 'Tags may contain letters, digits, "_", "-" and "/".')
  .transform((value) => value.toLowerCase());

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Opaque paging cursor returned by list/search operations. */
export const cursorSchema = z.string().min(1).max(200);

export function limitSchema(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback);
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
