/**
 * Issue 4: how long a consciousness check takes. With a fake Ollama (16k context) and a fake
 * Claude (200k) answering at once, so the figure is Cairn's own work: reading the new thoughts,
 * building and budgeting the prompt, the HTTP round trip, validating the answer and storing the
 * insights. And the offline check over a 100k-thought corpus, with no model at all.
 */
import { createCore, type Core } from '../src-main/core/create-core';
import { silentLogger } from '../src-main/core/logger';
import { readCheckInput } from '../src-main/core/checks/check-input';
import { buildCheckPrompt } from '../src-main/core/checks/check-prompt';
import { offlineCheck } from '../src-main/core/checks/offline-check';
import type { CheckThought } from '../src-main/core/checks/check-types';
import { promptBudget } from '../src-main/core/ai/orchestrator';
import { createSecretStore } from '../src-main/core/ai/secret-store';
import { FakeAnthropic, FAKE_ANTHROPIC_KEY } from '../tests/fakes/anthropic-server';
import { FakeOllama } from '../tests/fakes/ollama-server';
import { validCheckAnswer } from '../tests/helpers/ai-core';
import { checkInputOf } from '../tests/helpers/check-input';
import { CORPUS_END, MIGRATIONS, ensureCorpus, workingCopy } from './corpus';
import { median, round } from './stats';
import { createRandom, createVocabulary, thoughtText } from './vocabulary';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CheckDurationRow {
  provider: 'ollama' | 'claude';
  newThoughts: number;
  /** Reading the input and building the budgeted prompt (median ms). */
  promptMs: number;
  /** The whole check through `checks.runNow`, fake answering at once (median ms). */
  checkMs: number;
  sentThoughts: number;
  approxPromptTokens: number;
  notes: string[];
}

export interface OfflineCheckRow {
  corpus: number;
  window: string;
  newThoughts: number;
  checkMs: number;
  insights: number;
}

export interface CheckBenchResult {
  rows: CheckDurationRow[];
  offline: OfflineCheckRow[];
  /** The offline check alone on 5,000 thoughts with 384-d vectors (ms). */
  themesByMeaningMs: number;
  notes: string[];
}

const REPEATS = 3;
const SIZES = [50, 500, 5_000];

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function runCheck(core: Core): Promise<string> {
  const { runId } = core.checks.start('manual');
  await core.checks.settled();
  return runId;
}

async function measureProvider(provider: 'ollama' | 'claude', size: number, log: (line: string) => void): Promise<CheckDurationRow> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-checks-'));
  const ollama = new FakeOllama({ contextLength: 131_072 });
  const anthropic = new FakeAnthropic();
  await Promise.all([ollama.start(), anthropic.start()]);
  ollama.answer = validCheckAnswer;
  anthropic.answer = validCheckAnswer;
  const core = createCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false, runChecks: true, anthropicBaseUrl: anthropic.url, schedulerTickMs: 3_600_000 });
  try {
    createSecretStore(dir, { env: {} }).set('anthropic-api-key', FAKE_ANTHROPIC_KEY);
    core.settings.update({ ollamaHost: ollama.url, aiProviders: [provider] });
    const random = createRandom(size);
    const vocabulary = createVocabulary(size);
    for (let i = 0; i < size; i += 1) await core.dispatcher.dispatch('thoughts.capture', { text: thoughtText(random, vocabulary), isPrivate: i % 20 === 0 }, { door: 'ipc' });
    const context = provider === 'ollama' ? 16_384 : 200_000;
    const target = { provider, remote: provider === 'claude', budgetTokens: promptBudget(context, 2_048) };
    const promptTimes: number[] = [];
    let built = buildCheckPrompt(readCheckInput(core.db, { start: null, end: Date.now() }, 'UTC', () => new Map()), target);
    for (let i = 0; i < 5; i += 1) {
      promptTimes.push(await timed(() => (built = buildCheckPrompt(readCheckInput(core.db, { start: null, end: Date.now() }, 'UTC', () => new Map()), target))));
    }
    const checkTimes: number[] = [];
    let sent = 0;
    for (let i = 0; i < REPEATS; i += 1) {
      core.db.sqlite.exec('DELETE FROM check_runs; DELETE FROM ai_requests;');
      let runId = '';
      checkTimes.push(await timed(async () => (runId = await runCheck(core))));
      const run = core.checks.get(runId);
      if (run.status !== 'succeeded') throw new Error(`check failed: ${run.error?.code} ${run.error?.message}`);
      sent = run.sentCount;
    }
    log(`  checks: ${provider} ${size}: prompt ${median(promptTimes).toFixed(1)} ms, check ${median(checkTimes).toFixed(1)} ms, sent ${sent}`);
    return {
      provider,
      newThoughts: size,
      promptMs: round(median(promptTimes), 1),
      checkMs: round(median(checkTimes), 1),
      sentThoughts: sent,
      approxPromptTokens: Math.ceil((built.system.length + built.prompt.length) / 3.5),
      notes: built.notes,
    };
  } finally {
    await core.dispose();
    await Promise.all([ollama.close(), anthropic.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureOffline(log: (line: string) => void): Promise<OfflineCheckRow[]> {
  const corpus = ensureCorpus(100_000, undefined, log);
  const copy = workingCopy(corpus, 'checks');
  const rows: OfflineCheckRow[] = [];
  let now = CORPUS_END + 3_600_000;
  const core = createCore({ dataDir: copy.dir, migrationsFolder: MIGRATIONS, version: 'bench', logger: silentLogger, runJobs: false, runChecks: true, clock: { now: () => now }, schedulerTickMs: 3_600_000 });
  try {
    core.settings.update({ aiProviders: ['offline'], timeZone: 'UTC' });
    const windows: [string, number | null][] = [
      ['first check (last 7 days)', null],
      ['newest 5,000 thoughts', (core.db.sqlite.prepare('SELECT created_at FROM thoughts ORDER BY created_at DESC LIMIT 1 OFFSET 5000').get() as { created_at: number }).created_at],
    ];
    for (const [name, start] of windows) {
      const times: number[] = [];
      let inputCount = 0;
      let insights = 0;
      for (let i = 0; i < REPEATS; i += 1) {
        core.db.sqlite.exec('DELETE FROM check_runs; DELETE FROM ai_requests;');
        if (start !== null) {
          core.db.sqlite
            .prepare("INSERT INTO check_runs (id, trigger, status, created_at, window_end) VALUES ('01BENCH0000000000000000000', 'manual', 'succeeded', ?, ?)")
            .run(start, start);
        }
        now += 1;
        let runId = '';
        times.push(await timed(async () => (runId = await runCheck(core))));
        const run = core.checks.get(runId);
        inputCount = run.inputCount;
        insights = run.insightCount;
      }
      log(`  checks: offline 100k (${name}): ${median(times).toFixed(1)} ms for ${inputCount} thoughts`);
      rows.push({ corpus: 100_000, window: name, newThoughts: inputCount, checkMs: round(median(times), 1), insights });
    }
  } finally {
    await core.dispose();
    copy.remove();
  }
  return rows;
}

function measureThemesByMeaning(): number {
  const random = createRandom(99);
  const vocabulary = createVocabulary(99);
  const thoughts: CheckThought[] = [];
  const vectors = new Map<number, Float32Array>();
  for (let i = 0; i < 5_000; i += 1) {
    thoughts.push({ id: String(i), seq: i, text: thoughtText(random, vocabulary), type: 'note', createdAt: i, isPrivate: false, tags: [] });
    const vector = Float32Array.from({ length: 384 }, () => random() - 0.5);
    const norm = Math.hypot(...vector);
    vectors.set(i, vector.map((value) => value / norm));
  }
  const input = checkInputOf(5_000, { thoughts, vectorsOf: () => vectors });
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    offlineCheck(input);
    return performance.now() - started;
  });
  return round(median(times), 1);
}

export async function measureCheckDuration(log: (line: string) => void): Promise<CheckBenchResult> {
  const rows: CheckDurationRow[] = [];
  for (const provider of ['ollama', 'claude'] as const) {
    for (const size of SIZES) rows.push(await measureProvider(provider, size, log));
  }
  return {
    rows,
    offline: await measureOffline(log),
    themesByMeaningMs: measureThemesByMeaning(),
    notes: [
      'Fakes answer at once (tests/fakes): the figures are Cairn’s own work, not a model’s. Ollama reports a 131,072-token model, which Cairn caps at 16,384; Claude has 200,000.',
      'Every 20th thought is private: Claude’s prompt leaves those out, Ollama’s (local) keeps them.',
      'Offline at 100k: the bench corpus has no vectors, so themes come from words; the last row is the offline check alone (no database) on 5,000 thoughts that all have random 384-d vectors: themes then come from k-means over the newest 1,500 and their words.',
    ],
  };
}
