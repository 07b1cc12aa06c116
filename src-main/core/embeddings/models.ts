import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Pooling = 'mean' | 'cls';
/** transformers.js dtypes Cairn loads: q8 → onnx/model_quantized.onnx, fp32 → onnx/model.onnx. */
export type ModelDtype = 'q8' | 'fp32';

/** How to turn a model's token outputs into one vector per text. */
export interface ModelSpec {
  id: string;
  /** Names the exact weights; stored with every vector so a change of weights re-embeds. */
  revision: string;
  dimension: number;
  pooling: Pooling;
  normalize: boolean;
  /** Prepended to queries (kind 'query'); passages are embedded as written. '' for none. */
  queryPrefix: string;
  dtype: ModelDtype;
  /** Longer texts are truncated to this many tokens. */
  maxTokens: number;
}

export interface ModelFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A model Cairn knows how to download and verify: every file's exact bytes at `revision`. */
export interface KnownModel extends ModelSpec {
  label: string;
  license: string;
  files: readonly ModelFile[];
}

export type ModelCatalog = Readonly<Record<string, KnownModel>>;

export const DEFAULT_MODEL_ID = 'Xenova/bge-small-en-v1.5';

/** Files transformers.js reads for a feature-extraction pipeline, besides the weights. */
export const CONFIG_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
/** Lists every file of a model folder with its SHA-256; Cairn refuses a folder that differs. */
export const MANIFEST_FILE = 'cairn-manifest.json';
/** Pooling, prefix and revision for a model Cairn does not know (see readLocalSpec). */
export const MODEL_SETTINGS_FILE = 'cairn-model.json';

/**
 * Revisions are Hugging Face commits, so the URLs and bytes never change. The hashes are those
 * published for these commits (git-LFS object ids for the weights); they could not be re-checked
 * from this build machine, which cannot reach the hub — a wrong one shows up as a refused
 * download (checksum_mismatch), never as a wrong model loaded.
 */
export const KNOWN_MODELS: ModelCatalog = {
  'Xenova/bge-small-en-v1.5': {
    id: 'Xenova/bge-small-en-v1.5',
    label: 'BGE small (English), int8',
    license: 'MIT',
    revision: 'ea104dacec62c0de699686887e3f920caeb4f3e3',
    dimension: 384,
    pooling: 'cls',
    normalize: true,
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    dtype: 'q8',
    maxTokens: 512,
    files: [
      { path: 'config.json', bytes: 683, sha256: 'fa73f90bf92c8cace1fbcb709626306f2bdbc9ea3e5b5f94b440df9b6aa56350' },
      { path: 'tokenizer.json', bytes: 711396, sha256: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66' },
      { path: 'tokenizer_config.json', bytes: 366, sha256: '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3' },
      { path: 'special_tokens_map.json', bytes: 125, sha256: 'b6d346be366a7d1d48332dbc9fdf3bf8960b5d879522b7799ddba59e76237ee3' },
      { path: 'onnx/model_quantized.onnx', bytes: 34014426, sha256: '6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4' },
    ],
  },
  'Xenova/all-MiniLM-L6-v2': {
    id: 'Xenova/all-MiniLM-L6-v2',
    label: 'all-MiniLM-L6-v2, int8',
    license: 'Apache-2.0',
    revision: '751bff37182d3f1213fa05d7196b954e230abad9',
    dimension: 384,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    dtype: 'q8',
    // sentence-transformers trained and runs it at 256 tokens, though its positions go to 512.
    maxTokens: 256,
    files: [
      { path: 'config.json', bytes: 650, sha256: '7135149f7cffa1a573466c6e4d8423ed73b62fd2332c575bf738a0d033f70df7' },
      { path: 'tokenizer.json', bytes: 711661, sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0' },
      { path: 'tokenizer_config.json', bytes: 366, sha256: '9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3' },
      { path: 'special_tokens_map.json', bytes: 125, sha256: 'b6d346be366a7d1d48332dbc9fdf3bf8960b5d879522b7799ddba59e76237ee3' },
      { path: 'onnx/model_quantized.onnx', bytes: 22972370, sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1' },
    ],
  },
};

/** Hugging Face ids: `org/name`, and nothing that could climb out of a models folder. */
const MODEL_ID_PATTERN = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

export function isValidModelId(modelId: string): boolean {
  return MODEL_ID_PATTERN.test(modelId) && !modelId.includes('..');
}

export function weightsFile(dtype: ModelDtype): string {
  return dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

export function requiredFiles(spec: Pick<ModelSpec, 'dtype'>): string[] {
  return [...CONFIG_FILES, weightsFile(spec.dtype)];
}

export function downloadBytes(model: KnownModel): number {
  return model.files.reduce((sum, file) => sum + file.bytes, 0);
}

/** "34 MB": sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

/** The spec of a model Cairn already knows, without its download list. */
export function specOf(model: KnownModel): ModelSpec {
  const { id, revision, dimension, pooling, normalize, queryPrefix, dtype, maxTokens } = model;
  return { id, revision, dimension, pooling, normalize, queryPrefix, dtype, maxTokens };
}

export type LocalSpecResult = { ok: true; spec: Omit<ModelSpec, 'revision'> & { revision: string | undefined } } | { ok: false; message: string };

/**
 * The spec of a model Cairn does not know, from its folder: the dimension from config.json,
 * pooling/prefix/dtype/revision from cairn-model.json, else pooling from a sentence-transformers
 * `1_Pooling/config.json`, else mean pooling of normalized vectors. Revision is undefined when
 * nothing names one (the caller derives it from the weights' hash).
 */
export async function readLocalSpec(modelId: string, dir: string): Promise<LocalSpecResult> {
  const config = await readJson(join(dir, 'config.json'));
  if (!config.ok) return config;
  const dimension = numberField(config.value, 'hidden_size') ?? numberField(config.value, 'd_model') ?? numberField(config.value, 'dim');
  if (dimension === undefined || !Number.isInteger(dimension) || dimension <= 0) {
    return { ok: false, message: 'config.json does not say how wide the model’s vectors are (hidden_size).' };
  }
  const positions = numberField(config.value, 'max_position_embeddings');
  const settings = await readOptionalJson(join(dir, MODEL_SETTINGS_FILE));
  if (!settings.ok) return settings;
  const own = settings.value ?? {};
  const pooling = stringField(own, 'pooling') ?? (await poolingFromSentenceTransformers(dir)) ?? 'mean';
  if (pooling !== 'mean' && pooling !== 'cls') return { ok: false, message: `${MODEL_SETTINGS_FILE}: pooling must be "mean" or "cls".` };
  const dtype = stringField(own, 'dtype') ?? 'q8';
  if (dtype !== 'q8' && dtype !== 'fp32') return { ok: false, message: `${MODEL_SETTINGS_FILE}: dtype must be "q8" or "fp32".` };
  const normalize = own['normalize'];
  return {
    ok: true,
    spec: {
      id: modelId,
      revision: stringField(own, 'revision'),
      dimension,
      pooling,
      normalize: typeof normalize === 'boolean' ? normalize : true,
      queryPrefix: stringField(own, 'queryPrefix') ?? '',
      dtype,
      maxTokens: numberField(own, 'maxTokens') ?? Math.min(positions ?? 512, 512),
    },
  };
}

async function poolingFromSentenceTransformers(dir: string): Promise<Pooling | undefined> {
  const pooling = await readOptionalJson(join(dir, '1_Pooling', 'config.json'));
  if (!pooling.ok || pooling.value === undefined) return undefined;
  if (pooling.value['pooling_mode_cls_token'] === true) return 'cls';
  if (pooling.value['pooling_mode_mean_tokens'] === true) return 'mean';
  return undefined;
}

type JsonObject = Record<string, unknown>;

export async function readJson(path: string): Promise<{ ok: true; value: JsonObject } | { ok: false; message: string }> {
  const file = path.split(/[\\/]/).slice(-1)[0] ?? path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, message: `${file} cannot be read.` };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value: value as JsonObject };
  } catch {
    // Reported below, with the file's name.
  }
  return { ok: false, message: `${file} is not valid JSON; the file may be damaged.` };
}

async function readOptionalJson(path: string): Promise<{ ok: true; value: JsonObject | undefined } | { ok: false; message: string }> {
  try {
    await access(path);
  } catch {
    return { ok: true, value: undefined };
  }
  return readJson(path);
}

function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
