import type { ServerResponse } from 'node:http';
import { delay, FakeHttpServer, sendJson, type RecordedRequest } from './fake-http';

/**
 * Ways the fake Anthropic API can misbehave on the next /v1/messages request(s):
 * - slow / hang; rate_limited: 429 rate_limit_error with `retry-after: retryAfterSeconds`;
 * - spend_limit: 429 whose message says the monthly spend limit is reached (never retried);
 * - overloaded: 529 overloaded_error; server_error: 500 api_error; auth: 401 authentication_error;
 * - model_missing: 404 not_found_error; malformed_json: a 200 whose body is cut-off JSON;
 * - wrong_schema: the tool input does not match the schema; prose: a text block instead of the tool;
 * - cut_stream: SSE events stop mid-message; in_stream_error: an SSE `error` event (overloaded).
 */
export type AnthropicFault =
  | 'slow'
  | 'hang'
  | 'rate_limited'
  | 'spend_limit'
  | 'overloaded'
  | 'server_error'
  | 'auth'
  | 'model_missing'
  | 'malformed_json'
  | 'wrong_schema'
  | 'prose'
  | 'cut_stream'
  | 'in_stream_error';

export const FAKE_ANTHROPIC_KEY = 'sk-ant-api03-fake-key-for-tests-only-0000000000';

/**
 * A fake Anthropic Messages API on 127.0.0.1: POST /v1/messages (JSON, or SSE events when
 * stream is true; forced tool use returns a tool_use block) and GET /v1/models. Requests without
 * the expected key (x-api-key, or Authorization: Bearer) get 401. `answer` is what the model "writes" (JSON text for tool calls).
 */
export class FakeAnthropic {
  readonly http: FakeHttpServer;
  models = ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5'];
  validKey = FAKE_ANTHROPIC_KEY;
  retryAfterSeconds = 2;
  slowMs = 2_000;
  answer: (request: RecordedRequest) => string = () => '{}';
  #faults: AnthropicFault[] = [];
  #ids = 0;

  constructor() {
    this.http = new FakeHttpServer((request, response) => this.#handle(request, response));
  }

  start(): Promise<string> {
    return this.http.listen();
  }

  get url(): string {
    return this.http.url;
  }

  fail(fault: AnthropicFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.#faults.push(fault);
  }

  messages(): RecordedRequest[] {
    return this.http.to('/v1/messages');
  }

  close(): Promise<void> {
    return this.http.close();
  }

  #error(response: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
    sendJson(response, status, { type: 'error', error: { type, message }, request_id: `req_fake${++this.#ids}` }, { 'request-id': `req_fake${this.#ids}`, ...headers });
  }

  async #handle(request: RecordedRequest, response: ServerResponse): Promise<void> {
    // The API takes the key as x-api-key or, as the current SDK sends it, a bearer token.
    const bearer = /^Bearer (.+)$/.exec(String(request.headers['authorization'] ?? ''))?.[1];
    if ((request.headers['x-api-key'] ?? bearer) !== this.validKey) {
      return this.#error(response, 401, 'authentication_error', 'invalid x-api-key');
    }
    if (request.method === 'GET' && request.path === '/v1/models') {
      return sendJson(response, 200, {
        data: this.models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2026-09-29T00:00:00Z' })),
        has_more: false,
        first_id: this.models[0] ?? null,
        last_id: this.models.at(-1) ?? null,
      });
    }
    if (request.method === 'POST' && request.path === '/v1/messages') return this.#message(request, response);
    return this.#error(response, 404, 'not_found_error', `Not found: ${request.path}`);
  }

  async #message(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const model = String(body['model'] ?? '');
    const fault = this.#faults.shift();
    if (fault === 'hang') return;
    if (fault === 'slow') await delay(this.slowMs);
    switch (fault) {
      case 'rate_limited':
        return this.#error(response, 429, 'rate_limit_error', "This request would exceed your account's rate limit. Please try again later.", {
          'retry-after': String(this.retryAfterSeconds),
        });
      case 'spend_limit':
        return this.#error(response, 429, 'rate_limit_error', "This request would exceed your account's monthly spend limit. Please try again later.", {
          'retry-after': '86400',
        });
      case 'overloaded':
        return this.#error(response, 529, 'overloaded_error', 'Overloaded');
      case 'server_error':
        return this.#error(response, 500, 'api_error', 'Internal server error');
      case 'auth':
        return this.#error(response, 401, 'authentication_error', 'invalid x-api-key');
      case 'model_missing':
        return this.#error(response, 404, 'not_found_error', `model: ${model}`);
      case 'malformed_json':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id":"msg_01","type":"message","role":"assistant","content":[{"type":"te');
        return;
      default:
    }
    if (!this.models.includes(model)) return this.#error(response, 404, 'not_found_error', `model: ${model}`);
    let text = this.answer(request);
    if (fault === 'wrong_schema') text = JSON.stringify({ thoughts: 'You are doing great', score: 'high' });
    const tool = (body['tool_choice'] as { name?: string } | undefined)?.name;
    const inputTokens = Math.ceil(JSON.stringify(body['messages'] ?? '').length / 4);
    const outputTokens = Math.ceil(text.length / 4);
    const content =
      tool !== undefined && fault !== 'prose' && isJson(text)
        ? [{ type: 'tool_use', id: `toolu_fake${++this.#ids}`, name: tool, input: JSON.parse(text) as unknown }]
        : [{ type: 'text', text: fault === 'prose' ? 'I would rather describe it in words: you seem busy.' : text }];
    const message = {
      id: `msg_fake${++this.#ids}`,
      type: 'message',
      role: 'assistant',
      model,
      content,
      stop_reason: tool === undefined ? 'end_turn' : 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
    if (body['stream'] !== true) return sendJson(response, 200, message, { 'request-id': `req_fake${this.#ids}` });
    this.#stream(response, message, text, fault);
  }

  #stream(response: ServerResponse, message: { model: string; id: string; usage: { input_tokens: number; output_tokens: number } }, text: string, fault: AnthropicFault | undefined): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (name: string, data: unknown): void => {
      response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    event('message_start', {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, usage: { input_tokens: message.usage.input_tokens, output_tokens: 1 } },
    });
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    event('ping', { type: 'ping' });
    const pieces = text.match(/[\s\S]{1,16}/g) ?? [''];
    for (const [index, piece] of pieces.entries()) {
      if (index === Math.floor(pieces.length / 2)) {
        if (fault === 'cut_stream') {
          response.socket?.destroy();
          return;
        }
        if (fault === 'in_stream_error') {
          event('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
          response.end();
          return;
        }
      }
      event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
    }
    event('content_block_stop', { type: 'content_block_stop', index: 0 });
    event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } });
    event('message_stop', { type: 'message_stop' });
    response.end();
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
