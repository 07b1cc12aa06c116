import { join } from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import { createTokenService, type TokenService } from './auth/token-service';
import { createUlidGenerator, systemClock, type Clock, type IdGenerator } from './clock';
import { openDatabase, type Database } from './db/open-database';
import { createDispatcher, type Dispatcher } from './dispatch';
import { createEventBus, type EventBus } from './events/event-bus';
import { watchExternalChanges } from './events/external-changes';
import { createHandlers } from './handlers';
import { createJobRunner, JobRegistry, type JobRunner } from './jobs/job-queue';
import { createConsoleLogger, type Logger } from './logger';
import { DATABASE_FILE } from './paths';
import { createSearchService } from './search/search-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createHealthService } from './system/health-service';
import { createThoughtService, type ThoughtService } from './thoughts/thought-service';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  version: string;
  clock?: Clock;
  newId?: IdGenerator;
  logger?: Logger;
  /** Notice writes by other processes (the CLI, a second server) and tell the UI. */
  watchExternalChanges?: boolean;
  /** Run background jobs in this process (false for the one-shot CLI). */
  runJobs?: boolean;
  /** How many of the newest matches a keyword search ranks (tests make it small). */
  searchRankWindow?: number;
}

export interface Core {
  db: Database;
  bus: EventBus;
  handlers: Handlers;
  dispatcher: Dispatcher;
  thoughts: ThoughtService;
  settings: SettingsService;
  tokens: TokenService;
  jobs: { registry: JobRegistry; runner: JobRunner | undefined };
  logger: Logger;
  /** Finishes the write in flight, drains background work, closes the database. */
  dispose(): Promise<void>;
}

/** Composition root: the whole app without Electron. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? createUlidGenerator(clock);
  const logger = options.logger ?? createConsoleLogger();
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { migrationsFolder: options.migrationsFolder });
  const disposers: (() => void | Promise<void>)[] = [];
  let shuttingDown = false;

  const bus = createEventBus((error) => logger.error('events.listener_failed', { error: String(error) }));
  const thoughts = createThoughtService({ db, clock, newId, bus });
  const search = createSearchService({ db, rankWindow: options.searchRankWindow });
  const settings = createSettingsService({
    db,
    clock,
    onInvalidStoredValue: (key) => logger.warn('settings.invalid_stored_value', { key }),
  });
  const health = createHealthService({ db, clock, version: options.version, startedAt: clock.now() });
  const tokens = createTokenService({ db, clock, newId });
  const handlers = createHandlers({ thoughts, search, settings, health });
  const dispatcher = createDispatcher(handlers, logger, () => shuttingDown);

  const registry = new JobRegistry();
  let runner: JobRunner | undefined;
  if (options.runJobs !== false) {
    const jobRunner = createJobRunner({ db, registry, clock, logger });
    runner = jobRunner;
    disposers.push(bus.subscribe((event) => event === 'thoughts.changed' && jobRunner.wake()));
    disposers.push(() => jobRunner.drain());
    jobRunner.wake();
  }
  if (options.watchExternalChanges === true) {
    disposers.push(watchExternalChanges(db, bus, logger));
  }

  return {
    db,
    bus,
    handlers,
    dispatcher,
    thoughts,
    settings,
    tokens,
    jobs: { registry, runner },
    logger,
    async dispose() {
      if (shuttingDown) return;
      shuttingDown = true;
      for (const dispose of disposers.reverse()) await dispose();
      db.close();
    },
  };
}
