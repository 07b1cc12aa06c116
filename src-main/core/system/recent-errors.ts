import type { RecentError } from '../../../src-shared/contract';
import type { Logger } from '../logger';
import { plainMessage } from './plain-events';

const CAPACITY = 50;

export interface RecentErrors {
  /** Add it to the core's logger: it keeps warnings and errors, and ignores the rest. */
  logger: Logger;
  /** Newest first. */
  entries(): RecentError[];
}

/**
 * The latest warnings and errors, in memory, for diagnostics: time, event and a plain message.
 * The logged fields themselves are not kept (they may hold an error's text). The same event
 * repeating (a retry loop) becomes one entry with a count instead of pushing the others out.
 */
export function createRecentErrors(now: () => number, capacity = CAPACITY): RecentErrors {
  const entries: RecentError[] = [];

  const keep = (level: RecentError['level']) => (event: string, fields: Record<string, unknown> = {}) => {
    const message = plainMessage(event, fields);
    const time = new Date(now()).toISOString();
    const newest = entries.at(-1);
    if (newest !== undefined && newest.event === event && newest.message === message && newest.level === level) {
      newest.count += 1;
      newest.time = time;
      return;
    }
    entries.push({ time, level, event, message, count: 1 });
    if (entries.length > capacity) entries.shift();
  };

  return {
    logger: { info() {}, warn: keep('warn'), error: keep('error') },
    entries: () => entries.map((entry) => ({ ...entry })).reverse(),
  };
}
