import { describe, expect, it } from 'vitest';
import { classifyProviderError, parseRetryAfter } from '../../src-main/core/ai/classify-provider-error';

function refused(): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED ::1:11434'), { code: 'ECONNREFUSED' }) });
}

function httpError(status: number, message: string, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(message), { status, headers: new Headers(headers), error: { type: 'error', error: { type: 'x', message } } });
}

describe('classifying what a backend threw', () => {
  it('names Ollama being down, and suspects localhost resolving to IPv6', () => {
    const error = classifyProviderError('ollama', refused(), { host: 'http://localhost:11434' });
    expect(error).toMatchObject({ code: 'provider_unreachable', retryable: false });
    expect(error.message).toBe('Ollama is not reachable at http://localhost:11434 (ECONNREFUSED).');
    expect(error.hint).toContain('try http://127.0.0.1:11434');
    expect(classifyProviderError('ollama', refused(), { host: 'http://127.0.0.1:11434' }).hint).not.toContain('IPv6');
  });

  it('turns a missing Ollama model into the pull command to run', () => {
    const error = classifyProviderError('ollama', Object.assign(new Error('model "qwen3" not found, try pulling it first'), { status_code: 404 }), { model: 'qwen3' });
    expect(error).toMatchObject({ code: 'provider_model_missing', retryable: false, hint: expect.stringContaining('`ollama pull qwen3`') });
  });

  it('tells a spend limit from a rate limit, and reads Retry-After', () => {
    expect(classifyProviderError('claude', httpError(429, "This request would exceed your account's monthly spend limit."))).toMatchObject({
      code: 'provider_spend_limit',
      retryable: false,
    });
    expect(classifyProviderError('claude', httpError(429, 'Rate limited', { 'retry-after': '12' }))).toMatchObject({
      code: 'provider_rate_limited',
      retryable: true,
      retryAfterMs: 12_000,
    });
    expect(classifyProviderError('claude', httpError(400, 'Your credit balance is too low to access the Anthropic API.')).code).toBe('provider_spend_limit');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('retries overload and server errors, and never reads a refused key as a Cairn sign-in problem', () => {
    expect(classifyProviderError('claude', httpError(529, 'Overloaded'))).toMatchObject({ code: 'provider_overloaded', retryable: true });
    expect(classifyProviderError('claude', httpError(500, 'Internal'))).toMatchObject({ code: 'provider_overloaded', retryable: true });
    expect(classifyProviderError('claude', httpError(401, 'invalid x-api-key'))).toMatchObject({ code: 'provider_auth', retryable: false });
    expect(classifyProviderError('claude', httpError(400, 'prompt is too long'))).toMatchObject({ code: 'provider_rejected', retryable: false });
  });

  it('reads errors inside a stream, a cut stream and a cut-off body', () => {
    const inStream = Object.assign(new Error('Overloaded'), { error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    expect(classifyProviderError('claude', inStream)).toMatchObject({ code: 'provider_overloaded', retryable: true });
    expect(classifyProviderError('ollama', new TypeError('terminated'))).toMatchObject({ code: 'provider_unreachable', retryable: true });
    expect(classifyProviderError('claude', new SyntaxError('Unexpected end of JSON input'))).toMatchObject({ code: 'provider_overloaded', retryable: true });
    expect(classifyProviderError('ollama', new Error('an error was encountered while running the model: unexpected EOF'))).toMatchObject({
      code: 'provider_overloaded',
      message: expect.stringContaining('unexpected EOF'),
    });
  });

  it('says a request ran out of time, whatever the client threw', () => {
    expect(classifyProviderError('ollama', new DOMException('aborted', 'TimeoutError'), { timedOut: true, timeoutMs: 120_000 })).toMatchObject({
      code: 'provider_timeout',
      message: 'Ollama did not answer within 120 s.',
      retryable: true,
    });
  });
});
