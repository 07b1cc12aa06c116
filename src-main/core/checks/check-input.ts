import type { Database } from '../db/open-database';
import {
  activeGoals,
  captureTimesSince,
  countCapturedBetween,
  openTasks,
  questionsSince,
  thoughtsAfter,
  thoughtsCapturedBetween,
  type CheckThoughtRow,
} from '../db/repositories/check-reads';
import { tagsForThoughts } from '../db/repositories/tags';
import type { CheckInput, CheckThought } from './check-types';
import { localDay } from './rhythm';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A check reads at most this many new thoughts (the newest); prompts sample from them. */
export const MAX_CHECK_THOUGHTS = 5_000;
/** The first check ever looks back this far. */
export const FIRST_WINDOW_MS = 7 * DAY_MS;
const QUESTION_WINDOW_MS = 30 * DAY_MS;
const RHYTHM_WINDOW_MS = 60 * DAY_MS;

export interface CheckWindow {
  /** Exclusive; null for the first check ever. */
  start: number | null;
  /** Inclusive. */
  end: number;
}

/** Vectors of thoughts by seq, from the active model (empty when there is none). */
export type VectorReader = (seqs: readonly number[]) => Map<number, Float32Array>;

/** Reads everything a check needs from the database, in one read transaction. */
export function readCheckInput(db: Database, window: CheckWindow, timeZone: string, vectors: VectorReader): CheckInput {
  const { sqlite } = db;
  const read = sqlite.transaction(() => {
    const after = window.start ?? window.end - FIRST_WINDOW_MS;
    const rows = thoughtsCapturedBetween(sqlite, after, window.end, MAX_CHECK_THOUGHTS);
    const total = rows.length < MAX_CHECK_THOUGHTS ? rows.length : countCapturedBetween(sqlite, after, window.end);
    const questions = questionsSince(sqlite, window.end - QUESTION_WINDOW_MS, 50);
    const tags = tagsForThoughts(sqlite, [...rows, ...questions].map((row) => row.seq));
    const toThought = (row: CheckThoughtRow): CheckThought => ({
      id: row.id,
      seq: row.seq,
      text: row.text,
      type: row.type,
      createdAt: row.created_at,
      isPrivate: row.is_private === 1,
      tags: (tags.get(row.seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name),
    });
    const captureDays: CheckInput['captureDays'] = [];
    for (const capture of captureTimesSince(sqlite, window.end - RHYTHM_WINDOW_MS)) {
      const day = localDay(capture.created_at, timeZone);
      const last = captureDays.at(-1);
      if (last !== undefined && last.day === day) {
        last.count += 1;
        last.lastThoughtId = capture.id;
      } else captureDays.push({ day, count: 1, firstThoughtId: capture.id, lastThoughtId: capture.id });
    }
    return {
      now: window.end,
      timeZone,
      thoughts: rows.reverse().map(toThought),
      omitted: total - rows.length,
      goals: activeGoals(sqlite, 50).map((goal) => ({ id: goal.id, title: goal.title, targetDate: goal.target_date, lifeArea: goal.life_area })),
      openTasks: openTasks(sqlite, 500).map((task) => ({
        id: task.id,
        title: task.title,
        status: task.status,
        dueAt: task.due_at,
        createdAt: task.created_at,
        updatedAt: task.updated_at,
        sourceThoughtId: task.source_thought_id,
        goalTitle: task.goal_title,
      })),
      recentQuestions: questions.map(toThought),
      thoughtsAfter: (createdAt: number, limit: number) =>
        thoughtsAfter(sqlite, createdAt, limit).map((row) => ({ ...toThought(row), tags: [] })),
      captureDays,
      vectorsOf: vectors,
      topTags: mostUsedTags(rows.map((row) => tags.get(row.seq) ?? [])),
    } satisfies CheckInput;
  });
  return read();
}

/** The person's own tags most used on the check's thoughts (a full vocabulary scan costs ~250 ms at 1M). */
function mostUsedTags(perThought: readonly { name: string; kind: string }[][]): string[] {
  const counts = new Map<string, number>();
  for (const tags of perThought) for (const tag of tags) if (tag.kind === 'user') counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, 15)
    .map(([name]) => name);
}
