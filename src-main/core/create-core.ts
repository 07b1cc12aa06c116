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
import { combineLoggers, createConsoleLogger, type Logger } from './logger';
import { DATABASE_FILE } from './paths';
import { createIndexService, type IndexService } from './indexing/index-service';
import { createMeaningSearch } from './indexing/meaning';
import { defaultIntelligence, type Intelligence } from './indexing/intelligence';
import { createSearchService } from './search/search-service';
import { createSuggestionService, type SuggestionService } from './suggestions/suggestion-service';
import { createTagService } from './tags/tag-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createHealthService } from './system/health-service';
import { createDiagnosticsService } from './system/diagnostics-service';
import { createLogFiles, LOG_FOLDER } from './system/log-files';
import { createRecentErrors } from './system/recent-errors';
import { createIndexPause } from './indexing/index-pause';
import { createThroughput } from './jobs/throughput';
import { createThoughtService, type ThoughtService } from './thoughts/thought-service';
import { createAiService } from './ai/ai-service';
import { ANTHROPIC_BASE_URL, createClaudeProvider } from './ai/claude-provider';
import { createOllamaProvider } from './ai/ollama-provider';
import { createOrchestrator, type OrchestratorDeps } from './ai/orchestrator';
import { createRequestLog } from './ai/request-log';
import { createSecretStore, type SecretStore } from './ai/secret-store';
import { readCheckInput, type VectorReader } from './checks/check-input';
import { createCheckScheduler, type CheckScheduler } from './checks/check-scheduler';
import { createCheckService, type CheckService } from './checks/check-service';
import { lastSucceededWindowEnd } from './db/repositories/check-runs';
import { createDesktopService, type DesktopService } from './desktop/desktop-service';
import { createGoalService, type GoalService } from './goals/goal-service';
import { createInsightService } from './insights/insight-service';
import { createTimeZoneReader } from './settings/time-zone';
import { createTaskService } from './tasks/task-service';

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
  /** Run and schedule consciousness checks here; defaults to runJobs. */
  runChecks?: boolean;
  /** How many of the newest matches a keyword search ranks (tests make it small). */
  searchRankWindow?: number;
  /**
   * How models and vector stores are opened. The default loads models from resources/models and
   * <dataDir>/models (downloading only when allowed) in a worker thread.
   */
  intelligence?: Intelligence;
  /** Electron's process.resourcesPath in a packaged app: bundled models live under it. */
  resourcesPath?: string;
  /** Where the Anthropic key is kept; the desktop shell passes one backed by the OS keychain. */
  secrets?: SecretStore;
  /** Where Claude is reached (tests point it at a local fake); default ANTHROPIC_BASE_URL or api.anthropic.com. */
  anthropicBaseUrl?: string;
  /** Tests tune the AI retry policy, breaker and waits, and shorten the request deadline. */
  ai?: Pick<OrchestratorDeps, 'retry' | 'breaker' | 'sleep' | 'random'> & { timeoutMs?: number };
  /** How often the check scheduler looks at the clock (tests use a long one and call tick()). */
  schedulerTickMs?: number;
  /** Write rotating log files to <dataDir>/logs; defaults to runJobs (the app and the server, not the CLI). */
  logToFiles?: boolean;
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
  checks: CheckService;
  /** Absent in the one-shot CLI: no checks are scheduled there. */
  scheduler: CheckScheduler | undefined;
  goals: GoalService;
  /** The shell attaches the hotkey and login item here. */
  desktop: DesktopService;
  logger: Logger;
  /** Finishes the write in flight, drains background work, closes the database. */
  dispose(): Promise<void>;
}

/** Composition root: the whole app without Electron. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? createUlidGenerator(clock);
  const startedAt = clock.now();
  // Every log line also feeds diagnostics (recent errors) and, in the app and the server, the log files.
  const recentErrors = createRecentErrors(clock.now);
  const logFolder = (options.logToFiles ?? options.runJobs !== false) ? join(options.dataDir, LOG_FOLDER) : null;
  const logger = combineLoggers(
    options.logger ?? createConsoleLogger(),
    recentErrors.logger,
    ...(logFolder === null ? [] : [createLogFiles({ folder: logFolder, now: clock.now })]),
  );
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
  const health = createHealthService({ db, clock, version: options.version, startedAt });
  const indexPause = createIndexPause(settings);
  const throughput = createThroughput();
  const tokens = createTokenService({ db, clock, newId });
  const timeZone = createTimeZoneReader(settings, clock);
  const tasks = createTaskService({ db, clock, newId, bus, timeZone });
  const suggestions = createSuggestionService({ db, clock, newId, bus, tasks });
  const tags = createTagService({ db, clock, bus, thoughts });
  // One gate for every kind of background work on the main thread (jobs, indexing, analysis).
  const turns = createBackgroundTurns();
  const analyzer = createAnalyzer({ db, clock, bus, logger, thoughts, suggestions, settings, turns });
  const index =
    options.runJobs === false
      ? undefined
      : createIndexServiceFor(options.intelligence ?? defaultIntelligence({ dataDir: options.dataDir, settings, logger, resourcesPath: options.resourcesPath }));
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
      isPaused: indexPause.isPaused,
      onIndexed: (count) => throughput.record(count, clock.now()),
      onEmbedded: (items, store, embedder, key) => analyzer.withVectors(items, store, embedder, key),
    });
  }
  const meaning = index === undefined ? () => undefined : createMeaningSearch(index);
  const search = createSearchService({
    db,
    rankWindow: options.searchRankWindow,
    meaning,
    now: clock.now,
  });
  const runsChecks = options.runChecks ?? options.runJobs !== false;
  const secrets = options.secrets ?? createSecretStore(options.dataDir);
  const providers = {
    ollama: createOllamaProvider(() => ({ host: settings.get().ollamaHost, model: settings.get().ollamaModel })),
    claude: createClaudeProvider(() => ({
      model: settings.get().claudeModel,
      apiKey: secrets.get('anthropic-api-key'),
      baseUrl: options.anthropicBaseUrl ?? process.env['ANTHROPIC_BASE_URL'] ?? ANTHROPIC_BASE_URL,
    })),
  };
  const orchestrator = createOrchestrator({
    providers,
    order: () => settings.get().aiProviders,
    log: createRequestLog(db, clock),
    clock,
    logger,
    ...options.ai,
    timeoutMs: () => options.ai?.timeoutMs ?? settings.get().aiTimeoutSeconds * 1000,
  });
  const vectors: VectorReader = (seqs) => {
    const store = index?.searchSide()?.store;
    const found = new Map<number, Float32Array>();
    if (store === undefined) return found;
    for (const seq of seqs) {
      const vector = store.vectorOf(seq);
      if (vector !== undefined) found.set(seq, vector);
    }
    return found;
  };
  const checks = createCheckService({
    db,
    clock,
    newId,
    bus,
    logger,
    orchestrator,
    suggestions,
    suggestionPolicy: () => ({ mode: settings.get().suggestionMode, autoCreateThreshold: settings.get().autoCreateThreshold }),
    autoTagging: () => settings.get().autoTagging,
    timeZone,
    vectors,
    runsChecks,
  });
  const insights = createInsightService({ db, clock, bus, tasks });
  const goals = createGoalService({ db, clock, newId, bus, tasks, meaning, orchestrator, timeZone });
  const desktop = createDesktopService({ settings, dataDir: options.dataDir, logger });
  const lifetime = new AbortController();
  const ai = createAiService({
    providers,
    orchestrator,
    secrets,
    settings: () => settings.get(),
    nextCheckInput: () => readCheckInput(db, { start: lastSucceededWindowEnd(db.sqlite), end: clock.now() }, timeZone(), vectors),
  });
  const diagnostics = createDiagnosticsService({
    db,
    clock,
    version: options.version,
    startedAt,
    dataFolder: options.dataDir,
    logFolder,
    index,
    chosenModel: () => settings.get().embeddingModel,
    isPaused: indexPause.isPaused,
    throughput,
    recentErrors,
    providers: (probeTimeoutMs) => ai.diagnose(probeTimeoutMs),
  });
  const handlers = createHandlers({
    ai,
    checks,
    insights,
    goals,
    tasks,
    lifetime: lifetime.signal,
    thoughts,
    search,
    settings,
    health,
    suggestions,
    tags,
    index,
    indexPause,
    diagnostics,
    db,
    desktop,
    onSettingsChanged(keys) {
      if (keys.includes('indexingPaused')) indexPause.sync();
      bus.emit('settings.changed', { keys: [...keys] });
      if (keys.includes('embeddingModel') || keys.includes('allowModelDownload')) index?.reconfigure();
      if (keys.some((key) => key.startsWith('check') || key === 'quietHours')) scheduler?.poke();
    },
  });
  const dispatcher = createDispatcher(handlers, logger, () => shuttingDown);

  const registry = new JobRegistry();
  let runner: JobRunner | undefined;
  if (options.runJobs !== false) {
    registry.register(analyzer.processor);
    const jobRunner = createJobRunner({ db, registry, clock, logger, turns, isHeld: indexPause.holds, onCompleted: () => throughput.record(1, clock.now()) });
    runner = jobRunner;
    disposers.push(bus.subscribe((event) => event === 'thoughts.changed' && jobRunner.wake()));
    disposers.push(() => jobRunner.drain());
    jobRunner.wake();
  }
  // Paused or resumed: the runner takes up held jobs again, the index stops or goes on (and says so).
  disposers.push(
    indexPause.onChange(() => {
      runner?.wake();
      index?.wake();
    }),
  );
  if (index !== undefined) {
    const indexer = index;
    disposers.push(bus.subscribe((event) => event === 'thoughts.changed' && indexer.wake()));
    disposers.push(() => indexer.dispose());
    indexer.wake();
  }
  let scheduler: CheckScheduler | undefined;
  if (runsChecks) {
    const checkScheduler = createCheckScheduler({ db, clock, logger, checks, settings: () => settings.get(), timeZone, tickMs: options.schedulerTickMs });
    scheduler = checkScheduler;
    disposers.push(() => checkScheduler.dispose());
    disposers.push(() => checks.dispose());
    // New thoughts find their goals after each check.
    disposers.push(
      bus.subscribe((event, payload) => {
        if (event === 'checks.changed' && (payload as { status: string }).status === 'succeeded') {
          goals.refreshAll().catch((error: unknown) => logger.warn('goals.refresh_failed', { error: String(error) }));
        }
      }),
    );
  }
  // Runs first on shutdown: AI calls someone is waiting on (goal plans) stop at once.
  disposers.push(() => lifetime.abort());
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
    checks,
    scheduler,
    goals,
    desktop,
    logger,
    async dispose() {
      if (shuttingDown) return;
      shuttingDown = true;
      for (const dispose of disposers.reverse()) await dispose();
      db.close();
    },
  };
}
