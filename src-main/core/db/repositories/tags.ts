import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../statements';

export interface TagLink {
  thoughtSeq: number;
  name: string;
  kind: 'user' | 'auto';
}

/** Tag names are stored lower-case; returns the id, creating the tag if it is new. */
export function ensureTag(sqlite: BetterSqlite3.Database, name: string, now: number): number {
  const existing = statement(sqlite, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
  if (existing !== undefined) return existing.id;
  const created = statement(sqlite, 'INSERT INTO tags (name, created_at) VALUES (?, ?) RETURNING id').get(
    name,
    now,
  ) as { id: number };
  return created.id;
}

/**
 * Makes the thought's user tags exactly `names`. An auto tag with the same name becomes a user
 * tag (the person adopted it); other auto tags are left alone.
 */
export function setUserTags(
  sqlite: BetterSqlite3.Database,
  thoughtSeq: number,
  names: readonly string[],
  now: number,
): void {
  const wanted = new Set(names);
  const current = statement(
    sqlite,
    "SELECT t.name FROM thought_tags tt JOIN tags t ON t.id = tt.tag_id WHERE tt.thought_seq = ? AND tt.kind = 'user'",
  ).all(thoughtSeq) as { name: string }[];
  for (const { name } of current) {
    if (wanted.has(name)) continue;
    statement(
      sqlite,
      "DELETE FROM thought_tags WHERE thought_seq = ? AND kind = 'user' AND tag_id = (SELECT id FROM tags WHERE name = ?)",
    ).run(thoughtSeq, name);
  }
  for (const name of wanted) {
    const tagId = ensureTag(sqlite, name, now);
    statement(
      sqlite,
      `INSERT INTO thought_tags (thought_seq, tag_id, kind, status, created_at) VALUES (?, ?, 'user', 'accepted', ?)
       ON CONFLICT (thought_seq, tag_id) DO UPDATE SET kind = 'user', status = 'accepted', confidence = NULL`,
    ).run(thoughtSeq, tagId, now);
  }
}

/** Tags of many thoughts in one query; user tags first, then by name. */
export function tagsForThoughts(sqlite: BetterSqlite3.Database, seqs: readonly number[]): Map<number, TagLink[]> {
  const bySeq = new Map<number, TagLink[]>();
  if (seqs.length === 0) return bySeq;
  const rows = statement(
    sqlite,
    `SELECT tt.thought_seq AS thoughtSeq, t.name AS name, tt.kind AS kind
     FROM thought_tags tt JOIN tags t ON t.id = tt.tag_id
     WHERE tt.thought_seq IN (SELECT value FROM json_each(?)) AND tt.status != 'removed'
     ORDER BY tt.kind DESC, t.name`,
  ).all(JSON.stringify(seqs)) as TagLink[];
  for (const row of rows) {
    const list = bySeq.get(row.thoughtSeq);
    if (list === undefined) bySeq.set(row.thoughtSeq, [row]);
    else list.push(row);
  }
  return bySeq;
}

/**
 * Adds Cairn's tag suggestions to a thought. A tag it already carries, or one the person removed
 * from it, is left as it is: a removed suggestion never comes back.
 */
export function addAutoTags(
  sqlite: BetterSqlite3.Database,
  thoughtSeq: number,
  tags: readonly { name: string; confidence: number }[],
  now: number,
): string[] {
  const added: string[] = [];
  for (const tag of tags) {
    const tagId = ensureTag(sqlite, tag.name, now);
    const result = statement(
      sqlite,
      `INSERT OR IGNORE INTO thought_tags (thought_seq, tag_id, kind, status, confidence, created_at)
       VALUES (?, ?, 'auto', 'suggested', ?, ?)`,
    ).run(thoughtSeq, tagId, tag.confidence, now);
    if (result.changes === 1) added.push(tag.name);
  }
  return added;
}

/** What the thought has under this tag name, if anything. */
export function tagLinkOf(
  sqlite: BetterSqlite3.Database,
  thoughtSeq: number,
  name: string,
): { kind: 'user' | 'auto'; status: 'accepted' | 'suggested' | 'removed' } | undefined {
  return statement(
    sqlite,
    `SELECT tt.kind AS kind, tt.status AS status FROM thought_tags tt JOIN tags t ON t.id = tt.tag_id
     WHERE tt.thought_seq = ? AND t.name = ?`,
  ).get(thoughtSeq, name) as { kind: 'user' | 'auto'; status: 'accepted' | 'suggested' | 'removed' } | undefined;
}

/** Keeps a tombstone so the tag is never suggested for this thought again. */
export function markTagRemoved(sqlite: BetterSqlite3.Database, thoughtSeq: number, name: string, now: number): void {
  const tagId = ensureTag(sqlite, name, now);
  statement(
    sqlite,
    `INSERT INTO thought_tags (thought_seq, tag_id, kind, status, created_at) VALUES (?, ?, 'auto', 'removed', ?)
     ON CONFLICT (thought_seq, tag_id) DO UPDATE SET kind = 'auto', status = 'removed', confidence = NULL`,
  ).run(thoughtSeq, tagId, now);
}

/** The id of the newest tag row: changes whenever a tag name is used for the first time. */
export function newestTagId(sqlite: BetterSqlite3.Database): number {
  return Number(statement(sqlite, 'SELECT coalesce(max(id), 0) FROM tags').pluck().get());
}

/**
 * Every tag in use (not removed), with how many thoughts carry it as a user tag. Reads every
 * tag link (≈ 160 ms at a million thoughts): callers that run often keep a copy.
 */
export function tagVocabulary(sqlite: BetterSqlite3.Database): { name: string; count: number }[] {
  return statement(
    sqlite,
    `SELECT t.name AS name, count(*) AS count FROM thought_tags tt JOIN tags t ON t.id = tt.tag_id
     WHERE tt.kind = 'user' GROUP BY t.id ORDER BY count DESC, t.name`,
  ).all() as { name: string; count: number }[];
}
