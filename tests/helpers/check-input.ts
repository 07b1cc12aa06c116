import type { CheckInput } from '../../src-main/core/checks/check-types';

/** A check's input with nothing in it at `now` (UTC), plus what a test or bench sets. */
export function checkInputOf(now: number, overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    now,
    timeZone: 'UTC',
    thoughts: [],
    omitted: 0,
    goals: [],
    openTasks: [],
    recentQuestions: [],
    thoughtsAfter: () => [],
    captureDays: [],
    vectorsOf: () => new Map(),
    topTags: [],
    ...overrides,
  };
}
