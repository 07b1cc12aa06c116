import { Ollama, type ChatResponse } from 'ollama';
import { classifyProviderError } from './classify-provider-error';
import type { GenerateRequest, GenerateResult, LlmProvider, ProviderHealth, StreamRequest } from './provider';
import { ProviderError } from './provider-error';

/** Ollama's own default window is small; Cairn asks for at most this many tokens of context. */
export const OLLAMA_MAX_CONTEXT = 16_384;
const FALLBACK_CONTEXT = 4_096;
/** How long Ollama keeps the model in memory after a run (checks come every ~45 min). */
const KEEP_ALIVE = '10m';

export interface OllamaSettings {
  host: string;
  /** null: the first model the server lists. */
  model: string | null;
}

/**
 * A local Ollama server through the `ollama` client. Every request gets the caller's
 * AbortSignal through a fetch wrapper (the client itself only passes one for streams).
 */
export function createOllamaProvider(settings: () => OllamaSettings): LlmProvider {
  const contextCache = new Map<string, number>();

  function client(signal: AbortSignal): { api: Ollama; host: string } {
    const { host } = settings();
    const api = new Ollama({
      host,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, signal: anySignal(signal, init?.signal) }),
    });
    return { api, host };
  }

  async function listModels(signal: AbortSignal): Promise<string[]> {
    const { api, host } = client(signal);
    try {
      const list = await api.list();
      if (!Array.isArray(list?.models)) throw new Error('Ollama answered /api/tags without a model list');
      return list.models.map((model) => model.name).filter((name): name is string => typeof name === 'string');
    } catch (error) {
      throw classifyProviderError('ollama', error, { host });
    }
  }

  async function resolveModel(signal: AbortSignal): Promise<string> {
    const chosen = settings().model;
    if (chosen !== null) return chosen;
    const models = await listModels(signal);
    const first = models[0];
    if (first === undefined) {
      throw new ProviderError('ollama', 'provider_model_missing', 'Ollama has no models yet.', {
        retryable: false,
        hint: 'Run `ollama pull llama3.2` (or any chat model), then pick it in Settings → AI.',
      });
    }
    return first;
  }

  async function contextTokens(model: string, signal: AbortSignal): Promise<number> {
    const cached = contextCache.get(model);
    if (cached !== undefined) return cached;
    const { api, host } = client(signal);
    let length: number;
    try {
      const shown = await api.show({ model });
      length = contextLengthOf(shown.model_info) ?? FALLBACK_CONTEXT;
    } catch (error) {
      throw classifyProviderError('ollama', error, { host, model });
    }
    const budget = Math.min(length, OLLAMA_MAX_CONTEXT);
    contextCache.set(model, budget);
    return budget;
  }

  async function chat(request: GenerateRequest | StreamRequest, format: Record<string, unknown> | undefined): Promise<GenerateResult> {
    const model = await resolveModel(request.signal);
    const numCtx = await contextTokens(model, request.signal);
    const { api, host } = client(request.signal);
    const onText = 'onText' in request ? request.onText : undefined;
    try {
      const stream = await api.chat({
        model,
        stream: true,
        keep_alive: KEEP_ALIVE,
        ...(format === undefined ? {} : { format }),
        options: { num_ctx: numCtx, num_predict: request.maxOutputTokens, temperature: format === undefined ? 0.7 : 0.2 },
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.prompt },
        ],
      });
      const abort = (): void => stream.abort();
      request.signal.addEventListener('abort', abort, { once: true });
      let text = '';
      let last: ChatResponse | undefined;
      try {
        for await (const part of stream) {
          const delta = part.message?.content ?? '';
          if (delta !== '') {
            text += delta;
            onText?.(delta);
          }
          last = part;
        }
      } finally {
        request.signal.removeEventListener('abort', abort);
      }
      request.signal.throwIfAborted();
      if (last?.done !== true) throw new Error('Did not receive done response in stream.');
      return { text, model, tokensIn: last.prompt_eval_count ?? 0, tokensOut: last.eval_count ?? 0 };
    } catch (error) {
      request.signal.throwIfAborted();
      throw classifyProviderError('ollama', error, { host, model });
    }
  }

  return {
    id: 'ollama',
    remote: false,
    generate: (request) => chat(request, request.schema),
    stream: (request) => chat(request, undefined),
    async embed(texts, signal) {
      const model = await resolveModel(signal);
      const { api, host } = client(signal);
      try {
        const answer = await api.embed({ model, input: [...texts], keep_alive: KEEP_ALIVE });
        return answer.embeddings;
      } catch (error) {
        signal.throwIfAborted();
        throw classifyProviderError('ollama', error, { host, model });
      }
    },
    async health(signal): Promise<ProviderHealth> {
      const chosen = settings().model;
      const models = await listModels(signal);
      if (models.length === 0) {
        return {
          state: 'down',
          code: 'provider_model_missing',
          message: 'Ollama is running but has no models.',
          hint: 'Run `ollama pull llama3.2` (or any chat model).',
          model: null,
          models,
        };
      }
      if (chosen !== null && !models.some((name) => sameModel(name, chosen))) {
        return {
          state: 'down',
          code: 'provider_model_missing',
          message: `Ollama has no model "${chosen}".`,
          hint: `Run \`ollama pull ${chosen}\`, or pick one of the installed models.`,
          model: chosen,
          models,
        };
      }
      return { state: 'ok', code: null, message: null, hint: null, model: chosen ?? models[0] ?? null, models };
    },
    listModels,
    resolveModel,
    contextTokens,
    costMicros: () => 0,
  };
}

/** "llama3.2" names the same model as "llama3.2:latest". */
function sameModel(listed: string, chosen: string): boolean {
  return listed === chosen || listed === `${chosen}:latest` || `${listed}:latest` === chosen;
}

/** `<architecture>.context_length` in /api/show's model_info. */
function contextLengthOf(info: unknown): number | undefined {
  if (typeof info !== 'object' || info === null) return undefined;
  const entries = info instanceof Map ? [...info.entries()] : Object.entries(info);
  for (const [key, value] of entries) {
    if (typeof key === 'string' && key.endsWith('.context_length') && typeof value === 'number' && value > 0) return value;
  }
  return undefined;
}

function anySignal(first: AbortSignal, second: AbortSignal | null | undefined): AbortSignal {
  return second === null || second === undefined ? first : AbortSignal.any([first, second]);
}
