import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTinyModelFiles, makeTinyModel, type TinyModel } from '../../scripts/make-tiny-model.mjs';
import type { KnownModel } from '../../src-main/core/embeddings/models';

export const REPO = resolve(import.meta.dirname, '../..');
/** Generated models live here (gitignored), one copy shared by every test file of a run. */
export const TEST_MODELS_ROOT = join(REPO, 'tests/.output/models');

let cached: TinyModel | undefined;

/**
 * The tiny BERT model from scripts/make-tiny-model.mjs, written once per run: a copy left by an
 * earlier run is kept only when every file is byte-identical to what the generator makes now.
 */
export function tinyModel(): TinyModel {
  if (cached !== undefined) return cached;
  const built = buildTinyModelFiles();
  const dir = join(TEST_MODELS_ROOT, ...built.modelId.split('/'));
  const current = [...built.files].every(([path, bytes]) => existsSync(join(dir, path)) && readFileSync(join(dir, path)).equals(bytes));
  cached = current
    ? { modelId: built.modelId, revision: built.revision, dimension: built.dimension, maxTokens: built.maxTokens, root: TEST_MODELS_ROOT, dir, manifest: built.manifest }
    : makeTinyModel(TEST_MODELS_ROOT);
  return cached;
}

/** A fresh temp models root holding a copy of the tiny model, for tests that damage it. */
export function copyOfTinyModel(): { root: string; dir: string; remove(): void } {
  const model = tinyModel();
  const root = mkdtempSync(join(tmpdir(), 'cairn-models-'));
  const dir = join(root, ...model.modelId.split('/'));
  cpSync(model.dir, dir, { recursive: true });
  return { root, dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function emptyModelsRoot(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cairn-models-'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Files a hub serves for the tiny model (what a download fetches). */
export const HUB_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model_quantized.onnx'];

/** The tiny model as if Cairn knew it: pinned revision and hashes, so it can be downloaded. */
export function tinyCatalogEntry(): KnownModel {
  const model = tinyModel();
  return {
    id: model.modelId,
    label: 'tiny test model',
    license: 'MIT',
    revision: model.revision,
    dimension: model.dimension,
    pooling: 'mean',
    normalize: true,
    queryPrefix: 'query: ',
    dtype: 'q8',
    maxTokens: model.maxTokens,
    files: HUB_FILES.map((path) => {
      const entry = model.manifest.files[path];
      if (entry === undefined) throw new Error(`tiny model has no ${path}`);
      return { path, ...entry };
    }),
  };
}

export type HubMode = 'ok' | 'hang' | { notFound: string } | { truncate: string } | { corrupt: string };

export interface FakeHub {
  host: string;
  /** Paths requested, in order (`/<org>/<name>/resolve/<revision>/<file>`). */
  requests: string[];
  setMode(mode: HubMode): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for huggingface.co speaking its file URL scheme,
 * `/<org>/<name>/resolve/<revision>/<file>`, serving the tiny model. It can answer 404 for one
 * file, cut one file off halfway (after promising its full length), flip a byte in one, or hang.
 */
export async function startFakeHub(): Promise<FakeHub> {
  const model = tinyModel();
  const prefix = `/${model.modelId}/resolve/${model.revision}/`;
  let mode: HubMode = 'ok';
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://hub').pathname);
    requests.push(path);
    if (mode === 'hang') return; // Accepts the request and never answers, like a stalled network.
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (file === undefined || !HUB_FILES.includes(file) || (typeof mode === 'object' && 'notFound' in mode && mode.notFound === file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    const body = readFileSync(join(model.dir, file));
    if (typeof mode === 'object' && 'truncate' in mode && mode.truncate === file) {
      response.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream' });
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
      return;
    }
    if (typeof mode === 'object' && 'corrupt' in mode && mode.corrupt === file) {
      const damaged = Buffer.from(body);
      const at = Math.floor(damaged.length / 2);
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      response.writeHead(200, { 'content-length': String(damaged.length) }).end(damaged);
      return;
    }
    response.writeHead(200, { 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    requests,
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}

export function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let index = 0; index < a.length; index += 1) max = Math.max(max, Math.abs((a[index] ?? 0) - (b[index] ?? 0)));
  return max;
}
