import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOADS_FOLDER } from '../../src-main/core/embeddings/download';
import { resolveModel, type ModelResolution, type ResolveOptions } from '../../src-main/core/embeddings/model-resolver';
import { KNOWN_MODELS, MANIFEST_FILE } from '../../src-main/core/embeddings/models';
import { sha256File } from '../../src-main/core/embeddings/verify';
import { copyOfTinyModel, emptyModelsRoot, startFakeHub, tinyCatalogEntry, tinyModel, type FakeHub } from '../helpers/tiny-model';

const model = tinyModel();
const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

function copy() {
  const made = copyOfTinyModel();
  removals.push(made.remove);
  return made;
}

function empty() {
  const made = emptyModelsRoot();
  removals.push(made.remove);
  return made;
}

function resolve(options: Partial<ResolveOptions> & Pick<ResolveOptions, 'modelsDirs'>): Promise<ModelResolution> {
  return resolveModel({ modelId: model.modelId, allowDownload: false, ...options });
}

function flipByte(path: string): void {
  const bytes = readFileSync(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

describe('finding a model on disk', () => {
  it('uses the bundled copy first, verified by its manifest', async () => {
    const user = copy();
    const result = await resolve({ modelsDirs: { bundled: model.root, user: user.root } });
    expect(result).toMatchObject({ status: 'ready', source: 'bundled', dir: model.dir, root: model.root, verification: 'manifest', revision: 'tiny-1', dimension: 64 });
    expect(result.status === 'ready' && result.spec).toMatchObject({ pooling: 'mean', queryPrefix: 'query: ', dtype: 'q8', maxTokens: 128 });
  });

  it('falls back to the user’s models folder', async () => {
    const user = copy();
    const result = await resolve({ modelsDirs: { bundled: empty().root, user: user.root } });
    expect(result).toMatchObject({ status: 'ready', source: 'user', dir: user.dir });
  });

  it('says not installed, naming the missing weights, when only the tokenizer and config are there', async () => {
    const user = copy();
    rmSync(join(user.dir, 'onnx'), { recursive: true });
    const result = await resolve({ modelsDirs: { user: user.root } });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'not_installed' });
    expect(result.status === 'unavailable' && result.message).toMatch(/onnx\/model_quantized\.onnx is missing/);
    expect(result.status === 'unavailable' && result.message).toContain(join(user.root, 'cairn-test', 'tiny-bert'));
  });

  it('says not installed when no folder has the model', async () => {
    const result = await resolve({ modelsDirs: { bundled: empty().root, user: empty().root } });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'not_installed' });
  });

  it('refuses a folder whose weights differ from its manifest, and never loads it', async () => {
    const user = copy();
    flipByte(join(user.dir, 'onnx/model_quantized.onnx'));
    const result = await resolve({ modelsDirs: { user: user.root } });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'checksum_mismatch' });
    expect(result.status === 'unavailable' && result.message).toMatch(/model_quantized\.onnx has different contents/);
  });

  it('refuses a truncated file by its size', async () => {
    const user = copy();
    const path = join(user.dir, 'tokenizer.json');
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    const result = await resolve({ modelsDirs: { user: user.root } });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'checksum_mismatch' });
    expect(result.status === 'unavailable' && result.message).toMatch(/tokenizer\.json has 100 bytes/);
  });

  it('skips a damaged bundled copy for a good one in the user’s folder', async () => {
    const bundled = copy();
    flipByte(join(bundled.dir, 'onnx/model_quantized.onnx'));
    const user = copy();
    const result = await resolve({ modelsDirs: { bundled: bundled.root, user: user.root } });
    expect(result).toMatchObject({ status: 'ready', source: 'user' });
  });

  it('refuses a manifest that does not cover the weights', async () => {
    const user = copy();
    const manifestPath = join(user.dir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, unknown> };
    delete manifest.files['onnx/model_quantized.onnx'];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(await resolve({ modelsDirs: { user: user.root } })).toMatchObject({ status: 'unavailable', reason: 'checksum_mismatch' });
  });

  it('accepts an unknown model without a manifest, naming its revision after its weights', async () => {
    const user = copy();
    rmSync(join(user.dir, MANIFEST_FILE));
    const settings = JSON.parse(readFileSync(join(user.dir, 'cairn-model.json'), 'utf8')) as Record<string, unknown>;
    delete settings['revision'];
    writeFileSync(join(user.dir, 'cairn-model.json'), JSON.stringify(settings));
    const weightsHash = await sha256File(join(user.dir, 'onnx/model_quantized.onnx'));
    const result = await resolve({ modelsDirs: { user: user.root } });
    expect(result).toMatchObject({ status: 'ready', verification: 'none', revision: `local-${weightsHash.slice(0, 12)}` });
  });

  it('checks a known model’s weights against the hashes Cairn knows, even without a manifest', async () => {
    const user = copy();
    rmSync(join(user.dir, MANIFEST_FILE));
    const catalog = { [model.modelId]: tinyCatalogEntry() };
    expect(await resolve({ modelsDirs: { user: user.root }, catalog })).toMatchObject({ status: 'ready', verification: 'known_hashes' });
    flipByte(join(user.dir, 'onnx/model_quantized.onnx'));
    expect(await resolve({ modelsDirs: { user: user.root }, catalog })).toMatchObject({ status: 'unavailable', reason: 'checksum_mismatch' });
  });

  it('rejects model names that could reach outside the models folder', async () => {
    const user = copy();
    for (const modelId of ['../cairn-test/tiny-bert', 'cairn-test/../../etc', '/etc/passwd', 'a/b/c']) {
      expect(await resolve({ modelId, modelsDirs: { user: join(user.root, 'nested') } })).toMatchObject({ status: 'unavailable', reason: 'not_installed' });
    }
  });

  it('reports the download size of the default model when downloads are off', async () => {
    const result = await resolveModel({ modelId: 'Xenova/bge-small-en-v1.5', modelsDirs: { user: empty().root }, allowDownload: false });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'download_disabled', downloadBytes: 34_014_426 + 711_396 + 683 + 366 + 125 });
    expect(result.status === 'unavailable' && result.message).toMatch(/\(35 MB\) in Settings/);
    expect(KNOWN_MODELS['Xenova/bge-small-en-v1.5']).toMatchObject({ dimension: 384, pooling: 'cls', dtype: 'q8' });
  });
});

describe('downloading from a hub (local fake speaking the Hugging Face URL scheme)', () => {
  let hub: FakeHub;
  const catalog = () => ({ [model.modelId]: tinyCatalogEntry() });
  beforeAll(async () => {
    hub = await startFakeHub();
  });
  afterAll(() => hub.close());
  afterEach(() => hub.setMode('ok'));

  function leftovers(root: string): string[] {
    const downloads = join(root, DOWNLOADS_FOLDER);
    return existsSync(downloads) ? readdirSync(downloads) : [];
  }

  it('downloads every file into the user’s folder, verified, with a manifest', async () => {
    const user = empty();
    const progress: number[] = [];
    const result = await resolve({
      modelsDirs: { user: user.root },
      allowDownload: true,
      remoteHost: hub.host,
      catalog: catalog(),
      onProgress: (update) => progress.push(update.loadedBytes),
    });
    expect(result).toMatchObject({ status: 'ready', source: 'downloaded', dir: join(user.root, 'cairn-test', 'tiny-bert'), verification: 'manifest' });
    expect(hub.requests).toContain('/cairn-test/tiny-bert/resolve/tiny-1/onnx/model_quantized.onnx');
    expect(progress.at(-1)).toBe(tinyCatalogEntry().files.reduce((sum, file) => sum + file.bytes, 0));
    expect(existsSync(join(user.root, 'cairn-test', 'tiny-bert', MANIFEST_FILE))).toBe(true);
    expect(leftovers(user.root)).toEqual([]);
    // Found on disk next time, without the network.
    const before = hub.requests.length;
    expect(await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() })).toMatchObject({ status: 'ready', source: 'user' });
    expect(hub.requests.length).toBe(before);
  });

  it('does not touch the network when downloads are not allowed', async () => {
    const user = empty();
    const before = hub.requests.length;
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: false, remoteHost: hub.host, catalog: catalog() });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'download_disabled' });
    expect(result.status === 'unavailable' && result.downloadBytes).toBe(tinyCatalogEntry().files.reduce((sum, file) => sum + file.bytes, 0));
    expect(hub.requests.length).toBe(before);
  });

  it('fails clearly on a 404 and keeps nothing', async () => {
    const user = empty();
    hub.setMode({ notFound: 'tokenizer.json' });
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'download_failed' });
    expect(result.status === 'unavailable' && result.message).toMatch(/answered 404 for tokenizer\.json/);
    expect(existsSync(join(user.root, 'cairn-test'))).toBe(false);
    expect(leftovers(user.root)).toEqual([]);
  });

  it('does not keep a download cut off halfway', async () => {
    const user = empty();
    hub.setMode({ truncate: 'onnx/model_quantized.onnx' });
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'download_failed' });
    expect(existsSync(join(user.root, 'cairn-test'))).toBe(false);
    expect(leftovers(user.root)).toEqual([]);
  });

  it('refuses a download whose bytes do not match the known hash, and keeps nothing', async () => {
    const user = empty();
    hub.setMode({ corrupt: 'onnx/model_quantized.onnx' });
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'checksum_mismatch' });
    expect(existsSync(join(user.root, 'cairn-test'))).toBe(false);
    expect(leftovers(user.root)).toEqual([]);
  });

  it('replaces a damaged copy in the user’s folder with a verified download', async () => {
    const user = copy();
    rmSync(join(user.dir, MANIFEST_FILE));
    flipByte(join(user.dir, 'onnx/model_quantized.onnx'));
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() });
    expect(result).toMatchObject({ status: 'ready', source: 'downloaded' });
    expect(await sha256File(join(user.dir, 'onnx/model_quantized.onnx'))).toBe(model.manifest.files['onnx/model_quantized.onnx']?.sha256);
  });

  it('clears folders left by a download that was killed long ago, not ones in progress', async () => {
    const user = empty();
    const stale = join(user.root, DOWNLOADS_FOLDER, 'cairn-test--tiny-bert-1-dead');
    const fresh = join(user.root, DOWNLOADS_FOLDER, 'cairn-test--tiny-bert-2-live');
    for (const dir of [stale, fresh]) {
      mkdirSync(join(dir, 'onnx'), { recursive: true });
      writeFileSync(join(dir, 'onnx', 'model_quantized.onnx'), 'partial');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    expect(await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: hub.host, catalog: catalog() })).toMatchObject({ status: 'ready' });
    expect(leftovers(user.root)).toEqual(['cairn-test--tiny-bert-2-live']);
  });

  it('fails clearly when the hub cannot be reached', async () => {
    const user = empty();
    const result = await resolve({ modelsDirs: { user: user.root }, allowDownload: true, remoteHost: 'http://127.0.0.1:9', catalog: catalog() });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'download_failed' });
    expect(leftovers(user.root)).toEqual([]);
  });
});
