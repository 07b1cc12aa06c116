import { randomBytes, createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { downloadBytes, MANIFEST_FILE, type KnownModel } from './models';

export const HUGGING_FACE_HOST = 'https://huggingface.co';
/** Folder inside the user's models folder where downloads are assembled before they count. */
export const DOWNLOADS_FOLDER = '.downloads';
const STALL_TIMEOUT_MS = 60_000;
/** A download folder this old was left by a crash or a kill; a live download is never so slow. */
const STALE_DOWNLOAD_MS = 24 * 60 * 60 * 1000;

export interface DownloadProgress {
  file: string;
  loadedBytes: number;
  totalBytes: number;
}

export interface DownloadOptions {
  model: KnownModel;
  /** The user's models folder; the model lands in `<userRoot>/<org>/<name>`. */
  userRoot: string;
  remoteHost?: string;
  fetch?: typeof fetch;
  onProgress?(progress: DownloadProgress): void;
  signal?: AbortSignal;
  /** Gives up when no byte arrives for this long. */
  stallTimeoutMs?: number;
}

export type DownloadResult =
  | { ok: true; dir: string }
  | { ok: false; reason: 'download_failed' | 'checksum_mismatch'; detail: string };

/** `${host}/${id}/resolve/${revision}/${file}`: the Hugging Face hub's file URL scheme. */
export function fileUrl(host: string, modelId: string, revision: string, path: string): string {
  return `${host.replace(/\/+$/, '')}/${modelId}/resolve/${encodeURIComponent(revision)}/${path}`;
}

/**
 * Downloads every file of a known model into a private folder, checking each file's size and
 * SHA-256 as it streams, then moves the whole folder into place. A failed or mismatching
 * download leaves nothing behind, so a half-written model can never be loaded.
 */
export async function downloadModel(options: DownloadOptions): Promise<DownloadResult> {
  const { model, userRoot } = options;
  const fetchFile = options.fetch ?? fetch;
  const host = options.remoteHost ?? HUGGING_FACE_HOST;
  const staging = join(userRoot, DOWNLOADS_FOLDER, `${model.id.replace('/', '--')}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const total = downloadBytes(model);
  let loaded = 0;
  await pruneStaleDownloads(join(userRoot, DOWNLOADS_FOLDER));
  try {
    for (const file of model.files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      const result = await downloadFile({
        url: fileUrl(host, model.id, model.revision, file.path),
        target,
        expected: file,
        fetchFile,
        signal: options.signal,
        stallTimeoutMs: options.stallTimeoutMs ?? STALL_TIMEOUT_MS,
        onBytes(count) {
          loaded += count;
          options.onProgress?.({ file: file.path, loadedBytes: loaded, totalBytes: total });
        },
      });
      if (!result.ok) return result;
    }
    const manifest = {
      modelId: model.id,
      revision: model.revision,
      files: Object.fromEntries(model.files.map((file) => [file.path, { sha256: file.sha256, bytes: file.bytes }])),
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return { ok: true, dir: await moveIntoPlace(staging, join(userRoot, ...model.id.split('/'))) };
  } catch (error) {
    return { ok: false, reason: 'download_failed', detail: describe(error) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

interface FileDownload {
  url: string;
  target: string;
  expected: { path: string; bytes: number; sha256: string };
  fetchFile: typeof fetch;
  signal: AbortSignal | undefined;
  stallTimeoutMs: number;
  onBytes(count: number): void;
}

async function downloadFile(download: FileDownload): Promise<DownloadResult> {
  const { expected } = download;
  const stall = new AbortController();
  let stallTimer = setTimeout(() => stall.abort(), download.stallTimeoutMs);
  const signal = download.signal === undefined ? stall.signal : AbortSignal.any([download.signal, stall.signal]);
  const handle = await open(download.target, 'w');
  try {
    const response = await download.fetchFile(download.url, { signal, redirect: 'follow' });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return { ok: false, reason: 'download_failed', detail: `the server answered ${response.status} for ${expected.path}` };
    }
    const hash = createHash('sha256');
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => stall.abort(), download.stallTimeoutMs);
      received += chunk.byteLength;
      if (received > expected.bytes) {
        await reader.cancel();
        return { ok: false, reason: 'checksum_mismatch', detail: `${expected.path} is larger than the expected ${expected.bytes} bytes` };
      }
      hash.update(chunk);
      await handle.write(chunk);
      download.onBytes(chunk.byteLength);
    }
    if (received !== expected.bytes) {
      return { ok: false, reason: 'download_failed', detail: `${expected.path} arrived incomplete (${received} of ${expected.bytes} bytes)` };
    }
    if (hash.digest('hex') !== expected.sha256) {
      return { ok: false, reason: 'checksum_mismatch', detail: `${expected.path} does not match its known SHA-256` };
    }
    await handle.sync();
    return { ok: true, dir: download.target };
  } catch (error) {
    const detail = stall.signal.aborted ? `no data arrived for ${Math.round(download.stallTimeoutMs / 1000)} s` : describe(error);
    return { ok: false, reason: 'download_failed', detail: `${expected.path}: ${detail}` };
  } finally {
    clearTimeout(stallTimer);
    await handle.close();
  }
}

/**
 * Renames the verified folder over the model's folder. A folder already there failed verification
 * (or we would not be downloading), so it is moved aside and removed. If another process put a
 * copy there between our two renames, we keep theirs: it was verified the same way.
 */
async function moveIntoPlace(staging: string, target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const aside = `${staging}-replaced`;
  try {
    await rename(target, aside);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (!isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) throw error;
  }
  await rm(aside, { recursive: true, force: true });
  return target;
}

async function pruneStaleDownloads(folder: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const info = await stat(join(folder, entry)).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > STALE_DOWNLOAD_MS) await rm(join(folder, entry), { recursive: true, force: true });
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
