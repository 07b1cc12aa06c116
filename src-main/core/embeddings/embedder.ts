import { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/errors';
import type { Logger } from '../logger';
import type { DownloadProgress } from './download';
import { embedFailure, type EmbedFailure } from './embed-errors';
import type { ModelsDirs, ReadyModel, UnavailableReason } from './model-resolver';
import type { ModelCatalog } from './models';
import type { CloseRequest, EmbedKind, WorkerInit, WorkerMessage } from './protocol';
import { locateEmbedWorker, type WorkerLocation } from './worker-location';

/** Stored with every vector: which model, which exact weights, how wide. */
export interface ModelInfo {
  id: string;
  revision: string;
  dimension: number;
}

export type EmbedderStatus =
  | { state: 'loading'; download?: DownloadProgress }
  | { state: 'ready'; model: ModelInfo; details: Omit<ReadyModel, 'status'> }
  | { state: 'unavailable'; reason: UnavailableReason; message: string; downloadBytes?: number };

export interface Embedder {
  /** Loading, ready (with the model to store with each vector) or unavailable (with why). */
  status(): EmbedderStatus;
  /** Same as status(); the name the indexing service's port uses. */
  state(): EmbedderStatus;
  /** Resolves once the model is loaded or known to be unavailable. */
  ready(): Promise<EmbedderStatus>;
  /**
   * One unit-length vector per text, in order, computed in the worker. Queries jump ahead of
   * queued passages. Rejects with AppError: model_unavailable (at once, when there is no model),
   * internal with details.reason worker_crashed / timeout / inference_failed, shutting_down.
   */
  embed(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]>;
  /** Rejects what is pending and stops the worker (after the batch it is running). */
  dispose(): Promise<void>;
}

export interface EmbedderOptions {
  modelId: string;
  modelsDirs: ModelsDirs;
  allowDownload: boolean;
  remoteHost?: string;
  catalog?: ModelCatalog;
  /** Defaults to locateEmbedWorker(): the built bundle, or worker.ts through tsx under tests. */
  worker?: WorkerLocation;
  createWorker?(location: WorkerLocation, init: WorkerInit): Worker;
  /** Texts per inference call; longer lists are split. */
  maxBatch?: number;
  /** Per batch, from when the worker gets it. */
  callTimeoutMs?: number;
  /** How long dispose() waits for the worker to finish its batch and stop. */
  closeTimeoutMs?: number;
  /** Loading gives up when it makes no progress (no download bytes either) for this long. */
  loadStallTimeoutMs?: number;
  restartBackoffMs?: { initial: number; max: number };
  logger?: Logger;
  onStatus?(status: EmbedderStatus): void;
}

interface Call {
  kind: EmbedKind;
  chunks: string[][];
  results: Float32Array[][];
  sent: number;
  resolve(vectors: Float32Array[]): void;
  reject(error: AppError): void;
}

/** A text never needs more characters than this many per token to fill the model's window. */
const CHARACTERS_PER_TOKEN_CAP = 32;

/** Runs the embedding model in a worker thread and queues requests to it. */
export function createEmbedder(options: EmbedderOptions): Embedder {
  const maxBatch = Math.max(1, options.maxBatch ?? 32);
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  const stallTimeoutMs = options.loadStallTimeoutMs ?? 120_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const backoff = options.restartBackoffMs ?? { initial: 250, max: 30_000 };
  const location = options.worker ?? locateEmbedWorker();
  const spawn = options.createWorker ?? ((where, init) => new Worker(where.url, { workerData: init, execArgv: where.execArgv, name: 'cairn-embeddings' }));
  const init: WorkerInit = {
    modelId: options.modelId,
    modelsDirs: options.modelsDirs,
    allowDownload: options.allowDownload,
    remoteHost: options.remoteHost,
    catalog: options.catalog,
  };

  let current: EmbedderStatus = { state: 'loading' };
  let maxChars = Infinity;
  let worker: Worker | undefined;
  let workerReady = false;
  let lastWorkerError: string | undefined;
  const retired = new WeakSet<Worker>();
  const queue: Call[] = [];
  let inFlight: { id: number; call: Call; timer: NodeJS.Timeout } | undefined;
  let nextId = 1;
  let failures = 0;
  let restartAt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stallTimer: NodeJS.Timeout | undefined;
  let disposed = false;
  let waiters: ((status: EmbedderStatus) => void)[] = [];

  function setStatus(next: EmbedderStatus): void {
    current = next;
    if (next.state !== 'loading') {
      const waiting = waiters;
      waiters = [];
      waiting.forEach((wake) => wake(next));
    }
    options.onStatus?.(next);
  }

  function failure(reason: EmbedFailure, message: string): AppError {
    return embedFailure(reason, message, current.state === 'unavailable' ? current : undefined);
  }

  function failQueue(error: AppError): void {
    if (inFlight !== undefined) clearTimeout(inFlight.timer);
    inFlight = undefined;
    queue.splice(0).forEach((call) => call.reject(error));
  }

  function failCall(call: Call, error: AppError): void {
    const index = queue.indexOf(call);
    if (index >= 0) queue.splice(index, 1);
    call.reject(error);
  }

  function armStall(target: Worker): void {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      if (target !== worker || workerReady) return;
      options.logger?.warn('embeddings.load_stalled', { model: options.modelId, timeoutMs: stallTimeoutMs });
      void retire(target);
      if (current.state === 'loading') {
        setStatus({ state: 'unavailable', reason: 'load_failed', message: `Loading the embedding model ${options.modelId} made no progress for ${Math.round(stallTimeoutMs / 1000)} s. Restart Cairn to try again.` });
        failQueue(failure('model_unavailable', 'The embedding model did not load.'));
      } else {
        failQueue(failure('worker_crashed', 'The embedding worker did not restart in time.'));
      }
    }, stallTimeoutMs);
  }

  function startWorker(): void {
    const started = spawn(location, init);
    worker = started;
    workerReady = false;
    lastWorkerError = undefined;
    armStall(started);
    started.on('message', (message: WorkerMessage) => onMessage(started, message));
    // A worker's uncaught exception arrives here, then 'exit' follows; without a listener it
    // would be rethrown on this thread.
    started.on('error', (error) => {
      lastWorkerError = error instanceof Error ? error.message : String(error);
    });
    started.on('exit', (code) => onExit(started, code));
  }

  /**
   * Lets a worker go: it is asked to stop on its own (after the batch it is running), never
   * terminated, because terminating a thread inside onnxruntime aborts the whole process. One
   * that has not stopped after `closeTimeoutMs` (a native call hung) no longer keeps the process
   * alive. Resolves when it has stopped, or after that time.
   */
  function retire(target: Worker): Promise<void> {
    retired.add(target);
    if (target === worker) {
      worker = undefined;
      workerReady = false;
    }
    const stopped = new Promise<void>((resolve) => {
      // Held open while it finishes its batch (or the process could end first); let go after.
      const timer = setTimeout(() => {
        target.unref();
        resolve();
      }, closeTimeoutMs);
      target.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      target.postMessage({ type: 'close' } satisfies CloseRequest);
    } catch {
      // Already gone.
    }
    return stopped;
  }

  function onMessage(source: Worker, message: WorkerMessage): void {
    if (source !== worker) return;
    switch (message.type) {
      case 'progress':
        armStall(source);
        if (current.state === 'loading') setStatus({ state: 'loading', download: message.progress });
        return;
      case 'ready': {
        clearTimeout(stallTimer);
        workerReady = true;
        const { status: _status, ...details } = message.model;
        maxChars = details.spec.maxTokens * CHARACTERS_PER_TOKEN_CAP;
        if (current.state === 'ready' && (current.model.revision !== details.revision || current.model.dimension !== details.dimension)) {
          // The files changed under a running Cairn. Vectors from the new weights must not be
          // stored under the old revision, so stop rather than mix them.
          void retire(source);
          setStatus({
            state: 'unavailable',
            reason: 'load_failed',
            message: `The files of the embedding model ${options.modelId} changed while Cairn was running. Restart Cairn to use them.`,
          });
          failQueue(failure('model_unavailable', 'The embedding model changed.'));
          return;
        }
        if (current.state !== 'ready') {
          setStatus({ state: 'ready', model: { id: details.modelId, revision: details.revision, dimension: details.dimension }, details });
        }
        pump();
        return;
      }
      case 'unavailable': {
        clearTimeout(stallTimer);
        void retire(source);
        const { reason, message: text, downloadBytes } = message.model;
        setStatus(downloadBytes === undefined ? { state: 'unavailable', reason, message: text } : { state: 'unavailable', reason, message: text, downloadBytes });
        failQueue(failure('model_unavailable', text));
        return;
      }
      case 'embedded':
      case 'failed': {
        if (inFlight?.id !== message.id) return;
        const { call, timer } = inFlight;
        clearTimeout(timer);
        inFlight = undefined;
        if (message.type === 'failed') {
          options.logger?.warn('embeddings.batch_failed', { model: options.modelId, error: message.message });
          failCall(call, failure('inference_failed', `The embedding model failed on this batch: ${message.message}`));
        } else {
          failures = 0;
          call.results.push(message.vectors);
          if (call.results.length === call.chunks.length) {
            queue.splice(queue.indexOf(call), 1);
            call.resolve(call.results.flat());
          }
        }
        pump();
        return;
      }
    }
  }

  function onExit(source: Worker, code: number): void {
    if (retired.has(source) || source !== worker) return;
    const wasReady = workerReady;
    worker = undefined;
    workerReady = false;
    clearTimeout(stallTimer);
    const why = `exit code ${code}${lastWorkerError === undefined ? '' : `: ${lastWorkerError}`}`;
    options.logger?.error('embeddings.worker_exited', { model: options.modelId, code, error: lastWorkerError });
    if (current.state === 'loading') {
      setStatus({ state: 'unavailable', reason: 'load_failed', message: `The embedding model ${options.modelId} could not be loaded (the worker stopped, ${why}). Restart Cairn, or choose another model in Settings.` });
      failQueue(failure('model_unavailable', 'The embedding model could not be loaded.'));
      return;
    }
    scheduleBackoff();
    const crashed = failure('worker_crashed', `The embedding worker stopped unexpectedly (${why}). Try again.`);
    if (!wasReady) {
      // It died again while restarting: fail everything waiting instead of looping on it.
      failQueue(crashed);
      return;
    }
    if (inFlight !== undefined) {
      const { call, timer } = inFlight;
      clearTimeout(timer);
      inFlight = undefined;
      failCall(call, crashed);
    }
    pump();
  }

  function scheduleBackoff(): void {
    failures += 1;
    restartAt = Date.now() + Math.min(backoff.max, backoff.initial * 2 ** (failures - 1));
  }

  function pump(): void {
    if (disposed || inFlight !== undefined || queue.length === 0 || current.state === 'unavailable') return;
    if (worker === undefined) {
      const wait = restartAt - Date.now();
      if (wait > 0) {
        restartTimer ??= setTimeout(() => {
          restartTimer = undefined;
          pump();
        }, wait);
        return;
      }
      startWorker();
      return;
    }
    if (!workerReady) return;
    const call = queue.find((candidate) => candidate.kind === 'query') ?? queue[0];
    const texts = call?.chunks[call.sent];
    if (call === undefined || texts === undefined) return;
    call.sent += 1;
    const id = nextId++;
    const target = worker;
    const timer = setTimeout(() => {
      if (inFlight?.id !== id) return;
      inFlight = undefined;
      options.logger?.warn('embeddings.timeout', { model: options.modelId, timeoutMs: callTimeoutMs });
      scheduleBackoff();
      void retire(target);
      failCall(call, failure('timeout', `The embedding model did not answer within ${Math.round(callTimeoutMs / 1000)} s.`));
      pump();
    }, callTimeoutMs);
    inFlight = { id, call, timer };
    target.postMessage({ type: 'embed', id, texts: texts.map((text) => (text.length > maxChars ? text.slice(0, maxChars) : text)), kind: call.kind });
  }

  startWorker();

  return {
    status: () => current,
    state: () => current,
    ready() {
      if (current.state !== 'loading' || disposed) return Promise.resolve(current);
      return new Promise((resolve) => waiters.push(resolve));
    },
    embed(texts, kind) {
      if (disposed) return Promise.reject(failure('disposed', 'Cairn is closing.'));
      if (current.state === 'unavailable') return Promise.reject(failure('model_unavailable', current.message));
      if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string') || (kind !== 'query' && kind !== 'passage')) {
        return Promise.reject(new AppError('invalid_input', 'embed() takes a list of texts and a kind (query or passage).'));
      }
      if (texts.length === 0) return Promise.resolve([]);
      return new Promise<Float32Array[]>((resolve, reject) => {
        const chunks: string[][] = [];
        for (let start = 0; start < texts.length; start += maxBatch) chunks.push(texts.slice(start, start + maxBatch));
        queue.push({ kind, chunks, results: [], sent: 0, resolve, reject });
        pump();
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(restartTimer);
      clearTimeout(stallTimer);
      failQueue(failure('disposed', 'Cairn is closing.'));
      const waiting = waiters;
      waiters = [];
      waiting.forEach((wake) => wake(current));
      if (worker !== undefined) await retire(worker);
    },
  };
}
