import type { CheckFindings, CheckInput } from './check-types';
import { findOpenQuestions, findOverdue, findStalled } from './open-loops';
import { findRhythm } from './rhythm';
import { findThemes } from './themes';

/**
 * The offline provider's check: no model, real findings — recurring themes, overdue and stalled
 * tasks, questions left open, streaks and gaps in capture.
 */
export function offlineCheck(input: CheckInput): CheckFindings {
  const vectors = input.vectorsOf(input.thoughts.map((thought) => thought.seq));
  const findings = [
    ...findThemes(input.thoughts, vectors),
    ...findOverdue(input.openTasks, input.now),
    ...findStalled(input.openTasks, input.now),
    ...findOpenQuestions(input),
    ...findRhythm(input),
  ];
  const notes: string[] = [];
  if (input.thoughts.length > 0 && vectors.size === 0) notes.push('Themes come from shared words only: no thought has a vector yet.');
  if (input.omitted > 0) notes.push(`Read the newest ${input.thoughts.length.toLocaleString('en-US')} new thoughts; ${input.omitted.toLocaleString('en-US')} older ones were left out.`);
  return { findings, tasks: [], tags: [], notes };
}
