import { FakeAnthropic, FAKE_ANTHROPIC_KEY } from '../fakes/anthropic-server';
import type { RecordedRequest } from '../fakes/fake-http';
import { FakeOllama } from '../fakes/ollama-server';
import { createSecretStore } from '../../src-main/core/ai/secret-store';
import type { CoreOptions } from '../../src-main/core/create-core';
import { call } from './call';
import { createTestCore, type TestCore } from './test-core';

export interface AiTestRig {
  core: TestCore;
  ollama: FakeOllama;
  anthropic: FakeAnthropic;
  /** Every wait the orchestrator asked for between attempts (it does not really sleep). */
  waits: number[];
  cleanup(): Promise<void>;
}

/** The user prompt a fake received (Ollama: messages[1]; Anthropic: messages[0]). */
export function promptOf(request: RecordedRequest): string {
  const messages = (request.body as { messages?: { role: string; content: string }[] }).messages ?? [];
  return messages.find((message) => message.role === 'user')?.content ?? '';
}

/** Labels ("T1" …) the prompt gives its thoughts. */
export function labelsIn(prompt: string): string[] {
  return [...prompt.matchAll(/^T(\d+) /gm)].map((match) => `T${match[1]}`);
}

/** A valid check answer that cites the first two thoughts of the prompt and finds a task in the first. */
export function validCheckAnswer(request: RecordedRequest): string {
  const labels = labelsIn(promptOf(request));
  const cited = labels.slice(0, 2);
  return JSON.stringify({
    insights:
      cited.length === 0
        ? []
        : [
            { kind: 'pattern', title: 'Sleep keeps coming up', body: 'Several thoughts mention sleeping badly.', evidence: cited },
            { kind: 'suggestion', title: 'Try a fixed bedtime', body: 'A fixed bedtime for a week.', evidence: [cited[0]], task: { title: 'Set a fixed bedtime', due: null } },
          ],
    tasks: cited.length === 0 ? [] : [{ thought: cited[0], title: 'Book a doctor appointment', due: null, confidence: 0.8 }],
    tags: cited.map((label) => ({ thought: label, tags: ['#Sleep', 'not a valid tag!'] })),
  });
}

/**
 * A test core that runs checks (no indexing), with a fake Ollama and a fake Anthropic API already
 * listening, Claude's key set, and waits between attempts recorded instead of slept.
 */
export async function createAiRig(overrides: Partial<CoreOptions> = {}): Promise<AiTestRig> {
  const ollama = new FakeOllama();
  const anthropic = new FakeAnthropic();
  await Promise.all([ollama.start(), anthropic.start()]);
  ollama.answer = validCheckAnswer;
  anthropic.answer = validCheckAnswer;
  const waits: number[] = [];
  const core = createTestCore({
    runChecks: true,
    anthropicBaseUrl: anthropic.url,
    schedulerTickMs: 3_600_000,
    ai: {
      timeoutMs: 1_500,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    },
    ...overrides,
  });
  createSecretStore(core.dataDir).set('anthropic-api-key', FAKE_ANTHROPIC_KEY);
  await call(core, 'settings.update', { patch: { ollamaHost: ollama.url } });
  return {
    core,
    ollama,
    anthropic,
    waits,
    async cleanup() {
      await core.cleanup();
      await Promise.all([ollama.close(), anthropic.close()]);
    },
  };
}

/** Starts a check and waits for it to end; returns the finished run. */
export async function runCheck(core: TestCore) {
  const { runId } = await call(core, 'checks.runNow', {});
  await core.checks.settled();
  return call(core, 'checks.get', { id: runId });
}
