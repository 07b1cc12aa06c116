import type { ServerResponse } from 'node:http';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import type { Core } from '../core/create-core';
import { FASTIFY_ERRORS, HTTP_STATUS } from './http-status';

export interface HttpServerOptions {
  core: Pick<Core, 'dispatcher' | 'tokens' | 'bus' | 'logger'>;
  host: string;
  port: number;
  /** Built renderer to serve at `/`; omitted for API-only servers. */
  rendererDir?: string;
  /** Requests per minute per client address. */
  rateLimitPerMinute?: number;
  bodyLimitBytes?: number;
}

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const AUTH_FAILURES_PER_MINUTE = 30;
const SSE_HEARTBEAT_MS = 25_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The HTTP door: the same handler table as IPC under /api/v1/<operation>, Bearer token required
 * (except system.health), loopback by default, rate- and size-limited, no CORS.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { dispatcher, tokens, bus, logger } = options.core;
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimitBytes ?? 1024 * 1024, return503OnClosing: true });
  const streams = new Set<ServerResponse>();
  const authFailures = new Map<string, number[]>();
  const isLoopbackBind = LOOPBACK.has(options.host);

  function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    const error = new AppError(code, message, details).toJSON();
    return reply.code(HTTP_STATUS[code]).header('cache-control', 'no-store').send({ error });
  }

  /**
   * Counts a wrong token or sign-in code from `address` and says whether that address is now over
   * the limit. Only failures are throttled: tokens and codes are 256-bit secrets, so a right one
   * always passes, and a script looping with a stale token cannot lock the person out.
   */
  function noteAuthFailure(address: string): boolean {
    const now = Date.now();
    const recent = (authFailures.get(address) ?? []).filter((time) => now - time < 60_000);
    recent.push(now);
    authFailures.set(address, recent);
    return recent.length > AUTH_FAILURES_PER_MINUTE;
  }

  /** undefined when the request carries a valid token; otherwise the error to send. */
  function authProblem(request: FastifyRequest): { code: ErrorCode; message: string } | undefined {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
    if (token !== undefined && tokens.verify(token)) return undefined;
    if (noteAuthFailure(request.ip)) {
      return { code: 'rate_limited', message: 'Too many attempts with a wrong token. Wait a minute.' };
    }
    return { code: 'unauthorized', message: 'A valid token is required: send "Authorization: Bearer <token>".' };
  }

  app.setErrorHandler((error, _request, reply) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const mapped = FASTIFY_ERRORS[code];
    if (mapped !== undefined) return sendError(reply, mapped, (error as Error).message);
    if ((error as { statusCode?: number }).statusCode === 429) {
      return sendError(reply, 'rate_limited', 'Too many requests. Wait a moment and try again.');
    }
    logger.error('http.unhandled', { error: String(error) });
    return sendError(reply, 'internal', 'Something went wrong inside Cairn.');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'not_found', 'Nothing here.'));

  // DNS-rebinding guard: a page on another origin that resolves to 127.0.0.1 carries its own Host.
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    const hostname = host.replace(/:\d+$/, '');
    if (isLoopbackBind && !LOOPBACK.has(hostname)) {
      return sendError(reply, 'forbidden', 'Requests must be addressed to this computer (127.0.0.1).');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return sendError(reply, 'forbidden', 'Requests from other websites are not allowed.');
    }
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    return undefined;
  });

  await app.register(fastifyRateLimit, {
    max: options.rateLimitPerMinute ?? 3_000,
    timeWindow: 60_000,
    errorResponseBuilder: () => ({
      statusCode: 429,
      error: new AppError('rate_limited', 'Too many requests. Wait a moment and try again.').toJSON(),
    }),
  });

  async function runOperation(request: FastifyRequest, reply: FastifyReply, operation: string, body: unknown) {
    if (operation !== 'system.health') {
      const problem = authProblem(request);
      if (problem !== undefined) return sendError(reply, problem.code, problem.message);
    }
    const result = await dispatcher.dispatch(operation, body, { door: 'http' });
    if (result.ok) return reply.header('cache-control', 'no-store').send(result.value);
    return reply.code(HTTP_STATUS[result.error.code]).header('cache-control', 'no-store').send({ error: result.error });
  }

  app.get('/api/v1/system.health', (request, reply) => runOperation(request, reply, 'system.health', {}));
  app.post<{ Params: { operation: string } }>('/api/v1/:operation', (request, reply) =>
    runOperation(request, reply, request.params.operation, request.body ?? {}),
  );
  // The short form from the product spec, for phones and scripts.
  app.post('/api/v1/thoughts', (request, reply) => runOperation(request, reply, 'thoughts.capture', request.body ?? {}));

  app.post<{ Body: unknown }>('/auth/exchange', (request, reply) => {
    const body = request.body;
    const code = typeof body === 'object' && body !== null && 'code' in body ? (body as { code: unknown }).code : undefined;
    const token = typeof code === 'string' && code.length <= 200 ? tokens.exchangeLoginCode(code) : undefined;
    if (token === undefined) {
      if (noteAuthFailure(request.ip)) return sendError(reply, 'rate_limited', 'Too many attempts. Wait a minute.');
      return sendError(reply, 'unauthorized', 'This sign-in link was already used or has expired. Restart Cairn for a new one.');
    }
    return reply.header('cache-control', 'no-store').send({ token });
  });

  app.get('/api/v1/events', (request, reply) => {
    const problem = authProblem(request);
    if (problem !== undefined) return sendError(reply, problem.code, problem.message);
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    stream.write(': connected\n\n');
    streams.add(stream);
    const unsubscribe = bus.subscribe((event, payload) => {
      stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(stream);
    };
    request.raw.on('close', cleanUp);
    return undefined;
  });

  if (options.rendererDir !== undefined) {
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: 'index.html',
      setHeaders: (response, path) => {
        response.header('x-content-type-options', 'nosniff');
        response.header('referrer-policy', 'no-referrer');
        if (path.endsWith('.html')) {
          response.header('content-security-policy', CONTENT_SECURITY_POLICY);
          response.header('cache-control', 'no-store');
        }
      },
    });
  }

  const address = await app.listen({ host: options.host, port: options.port });
  const boundPort = Number(new URL(address).port);
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${boundPort}`,
    port: boundPort,
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      await app.close();
    },
  };
}
