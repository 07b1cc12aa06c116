import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { EMBED_FAILURES, embedFailureOf } from '../../src-main/core/embeddings/embed-errors';
import { createEmbedder, type Embedder, type EmbedderOptions } from '../../src-main/core/embeddings/embedder';
import { copyOfTinyModel, dot, emptyModelsRoot, maxDifference, startFakeHub, tinyCatalogEntry, tinyModel, type FakeHub } from '../helpers/tiny-model';

const model = tinyModel();
const cleanups: (() => void | Promise<void>)[] = [];

function embedderOver(overrides: Partial<EmbedderOptions> = {}): Embedder {
  const user = emptyModelsRoot();
  const embedder = createEmbedder({
    modelId: model.modelId,
    modelsDirs: { bundled: model.root, user: user.root },
    allowDownload: false,
    ...overrides,
  });
  cleanups.push(async () => {
    await embedder.dispose();
    user.remove();
  });
  return embedder;
}

function scratchRoot(): string {
  const made = emptyModelsRoot();
  cleanups.push(made.remove);
  return made.root;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('embedder over the real pipeline (tiny generated BERT)', () => {
  let embedder: Embedder;
  const user = emptyModelsRoot();
  beforeAll(async () => {
    embedder = createEmbedder({ modelId: model.modelId, modelsDirs: { bundled: model.root, user: user.root }, allowDownload: false });
    await embedder.ready();
  });
  afterAll(async () => {
    await embedder.dispose();
    user.remove();
  });

  it('is ready with the model id, revision and dimension to store with each vector', () => {
    const status = embedder.status();
    expect(status).toMatchObject({ state: 'ready', model: { id: 'cairn-test/tiny-bert', revision: 'tiny-1', dimension: 64 } });
    expect(status.state === 'ready' && status.details).toMatchObject({ source: 'bundled', verification: 'manifest' });
  });

  it('gives one unit-length vector of the model’s dimension per text, in order', async () => {
    const texts = ['buy milk and eggs', 'call the dentist tomorrow', ''];
    const vectors = await embedder.embed(texts, 'passage');
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(64);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    }
    const [again] = await embedder.embed(['call the dentist tomorrow'], 'passage');
    expect(maxDifference(again!, vectors[1]!)).toBeLessThan(1e-6);
  });

  it('gives a text the same vector alone and padded inside a batch of longer texts', async () => {
    const text = 'remember to buy milk';
    const [alone] = await embedder.embed([text], 'passage');
    const batch = await embedder.embed(
      ['the weekly project meeting moved to friday afternoon because the client needs more time for the review', text, 'a long note about my garden and the plants that need water every morning before work'],
      'passage',
    );
    expect(maxDifference(alone!, batch[1]!)).toBeLessThan(1e-5);
  });

  it('puts texts that share words closer together than texts that share none', async () => {
    const [milk, milkAgain, meeting] = await embedder.embed(['buy milk and eggs', 'remember to buy milk tomorrow', 'project meeting about the deadline'], 'passage');
    expect(dot(milk!, milkAgain!)).toBeGreaterThan(dot(milk!, meeting!) + 0.1);
  });

  it('adds the model’s query prefix to queries and not to passages', async () => {
    const [query] = await embedder.embed(['buy milk'], 'query');
    const [asPassage] = await embedder.embed(['buy milk'], 'passage');
    const [prefixed] = await embedder.embed(['query: buy milk'], 'passage');
    expect(maxDifference(query!, prefixed!)).toBeLessThan(1e-5);
    expect(maxDifference(query!, asPassage!)).toBeGreaterThan(1e-3);
  });

  it('truncates long texts to the model’s token window instead of failing', async () => {
    const words = 'one two three four five six seven eight nine ten '.repeat(30);
    const [long, longWithOtherEnding] = await embedder.embed([`${words} cat`, `${words} different ending entirely`], 'passage');
    expect(long).toHaveLength(64);
    // Both exceed the 128-token window, so only their identical beginnings count.
    expect(maxDifference(long!, longWithOtherEnding!)).toBeLessThan(1e-6);
  });

  it('splits more texts than one batch holds and keeps their order', async () => {
    const texts = Array.from({ length: 70 }, (_, index) => `note number ${index} about ${index % 2 === 0 ? 'milk' : 'work'}`);
    const all = await embedder.embed(texts, 'passage');
    expect(all).toHaveLength(70);
    const [sixtyNine] = await embedder.embed([texts[69]!], 'passage');
    expect(maxDifference(all[69]!, sixtyNine!)).toBeLessThan(1e-5);
  });

  it('answers a query queued behind a long passage backlog first', async () => {
    const order: string[] = [];
    const backlog = embedder.embed(Array.from({ length: 32 * 6 }, (_, index) => `background thought ${index}`), 'passage').then(() => order.push('passages'));
    const query = embedder.embed(['milk'], 'query').then(() => order.push('query'));
    await Promise.all([backlog, query]);
    expect(order).toEqual(['query', 'passages']);
  });

  it('rejects input that is not a list of texts', async () => {
    const error = await rejection(embedder.embed([42 as unknown as string], 'passage'));
    expect(error.code).toBe('invalid_input');
  });
});

describe('embedder closing in the middle of a batch', () => {
  // Terminating a thread inside onnxruntime aborts the whole process (seen with the full-size
  // model: "terminate called after throwing an instance of 'Napi::Error'"); the tiny model runs
  // too fast to hit that window, so this checks the contract: the caller is answered at once,
  // the worker finishes its batch and stops by itself.
  it('answers the caller at once and lets the worker stop by itself after its batch', async () => {
    const workers: Worker[] = [];
    const embedder = createEmbedder({
      modelId: model.modelId,
      modelsDirs: { bundled: model.root, user: scratchRoot() },
      allowDownload: false,
      maxBatch: 256,
      createWorker(location, init) {
        const worker = new Worker(location.url, { workerData: init, execArgv: location.execArgv });
        workers.push(worker);
        return worker;
      },
    });
    expect(await embedder.ready()).toMatchObject({ state: 'ready' });
    const exitCode = new Promise<number>((resolve) => workers[0]!.once('exit', resolve));
    const long = 'one two three four five six seven eight nine ten '.repeat(20);
    const outcome = rejection(embedder.embed(Array.from({ length: 256 }, (_, index) => `${long} ${index}`), 'passage'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await embedder.dispose();
    expect((await outcome).details).toMatchObject({ reason: 'disposed' });
    // Stopped on its own (exit code 0), not terminated (exit code 1).
    expect(await exitCode).toBe(0);
  });
});

describe('embedder when things go wrong', () => {
  it('reports a model without weights as not installed and rejects embed quickly, without crashing', async () => {
    const copy = copyOfTinyModel();
    cleanups.push(copy.remove);
    rmSync(join(copy.dir, 'onnx'), { recursive: true });
    const embedder = embedderOver({ modelsDirs: { bundled: copy.root, user: scratchRoot() } });
    const started = Date.now();
    const error = await rejection(embedder.embed(['buy milk'], 'passage'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe('model_unavailable');
    expect(error.details).toMatchObject({ reason: 'model_unavailable', cause: 'not_installed' });
    const status = embedder.status();
    expect(status).toMatchObject({ state: 'unavailable', reason: 'not_installed' });
    expect(status.state === 'unavailable' && status.message).toMatch(/onnx\/model_quantized\.onnx is missing/);
    // Still answers, still quickly.
    await expect(embedder.embed(['again'], 'query')).rejects.toMatchObject({ code: 'model_unavailable' });
  });

  it('refuses a model whose weights do not match their checksum', async () => {
    const copy = copyOfTinyModel();
    cleanups.push(copy.remove);
    const weights = join(copy.dir, 'onnx/model_quantized.onnx');
    const bytes = readFileSync(weights);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    writeFileSync(weights, bytes);
    const embedder = embedderOver({ modelsDirs: { bundled: copy.root, user: scratchRoot() } });
    expect(await embedder.ready()).toMatchObject({ state: 'unavailable', reason: 'checksum_mismatch' });
    await expect(embedder.embed(['x'], 'passage')).rejects.toMatchObject({ code: 'model_unavailable' });
  });

  it('rejects the call in flight with a code when the worker dies mid-batch, and the next call works', async () => {
    const workers: Worker[] = [];
    const embedder = embedderOver({
      restartBackoffMs: { initial: 50, max: 1_000 },
      createWorker(location, init) {
        const worker = new Worker(location.url, { workerData: init, execArgv: location.execArgv });
        workers.push(worker);
        return worker;
      },
    });
    await embedder.ready();
    const texts = Array.from({ length: 32 }, (_, index) => `a long thought number ${index} `.repeat(12));
    const inFlight = embedder.embed(texts, 'passage');
    await new Promise((resolve) => setImmediate(resolve));
    await workers[0]!.terminate();
    const error = await rejection(inFlight);
    expect(error.code).toBe('internal');
    expect(error.details).toMatchObject({ reason: 'worker_crashed' });
    expect(embedFailureOf(error)).toBe(EMBED_FAILURES.crashed);

    const [vector] = await embedder.embed(['buy milk'], 'passage');
    expect(vector).toHaveLength(64);
    expect(workers).toHaveLength(2);
    expect(embedder.status()).toMatchObject({ state: 'ready' });
  });

  it('stops instead of mixing vectors when the model’s files change under a running worker', async () => {
    const copy = copyOfTinyModel();
    cleanups.push(copy.remove);
    const workers: Worker[] = [];
    const embedder = embedderOver({
      modelsDirs: { user: copy.root },
      restartBackoffMs: { initial: 10, max: 100 },
      createWorker(location, init) {
        const worker = new Worker(location.url, { workerData: init, execArgv: location.execArgv });
        workers.push(worker);
        return worker;
      },
    });
    expect(await embedder.ready()).toMatchObject({ state: 'ready', model: { revision: 'tiny-1' } });
    rmSync(join(copy.dir, 'cairn-manifest.json'));
    const settingsPath = join(copy.dir, 'cairn-model.json');
    writeFileSync(settingsPath, readFileSync(settingsPath, 'utf8').replace('"tiny-1"', '"tiny-2"'));
    await workers[0]!.terminate();
    const error = await rejection(embedder.embed(['buy milk'], 'passage'));
    expect(error.code).toBe('model_unavailable');
    expect(embedder.status()).toMatchObject({ state: 'unavailable', reason: 'load_failed', message: expect.stringMatching(/changed while Cairn was running/) });
  });

  it('rejects a batch the worker does not answer in time with a timeout code, and starts a fresh worker for the next call', async () => {
    let spawned = 0;
    const embedder = embedderOver({
      callTimeoutMs: 1,
      restartBackoffMs: { initial: 10, max: 100 },
      createWorker(location, init) {
        spawned += 1;
        return new Worker(location.url, { workerData: init, execArgv: location.execArgv });
      },
    });
    await embedder.ready();
    const texts = Array.from({ length: 32 }, (_, index) => `a long thought number ${index} `.repeat(12));
    const error = await rejection(embedder.embed(texts, 'passage'));
    expect(error.code).toBe('internal');
    expect(error.details).toMatchObject({ reason: 'timeout' });
    expect(spawned).toBe(1);
    await rejection(embedder.embed(texts, 'passage'));
    expect(spawned).toBe(2);
  });

  it('rejects pending calls with shutting_down when disposed', async () => {
    const embedder = embedderOver();
    const pending = rejection(embedder.embed(['buy milk'], 'passage'));
    await embedder.dispose();
    const error = await pending;
    expect(error.code).toBe('shutting_down');
    await expect(embedder.embed(['x'], 'passage')).rejects.toMatchObject({ code: 'shutting_down' });
  });
});

describe('embedder with a one-time download', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub();
  });
  afterAll(() => hub.close());

  it('downloads a known model when allowed, then embeds with it', async () => {
    const user = emptyModelsRoot();
    cleanups.push(user.remove);
    const catalog = { [model.modelId]: tinyCatalogEntry() };
    const embedder = embedderOver({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog });
    expect(await embedder.ready()).toMatchObject({ state: 'ready', details: { source: 'downloaded' } });
    const [vector] = await embedder.embed(['buy milk'], 'query');
    expect(vector).toHaveLength(64);
  });

  it('does not download when downloads are not allowed, and says how large it would be', async () => {
    const user = emptyModelsRoot();
    cleanups.push(user.remove);
    const before = hub.requests.length;
    const catalog = { [model.modelId]: tinyCatalogEntry() };
    const embedder = embedderOver({ modelsDirs: { user: user.root }, allowDownload: false, remoteHost: hub.host, catalog });
    const status = await embedder.ready();
    expect(status).toMatchObject({ state: 'unavailable', reason: 'download_disabled' });
    expect(status.state === 'unavailable' && status.downloadBytes).toBeGreaterThan(400_000);
    expect(hub.requests.length).toBe(before);
  });
});
