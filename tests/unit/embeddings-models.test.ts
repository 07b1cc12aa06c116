import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTinyModelFiles } from '../../scripts/make-tiny-model.mjs';
import { CONFIG_FILES, formatBytes, isValidModelId, KNOWN_MODELS, readLocalSpec, weightsFile } from '../../src-main/core/embeddings/models';
import { isSafeRelativePath } from '../../src-main/core/embeddings/verify';
import { locateEmbedWorker } from '../../src-main/core/embeddings/worker-location';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true })));

function temp(): string {
  const path = mkdtempSync(join(tmpdir(), 'cairn-embed-unit-'));
  temps.push(path);
  return path;
}

describe('known models', () => {
  it('list every file a download needs to load, each with a size and a SHA-256', () => {
    for (const model of Object.values(KNOWN_MODELS)) {
      const paths = model.files.map((file) => file.path);
      expect(paths).toEqual(expect.arrayContaining([...CONFIG_FILES, weightsFile(model.dtype)]));
      for (const file of model.files) {
        expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(file.bytes).toBeGreaterThan(0);
      }
      expect(model.revision).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('default to bge-small with its query instruction, and MiniLM without one', () => {
    expect(KNOWN_MODELS['Xenova/bge-small-en-v1.5']).toMatchObject({
      dimension: 384,
      pooling: 'cls',
      normalize: true,
      queryPrefix: 'Represent this sentence for searching relevant passages: ',
      dtype: 'q8',
    });
    expect(KNOWN_MODELS['Xenova/all-MiniLM-L6-v2']).toMatchObject({ dimension: 384, pooling: 'mean', queryPrefix: '' });
  });
});

describe('model names and paths', () => {
  it('accepts org/name ids and rejects anything that could leave the models folder', () => {
    expect(isValidModelId('Xenova/bge-small-en-v1.5')).toBe(true);
    expect(isValidModelId('cairn-test/tiny-bert')).toBe(true);
    for (const bad of ['bge-small', '../x/y', 'a/../b', '/abs/path', 'a/b/c', 'a\\b', 'org/..', '', 'org/name with space']) {
      expect(isValidModelId(bad)).toBe(false);
    }
  });

  it('accepts only relative manifest paths inside the folder', () => {
    expect(isSafeRelativePath('onnx/model.onnx')).toBe(true);
    for (const bad of ['../model.onnx', '/etc/passwd', 'onnx/../../x', 'onnx\\x', '', 'a//b', './a']) expect(isSafeRelativePath(bad)).toBe(false);
  });

  it('shows sizes as a person reads them', () => {
    expect(formatBytes(34_726_996)).toBe('35 MB');
    expect(formatBytes(451_266)).toBe('451 kB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});

describe('settings of a model Cairn does not know', () => {
  function folder(config: object, extra: Record<string, object> = {}): string {
    const dir = temp();
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    for (const [path, value] of Object.entries(extra)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), JSON.stringify(value));
    }
    return dir;
  }

  it('reads the width from config.json and defaults to mean pooling of normalized vectors', async () => {
    const result = await readLocalSpec('me/model', folder({ hidden_size: 256, max_position_embeddings: 1024 }));
    expect(result).toEqual({
      ok: true,
      spec: { id: 'me/model', revision: undefined, dimension: 256, pooling: 'mean', normalize: true, queryPrefix: '', dtype: 'q8', maxTokens: 512 },
    });
  });

  it('takes CLS pooling from a sentence-transformers pooling config', async () => {
    const result = await readLocalSpec('me/model', folder({ hidden_size: 384 }, { '1_Pooling/config.json': { pooling_mode_cls_token: true, pooling_mode_mean_tokens: false } }));
    expect(result.ok && result.spec.pooling).toBe('cls');
  });

  it('lets cairn-model.json set pooling, prefix, dtype and revision', async () => {
    const result = await readLocalSpec(
      'me/model',
      folder({ hidden_size: 384 }, { 'cairn-model.json': { pooling: 'cls', queryPrefix: 'query: ', dtype: 'fp32', revision: 'r1', maxTokens: 256 } }),
    );
    expect(result).toMatchObject({ ok: true, spec: { pooling: 'cls', queryPrefix: 'query: ', dtype: 'fp32', revision: 'r1', maxTokens: 256 } });
  });

  it('refuses settings it cannot honour, with the reason', async () => {
    expect(await readLocalSpec('me/model', folder({ hidden_size: 384 }, { 'cairn-model.json': { pooling: 'max' } }))).toMatchObject({ ok: false, message: expect.stringMatching(/pooling/) });
    expect(await readLocalSpec('me/model', folder({ vocab_size: 10 }))).toMatchObject({ ok: false, message: expect.stringMatching(/hidden_size/) });
    const broken = temp();
    writeFileSync(join(broken, 'config.json'), '{"hidden_size": 3');
    expect(await readLocalSpec('me/model', broken)).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
  });
});

describe('the generated tiny model', () => {
  it('is the same bytes every time (seeded), and a different seed gives different weights', () => {
    const first = buildTinyModelFiles();
    const second = buildTinyModelFiles();
    expect(second.manifest).toEqual(first.manifest);
    const reseeded = buildTinyModelFiles({ seed: 7 });
    expect(reseeded.manifest.files['onnx/model.onnx']?.sha256).not.toBe(first.manifest.files['onnx/model.onnx']?.sha256);
    expect(reseeded.manifest.files['tokenizer.json']).toEqual(first.manifest.files['tokenizer.json']);
  });

  it('has a WordPiece vocabulary of real words, specials and ## pieces, lower-cased', () => {
    const { files } = buildTinyModelFiles();
    const tokenizer = JSON.parse(files.get('tokenizer.json')!.toString()) as { normalizer: { lowercase: boolean }; model: { type: string; vocab: Record<string, number> } };
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(tokenizer.normalizer.lowercase).toBe(true);
    expect(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((token) => tokenizer.model.vocab[token])).toEqual([0, 1, 2, 3, 4]);
    const vocab = Object.keys(tokenizer.model.vocab);
    expect(new Set(Object.values(tokenizer.model.vocab)).size).toBe(vocab.length);
    expect(vocab).toEqual(expect.arrayContaining(['milk', 'meeting', 'tomorrow', '##ing', '##s']));
    expect(vocab.length).toBeGreaterThan(300);
  });
});

describe('where the worker is', () => {
  it('is the embed-worker.js bundle next to the built main bundle, even from a shared chunk', () => {
    const out = temp();
    mkdirSync(join(out, 'main', 'chunks'), { recursive: true });
    writeFileSync(join(out, 'main', 'embed-worker.js'), '');
    const location = locateEmbedWorker(pathToFileURL(join(out, 'main', 'chunks', 'create-core-abc123.js')).href);
    expect(fileURLToPath(location.url)).toBe(join(out, 'main', 'embed-worker.js'));
    expect(location.execArgv).toEqual([]);
  });

  it('is worker.ts run through tsx when running from TypeScript source', () => {
    const location = locateEmbedWorker();
    expect(fileURLToPath(location.url)).toMatch(/src-main[\\/]core[\\/]embeddings[\\/]worker\.ts$/);
    expect(location.execArgv[0]).toBe('--import');
    expect(location.execArgv[1]).toMatch(/tsx/);
  });

  it('says the installation is incomplete when the bundle is missing', () => {
    const out = temp();
    expect(() => locateEmbedWorker(pathToFileURL(join(out, 'main', 'main.js')).href)).toThrow(/embed-worker\.js/);
  });
});
