import type { CheckSchedule, Settings } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { thoughtsCapturedBetween } from '../db/repositories/check-reads';
import { lastScheduledRunAt, lastSucceededWindowEnd } from '../db/repositories/check-runs';
import type { Logger } from '../logger';
import { toIso } from '../thoughts/thought-mapping';
import { addDays, instantOf, wallClockAt } from '../understanding/zoned-time';
import { FIRST_WINDOW_MS } from './check-input';
import type { CheckService } from './check-service';

/** How often the scheduler looks at the clock. A sleeping machine wakes to a single late tick. */
export const SCHEDULER_TICK_MS = 60_000;

export interface SchedulerDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  checks: CheckService;
  settings: () => Pick<Settings, 'checksEnabled' | 'checkIntervalMinutes' | 'quietHours'>;
  timeZone: () => string;
  tickMs?: number;
}

/**
 * Starts checks when they are due: every `checkIntervalMinutes` after the last one, outside quiet
 * hours, only when something new was captured. After sleep or a closed app the missed checks
 * become one `catch_up` run, never a burst. Ticks on a timer; `poke()` after resume or a change.
 */
export function createCheckScheduler(deps: SchedulerDeps) {
  const { db, clock, checks } = deps;
  const tickMs = deps.tickMs ?? SCHEDULER_TICK_MS;
  const startedAt = clock.now();
  let lastSkippedAt: number | null = null;
  /** After a skip, the next look is one interval later (not every tick). */
  let skipUntil = 0;

  function intervalMs(): number {
    return deps.settings().checkIntervalMinutes * 60_000;
  }

  function dueAt(): number {
    const last = lastScheduledRunAt(db.sqlite) ?? startedAt;
    return Math.max(last + intervalMs(), skipUntil);
  }

  function quietNow(now: number): boolean {
    const quiet = deps.settings().quietHours;
    if (quiet === null || quiet.start === quiet.end) return false;
    const wall = wallClockAt(now, deps.timeZone());
    const minute = wall.hour * 60 + wall.minute;
    const start = minutesOf(quiet.start);
    const end = minutesOf(quiet.end);
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
  }

  /** When quiet hours covering `instant` end (or `instant` itself outside them). */
  function afterQuiet(instant: number): number {
    const quiet = deps.settings().quietHours;
    if (quiet === null || !quietNow(instant)) return instant;
    const zone = deps.timeZone();
    const wall = wallClockAt(instant, zone);
    const end = minutesOf(quiet.end);
    const sameDay = wall.hour * 60 + wall.minute < end;
    const day = sameDay ? wall : { ...wall, ...addDays(wall.year, wall.month, wall.day, 1) };
    return instantOf({ ...day, hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 }, zone);
  }

  function somethingNew(now: number): boolean {
    const after = lastSucceededWindowEnd(db.sqlite) ?? now - FIRST_WINDOW_MS;
    return thoughtsCapturedBetween(db.sqlite, after, now, 1).length > 0;
  }

  /** Looks at the clock once; returns the run it started, if any. */
  function tick(): string | undefined {
    const settings = deps.settings();
    if (!settings.checksEnabled || checks.isRunning()) return undefined;
    const now = clock.now();
    const due = dueAt();
    if (now < due || quietNow(now)) return undefined;
    if (!somethingNew(now)) {
      lastSkippedAt = now;
      skipUntil = now + intervalMs();
      return undefined;
    }
    // Late by more than a tick or two: the machine slept or the app was closed.
    const trigger = now - due > tickMs * 2 ? 'catch_up' : 'schedule';
    const { runId, alreadyRunning } = checks.start(trigger);
    if (!alreadyRunning) deps.logger.info('checks.started', { runId, trigger });
    return alreadyRunning ? undefined : runId;
  }

  function safeTick(): void {
    try {
      tick();
    } catch (error) {
      deps.logger.error('checks.schedule_failed', { error: String(error) });
    }
  }

  const timer = setInterval(safeTick, tickMs);
  timer.unref();

  const reader = (): CheckSchedule => {
    const settings = deps.settings();
    const now = clock.now();
    return {
      enabled: settings.checksEnabled,
      intervalMinutes: settings.checkIntervalMinutes,
      nextDueAt: settings.checksEnabled ? toIso(afterQuiet(Math.max(dueAt(), now))) : null,
      quiet: quietNow(now),
      runningId: null,
      lastSkippedAt: lastSkippedAt === null ? null : toIso(lastSkippedAt),
    };
  };
  checks.setScheduleReader(reader);

  return {
    tick,
    /** After resume from sleep or a settings change: look now rather than at the next tick. */
    poke(): void {
      skipUntil = 0;
      safeTick();
    },
    schedule: reader,
    dispose(): void {
      clearInterval(timer);
    },
  };
}

export type CheckScheduler = ReturnType<typeof createCheckScheduler>;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

