import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { IndexStatus } from '../../src-shared/contract';
import { REPO_ROOT } from '../helpers/test-core';
import { expect, type CairnServer } from './fixtures';

/** The generated test model (scripts/make-tiny-model.mjs): real tokenizer and ONNX graph, tiny weights. */
export const TINY_MODEL_ID = 'cairn-test/tiny-bert';

/**
 * Writes the tiny model where this server looks for models (`<data>/models/<id>/`) and chooses it.
 * Run as the script's own CLI: the .mjs has no type declarations for a TypeScript import.
 */
export async function useTinyModel(cairn: CairnServer): Promise<void> {
  const script = join(REPO_ROOT, 'scripts', 'make-tiny-model.mjs');
  const result = spawnSync(process.execPath, [script, join(cairn.dataDir, 'models')], { encoding: 'utf8' });
  expect(result.status, `make-tiny-model failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  await cairn.call('settings.update', { patch: { embeddingModel: TINY_MODEL_ID, allowModelDownload: false } });
}

/** No model installed and no download allowed: Cairn searches by words only. */
export async function useNoModel(cairn: CairnServer): Promise<void> {
  await cairn.call('settings.update', { patch: { allowModelDownload: false } });
}

/** Waits until every thought has a vector from the chosen model (polling the API, as a script would). */
export async function waitForIndexReady(cairn: CairnServer, timeoutMs = 30_000): Promise<IndexStatus> {
  let status: IndexStatus | undefined;
  await expect
    .poll(
      async () => {
        status = await cairn.call('index.status', {});
        return status.state === 'ready' && status.embedded === status.total ? 'ready' : `${status.state} ${status.embedded}/${status.total}`;
      },
      { timeout: timeoutMs, message: 'the index should reach ready' },
    )
    .toBe('ready');
  if (status === undefined) throw new Error('no index status');
  return status;
}

/** Waits until Cairn has finished its background work on captured thoughts (tags, suggestions). */
export async function waitForQueueIdle(cairn: CairnServer, timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(async () => (await cairn.call('system.health', {})).queue.pending, { timeout: timeoutMs, message: 'background jobs should finish' })
    .toBe(0);
}

export function suggestionsTab(page: Page): Locator {
  return page.getByRole('tab', { name: /^Suggestions/ });
}

export function inbox(page: Page): Locator {
  return page.getByRole('list', { name: 'Task suggestions' });
}

/** One suggestion card (inbox or thought detail), found by any text on it. */
export function suggestion(scope: Locator, text: string | RegExp): Locator {
  return scope.getByRole('listitem').filter({ hasText: text });
}

export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search thoughts' });
}

export function searchResults(page: Page): Locator {
  return page.getByRole('list', { name: 'Matching thoughts' });
}
