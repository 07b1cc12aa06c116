import type { CheckFindings, CheckInput, Finding } from './check-types';
import { findOpenQuestions, findOverdue, findStalled } from './open-loops';
import { findRhythm } from './rhythm';
import { findThemes } from './themes';

type Stage = (input: CheckInput, vectors: ReadonlyMap<number, Float32Array>) => Finding[];

/** Each stage is a few to a few hundred milliseconds of work on the main thread. */
const STAGES: readonly Stage[] = [
  (input, vectors) => findThemes(input.thoughts, vectors),
  (input) => [...findOverdue(input.openTasks, input.now), ...findStalled(input.openTasks, input.now)],
  (input) => findOpenQuestions(input),
  (input) => findRhythm(input),
];

/**
 * The offline provider's check: no model, real findings — recurring themes, overdue and stalled
 * tasks, questions left open, streaks and gaps in capture.
 */
export function offlineCheck(input: CheckInput): CheckFindings {
  const vectors = input.vectorsOf(input.thoughts.map((thought) => thought.seq));
  return finish(input, vectors, STAGES.flatMap((stage) => stage(input, vectors)));
}

/** The same, giving the event loop a turn between stages so captures never wait for all of it. */
export async function offlineCheckInTurns(input: CheckInput, signal: AbortSignal): Promise<CheckFindings> {
  const vectors = input.vectorsOf(input.thoughts.map((thought) => thought.seq));
  const findings: Finding[] = [];
  for (const stage of STAGES) {
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
    findings.push(...stage(input, vectors));
  }
  return finish(input, vectors, findings);
}

function finish(input: CheckInput, vectors: ReadonlyMap<number, Float32Array>, findings: Finding[]): CheckFindings {
  const notes: string[] = [];
  if (input.thoughts.length > 0 && vectors.size === 0) notes.push('Themes come from shared words only: no thought has a vector yet.');
  if (input.omitted > 0) notes.push(`Read the newest ${input.thoughts.length.toLocaleString('en-US')} new thoughts; ${input.omitted.toLocaleString('en-US')} older ones were left out.`);
  return { findings, tasks: [], tags: [], notes };
}
