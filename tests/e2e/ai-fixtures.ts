import { test as base } from '@playwright/test';
import { FakeAnthropic } from '../fakes/anthropic-server';
import { FakeOllama } from '../fakes/ollama-server';
import { validCheckAnswer } from '../helpers/ai-core';
import { withCairnServer, type CairnServer } from './fixtures';

export interface Fakes {
  ollama: FakeOllama;
  anthropic: FakeAnthropic;
}

/**
 * A Cairn server whose AI backends are the protocol-faithful fakes: Ollama at its host setting,
 * Claude through ANTHROPIC_BASE_URL (no key is set until a test enters one).
 */
export const aiTest = base.extend<{ fakes: Fakes; cairn: CairnServer }>({
  // eslint-disable-next-line no-empty-pattern
  fakes: async ({}, use) => {
    const ollama = new FakeOllama();
    const anthropic = new FakeAnthropic();
    await Promise.all([ollama.start(), anthropic.start()]);
    ollama.answer = validCheckAnswer;
    anthropic.answer = validCheckAnswer;
    try {
      await use({ ollama, anthropic });
    } finally {
      await Promise.all([ollama.close(), anthropic.close()]);
    }
  },
  cairn: async ({ fakes }, use) =>
    withCairnServer({ ANTHROPIC_BASE_URL: fakes.anthropic.url, ANTHROPIC_API_KEY: '' }, async (server) => {
      await server.call('settings.update', { patch: { ollamaHost: fakes.ollama.url } });
      await use(server);
    }),
});
