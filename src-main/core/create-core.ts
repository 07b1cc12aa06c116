import { join } from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import { createTokenService, type TokenService } from './auth/token-service';
import { createUlidGenerator, systemClock, type Clock, type IdGenerator } from './clock';
import { openDatabase, type Database } from './db/open-database';
import { createDispatcher, type Dispatcher } from './dispatch';
import { createEventBus, type EventBus } from './events/event-bus';
import { watchExternalChanges } from './events/external-changes';
import { createAnalyzer } from './analysis/analyzer';
import { createHandlers } from './handlers';
import { createBackgroundTurns } from './jobs/background-turns';
import { createJobRunner, JobRegistry, type JobRunner } from './jobs/job-queue';
import { createConsoleLogger, type Logger } from './logger';
import { DATABASE_FILE } from './paths';
import { createIndexService, type IndexService } from './indexing/index-service';
import { createMeaningSearch } from './indexing/meaning';
import { defaultIntelligence, type Intelligence } from './indexing/intelligence';
import { createSearchService } from './search/search-service';
import { createSuggestionService, type SuggestionService } from './suggestions/suggestion-service';
import { createTagService } from './tags/tag-service';
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
  /**
   * How models and vector stores are opened. The default loads models from resources/models and
   * <dataDir>/models (downloading only when allowed) in a worker thread.
   */
  intelligence?: Intelligence;
}

export interface Core {
  db: Database;
  bus: EventBus;
  handlers: Handlers;
  dispatcher: Dispatcher;
  thoughts: ThoughtService;
  settings: SettingsService;
  tokens: TokenService;
  suggestions: SuggestionService;
  /** Absent in the one-shot CLI (runJobs: false): no model is loaded there. */
  index: IndexService | undefined;
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
  const settings = createSettingsService({
    db,
    clock,
    onInvalidStoredValue: (key) => logger.warn('settings.invalid_stored_value', { key }),
  });
  const health = createHealthService({ db, clock, version: options.version, startedAt: clock.now() });
  const tokens = createTokenService({ db, clock, newId });
  const suggestions = createSuggestionService({ db, clock, newId, bus });
  const tags = createTagService({ db, clock, bus, thoughts });
  // One gate for every kind of background work on the main thread (jobs, indexing, analysis).
  const turns = createBackgroundTurns();
  const analyzer = createAnalyzer({ db, clock, bus, logger, thoughts, suggestions, settings, turns });
  const index =
    options.runJobs === false
      ? undefined
      : createIndexServiceFor(options.intelligence ?? defaultIntelligence({ dataDir: options.dataDir, settings, logger }));
  function createIndexServiceFor(intelligence: Intelligence): IndexService {
    return createIndexService({
      db,
      clock,
      bus,
      logger,
      openEmbedder: intelligence.openEmbedder,
      openVectorStore: (key, dimension) => intelligence.openVectorStore(db, key, dimension),
      desiredModel: () => settings.get().embeddingModel,
      turns,
      onEmbedded: (items, store, embedder, key) => analyzer.withVectors(items, store, embedder, key),
    });
  }
  const search = createSearchService({
    db,
    rankWindow: options.searchRankWindow,
    meaning: index === undefined ? undefined : createMeaningSearch(index),
    now: clock.now,
  });
  const handlers = createHandlers({
    thoughts,
    search,
    settings,
    health,
    suggestions,
    tags,
    index,
    db,
    onSettingsChanged(keys) {
      if (keys.includes('embeddingModel') || keys.includes('allowModelDownload')) index?.reconfigure();
    },
  });
  const dispatcher = createDispatcher(handlers, logger, () => shuttingDown);

  const registry = new JobRegistry();
  let runner: JobRunner | undefined;
  if (options.runJobs !== false) {
    registry.register(analyzer.processor);
    const jobRunner = createJobRunner({ db, registry, clock, logger, turns });
    runner = jobRunner;
    disposers.push(bus.subscribe((event) => event === 'thoughts.changed' && jobRunner.wake()));
    disposers.push(() => jobRunner.drain());
    jobRunner.wake();
  }
  if (index !== undefined) {
    const indexer = index;
    disposers.push(bus.subscribe((event) => event === 'thoughts.changed' && indexer.wake()));
    disposers.push(() => indexer.dispose());
    indexer.wake();
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
    suggestions,
    index,
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
