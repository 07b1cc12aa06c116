import { z } from 'zod';
import {
  cursorSchema,
  isoDateTimeSchema,
  limitSchema,
  MAX_QUERY_CHARS,
  tagNameSchema,
  userTextSchema,
} from './common';
import { thoughtSchema, thoughtTypes } from './thoughts';

export const searchScopes = ['active', 'archived', 'trash', 'all'] as const;
export const matchKinds = ['keyword', 'meaning'] as const;

export const highlightSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const searchHitSchema = z.object({
  thought: thoughtSchema,
  /** A short passage around the best match, plain text. */
  snippet: z.string(),
  /** Half-open [start, end) ranges in `snippet` (UTF-16 code units) to highlight. */
  highlights: z.array(highlightSchema),
  /** Higher is better; comparable only within one query. */
  score: z.number(),
  /** Why it matched: the words, the meaning, or both. */
  matchedBy: z.array(z.enum(matchKinds)),
});

export const searchContract = {
  /**
   * Finds thoughts by what they say. Any text is a safe query: search syntax characters are
   * treated as plain words; the last word also matches as a prefix. Results are ranked by
   * relevance; for very common words ranking considers the newest matches first (see README).
   * Throws invalid_input.
   */
  'search.query': {
    input: z.strictObject({
      query: userTextSchema(MAX_QUERY_CHARS),
      filters: z
        .strictObject({
          tags: z.array(tagNameSchema).max(20).optional(),
          types: z.array(z.enum(thoughtTypes)).max(thoughtTypes.length).optional(),
          from: isoDateTimeSchema.optional(),
          to: isoDateTimeSchema.optional(),
          scope: z.enum(searchScopes).default('active'),
        })
        .default({ scope: 'active' }),
      limit: limitSchema(100, 20),
      cursor: cursorSchema.optional(),
    }),
    output: z.object({
      items: z.array(searchHitSchema),
      nextCursor: z.string().nullable(),
      /** False when only words were searched (no model yet, or the thoughts are still being indexed). */
      usedMeaning: z.boolean(),
    }),
  },
} as const;

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchScope = (typeof searchScopes)[number];
export type Highlight = z.infer<typeof highlightSchema>;
