import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thoughtSchema } from '../../src-shared/contract';
import { startHttpServer, type HttpServer } from '../../src-main/transport/http';
import { callOperation, errorCodeOf, rawRequest } from '../helpers/http-client';
import { createTestCore, type TestCore } from '../helpers/test-core';

const TOKEN = 'test-token-0123456789abcdef';

async function startServer(): Promise<{ core: TestCore; server: HttpServer; stop(): Promise<void> }> {
  const core = createTestCore();
  core.tokens.ensureApiToken(TOKEN);
  const server = await startHttpServer({ core, host: '127.0.0.1', port: 0 });
  return {
    core,
    server,
    async stop() {
      await server.close();
      await core.cleanup();
    },
  };
}

let running: Awaited<ReturnType<typeof startServer>>;
let url: string;
beforeAll(async () => {
  running = await startServer();
  url = running.server.url;
});
afterAll(async () => {
  await running.stop();
});

function countThoughts(): number {
  return (running.core.db.sqlite.prepare('SELECT count(*) AS n FROM thoughts').get() as { n: number }).n;
}

describe('the token', () => {
  it('is not needed for the health check', async () => {
    const response = await rawRequest(url, { path: '/api/v1/system.health' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'ok' });
  });

  it('is required for everything else: missing or wrong → 401 unauthorized, nothing stored', async () => {
    for (const token of [undefined, 'wrong-token-0123456789', TOKEN.toUpperCase(), '']) {
      const { status, body } = await callOperation(url, token, 'thoughts.capture', { text: 'sneaky' });
      expect(status).toBe(401);
      expect(errorCodeOf(body)).toBe('unauthorized');
    }
    const basic = await rawRequest(url, {
      method: 'POST',
      path: '/api/v1/thoughts.list',
      headers: { authorization: `Basic ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(basic.status).toBe(401);
    expect(countThoughts()).toBe(0);
  });

  it('is also required for the event stream', async () => {
    const response = await rawRequest(url, { path: '/api/v1/events' });
    expect(response.status).toBe(401);
  });
});

describe('requests from elsewhere', () => {
  it('addressed to another host name are refused (403), even the health check', async () => {
    for (const host of ['evil.example', 'evil.example:80', '127.0.0.1.evil.example', `attacker.test:${running.server.port}`]) {
      const response = await rawRequest(url, { path: '/api/v1/system.health', headers: { host } });
      expect(response.status, host).toBe(403);
      expect(errorCodeOf(response.json)).toBe('forbidden');
    }
  });

  it('from a foreign Origin are refused (403) even with a valid token', async () => {
    const { status, body } = await callOperation(url, TOKEN, 'thoughts.capture', { text: 'csrf' }, { origin: 'http://evil.example' });
    expect(status).toBe(403);
    expect(errorCodeOf(body)).toBe('forbidden');
    expect(countThoughts()).toBe(0);
  });

  it('never get a CORS allowance, whatever they ask', async () => {
    const probes = [
      rawRequest(url, { method: 'OPTIONS', path: '/api/v1/thoughts.capture', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } }),
      rawRequest(url, { path: '/api/v1/system.health', headers: { origin: 'http://evil.example' } }),
      rawRequest(url, { path: '/api/v1/system.health', headers: { origin: url } }),
      rawRequest(url, { method: 'POST', path: '/api/v1/thoughts.list', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', origin: url }, body: '{}' }),
    ];
    for (const response of await Promise.all(probes)) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });
});

describe('malformed requests', () => {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  it('a body over 1 MiB is refused with 413 payload_too_large and stores nothing', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });
    const response = await rawRequest(url, { method: 'POST', path: '/api/v1/thoughts.capture', headers, body });
    expect(response.status).toBe(413);
    expect(errorCodeOf(response.json)).toBe('payload_too_large');
    expect(countThoughts()).toBe(0);
  });

  it('malformed JSON is refused with 400 invalid_input', async () => {
    for (const body of ['{"text": "unfinished', '{text: bare}', 'null null', '\u0000']) {
      const response = await rawRequest(url, { method: 'POST', path: '/api/v1/thoughts.capture', headers, body });
      expect(response.status, body).toBe(400);
      expect(errorCodeOf(response.json)).toBe('invalid_input');
    }
    expect(countThoughts()).toBe(0);
  });

  it('an unknown operation is 404 unknown_operation', async () => {
    const { status, body } = await callOperation(url, TOKEN, 'thoughts.obliterate', {});
    expect(status).toBe(404);
    expect(errorCodeOf(body)).toBe('unknown_operation');
  });

  it('input that breaks the contract is 400 invalid_input', async () => {
    const { status, body } = await callOperation(url, TOKEN, 'thoughts.capture', { text: 'ok', mood: 'extra field' });
    expect(status).toBe(400);
    expect(errorCodeOf(body)).toBe('invalid_input');
  });
});

describe('capture over HTTP', () => {
  it('returns the stored thought with its id, from the operation URL and the short alias', async () => {
    const full = await callOperation(url, TOKEN, 'thoughts.capture', { text: 'from a script #api' });
    const alias = await callOperation(url, TOKEN, 'thoughts', { text: 'from a phone shortcut' });
    for (const [response, text] of [
      [full, 'from a script #api'],
      [alias, 'from a phone shortcut'],
    ] as const) {
      expect(response.status).toBe(200);
      const thought = thoughtSchema.parse(response.body);
      expect(thought).toMatchObject({ text, source: 'http' });
      const stored = running.core.db.sqlite.prepare('SELECT text FROM thoughts WHERE id = ?').get(thought.id);
      expect(stored).toEqual({ text });
    }
  });
});

describe('browser sign-in', () => {
  it('trades the one-time login code for a working session token, once only', async () => {
    const code = running.core.tokens.createLoginCode();
    const exchange = () =>
      rawRequest(url, { method: 'POST', path: '/auth/exchange', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    const first = await exchange();
    expect(first.status).toBe(200);
    const token = (first.json as { token: string }).token;
    expect((await callOperation(url, token, 'thoughts.list', {})).status).toBe(200);
    const second = await exchange();
    expect(second.status).toBe(401);
    expect(errorCodeOf(second.json)).toBe('unauthorized');
  });
});

describe('the event stream', () => {
  it('tells a subscribed browser about a capture', async () => {
    const controller = new AbortController();
    const response = await fetch(`${url}/api/v1/events`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes(': connected')) received += decoder.decode((await reader.read()).value);
    const captured = await callOperation(url, TOKEN, 'thoughts.capture', { text: 'live update' });
    const id = thoughtSchema.parse(captured.body).id;
    while (!received.includes(id)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value);
    }
    controller.abort();
    const event = /event: thoughts\.changed\ndata: (.*)\n/.exec(received);
    expect(event?.[1] === undefined ? undefined : JSON.parse(event[1])).toEqual({ ids: [id], reason: 'captured' });
  });
});

describe('repeated wrong tokens', () => {
  it('are slowed down with 429 rate_limited', async () => {
    const own = await startServer();
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 40; attempt += 1) {
        statuses.push((await callOperation(own.server.url, `guess-number-${attempt}-padding`, 'thoughts.list', {})).status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.at(-1)).toBe(429);
      const last = await callOperation(own.server.url, 'one-more-guess-padding', 'thoughts.list', {});
      expect(errorCodeOf(last.body)).toBe('rate_limited');
      const login = await rawRequest(own.server.url, {
        method: 'POST',
        path: '/auth/exchange',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'guessed-code' }),
      });
      expect(login.status).toBe(429);
    } finally {
      await own.stop();
    }
  });

  it('never lock out the right token or a fresh sign-in code from the same address', async () => {
    const own = await startServer();
    try {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        await callOperation(own.server.url, `stale-token-${attempt}-padding`, 'thoughts.list', {});
      }
      expect((await callOperation(own.server.url, 'stale-token-again-padding', 'thoughts.list', {})).status).toBe(429);
      expect((await callOperation(own.server.url, TOKEN, 'thoughts.list', {})).status).toBe(200);
      const login = await rawRequest(own.server.url, {
        method: 'POST',
        path: '/auth/exchange',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: own.core.tokens.createLoginCode() }),
      });
      expect(login.status).toBe(200);
    } finally {
      await own.stop();
    }
  });
});
