import type { IndexStatus } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import {
  deleteEmbeddingModel,
  embeddingCounts,
  embeddingModels,
  insertEmbeddingModel,
  hasEmbedding,
  setModelState,
  type EmbeddingModelRow,
} from '../db/repositories/embeddings';
import { releaseJob } from '../db/repositories/jobs';
import { findThoughtById } from '../db/repositories/thoughts';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import { createBatchWriter, takeEmbedBatch } from './embed-batches';
import { createRateMeter, etaSeconds } from './index-progress';
import { modelKey, type EmbedderPort, type EmbedderState, type ModelInfo, type VectorStorePort } from './ports';
import { createBackgroundTurns, type BackgroundTurns } from '../jobs/background-turns';

export { EMBED_BATCH } from './embed-batches';
const PROGRESS_INTERVAL_MS = 250;
/** Embedded batches that may wait to be read for meaning (each holds its vectors). */
const ANALYSIS_BACKLOG = 2;
const MAX_BACKOFF_MS = 5 * 60 * 1000;

export interface IndexServiceDeps {
  db: Database;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  /** Loads a model (in a worker); `state()` says whether it could. */
  openEmbedder(modelId: string): EmbedderPort;
  openVectorStore(key: string, dimension: number): VectorStorePort;
  /** The model the person chose (setting `embeddingModel`). */
  desiredModel(): string;
  /** The gate background work shares the main thread through; reading and writing a batch are slices. */
  turns?: BackgroundTurns;
  /** The person paused indexing: models still load (search needs them), but no batch is taken. */
  isPaused?: () => boolean;
  /** A batch of `count` thoughts was stored (diagnostics count the rate). */
  onIndexed?: (count: number) => void;
  /** Called with thoughts that were just embedded because they were captured or edited. */
  onEmbedded?(items: { seq: number; vector: Float32Array }[], store: VectorStorePort, embedder: EmbedderPort, key: string): Promise<void>;
}

interface Slot {
  embedder: EmbedderPort;
  modelId: string;
}

/**
 * Keeps every thought's vector current, in the background: first what was just captured or
 * edited (the `embed` jobs), then older thoughts, newest first. All progress lives in SQLite, so
 * a crash or kill resumes where it stopped. Changing the model builds a second set of vectors
 * while search keeps using the first; the new set takes over once complete.
 */
export function createIndexService(deps: IndexServiceDeps) {
  const { db, clock, bus, logger } = deps;
  const isPaused = deps.isPaused ?? (() => false);
  const turns = deps.turns ?? createBackgroundTurns();
  const { sqlite } = db;
  const stores = new Map<string, VectorStorePort>();
  const rate = createRateMeter();
  let build: Slot | undefined;
  let search: Slot | undefined;
  let running: Promise<void> | undefined;
  /** Readings of embedded batches, oldest first; each runs after the one before it. */
  const analyses: Promise<void>[] = [];
  let stopped = false;
  let backoffMs = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastProgressAt = 0;
  let lastRecountAt = 0;
  let counts = { total: 0, embedded: 0 };
  /**
   * Models are (re)decided at start and after each settings change, not on every wake: a change
   * bumps `configGeneration`, and the loop settles again when it last settled an older one.
   */
  let configGeneration = 0;
  let settledGeneration = -1;

  function storeFor(model: { key: string; dimension: number }): VectorStorePort {
    let store = stores.get(model.key);
    if (store === undefined) {
      store = deps.openVectorStore(model.key, model.dimension);
      stores.set(model.key, store);
    }
    return store;
  }

  function rows(): { active: EmbeddingModelRow | undefined; building: EmbeddingModelRow | undefined } {
    const all = embeddingModels(sqlite);
    return { active: all.findLast((row) => row.state === 'active'), building: all.findLast((row) => row.state === 'building') };
  }

  /** The model whose vectors are being written now. */
  function target(): (ModelInfo & { key: string }) | undefined {
    const state = build?.embedder.state();
    if (state?.state !== 'ready') return undefined;
    return { ...state.model, key: modelKey(state.model) };
  }

  function recount(): void {
    counts = embeddingCounts(sqlite, target()?.key ?? rows().active?.model_key);
    lastRecountAt = clock.now();
  }

  function status(): IndexStatus {
    const state: EmbedderState = build?.embedder.state() ?? { state: 'loading' };
    const model = target();
    const now = clock.now();
    const paused = isPaused();
    const perSecond = paused ? null : rate.perSecond(now);
    const remaining = Math.max(0, counts.total - counts.embedded);
    return {
      // A new model's set is still 'indexing' when its last vector is stored, until it takes over.
      state: state.state === 'ready' ? (remaining > 0 || (model !== undefined && rows().active?.model_key !== model.key) ? 'indexing' : 'ready') : state.state,
      model: model === undefined ? null : { id: model.id, revision: model.revision, dimension: model.dimension },
      message: state.state === 'unavailable' ? state.message : null,
      total: counts.total,
      embedded: Math.min(counts.embedded, counts.total),
      ratePerSecond: remaining > 0 ? perSecond : null,
      etaSeconds: remaining > 0 ? etaSeconds(remaining, perSecond) : null,
      paused,
    };
  }

  function announce(force: boolean): void {
    const now = clock.now();
    if (!force && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    bus.emit('index.progress', status());
  }

  /** Decides which models are in play once the chosen one has loaded (or failed to). */
  async function settleModels(): Promise<void> {
    const wanted = deps.desiredModel();
    // A model that could not be had is looked for again: it may have been imported since, or
    // downloading may have been allowed.
    const retry = build !== undefined && build.modelId === wanted && build.embedder.state().state === 'unavailable';
    if (build?.modelId !== wanted || retry) {
      if (build !== undefined && build !== search) await build.embedder.dispose();
      build = { embedder: deps.openEmbedder(wanted), modelId: wanted };
      announce(true);
    }
    const state = await build.embedder.ready();
    if (stopped) return;
    if (state.state !== 'ready') {
      logger.warn('index.model_unavailable', { model: wanted, message: state.state === 'unavailable' ? state.message : 'loading' });
      recount();
      announce(true);
      return;
    }
    const key = modelKey(state.model);
    const { active } = rows();
    if (active === undefined || active.model_key === key) {
      // First model ever (its vectors become searchable as they are made), or the same one.
      insertEmbeddingModel(sqlite, { key, ...state.model, state: 'active' }, clock.now());
      if (active === undefined) setModelState(sqlite, key, 'active', clock.now());
      if (search !== undefined && search !== build) await search.embedder.dispose();
      search = build;
    } else {
      insertEmbeddingModel(sqlite, { key, ...state.model, state: 'building' }, clock.now());
      if (search === undefined || search.modelId !== active.model_id) {
        search = { embedder: deps.openEmbedder(active.model_id), modelId: active.model_id };
      }
    }
    // Models other than the active and the one being built are leftovers of an earlier switch.
    for (const row of embeddingModels(sqlite)) {
      if (row.model_key !== key && row.model_key !== active?.model_key) retire(row);
    }
    recount();
    announce(true);
  }

  function retire(row: EmbeddingModelRow): void {
    storeFor({ key: row.model_key, dimension: row.dimension }).drop();
    stores.delete(row.model_key);
    sqlite.transaction(() => deleteEmbeddingModel(sqlite, row.model_key)).immediate();
    logger.info('index.model_retired', { model: row.model_key });
  }

  const writeBatch = createBatchWriter(sqlite);

  /** One batch, read and written in slices of the main thread. false when there was nothing to do. */
  async function step(model: ModelInfo & { key: string }, embedder: EmbedderPort): Promise<boolean> {
    const batch = await turns.slice(() => {
      if (stopped) return undefined;
      const taken = takeEmbedBatch(sqlite, model.key, clock.now());
      if (taken === undefined) finishBackfill(model.key);
      return taken;
    });
    if (batch === undefined) return false;
    const { jobs, items, fromJobs } = batch;
    let vectors: Float32Array[] = [];
    if (items.length > 0) {
      try {
        vectors = await embedder.embed(
          items.map((item) => item.text),
          'passage',
        );
      } catch (error) {
        sqlite.transaction(() => jobs.forEach((job) => releaseJob(sqlite, job.id, clock.now()))).immediate();
        throw error;
      }
    }
    const written = await turns.slice(() => writeBatch.immediate(storeFor(model), model, batch, vectors, clock.now()));
    rate.record(clock.now(), written.length);
    deps.onIndexed?.(written.length);
    counts.embedded += written.filter((item) => item.fresh).length;
    if (fromJobs && written.length > 0 && deps.onEmbedded !== undefined) {
      // Read for meaning while the worker embeds the next batch; at most a few batches wait.
      const onEmbedded = deps.onEmbedded;
      const store = storeFor(model);
      const previous = analyses.at(-1) ?? Promise.resolve();
      analyses.push(
        previous
          .then(() => onEmbedded(written, store, embedder, model.key))
          .catch((error: unknown) => {
            // Reading meaning is a bonus: the vectors are stored whatever happens here.
            logger.warn('index.after_embed_failed', { error: error instanceof Error ? error.message : String(error) });
          }),
      );
      while (analyses.length > ANALYSIS_BACKLOG) await analyses.shift();
    }
    announce(false);
    return true;
  }

  function finishBackfill(key: string): void {
    const { active, building } = rows();
    if (building?.model_key !== key) return;
    // The new model's vectors are complete: it answers searches from now on.
    sqlite
      .transaction(() => {
        setModelState(sqlite, key, 'active', clock.now());
        if (active !== undefined) setModelState(sqlite, active.model_key, 'retired', clock.now());
      })
      .immediate();
    if (active !== undefined) retire({ ...active, state: 'retired' });
    const old = search;
    search = build;
    if (old !== undefined && old !== build) void old.embedder.dispose();
    recount();
    announce(true);
    logger.info('index.model_activated', { model: key });
  }

  /** Keeps the progress counts current without counting a million rows per capture. */
  function followChanges(ids: readonly string[], reason: string): void {
    if (reason === 'external') {
      recount();
      return;
    }
    const sign = reason === 'captured' || reason === 'restored' ? 1 : reason === 'deleted' ? -1 : 0;
    if (sign === 0) return;
    const key = target()?.key ?? rows().active?.model_key;
    for (const id of ids) {
      counts.total += sign;
      if (reason === 'captured' || key === undefined) continue;
      const row = findThoughtById(sqlite, id);
      if (row !== undefined && hasEmbedding(sqlite, row.seq, key)) counts.embedded += sign;
    }
  }
  const unfollow = bus.subscribe((event, payload) => {
    if (event === 'thoughts.changed') {
      const { ids, reason } = payload as { ids: string[]; reason: string };
      followChanges(ids, reason);
    }
  });

  async function loop(): Promise<void> {
    if (settledGeneration !== configGeneration) {
      settledGeneration = configGeneration;
      await settleModels();
    }
    while (!stopped && !isPaused() && settledGeneration === configGeneration) {
      const model = target();
      if (model === undefined || build === undefined) return;
      const didWork = await step(model, build.embedder);
      if (!didWork) break;
      backoffMs = 0;
    }
    announce(true);
  }

  function kick(): void {
    if (stopped || running !== undefined) return;
    running = loop()
      .catch((error: unknown) => {
        if (stopped) return; // Closing: the embedder was let go mid-batch; its jobs were released.
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(1000, backoffMs * 2));
        logger.warn('index.batch_failed', { error: error instanceof Error ? error.message : String(error), retryInMs: backoffMs });
        retryTimer = setTimeout(kick, backoffMs);
        retryTimer.unref();
      })
      .finally(() => {
        running = undefined;
        // The settings changed while this run was busy: settle again.
        if (settledGeneration !== configGeneration) kick();
      });
  }

  return {
    /** Starts (or continues) indexing; call after captures and edits, and after a pause or resume. */
    wake: kick,
    /** The model chosen in settings and how loading it went (diagnostics). */
    model(): { id: string; state: EmbedderState } {
      return { id: build?.modelId ?? deps.desiredModel(), state: build?.embedder.state() ?? { state: 'loading' } };
    },
    /** The chosen model or the download permission changed: decide the models again. */
    reconfigure(): void {
      configGeneration += 1;
      kick();
    },
    status(): IndexStatus {
      // The incremental counts drift only through edge cases (a restore racing an embed): a
      // full count once a minute at most puts them right.
      if (clock.now() - lastRecountAt > 60_000) recount();
      return status();
    },
    /** The embedder and vectors that answer searches, when there are any. */
    searchSide(): { embedder: EmbedderPort; store: VectorStorePort; model: ModelInfo } | undefined {
      const { active } = rows();
      const state = search?.embedder.state();
      if (active === undefined || search === undefined || state?.state !== 'ready' || modelKey(state.model) !== active.model_key) {
        return undefined;
      }
      return { embedder: search.embedder, store: storeFor({ key: active.model_key, dimension: active.dimension }), model: state.model };
    },
    /** Forget a thought's vectors (it was deleted for good). */
    forget(seq: number): void {
      for (const row of embeddingModels(sqlite)) storeFor({ key: row.model_key, dimension: row.dimension }).remove(seq);
    },
    async dispose(): Promise<void> {
      stopped = true;
      unfollow();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      // Embedders first: a run waiting for a model that is still loading (a stalled download)
      // or for an answer from the worker is released at once, not when the model arrives.
      const slots = new Set([build, search]);
      for (const slot of slots) await slot?.embedder.dispose();
      await running;
      await Promise.all(analyses.splice(0));
    },
  };
}

export type IndexService = ReturnType<typeof createIndexService>;
