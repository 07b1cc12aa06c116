import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createUlidGenerator, type Clock } from '../../src-main/core/clock';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const MIGRATIONS = join(REPO_ROOT, 'migrations');

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-03-01T09:00:00.000Z')): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export function tempDir(prefix = 'cairn-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestCore extends Core {
  dataDir: string;
  clock: Clock & { advance(ms: number): void };
  /** Disposes the core and deletes its folder. */
  cleanup(): Promise<void>;
}

/**
 * A real core over a real SQLite file in a fresh temp folder. Background work (analysis,
 * indexing) is off unless a test asks for it with `runJobs: true`, so a test sees exactly what
 * its own calls did.
 */
export function createTestCore(overrides: Partial<CoreOptions> = {}): TestCore {
  const dir = tempDir();
  const clock = manualClock();
  const core = createCore({
    dataDir: dir.path,
    migrationsFolder: MIGRATIONS,
    version: '0.0.0-test',
    clock,
    newId: createUlidGenerator(clock),
    logger: silentLogger,
    runJobs: false,
    ...overrides,
  });
  return Object.assign(core, {
    dataDir: dir.path,
    clock,
    async cleanup() {
      await core.dispose();
      dir.remove();
    },
  });
}
