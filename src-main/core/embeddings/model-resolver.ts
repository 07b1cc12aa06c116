import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp } from '../paths';
import { downloadModel, type DownloadProgress } from './download';
import {
  CONFIG_FILES,
  downloadBytes,
  formatBytes,
  isValidModelId,
  KNOWN_MODELS,
  readJson,
  readLocalSpec,
  requiredFiles,
  specOf,
  weightsFile,
  type KnownModel,
  type ModelCatalog,
  type ModelFile,
  type ModelSpec,
} from './models';
import { createHasher, fileSize, findMismatch, readManifest } from './verify';

export interface ModelsDirs {
  /** Models shipped with the app (`resources/models`); read-only. */
  bundled?: string | undefined;
  /** The person's own models folder (`<dataDir>/models`): imports and downloads. */
  user: string;
}

export interface ResolveOptions {
  modelId: string;
  modelsDirs: ModelsDirs;
  /** The setting `allowModelDownload`: may Cairn fetch a missing known model once? */
  allowDownload: boolean;
  /** The hub to download from (tests point it at a local server). */
  remoteHost?: string;
  catalog?: ModelCatalog;
  fetch?: typeof fetch;
  onProgress?(progress: DownloadProgress): void;
  signal?: AbortSignal;
}

export type UnavailableReason = 'not_installed' | 'download_disabled' | 'download_failed' | 'checksum_mismatch' | 'load_failed';

export type ModelSource = 'bundled' | 'user' | 'downloaded';
/** What vouched for the files: their own manifest, the hashes Cairn knows, or nothing. */
export type Verification = 'manifest' | 'known_hashes' | 'none';

export interface ReadyModel {
  status: 'ready';
  modelId: string;
  revision: string;
  dimension: number;
  spec: ModelSpec;
  /** The model's folder, `<root>/<org>/<name>`. */
  dir: string;
  /** The folder transformers.js loads from (`env.localModelPath`). */
  root: string;
  source: ModelSource;
  verification: Verification;
}

export interface UnavailableModel {
  status: 'unavailable';
  modelId: string;
  reason: UnavailableReason;
  /** Words a person understands, and how to fix it. */
  message: string;
  /** Size of the one-time download, when Cairn knows where to get the model. */
  downloadBytes?: number;
}

export type ModelResolution = ReadyModel | UnavailableModel;

/**
 * Finds a usable copy of a model: shipped with the app, then in the person's models folder, then
 * — only when allowed — a one-time download of a model Cairn knows. Every folder is verified
 * first; one whose files differ from what it should hold is refused, never loaded.
 */
export async function resolveModel(options: ResolveOptions): Promise<ModelResolution> {
  const { modelId, modelsDirs } = options;
  const catalog = options.catalog ?? KNOWN_MODELS;
  if (!isValidModelId(modelId)) {
    return unavailable(modelId, 'not_installed', `“${modelId}” is not a model name Cairn can use. Choose a model such as Xenova/bge-small-en-v1.5 in Settings.`);
  }
  const known = catalog[modelId];
  const places: { root: string; source: ModelSource }[] = [];
  if (modelsDirs.bundled !== undefined) places.push({ root: modelsDirs.bundled, source: 'bundled' });
  places.push({ root: modelsDirs.user, source: 'user' });

  let refusal: UnavailableModel | undefined;
  let incomplete: string | undefined;
  for (const place of places) {
    const found = await inspectFolder(modelId, place.root, known);
    if (found.kind === 'ready') return { ...found.model, source: place.source };
    if (found.kind === 'refused') refusal ??= found.model;
    if (found.kind === 'incomplete') incomplete ??= found.detail;
  }

  const userDir = join(modelsDirs.user, ...modelId.split('/'));
  if (known !== undefined && options.allowDownload) {
    const downloaded = await downloadModel({
      model: known,
      userRoot: modelsDirs.user,
      remoteHost: options.remoteHost,
      fetch: options.fetch,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    if (!downloaded.ok) {
      const what = downloaded.reason === 'checksum_mismatch' ? 'did not match the expected files' : 'failed';
      return unavailable(
        modelId,
        downloaded.reason,
        `Downloading the embedding model ${modelId} (${formatBytes(downloadBytes(known))}) ${what}: ${downloaded.detail}. Nothing was kept. Check the network and try again later, or put the model's files in ${userDir}.`,
        downloadBytes(known),
      );
    }
    const found = await inspectFolder(modelId, modelsDirs.user, known);
    if (found.kind === 'ready') return { ...found.model, source: 'downloaded' };
    if (found.kind === 'refused') return found.model;
    const detail = found.kind === 'incomplete' ? found.detail : 'config.json is missing';
    return unavailable(modelId, 'download_failed', `The downloaded model ${modelId} is incomplete: ${detail}. Try the download again later.`);
  }
  if (refusal !== undefined) return refusal;
  const missing = incomplete === undefined ? '' : ` (found a folder, but ${incomplete})`;
  if (known !== undefined) {
    return unavailable(
      modelId,
      'download_disabled',
      `The embedding model ${modelId} is not installed${missing}. Allow the one-time download (${formatBytes(downloadBytes(known))}) in Settings, or put the model's files in ${userDir}.`,
      downloadBytes(known),
    );
  }
  return unavailable(
    modelId,
    'not_installed',
    `The embedding model ${modelId} is not installed${missing}, and Cairn does not know where to download it. Import its folder (config.json, tokenizer.json, onnx/…) into ${userDir}, or choose Xenova/bge-small-en-v1.5 in Settings.`,
  );
}

type Inspection =
  | { kind: 'absent' }
  | { kind: 'incomplete'; detail: string }
  | { kind: 'refused'; model: UnavailableModel }
  | { kind: 'ready'; model: Omit<ReadyModel, 'source'> };

async function inspectFolder(modelId: string, root: string, known: KnownModel | undefined): Promise<Inspection> {
  const dir = join(root, ...modelId.split('/'));
  if ((await fileSize(join(dir, 'config.json'))) === undefined) return { kind: 'absent' };
  const refuse = (reason: UnavailableReason, detail: string): Inspection => ({
    kind: 'refused',
    model: unavailable(modelId, reason, refusalMessage(modelId, dir, reason, detail)),
  });

  const local = known === undefined ? await readLocalSpec(modelId, dir) : undefined;
  if (local !== undefined && !local.ok) return refuse('load_failed', local.message);
  const base = known === undefined ? local?.spec : specOf(known);
  if (base === undefined) return { kind: 'absent' };
  const required = requiredFiles(base);
  const missing: string[] = [];
  for (const file of required) if ((await fileSize(join(dir, file))) === undefined) missing.push(file);
  if (missing.length > 0) return { kind: 'incomplete', detail: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing` };

  const hashOf = createHasher(dir);
  const manifest = await readManifest(dir);
  let verification: ReadyModel['verification'] = 'none';
  let manifestRevision: string | undefined;
  if (manifest.kind === 'invalid') return refuse('checksum_mismatch', manifest.message);
  if (manifest.kind === 'present') {
    const listed = new Set(manifest.manifest.files.map((file) => file.path));
    const unlisted = required.find((file) => !listed.has(file));
    if (unlisted !== undefined) return refuse('checksum_mismatch', `its manifest does not list ${unlisted}`);
    // Files the manifest lists but the folder lacks are allowed (fp32 weights removed to save
    // space); every file that is there must match.
    const present: ModelFile[] = [];
    for (const file of manifest.manifest.files) if (required.includes(file.path) || (await fileSize(join(dir, file.path))) !== undefined) present.push(file);
    const mismatch = await findMismatch(dir, present, hashOf);
    if (mismatch !== undefined) return refuse('checksum_mismatch', mismatch);
    verification = 'manifest';
    manifestRevision = manifest.manifest.revision;
  }
  if (known !== undefined) {
    // Copies of a known model often carry re-serialized JSON (a trimmed config.json is the same
    // model in other bytes), so without a manifest only the weights must match byte for byte;
    // they are what decides the vectors, and what a broken copy breaks.
    const weights = known.files.filter((file) => file.path === weightsFile(known.dtype));
    const mismatch = await findMismatch(dir, weights, hashOf);
    if (mismatch !== undefined) return refuse('checksum_mismatch', mismatch);
    if (verification === 'none') verification = 'known_hashes';
  }
  for (const file of CONFIG_FILES) {
    const parsed = await readJson(join(dir, file));
    if (!parsed.ok) return refuse('load_failed', parsed.message);
  }
  if (known !== undefined) {
    const config = await readJson(join(dir, 'config.json'));
    const width = config.ok ? config.value['hidden_size'] : undefined;
    if (typeof width === 'number' && width !== known.dimension) {
      return refuse('load_failed', `config.json describes ${width}-wide vectors, but ${modelId} makes ${known.dimension}`);
    }
  }
  const revision = base.revision ?? manifestRevision ?? `local-${(await hashOf(weightsFile(base.dtype))).slice(0, 12)}`;
  const spec: ModelSpec = { ...base, revision };
  return { kind: 'ready', model: { status: 'ready', modelId, revision, dimension: spec.dimension, spec, dir, root, verification } };
}

function refusalMessage(modelId: string, dir: string, reason: UnavailableReason, detail: string): string {
  if (reason === 'checksum_mismatch') {
    return `Cairn did not load the embedding model in ${dir}: its files are not the ones expected (${detail}). They may be damaged or from another version. Delete that folder and import the model again, or allow the one-time download in Settings.`;
  }
  return `Cairn could not read the embedding model ${modelId} in ${dir}: ${detail}. Replace that folder with a complete copy of the model.`;
}

function unavailable(modelId: string, reason: UnavailableReason, message: string, bytes?: number): UnavailableModel {
  return bytes === undefined ? { status: 'unavailable', modelId, reason, message } : { status: 'unavailable', modelId, reason, message, downloadBytes: bytes };
}

/**
 * Models shipped with the app: `resources/models` in the repository, or `<resourcesPath>/models`
 * when packaged (electron-builder extraResources). Undefined when none are shipped.
 */
export function locateBundledModels(fromModuleUrl: string, resourcesPath?: string): string | undefined {
  if (resourcesPath !== undefined) return existsSync(join(resourcesPath, 'models')) ? join(resourcesPath, 'models') : undefined;
  return findUp(dirname(fileURLToPath(fromModuleUrl)), 'resources/models');
}

/** Where Cairn looks for models: shipped with the app, then `<dataDir>/models`. */
export function defaultModelsDirs(dataDir: string, resourcesPath?: string): ModelsDirs {
  return { bundled: locateBundledModels(import.meta.url, resourcesPath), user: join(dataDir, 'models') };
}
