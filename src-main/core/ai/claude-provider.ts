import Anthropic from '@anthropic-ai/sdk';
import { classifyProviderError } from './classify-provider-error';
import type { GenerateRequest, GenerateResult, LlmProvider, ProviderHealth, StreamRequest } from './provider';
import { ProviderError } from './provider-error';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** Every current Claude model takes at least this much context. */
const CLAUDE_CONTEXT = 200_000;

/**
 * US dollars per million tokens (input, output), by model family, as published for the 4.5
 * generation (anthropic.com/pricing). Newer models are assumed to cost the same as their family;
 * the run record calls the cost an estimate.
 */
const PRICES: readonly { match: RegExp; input: number; output: number }[] = [
  { match: /opus-4-[01](?!\d)|opus-3/, input: 15, output: 75 },
  { match: /opus/, input: 5, output: 25 },
  { match: /haiku-3/, input: 0.8, output: 4 },
  { match: /haiku/, input: 1, output: 5 },
  { match: /sonnet/, input: 3, output: 15 },
];

export interface ClaudeSettings {
  model: string;
  /** The API key, or undefined when none is set. Never logged, never sent to the renderer. */
  apiKey: string | undefined;
  /** Tests point this at a local fake; the app uses api.anthropic.com. */
  baseUrl: string;
}

/**
 * Claude through the Anthropic SDK. The SDK's own retries are off: the orchestrator retries,
 * backs off and opens the breaker, so one policy holds for every backend.
 */
export function createClaudeProvider(settings: () => ClaudeSettings): LlmProvider {
  function client(): { api: Anthropic; model: string } {
    const { apiKey, baseUrl, model } = settings();
    if (apiKey === undefined) {
      throw new ProviderError('claude', 'provider_not_configured', 'No Anthropic API key is set.', {
        retryable: false,
        hint: 'Enter your API key in Settings → AI (it is kept by the system keychain).',
      });
    }
    // The deadline is the orchestrator's (it aborts the signal); the SDK's is only a backstop.
    return { api: new Anthropic({ apiKey, baseURL: baseUrl, maxRetries: 0, timeout: 600_000 }), model };
  }

  function usage(message: { usage?: { input_tokens?: number | null; output_tokens?: number | null } }): { tokensIn: number; tokensOut: number } {
    return { tokensIn: message.usage?.input_tokens ?? 0, tokensOut: message.usage?.output_tokens ?? 0 };
  }

  async function listModels(signal: AbortSignal): Promise<string[]> {
    const { api } = client();
    try {
      const ids: string[] = [];
      for await (const model of api.models.list({ limit: 100 }, { signal })) {
        ids.push(model.id);
        if (ids.length >= 200) break;
      }
      return ids;
    } catch (error) {
      signal.throwIfAborted();
      throw classifyProviderError('claude', error);
    }
  }

  return {
    id: 'claude',
    remote: true,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const { api, model } = client();
      try {
        const message = await api.messages.create(
          {
            model,
            max_tokens: request.maxOutputTokens,
            system: request.system,
            messages: [{ role: 'user', content: request.prompt }],
            // A forced tool call is how Claude returns JSON that follows a schema.
            tools: [{ name: request.schemaName, description: 'Record the result.', input_schema: request.schema as Anthropic.Tool.InputSchema }],
            tool_choice: { type: 'tool', name: request.schemaName },
          },
          { signal: request.signal },
        );
        const block = message.content.find((part) => part.type === 'tool_use');
        const text = block !== undefined && block.type === 'tool_use'
          ? JSON.stringify(block.input)
          : message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
        return { text, model: message.model, ...usage(message) };
      } catch (error) {
        request.signal.throwIfAborted();
        throw classifyProviderError('claude', error, { model });
      }
    },
    async stream(request: StreamRequest): Promise<GenerateResult> {
      const { api, model } = client();
      try {
        const stream = api.messages.stream(
          { model, max_tokens: request.maxOutputTokens, system: request.system, messages: [{ role: 'user', content: request.prompt }] },
          { signal: request.signal },
        );
        stream.on('text', (delta) => request.onText(delta));
        const message = await stream.finalMessage();
        const text = message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
        return { text, model: message.model, ...usage(message) };
      } catch (error) {
        request.signal.throwIfAborted();
        throw classifyProviderError('claude', error, { model });
      }
    },
    async health(signal): Promise<ProviderHealth> {
      const { model } = settings();
      const models = await listModels(signal);
      if (models.length > 0 && !models.includes(model)) {
        return {
          state: 'down',
          code: 'provider_model_missing',
          message: `Your Anthropic account has no model "${model}".`,
          hint: 'Pick one of the listed Claude models.',
          model,
          models,
        };
      }
      return { state: 'ok', code: null, message: null, hint: null, model, models };
    },
    listModels,
    resolveModel: async () => settings().model,
    contextTokens: async () => CLAUDE_CONTEXT,
    costMicros(model, tokensIn, tokensOut) {
      const price = PRICES.find((entry) => entry.match.test(model));
      if (price === undefined) return 0;
      return Math.round(tokensIn * price.input + tokensOut * price.output);
    },
  };
}
