import { STOP_WORDS, excerpt, stem, words } from '../understanding/words';
import type { CheckInput, CheckThought, Finding, OpenTask } from './check-types';

const DAY_MS = 24 * 60 * 60 * 1000;
const STALLED_AFTER_DAYS = 14;
const MAX_TASK_FINDINGS = 5;
const MAX_QUESTIONS = 3;
/** A question gets a little time before it counts as unanswered. */
const QUESTION_GRACE_DAYS = 2;
const FOLLOW_UPS_READ = 200;

/** Open tasks past their due date, most overdue first. */
export function findOverdue(tasks: readonly OpenTask[], now: number): Finding[] {
  return tasks
    .filter((task) => task.dueAt !== null && task.dueAt < now)
    .sort((left, right) => (left.dueAt ?? 0) - (right.dueAt ?? 0))
    .slice(0, MAX_TASK_FINDINGS)
    .map((task) => {
      const days = Math.max(1, Math.floor((now - (task.dueAt ?? now)) / DAY_MS));
      return {
        kind: 'suggestion' as const,
        topic: 'overdue' as const,
        title: `Overdue: ${task.title}`,
        body: `Due ${days === 1 ? 'a day' : `${days} days`} ago${task.goalTitle === null ? '' : ` (goal: ${task.goalTitle})`}. Do it, give it a new date, or let it go.`,
        evidence: task.sourceThoughtId === null ? [] : [task.sourceThoughtId],
        proposedTask: null,
        dedupeKey: `overdue:${task.id}`,
      };
    });
}

/** Open tasks nobody touched for weeks and that are not simply scheduled for later. */
export function findStalled(tasks: readonly OpenTask[], now: number): Finding[] {
  return tasks
    .filter((task) => now - task.updatedAt >= STALLED_AFTER_DAYS * DAY_MS && (task.dueAt === null || task.dueAt >= now))
    .sort((left, right) => left.updatedAt - right.updatedAt)
    .slice(0, MAX_TASK_FINDINGS)
    .map((task) => {
      const days = Math.floor((now - task.updatedAt) / DAY_MS);
      return {
        kind: 'insight' as const,
        topic: 'stalled_task' as const,
        title: `Stalled: ${task.title}`,
        body: `${task.status === 'doing' ? 'Started, then' : 'Open and'} untouched for ${days} days. Is the next step clear, or is it blocked on something?`,
        evidence: task.sourceThoughtId === null ? [] : [task.sourceThoughtId],
        proposedTask: null,
        dedupeKey: `stalled:${task.id}:${Math.floor(days / 30)}`,
      };
    });
}

/**
 * Questions the person asked and has not come back to: no later thought shares two of the
 * question's content words (or its only one).
 */
export function findOpenQuestions(input: Pick<CheckInput, 'recentQuestions' | 'thoughtsAfter' | 'now'>): Finding[] {
  const findings: Finding[] = [];
  // Questions a few days apart read the same later thoughts: their words are read once.
  const stemsOf = new Map<string, Set<string>>();
  const stemsFor = (thought: CheckThought): Set<string> => {
    let stems = stemsOf.get(thought.id);
    if (stems === undefined) stemsOf.set(thought.id, (stems = contentStems(thought.text)));
    return stems;
  };
  const candidates = input.recentQuestions
    .filter((question) => input.now - question.createdAt >= QUESTION_GRACE_DAYS * DAY_MS)
    .sort((left, right) => right.createdAt - left.createdAt);
  for (const question of candidates) {
    if (findings.length >= MAX_QUESTIONS) break;
    const topic = contentStems(question.text);
    if (topic.size === 0) continue;
    const later = input.thoughtsAfter(question.createdAt, FOLLOW_UPS_READ);
    if (later.some((thought) => answers(topic, stemsFor(thought)))) continue;
    findings.push({
      kind: 'insight',
      topic: 'open_question',
      title: `Still open: ${excerpt(question.text, 80)}`,
      body: `You asked this ${Math.floor((input.now - question.createdAt) / DAY_MS)} days ago and have not written about it since.`,
      evidence: [question.id],
      proposedTask: null,
      dedupeKey: `question:${question.id}`,
    });
  }
  return findings;
}

function answers(topic: ReadonlySet<string>, stems: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const root of stems) if (topic.has(root)) shared += 1;
  return shared >= Math.min(2, topic.size);
}

function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)).map(stem));
}
