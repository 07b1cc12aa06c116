import { cpSync } from 'node:fs';
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
export async function createIndexedCore(overrides: Partial<CoreOptions> = {}): Promise<IndexedCore> {
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
  setup.settings.update({ embeddingModel: model.modelId, allowModelDownload: false });
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
