import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MIGRATIONS } from './test-core';

const journalSchema = z.looseObject({
  entries: z.array(z.looseObject({ idx: z.number(), when: z.number(), tag: z.string() })),
});

export type Journal = z.infer<typeof journalSchema>;

export function readJournal(folder = MIGRATIONS): Journal {
  return journalSchema.parse(JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')));
}

/** A migrations folder holding only the first `count` migrations: the app as it was then. */
export function migrationsUpTo(count: number, into: string): string {
  const journal = readJournal();
  const entries = journal.entries.slice(0, count);
  mkdirSync(join(into, 'meta'), { recursive: true });
  for (const entry of entries) copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(into, `${entry.tag}.sql`));
  writeFileSync(join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return into;
}
