import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUlidGenerator } from '../../src-main/core/clock';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';
import { manualClock, MIGRATIONS, tempDir } from './test-core';
import { tinyModel } from './tiny-model';

export interface IndexedCore extends Core {
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  /** Opens the same data folder again (a restart), with background work on. */
  reopen(): Promise<IndexedCore>;
  cleanup(): Promise<void>;
}

/**
 * A core that understands thoughts: the generated tiny model installed in the data folder's
 * models/, chosen in settings before the first start, background work on. Real ONNX inference
 * in a worker, real vectors in SQLite.
 */
export async function createIndexedCore(overrides: Partial<CoreOptions> = {}, embeddingModel?: string): Promise<IndexedCore> {
  const dir = tempDir('cairn-indexed-');
  const model = tinyModel();
  cpSync(model.dir, join(dir.path, 'models', ...model.modelId.split('/')), { recursive: true });
  const clock = manualClock(Date.now());
  const options: CoreOptions = {
    dataDir: dir.path,
    migrationsFolder: MIGRATIONS,
    version: '0.0.0-test',
    clock,
    newId: createUlidGenerator(clock),
    logger: silentLogger,
    ...overrides,
  };
  const setup = createCore({ ...options, runJobs: false });
  setup.settings.update({ embeddingModel: embeddingModel ?? model.modelId, allowModelDownload: false });
  await setup.dispose();
  return open();

  function open(): IndexedCore {
    const core = createCore({ ...options, runJobs: true });
    return Object.assign(core, {
      dataDir: dir.path,
      clock,
      async reopen() {
        await core.dispose();
        return open();
      },
      async cleanup() {
        await core.dispose();
        dir.remove();
      },
    });
  }
}

/**
 * Installs the tiny model a second time under another id and revision, as if it were another
 * model (its cairn-model.json and manifest rewritten to match), for model-change tests.
 */
export function installTinyModelAs(dataDir: string, modelId: string, revision: string): void {
  const model = tinyModel();
  const dir = join(dataDir, 'models', ...modelId.split('/'));
  cpSync(model.dir, dir, { recursive: true });
  const settingsPath = join(dir, 'cairn-model.json');
  const settings = { ...(JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>), revision };
  const settingsBytes = Buffer.from(`${JSON.stringify(settings, null, 2)}\n`);
  writeFileSync(settingsPath, settingsBytes);
  const manifestPath = join(dir, 'cairn-manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { modelId: string; revision: string; files: Record<string, { sha256: string; bytes: number }> };
  manifest.modelId = modelId;
  manifest.revision = revision;
  manifest.files['cairn-model.json'] = { sha256: createHash('sha256').update(settingsBytes).digest('hex'), bytes: settingsBytes.length };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
