import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexStatus, Thought } from '../../src-shared/contract';
import { call } from '../helpers/call';
import { createCore } from '../../src-main/core/create-core';
import { silentLogger } from '../../src-main/core/logger';
import { createIndexedCore, installTinyModelAs, type IndexedCore } from '../helpers/indexed-core';
import { MIGRATIONS, tempDir } from '../helpers/test-core';
import { startFakeHub } from '../helpers/tiny-model';

const cores: IndexedCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.cleanup();
});

async function indexedCore(embeddingModel?: string): Promise<IndexedCore> {
  const core = await createIndexedCore({}, embeddingModel);
  cores.push(core);
  return core;
}

async function capture(core: IndexedCore, text: string): Promise<Thought> {
  return call(core, 'thoughts.capture', { text });
}

async function indexed(core: IndexedCore): Promise<IndexStatus> {
  let status: IndexStatus | undefined;
  await vi.waitFor(
    async () => {
      status = await call(core, 'index.status', {});
      expect(status).toMatchObject({ state: 'ready' });
      expect(status?.embedded).toBe(status?.total);
    },
    { timeout: 20_000, interval: 50 },
  );
  return status as IndexStatus;
}

describe('local understanding with a real (tiny) model', () => {
  it('gives every thought a vector in the background and reports the model and progress', async () => {
    const core = await indexedCore();
    const progress: IndexStatus[] = [];
    core.bus.subscribe((event, payload) => event === 'index.progress' && progress.push(payload as IndexStatus));
    for (const text of ['buy milk and eggs', 'call the dentist', 'plan the trip to the garden', 'write the report']) await capture(core, text);
    const status = await indexed(core);
    expect(status).toMatchObject({ total: 4, embedded: 4, model: { id: 'cairn-test/tiny-bert', dimension: expect.any(Number) }, message: null });
    await vi.waitFor(() => expect(progress.at(-1)).toMatchObject({ state: 'ready', embedded: 4 }), { timeout: 5_000 });
    expect(progress.some((event) => event.state === 'indexing')).toBe(true);
    const rows = core.db.sqlite.prepare('SELECT count(*) AS n FROM thought_embeddings').get() as { n: number };
    expect(rows.n).toBe(4);
  });

  it('searches by meaning too: finds what shares the idea, says why, and ranks double matches first', async () => {
    const core = await indexedCore();
    const both = await capture(core, 'dentist appointment tomorrow morning');
    // The tiny model knows little beyond shared words: this one shares one of the two.
    const meaningOnly = await capture(core, 'an appointment');
    await capture(core, 'buy bread butter and cheese at the store');
    await indexed(core);
    const result = await call(core, 'search.query', { query: 'dentist appointment ' });
    expect(result.usedMeaning).toBe(true);
    const byId = new Map(result.items.map((hit) => [hit.thought.id, hit.matchedBy]));
    expect(byId.get(both.id)).toEqual(['keyword', 'meaning']);
    expect(byId.get(meaningOnly.id)).toEqual(['meaning']);
    expect(result.items[0]?.thought.id).toBe(both.id);
  });

  it('applies search filters to meaning matches too', async () => {
    const core = await indexedCore();
    const archived = await capture(core, 'an appointment');
    const active = await capture(core, 'appointment');
    const tagged = await capture(core, 'appointment #health');
    await indexed(core);
    await call(core, 'thoughts.archive', { id: archived.id });
    const ids = async (filters: object) =>
      (await call(core, 'search.query', { query: 'appointment week', filters })).items.map((hit) => hit.thought.id).sort();
    expect(await ids({ scope: 'archived' })).toEqual([archived.id]);
    expect(await ids({ tags: ['health'] })).toEqual([tagged.id]);
    expect(await ids({})).toEqual([active.id, tagged.id].sort());
  });

  it('shows related thoughts by meaning, never the thought itself or the trash', async () => {
    const core = await indexedCore();
    const origin = await capture(core, 'coffee and tea for the office kitchen');
    const close = await capture(core, 'buy coffee and tea and sugar');
    const trashed = await capture(core, 'coffee tea coffee tea');
    await capture(core, 'guitar piano music song');
    await indexed(core);
    await call(core, 'thoughts.delete', { id: trashed.id });
    const related = await call(core, 'thoughts.related', { id: origin.id });
    expect(related.indexed).toBe(true);
    const ids = related.items.map((item) => item.thought.id);
    expect(ids[0]).toBe(close.id);
    expect(ids).not.toContain(origin.id);
    expect(ids).not.toContain(trashed.id);
  });

  it('reads a task with its due date into a suggestion and the type, right after capture', async () => {
    const core = await indexedCore();
    const thought = await capture(core, 'Need to call the dentist tomorrow at 3pm');
    await vi.waitFor(
      async () => expect((await call(core, 'suggestions.list', { thoughtId: thought.id })).items).toHaveLength(1),
      { timeout: 20_000, interval: 50 },
    );
    const [suggestion] = (await call(core, 'suggestions.list', { thoughtId: thought.id })).items;
    expect(suggestion?.title).toMatch(/^Call the dentist/);
    expect(suggestion?.dueHasTime).toBe(true);
    expect((await call(core, 'thoughts.get', { id: thought.id })).type).toBe('task');
    const history = await call(core, 'thoughts.history', { id: thought.id });
    expect(history.events.at(-1)).toMatchObject({ actor: 'system', changed: ['type'] });
  });

  it('suggests tags the person already uses on similar thoughts', async () => {
    const core = await indexedCore();
    await capture(core, 'dentist appointment #health');
    await capture(core, 'doctor said more exercise and sleep #health');
    await capture(core, 'gym in the morning #health');
    await indexed(core);
    const fresh = await capture(core, 'dentist and doctor appointment next week');
    await vi.waitFor(
      async () => expect((await call(core, 'thoughts.get', { id: fresh.id })).tags).toContainEqual({ name: 'health', kind: 'auto' }),
      { timeout: 20_000, interval: 50 },
    );
  });

  it('resumes after a restart and never embeds a thought twice', async () => {
    let core = await indexedCore();
    for (let index = 0; index < 40; index += 1) await capture(core, `note number ${index} about the garden and plants`);
    core = await core.reopen();
    cores.splice(0, 1, core);
    const status = await indexed(core);
    expect(status.embedded).toBe(40);
    const duplicates = core.db.sqlite
      .prepare('SELECT count(*) AS n FROM (SELECT thought_seq FROM thought_embeddings GROUP BY thought_seq, model_key HAVING count(*) > 1)')
      .get() as { n: number };
    expect(duplicates.n).toBe(0);
  });
});

describe('when the model changes or is missing', () => {
  it('builds the new model in the background while search keeps using the old vectors, then switches', async () => {
    const core = await indexedCore();
    for (let index = 0; index < 30; index += 1) await capture(core, `garden plants water number ${index}`);
    await indexed(core);
    installTinyModelAs(core.dataDir, 'cairn-test/tiny-bert-b', 'b-1');
    const seen = new Set<string>();
    const progress: IndexStatus[] = [];
    core.bus.subscribe((event, payload) => {
      if (event !== 'index.progress') return;
      progress.push(payload as IndexStatus);
    });
    await call(core, 'settings.update', { patch: { embeddingModel: 'cairn-test/tiny-bert-b' } });
    // While it builds, meaning search still answers from the first model.
    const during = await call(core, 'search.query', { query: 'garden plants' });
    expect(during.usedMeaning).toBe(true);
    await vi.waitFor(
      async () => {
        const status = await call(core, 'index.status', {});
        for (const event of progress) seen.add(`${event.model?.id}:${event.state}`);
        expect(status).toMatchObject({ state: 'ready', model: { id: 'cairn-test/tiny-bert-b' }, embedded: 30 });
      },
      { timeout: 30_000, interval: 50 },
    );
    const models = core.db.sqlite.prepare('SELECT model_key, state FROM embedding_models').all();
    expect(models).toEqual([{ model_key: 'cairn-test/tiny-bert-b@b-1', state: 'active' }]);
    const keys = core.db.sqlite.prepare('SELECT DISTINCT model_key FROM thought_embeddings').pluck().all();
    expect(keys).toEqual(['cairn-test/tiny-bert-b@b-1']);
    expect((await call(core, 'search.query', { query: 'garden plants' })).usedMeaning).toBe(true);
  });

  it('without a model, searches by words, says why, and keeps capturing', async () => {
    const core = await indexedCore('nobody/not-installed');
    const thought = await capture(core, 'still works offline');
    await vi.waitFor(
      async () => {
        const status = await call(core, 'index.status', {});
        expect(status.state).toBe('unavailable');
        expect(status.message).toMatch(/model/i);
      },
      { timeout: 20_000, interval: 50 },
    );
    const result = await call(core, 'search.query', { query: 'offline' });
    expect(result.usedMeaning).toBe(false);
    expect(result.items.map((hit) => hit.thought.id)).toEqual([thought.id]);
  });
});

describe('a model installed while Cairn runs', () => {
  it('is picked up after the model settings change, and indexes what was captured meanwhile', async () => {
    const core = await indexedCore('cairn-test/tiny-bert-b');
    await capture(core, 'captured before the model arrived');
    await vi.waitFor(async () => expect((await call(core, 'index.status', {})).state).toBe('unavailable'), { timeout: 20_000, interval: 50 });
    installTinyModelAs(core.dataDir, 'cairn-test/tiny-bert-b', 'b-1');
    await call(core, 'settings.update', { patch: { allowModelDownload: false } });
    const status = await indexed(core);
    expect(status).toMatchObject({ model: { id: 'cairn-test/tiny-bert-b' }, embedded: 1 });
  });
});

describe('closing while the model is still on its way', () => {
  it('closes at once when a model download hangs, and what was captured is kept', async () => {
    const hub = await startFakeHub();
    hub.setMode('hang');
    const dir = tempDir('cairn-hung-download-');
    const options = { dataDir: dir.path, migrationsFolder: MIGRATIONS, version: '0.0.0-test', logger: silentLogger };
    process.env['CAIRN_MODEL_HOST'] = hub.host;
    try {
      // Defaults: the default model, not installed, downloading allowed.
      const core = createCore(options);
      const thought = await call(core, 'thoughts.capture', { text: 'kept while the download hangs' });
      await vi.waitFor(() => expect(hub.requests.length).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });
      expect((await call(core, 'index.status', {})).state).toBe('loading');
      // This used to wait for the stalled download, so a server asked to stop never exited.
      await core.dispose();
      const again = createCore({ ...options, runJobs: false });
      expect((await call(again, 'thoughts.get', { id: thought.id })).text).toBe('kept while the download hangs');
      await again.dispose();
    } finally {
      delete process.env['CAIRN_MODEL_HOST'];
      await hub.close();
      dir.remove();
    }
  }, 15_000);
});
