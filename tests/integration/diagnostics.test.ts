import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostics } from '../../src-shared/contract';
import { createLogFiles, LOG_FILE, PREVIOUS_LOG_FILE } from '../../src-main/core/system/log-files';
import { startHttpServer } from '../../src-main/transport/http';
import { createAiRig, type AiTestRig } from '../helpers/ai-core';
import { call, callFailing } from '../helpers/call';
import { callOperation, errorCodeOf } from '../helpers/http-client';
import { createIndexedCore, type IndexedCore } from '../helpers/indexed-core';
import { createTestCore, tempDir, type TestCore } from '../helpers/test-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function indexedCore(): Promise<IndexedCore> {
  const core = await createIndexedCore();
  cleanups.push(() => core.cleanup());
  return core;
}

function testCore(overrides: Parameters<typeof createTestCore>[0] = {}): TestCore {
  const core = createTestCore(overrides);
  cleanups.push(() => core.cleanup());
  return core;
}

async function diagnostics(core: Parameters<typeof call>[0]): Promise<Diagnostics> {
  return call(core, 'system.diagnostics', {});
}

describe('system.diagnostics', () => {
  it('tells where the data is, how big it is, what waits in the queue and how the model is', async () => {
    const core = await indexedCore();
    await call(core, 'index.pause', {});
    for (const text of ['water the tomatoes', 'call the dentist', 'book the train']) await call(core, 'thoughts.capture', { text });
    const trashed = await call(core, 'thoughts.capture', { text: 'never mind' });
    await call(core, 'thoughts.delete', { id: trashed.id });

    await vi.waitFor(async () => expect((await diagnostics(core)).embeddingModel.state).toBe('loaded'), { timeout: 20_000, interval: 50 });
    const report = await diagnostics(core);
    expect(report.storage).toEqual({
      dataFolder: core.dataDir,
      databasePath: join(core.dataDir, 'cairn.db'),
      databaseBytes: statSync(join(core.dataDir, 'cairn.db')).size,
      walBytes: expect.any(Number),
      logFolder: join(core.dataDir, 'logs'),
    });
    expect(report.storage.databaseBytes).toBeGreaterThan(0);
    expect(report.storage.walBytes).toBeGreaterThan(0);
    expect(report.thoughts).toEqual({ total: 3, inTrash: 1, embedded: 0 });
    // Each capture queued a vector and a reading; nothing ran while paused.
    const kinds = Object.fromEntries(report.queue.kinds.map((kind) => [kind.kind, kind]));
    expect(kinds['embed']).toEqual({ kind: 'embed', pending: 4, running: 0, failed: 0 });
    expect(kinds['analyze']).toEqual({ kind: 'analyze', pending: 4, running: 0, failed: 0 });
    expect(report.queue).toMatchObject({ pending: 8, running: 0, failed: 0 });
    expect(report.indexing).toEqual({ paused: true, waiting: 3, jobsPerMinute: 0, rateWindowMinutes: 5 });
    expect(report.embeddingModel).toEqual({ id: 'cairn-test/tiny-bert', state: 'loaded', revision: expect.any(String), dimension: expect.any(Number), message: null });
    expect(report.app).toMatchObject({ version: '0.0.0-test', schemaVersion: core.db.schemaVersion, platform: process.platform });
    expect(report.app.uptimeMs).toBeGreaterThanOrEqual(0);

    await call(core, 'index.resume', {});
    await vi.waitFor(
      async () => {
        const after = await diagnostics(core);
        expect(after.queue.pending + after.queue.running).toBe(0);
        expect(after.thoughts.embedded).toBe(3);
        expect(after.indexing.waiting).toBe(0);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect((await diagnostics(core)).indexing.jobsPerMinute).toBeGreaterThan(0);
  });

  it('says when the model is missing, in plain words', async () => {
    const core = await createIndexedCore({ logToFiles: false }, 'nobody/no-such-model');
    cleanups.push(() => core.cleanup());
    await vi.waitFor(async () => expect((await diagnostics(core)).embeddingModel.state).toBe('missing'), { timeout: 20_000, interval: 50 });
    const { embeddingModel, storage } = await diagnostics(core);
    expect(embeddingModel).toMatchObject({ id: 'nobody/no-such-model', dimension: null });
    expect(embeddingModel.message).toMatch(/\w/);
    expect(storage.logFolder).toBeNull();
  });

  it('reports AI backends without contacting a remote one', async () => {
    const rig: AiTestRig = await createAiRig();
    cleanups.push(() => rig.cleanup());
    await call(rig.core, 'settings.update', { patch: { aiProviders: ['claude', 'ollama', 'offline'] } });
    const before = rig.anthropic.http.requests.length;
    const { providers } = await diagnostics(rig.core);
    expect(rig.anthropic.http.requests.length).toBe(before);
    const byId = Object.fromEntries(providers.map((provider) => [provider.id, provider]));
    expect(byId['claude']).toMatchObject({ state: 'not_checked', remote: true, keySet: true, enabled: true });
    expect(byId['ollama']).toMatchObject({ state: 'ok', remote: false });
    expect(byId['offline']).toMatchObject({ state: 'ok' });
    // The key itself never appears.
    expect(JSON.stringify(providers)).not.toContain('sk-ant');
  });

  it('collects recent warnings in plain words, never the thought text or a stack', async () => {
    const core = testCore();
    const secret = 'my very private thought about Alex';
    await call(core, 'thoughts.capture', { text: secret });
    core.logger.warn('index.batch_failed', { error: `Error: failed on "${secret}"\n    at embed (worker.js:1:1)`, retryInMs: 4_000 });
    core.logger.warn('index.batch_failed', { error: `Error: failed on "${secret}"`, retryInMs: 4_000 });
    core.logger.error('some.unknown_event', { error: secret, text: secret });
    core.logger.info('index.model_activated', { model: 'x' });

    const { recentErrors } = await diagnostics(core);
    expect(recentErrors).toEqual([
      { time: expect.any(String), level: 'error', event: 'some.unknown_event', message: expect.stringMatching(/saved thoughts are safe/), count: 1 },
      { time: expect.any(String), level: 'warn', event: 'index.batch_failed', message: 'Indexing a batch of thoughts failed; Cairn tries again in 4 s. Your thoughts are saved.', count: 2 },
    ]);
    const everything = JSON.stringify(await diagnostics(core));
    expect(everything).not.toContain('Alex');
    expect(everything).not.toMatch(/\bat embed\b|worker\.js/);
  });

  it('keeps only the latest 50 warnings', async () => {
    const core = testCore();
    for (let index = 0; index < 60; index += 1) core.logger.warn(index % 2 === 0 ? 'jobs.inline_failed' : 'jobs.loop_failed', {});
    const { recentErrors } = await diagnostics(core);
    expect(recentErrors).toHaveLength(50);
  });

  it('refuses input it does not know, and needs the token over HTTP', async () => {
    const core = testCore();
    expect(await callFailing(core, 'system.diagnostics', { verbose: true })).toMatchObject({ code: 'invalid_input' });
    expect(await callFailing(core, 'index.pause', { forMinutes: 5 })).toMatchObject({ code: 'invalid_input' });
    expect(await callFailing(core, 'index.resume', 'now')).toMatchObject({ code: 'invalid_input' });

    const token = 'diagnostics-token-0123456789abcdef';
    core.tokens.ensureApiToken(token);
    const server = await startHttpServer({ core, host: '127.0.0.1', port: 0 });
    cleanups.push(() => server.close());
    const refused = await callOperation(server.url, undefined, 'system.diagnostics', {});
    expect(refused.status).toBe(401);
    expect(errorCodeOf(refused.body)).toBe('unauthorized');
    const allowed = await callOperation(server.url, token, 'system.diagnostics', {});
    expect(allowed.status).toBe(200);
    expect((allowed.body as Diagnostics).storage.dataFolder).toBe(core.dataDir);
  });
});

describe('log files', () => {
  it('are written by the app and the server, never with secrets or what a person wrote', async () => {
    const core = testCore({ logToFiles: true });
    core.logger.warn('ai.provider_failed', { provider: 'claude', apiKey: 'sk-ant-api03-abcdef', text: 'dear diary', error: 'refused: Bearer abc.def' });
    const file = readFileSync(join(core.dataDir, 'logs', LOG_FILE), 'utf8');
    const line = JSON.parse(file.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', event: 'ai.provider_failed', provider: 'claude', apiKey: '[hidden]', text: '[left out]' });
    expect(file).not.toMatch(/sk-ant|dear diary|abc\.def/);
  });

  it('are not written by the one-shot CLI', () => {
    const core = testCore({ runJobs: false });
    core.logger.warn('jobs.loop_failed', {});
    expect(existsSync(join(core.dataDir, 'logs'))).toBe(false);
  });

  it('rotate at the size cap, keeping two files', () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const folder = join(dir.path, 'logs');
    const logger = createLogFiles({ folder, maxBytes: 2_000, now: () => Date.parse('2026-03-01T09:00:00Z') });
    for (let index = 0; index < 200; index += 1) logger.info('test.line', { index });
    expect(readdirSync(folder).sort()).toEqual([PREVIOUS_LOG_FILE, LOG_FILE].sort());
    for (const name of [LOG_FILE, PREVIOUS_LOG_FILE]) expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(2_000);
    const lines = (name: string) => readFileSync(join(folder, name), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { index: number }).index);
    const current = lines(LOG_FILE);
    const previous = lines(PREVIOUS_LOG_FILE);
    expect(current.at(-1)).toBe(199);
    // The previous file ends where the current one starts: nothing in between was lost.
    expect(previous.at(-1)).toBe((current[0] ?? 0) - 1);
  });

  it('make their folder at start, and again when it was deleted while Cairn ran', () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const folder = join(dir.path, 'logs');
    const logger = createLogFiles({ folder, now: () => Date.parse('2026-03-01T09:00:00Z') });
    expect(existsSync(folder)).toBe(true);
    rmSync(folder, { recursive: true });
    logger.warn('jobs.loop_failed', {});
    expect(readFileSync(join(folder, LOG_FILE), 'utf8')).toContain('jobs.loop_failed');
  });
});
