import { afterEach, describe, expect, it } from 'vitest';
import { createClaudeProvider } from '../../src-main/core/ai/claude-provider';
import { createOllamaProvider } from '../../src-main/core/ai/ollama-provider';
import type { LlmProvider } from '../../src-main/core/ai/provider';
import { ProviderError } from '../../src-main/core/ai/provider-error';
import { FakeAnthropic, FAKE_ANTHROPIC_KEY } from '../fakes/anthropic-server';
import { FakeOllama } from '../fakes/ollama-server';

let ollama: FakeOllama | undefined;
let anthropic: FakeAnthropic | undefined;
afterEach(async () => {
  await Promise.all([ollama?.close(), anthropic?.close()]);
  ollama = undefined;
  anthropic = undefined;
});

const ANSWER = 'Streams arrive piece by piece, and every piece counts.';

async function streamed(provider: LlmProvider, signal = AbortSignal.timeout(5_000)): Promise<{ text: string; pieces: string[] }> {
  const pieces: string[] = [];
  const result = await provider.stream({ system: 'Be brief.', prompt: 'Say something.', maxOutputTokens: 100, signal, onText: (piece) => pieces.push(piece) });
  return { text: result.text, pieces };
}

async function failure(work: Promise<unknown>): Promise<ProviderError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('streaming from Claude (SSE)', () => {
  async function claude(): Promise<LlmProvider> {
    anthropic = new FakeAnthropic();
    await anthropic.start();
    anthropic.answer = () => ANSWER;
    const baseUrl = anthropic.url;
    return createClaudeProvider(() => ({ model: 'claude-haiku-5-5', apiKey: FAKE_ANTHROPIC_KEY, baseUrl }));
  }

  it('delivers the text piece by piece with the token counts', async () => {
    const provider = await claude();
    const { text, pieces } = await streamed(provider);
    expect(text).toBe(ANSWER);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(ANSWER);
    expect(anthropic!.messages()[0]!.body).toMatchObject({ stream: true, model: 'claude-haiku-5-5' });
  });

  it('turns an error event inside the stream and a stream cut mid-way into coded, retryable failures', async () => {
    const provider = await claude();
    anthropic!.fail('in_stream_error');
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_overloaded', retryable: true });
    anthropic!.fail('cut_stream');
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_unreachable', retryable: true });
    expect((await streamed(provider)).text).toBe(ANSWER);
  });

  it('says plainly when no key is set, without sending anything', async () => {
    anthropic = new FakeAnthropic();
    await anthropic.start();
    const baseUrl = anthropic.url;
    const provider = createClaudeProvider(() => ({ model: 'claude-haiku-5-5', apiKey: undefined, baseUrl }));
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_not_configured', retryable: false });
    expect(anthropic.http.requests).toEqual([]);
  });

  it('stops when the caller cancels, and that is a cancellation, not a failure', async () => {
    const provider = await claude();
    anthropic!.fail('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await streamed(provider, controller.signal).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeInstanceOf(ProviderError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('Ollama beyond checks', () => {
  async function local(): Promise<LlmProvider> {
    ollama = new FakeOllama({ models: ['nomic-embed-text:latest', 'llama3.2:latest'], contextLength: 2_048 });
    await ollama.start();
    ollama.answer = () => ANSWER;
    const host = ollama.url;
    return createOllamaProvider(() => ({ host, model: 'llama3.2' }));
  }

  it('streams NDJSON text, embeds, lists models and reads the context length (capped)', async () => {
    const provider = await local();
    expect((await streamed(provider)).text).toBe(ANSWER);
    expect(await provider.embed!(['one', 'two'], AbortSignal.timeout(5_000))).toHaveLength(2);
    expect(await provider.listModels(AbortSignal.timeout(5_000))).toEqual(['nomic-embed-text:latest', 'llama3.2:latest']);
    expect(await provider.contextTokens('llama3.2', AbortSignal.timeout(5_000))).toBe(2_048);
    expect(await provider.health(AbortSignal.timeout(5_000))).toMatchObject({ state: 'ok', model: 'llama3.2' });
  });

  it('reports an error line in the stream, a dropped connection, and a missing model', async () => {
    const provider = await local();
    ollama!.fail('in_stream_error');
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_overloaded', message: expect.stringContaining('unexpected EOF') });
    ollama!.fail('cut_stream');
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_unreachable', retryable: true });
    ollama!.fail('model_missing');
    expect(await failure(streamed(provider))).toMatchObject({ code: 'provider_model_missing', hint: expect.stringContaining('ollama pull llama3.2') });
  });
});
