// The embedding worker (a worker_threads entry): finds, verifies and loads the model, then turns
// texts into vectors. Inference never runs on the thread that serves the UI or HTTP.
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type * as TransformersModule from '@huggingface/transformers';
import type { Tensor } from '@huggingface/transformers';
import { resolveModel, type ReadyModel } from './model-resolver';
import type { EmbedKind, WorkerInit, WorkerMessage, WorkerRequest } from './protocol';

type Transformers = typeof TransformersModule;
type Extractor = Awaited<ReturnType<typeof loadExtractor>>;

const PROGRESS_INTERVAL_MS = 200;
const INFERENCE_THREADS = Math.max(1, availableParallelism() - 1);
const port = parentPort;
if (port === null) throw new Error('The embedding worker must run in a worker thread.');
const init = workerData as WorkerInit;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function loadExtractor(transformers: Transformers, model: ReadyModel) {
  const { env } = transformers;
  env.localModelPath = model.root;
  env.allowLocalModels = true;
  // The resolver already found and verified the files: never reach for the network or a cache.
  env.allowRemoteModels = false;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.logLevel = transformers.LogLevel.ERROR;
  return transformers.pipeline('feature-extraction', model.modelId, {
    dtype: model.spec.dtype,
    local_files_only: true,
    // Leave a core to the app: with every core inferring, the main thread that captures run on
    // waits for the CPU (2 cores, an import being indexed: capture p99 2.5× idle with 2 threads,
    // 2.2× with 1, for ~10% fewer thoughts embedded per second; bench/RESULTS.md).
    session_options: { intraOpNumThreads: INFERENCE_THREADS, interOpNumThreads: 1 },
  });
}

/** Until the model is found, nothing native runs here and the thread may stop at any moment. */
let phase: 'resolving' | 'loading' | 'done' = 'resolving';

async function load(): Promise<{ model: ReadyModel; extractor: Extractor; transformers: Transformers } | undefined> {
  let lastProgressAt = 0;
  const resolution = await resolveModel({
    ...init,
    onProgress(progress) {
      // A download streams in thousands of chunks; a few updates a second are plenty.
      const now = Date.now();
      if (now - lastProgressAt < PROGRESS_INTERVAL_MS && progress.loadedBytes < progress.totalBytes) return;
      lastProgressAt = now;
      post({ type: 'progress', progress });
    },
  });
  if (resolution.status !== 'ready') {
    post({ type: 'unavailable', model: resolution });
    return undefined;
  }
  phase = 'loading';
  try {
    // Imported only once a model is there: onnxruntime's native module is the slow part of a start.
    const transformers = await import('@huggingface/transformers');
    const extractor = await loadExtractor(transformers, resolution);
    post({ type: 'ready', model: resolution });
    return { model: resolution, extractor, transformers };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    post({
      type: 'unavailable',
      model: {
        status: 'unavailable',
        modelId: init.modelId,
        reason: 'load_failed',
        message: `Cairn could not load the embedding model in ${resolution.dir}: ${detail}. Replace that folder with a complete copy of the model, or choose another model in Settings.`,
      },
    });
    return undefined;
  }
}

/**
 * Most padded tokens one inference call may hold. A batch pads every text to its longest, and
 * attention grows with the square of that length, so texts are grouped by length first: short
 * thoughts go many to a call, long ones few. Measured with a full-size MiniLM (bench/RESULTS.md):
 * unsorted batches of 32 ran ~3× slower than one text at a time; sorted, with this budget, 32 run
 * as fast as one at a time or faster (2 cores: padding, not call overhead, is what costs).
 */
const TOKEN_BUDGET = 512;

async function embed(loaded: NonNullable<Awaited<ReturnType<typeof load>>>, texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
  const { spec } = loaded.model;
  const { tokenizer } = loaded.extractor;
  const inputs = texts.map((text) => (kind === 'query' ? spec.queryPrefix + text : text));
  if (inputs.length === 1) return embedBatch(loaded, inputs);
  const lengths = inputs.map((text) => Math.min(spec.maxTokens, tokenizer.encode(text).length));
  const order = inputs.map((_, index) => index).sort((left, right) => (lengths[left] ?? 0) - (lengths[right] ?? 0));
  const results = new Array<Float32Array>(inputs.length);
  let start = 0;
  while (start < order.length) {
    // Sorted ascending, so the last text taken is the longest of its group.
    let end = start + 1;
    while (end < order.length && (end + 1 - start) * (lengths[order[end] ?? 0] ?? 0) <= TOKEN_BUDGET) end += 1;
    const group = order.slice(start, end);
    const vectors = await embedBatch(loaded, group.map((index) => inputs[index] ?? ''));
    group.forEach((index, at) => {
      results[index] = vectors[at] as Float32Array;
    });
    start = end;
  }
  return results;
}

async function embedBatch(loaded: NonNullable<Awaited<ReturnType<typeof load>>>, texts: string[]): Promise<Float32Array[]> {
  const { spec } = loaded.model;
  const { tokenizer, model } = loaded.extractor;
  const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: spec.maxTokens });
  const outputs: Record<string, Tensor | undefined> = await model(inputs);
  const hidden = outputs['last_hidden_state'];
  const mask: Tensor | undefined = inputs['attention_mask'];
  if (hidden === undefined || mask === undefined) throw new Error('The model did not return last_hidden_state.');
  let pooled = spec.pooling === 'mean' ? loaded.transformers.mean_pooling(hidden, mask) : hidden.slice(null, 0);
  if (spec.normalize) pooled = pooled.normalize(2, -1);
  const [count, dimension] = pooled.dims;
  const data = pooled.data;
  if (count !== texts.length || dimension !== spec.dimension || !(data instanceof Float32Array)) {
    throw new Error(`The model produced ${count}×${dimension} values, expected ${texts.length}×${spec.dimension}.`);
  }
  return Array.from({ length: count }, (_, row) => data.slice(row * dimension, (row + 1) * dimension));
}

const loading = load()
  .catch((error: unknown) => {
    post({
      type: 'unavailable',
      model: { status: 'unavailable', modelId: init.modelId, reason: 'load_failed', message: `Cairn could not prepare the embedding model: ${String(error)}.` },
    });
    return undefined;
  })
  .finally(() => {
    phase = 'done';
  });

// One request at a time: onnxruntime already uses every core for one batch.
let queue: Promise<void> = Promise.resolve();
let closing = false;
port.on('message', (request: WorkerRequest) => {
  if (closing) return;
  if (request.type === 'close') {
    closing = true;
    if (phase === 'resolving') process.exit(0);
    // After the batch in progress (and the session's creation, if that is under way).
    queue = queue.then(async () => {
      const loaded = await loading;
      await loaded?.extractor.dispose().catch(() => undefined);
      process.exit(0);
    });
    return;
  }
  queue = queue.then(async () => {
    const loaded = await loading;
    if (loaded === undefined) {
      post({ type: 'failed', id: request.id, message: 'The embedding model is not available.' });
      return;
    }
    try {
      const vectors = await embed(loaded, request.texts, request.kind);
      post({ type: 'embedded', id: request.id, vectors }, vectors.map((vector) => vector.buffer as ArrayBuffer));
    } catch (error) {
      post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
});
