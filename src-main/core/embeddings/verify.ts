import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_FILE, readJson, type ModelFile } from './models';

export interface Manifest {
  modelId: string | undefined;
  revision: string | undefined;
  files: ModelFile[];
}

/** SHA-256 of a file, streamed: model weights are tens of megabytes. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Hashes each file once, however many checks ask about it. */
export function createHasher(dir: string): (path: string) => Promise<string> {
  const hashes = new Map<string, Promise<string>>();
  return (path) => {
    let hash = hashes.get(path);
    if (hash === undefined) {
      hash = sha256File(join(dir, path));
      hashes.set(path, hash);
    }
    return hash;
  };
}

export type ManifestRead = { kind: 'absent' } | { kind: 'invalid'; message: string } | { kind: 'present'; manifest: Manifest };

export async function readManifest(dir: string): Promise<ManifestRead> {
  if ((await fileSize(join(dir, MANIFEST_FILE))) === undefined) return { kind: 'absent' };
  const json = await readJson(join(dir, MANIFEST_FILE));
  if (!json.ok) return { kind: 'invalid', message: json.message };
  const files = json.value['files'];
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    return { kind: 'invalid', message: `${MANIFEST_FILE} has no "files" list.` };
  }
  const entries: ModelFile[] = [];
  for (const [path, entry] of Object.entries(files)) {
    const sha256 = typeof entry === 'object' && entry !== null && 'sha256' in entry ? entry.sha256 : undefined;
    const bytes = typeof entry === 'object' && entry !== null && 'bytes' in entry ? entry.bytes : undefined;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof bytes !== 'number' || !isSafeRelativePath(path)) {
      return { kind: 'invalid', message: `${MANIFEST_FILE} lists "${path}" without a valid sha256 and size.` };
    }
    entries.push({ path, sha256, bytes });
  }
  const text = (key: string) => (typeof json.value[key] === 'string' ? (json.value[key] as string) : undefined);
  return { kind: 'present', manifest: { modelId: text('modelId'), revision: text('revision'), files: entries } };
}

/**
 * Checks files against their expected size and SHA-256. The size is compared first, so a
 * truncated file is caught without reading it. Returns the first file that differs.
 */
export async function findMismatch(dir: string, files: readonly ModelFile[], hashOf: (path: string) => Promise<string>): Promise<string | undefined> {
  for (const file of files) {
    const size = await fileSize(join(dir, file.path));
    if (size === undefined) return `${file.path} is missing`;
    if (size !== file.bytes) return `${file.path} has ${size} bytes, expected ${file.bytes}`;
    if ((await hashOf(file.path)) !== file.sha256) return `${file.path} has different contents than expected`;
  }
  return undefined;
}

/** Relative, forward-slash, no climbing: manifest paths must stay inside their folder. */
export function isSafeRelativePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
