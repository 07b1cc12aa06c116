import type { ServerResponse } from 'node:http';
import { delay, FakeHttpServer, sendJson, type RecordedRequest } from './fake-http';

/**
 * Ways the fake Ollama can misbehave on the next chat request(s), as a real one does:
 * - slow: answers correctly after `slowMs`;   hang: accepts and never answers;
 * - model_missing: 404 {"error":"model \"x\" not found, try pulling it first"};
 * - server_error: 500 {"error": …};          malformed_json: the model writes prose, not JSON;
 * - wrong_schema: valid JSON of the wrong shape;
 * - cut_stream: a few NDJSON chunks, then the connection drops without `done`;
 * - in_stream_error: chunks, then an {"error": …} line (what Ollama sends when the runner dies);
 * - garbage_line: a line that is not JSON in the middle of an otherwise good stream.
 */
export type OllamaFault =
  | 'slow'
  | 'hang'
  | 'model_missing'
  | 'server_error'
  | 'malformed_json'
  | 'wrong_schema'
  | 'cut_stream'
  | 'in_stream_error'
  | 'garbage_line';

export interface FakeOllamaOptions {
  /** Model names /api/tags lists. */
  models?: string[];
  /** `<arch>.context_length` in /api/show. */
  contextLength?: number;
  slowMs?: number;
}

/**
 * A fake Ollama on 127.0.0.1 speaking its wire protocol: GET /api/tags, GET /api/version,
 * POST /api/show, POST /api/chat (JSON, or NDJSON when stream is true) and POST /api/embed.
 * `answer` decides what the "model" writes; `fail()` queues faults for the next chat requests.
 * Swap in a real Ollama by pointing the ollamaHost setting at it.
 */
export class FakeOllama {
  readonly http: FakeHttpServer;
  models: string[];
  contextLength: number;
  slowMs: number;
  /** What the model writes for a chat request (the prompt is in request.body.messages). */
  answer: (request: RecordedRequest) => string = () => '{}';
  #faults: OllamaFault[] = [];

  constructor(options: FakeOllamaOptions = {}) {
    this.models = options.models ?? ['llama3.2:latest'];
    this.contextLength = options.contextLength ?? 8_192;
    this.slowMs = options.slowMs ?? 2_000;
    this.http = new FakeHttpServer((request, response) => this.#handle(request, response));
  }

  start(): Promise<string> {
    return this.http.listen();
  }

  get url(): string {
    return this.http.url;
  }

  /** The next `times` chat requests misbehave this way (queued after earlier faults). */
  fail(fault: OllamaFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.#faults.push(fault);
  }

  /** Chat requests so far. */
  chats(): RecordedRequest[] {
    return this.http.to('/api/chat');
  }

  close(): Promise<void> {
    return this.http.close();
  }

  async #handle(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    switch (`${request.method} ${request.path}`) {
      case 'GET /api/tags':
        return sendJson(response, 200, {
          models: this.models.map((name) => ({
            name,
            model: name,
            modified_at: '2026-11-01T10:00:00.000000000Z',
            size: 2_019_393_189,
            digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
            details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
          })),
        });
      case 'GET /api/version':
        return sendJson(response, 200, { version: '0.12.0' });
      case 'POST /api/show': {
        const model = String(body['model'] ?? '');
        if (!this.#has(model)) return sendJson(response, 404, { error: `model '${model}' not found` });
        return sendJson(response, 200, {
          modelfile: '',
          parameters: 'stop "<|eot_id|>"',
          template: '',
          details: { format: 'gguf', family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
          model_info: { 'general.architecture': 'llama', 'general.parameter_count': 3_212_749_888, 'llama.context_length': this.contextLength },
          capabilities: ['completion', 'tools'],
        });
      }
      case 'POST /api/chat':
        return this.#chat(request, body, response);
      case 'POST /api/embed': {
        const input = Array.isArray(body['input']) ? body['input'] : [body['input']];
        return sendJson(response, 200, { model: body['model'], embeddings: input.map((_, i) => [0.1 * (i + 1), 0.2, 0.3]) });
      }
      default:
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('404 page not found');
    }
  }

  #has(model: string): boolean {
    return this.models.some((name) => name === model || name === `${model}:latest`);
  }

  async #chat(request: RecordedRequest, body: Record<string, unknown>, response: ServerResponse): Promise<void> {
    const model = String(body['model'] ?? '');
    const fault = this.#faults.shift();
    if (fault === 'hang') return; // never answers; the client's deadline must end it
    if (fault === 'slow') await delay(this.slowMs);
    if (fault === 'model_missing' || !this.#has(model)) {
      return sendJson(response, 404, { error: `model "${model}" not found, try pulling it first` });
    }
    if (fault === 'server_error') return sendJson(response, 500, { error: 'llama runner process has terminated: signal: killed' });
    let content = this.answer(request);
    if (fault === 'malformed_json') content = 'Sure! Here are some insights about your week: you seem busy.';
    if (fault === 'wrong_schema') content = JSON.stringify({ thoughts: 'I think you are doing great', score: 'high' });
    const created = new Date().toISOString();
    const final = {
      model,
      created_at: created,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 4_883_583_458,
      load_duration: 1_334_875,
      prompt_eval_count: Math.ceil(JSON.stringify(body['messages'] ?? '').length / 4),
      prompt_eval_duration: 342_546_000,
      eval_count: Math.ceil(content.length / 4),
      eval_duration: 4_535_599_000,
    };
    if (body['stream'] === false) {
      return sendJson(response, 200, { ...final, message: { role: 'assistant', content } });
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const pieces = content.match(/[\s\S]{1,24}/g) ?? [''];
    for (const [index, piece] of pieces.entries()) {
      if (fault === 'cut_stream' && index === Math.floor(pieces.length / 2)) {
        response.socket?.destroy();
        return;
      }
      if (fault === 'in_stream_error' && index === Math.floor(pieces.length / 2)) {
        response.end(`${JSON.stringify({ error: 'an error was encountered while running the model: unexpected EOF' })}\n`);
        return;
      }
      if (fault === 'garbage_line' && index === 1) response.write('this is not json\n');
      response.write(`${JSON.stringify({ model, created_at: created, message: { role: 'assistant', content: piece }, done: false })}\n`);
    }
    response.end(`${JSON.stringify(final)}\n`);
  }
}
