import type { AiProviderId } from '../../../src-shared/contract';
import { excerpt } from '../understanding/words';
import { ProviderError } from './provider-error';

export const PROVIDER_NAMES: Record<AiProviderId, string> = { ollama: 'Ollama', claude: 'Claude', offline: 'Offline' };
const NAMES = PROVIDER_NAMES;

/** Network failures that will not fix themselves within a few seconds. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export interface ClassifyContext {
  /** The model the request named (for "ollama pull <model>"). */
  model?: string | undefined;
  /** The host the request went to (for "is Ollama running at …?"). */
  host?: string | undefined;
  /** True when the request's own deadline fired (not the caller's cancellation). */
  timedOut?: boolean;
  timeoutMs?: number;
}

/**
 * The one place that turns what a backend's client library threw (ollama-js, the Anthropic SDK,
 * fetch) into a ProviderError with a stable code, a plain message and what to do.
 */
export function classifyProviderError(provider: AiProviderId, error: unknown, context: ClassifyContext = {}): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = NAMES[provider];
  if (context.timedOut === true) {
    const seconds = Math.round((context.timeoutMs ?? 0) / 1000);
    return new ProviderError(provider, 'provider_timeout', `${name} did not answer within ${seconds} s.`, {
      retryable: true,
      hint:
        provider === 'ollama'
          ? 'A model that is still loading can take a while; raise the timeout in Settings → AI if this keeps happening.'
          : 'Try again in a minute, or raise the timeout in Settings → AI.',
    });
  }
  const status = httpStatus(error);
  const text = messageOf(error);
  if (status !== undefined && status >= 400) return fromStatus(provider, status, text, error, context);
  if (error instanceof SyntaxError || (status !== undefined && status < 400)) {
    return new ProviderError(provider, 'provider_overloaded', `${name} sent a response Cairn could not read (${excerpt(text, 200)}).`, { retryable: true });
  }
  const apiType = anthropicErrorType(error);
  if (apiType !== undefined) return fromStatus(provider, statusForType(apiType), text, error, context);

  const networkCode = networkErrorCode(error);
  if (networkCode !== undefined && UNREACHABLE_CODES.has(networkCode)) {
    return new ProviderError(provider, 'provider_unreachable', `${name} is not reachable${where(context)} (${networkCode}).`, {
      retryable: false,
      hint: provider === 'ollama' ? ollamaHint(context.host) : 'Check the internet connection.',
    });
  }
  if (networkCode !== undefined && DROPPED_CODES.has(networkCode)) {
    return new ProviderError(provider, 'provider_unreachable', `The connection to ${name} broke off (${networkCode}).`, {
      retryable: true,
    });
  }
  if (isConnectionError(error)) {
    return new ProviderError(provider, 'provider_unreachable', `${name} is not reachable${where(context)}.`, {
      retryable: true,
      hint: provider === 'ollama' ? ollamaHint(context.host) : 'Check the internet connection.',
    });
  }
  if (/did not receive done|stream ended|premature close|terminated/i.test(text)) {
    return new ProviderError(provider, 'provider_unreachable', `${name} stopped in the middle of its answer.`, { retryable: true });
  }
  // ollama-js throws a plain Error for an {"error": "..."} line inside a stream.
  return new ProviderError(provider, 'provider_overloaded', `${name} reported an error: ${excerpt(text, 200)}`, { retryable: true });
}

function fromStatus(provider: AiProviderId, status: number, text: string, error: unknown, context: ClassifyContext): ProviderError {
  const name = NAMES[provider];
  const options = { status };
  if (status === 404) {
    const model = context.model ?? 'the model';
    return new ProviderError(provider, 'provider_model_missing', `${name} has no model "${model}".`, {
      ...options,
      retryable: false,
      hint: provider === 'ollama' ? `Run \`ollama pull ${model}\`, or pick an installed model in Settings → AI.` : 'Pick another Claude model in Settings → AI.',
    });
  }
  if (status === 401 || status === 403) {
    return new ProviderError(provider, 'provider_auth', `${name} refused the API key (${status}).`, {
      ...options,
      retryable: false,
      hint: 'Enter a valid API key in Settings → AI.',
    });
  }
  if (status === 429 || (status === 400 && /credit balance/i.test(text))) {
    if (/spend limit|usage limit|credit balance/i.test(text)) {
      return new ProviderError(provider, 'provider_spend_limit', `${name}: ${excerpt(text, 200)}`, {
        ...options,
        retryable: false,
        hint: 'Raise the limit in the Anthropic console, or put Ollama or offline first in Settings → AI.',
      });
    }
    return new ProviderError(provider, 'provider_rate_limited', `${name} is limiting requests right now.`, {
      ...options,
      retryable: true,
      retryAfterMs: retryAfterMs(error),
    });
  }
  if (status === 529 || status >= 500) {
    return new ProviderError(provider, 'provider_overloaded', `${name} is overloaded or failing (${status}): ${excerpt(text, 200)}`, {
      ...options,
      retryable: true,
      retryAfterMs: retryAfterMs(error),
    });
  }
  return new ProviderError(provider, 'provider_rejected', `${name} refused the request (${status}): ${excerpt(text, 200)}`, {
    ...options,
    retryable: false,
  });
}

/** Anthropic's error `type`s, for errors that arrive inside a stream without an HTTP status. */
function statusForType(type: string): number {
  switch (type) {
    case 'overloaded_error':
      return 529;
    case 'rate_limit_error':
      return 429;
    case 'authentication_error':
      return 401;
    case 'permission_error':
      return 403;
    case 'not_found_error':
      return 404;
    case 'invalid_request_error':
      return 400;
    default:
      return 500;
  }
}

/** "localhost" can resolve to ::1 while Ollama listens on 127.0.0.1 only: say so. */
function ollamaHint(host: string | undefined): string {
  const start = 'Start Ollama (`ollama serve`) or correct the address in Settings → AI.';
  return host !== undefined && /\/\/localhost\b/i.test(host)
    ? `${start} "localhost" may reach IPv6 (::1) while Ollama listens on 127.0.0.1: try http://127.0.0.1:11434.`
    : start;
}

function where(context: ClassifyContext): string {
  return context.host === undefined ? '' : ` at ${context.host}`;
}

function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { status?: unknown; status_code?: unknown };
  const status = typeof record.status === 'number' ? record.status : record.status_code;
  return typeof status === 'number' && status >= 100 && status < 600 ? status : undefined;
}

function anthropicErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const body = (error as { error?: unknown }).error;
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = (body as { error?: { type?: unknown }; type?: unknown }).error?.type ?? (body as { type?: unknown }).type;
  return typeof inner === 'string' && inner.endsWith('_error') ? inner : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { headers?: unknown }).headers;
  let value: string | null | undefined;
  if (headers instanceof Headers) value = headers.get('retry-after');
  else if (typeof headers === 'object' && headers !== null) {
    const raw = (headers as Record<string, unknown>)['retry-after'];
    value = typeof raw === 'string' ? raw : undefined;
  }
  return parseRetryAfter(value);
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'APIConnectionError' || (error instanceof TypeError && /fetch failed|network/i.test(error.message));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const body = (error as { error?: { error?: { message?: unknown } } }).error?.error?.message;
    return typeof body === 'string' ? body : error.message;
  }
  return String(error);
}
