import type { CairnBridge } from '../../src-shared/api';
import type { OperationName, OperationOutput } from '../../src-shared/contract';
import type { ErrorCode } from '../../src-shared/errors';
import { eventsContract, isEventName, type EventName, type EventPayload } from '../../src-shared/events';
import { createBridge, type Call } from './bridge';
import { CairnError, toCairnError } from './errors';
import { connectEventStream } from './event-stream';
import { readSessionToken } from './session-token';

export interface HttpClientOptions {
  /** Origin of the Cairn server; the page's own origin when served by it. */
  baseUrl?: string;
  /** Called whenever the server refuses the token, so the UI can ask for a new one. */
  onUnauthorized(): void;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
};

async function readErrorBody(response: Response): Promise<CairnError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  const normalised = toCairnError(error);
  if (normalised.code !== 'internal' || response.status === 500) return normalised;
  // A proxy or an old server answered without Cairn's error shape: fall back to the status.
  return new CairnError(STATUS_CODES[response.status] ?? 'internal', `HTTP ${response.status}`);
}

type ListenerTable = { [K in EventName]: Set<(payload: EventPayload<K>) => void> };

/** The browser door: `POST /api/v1/<operation>` with the session token, events over SSE. */
export function createHttpClient(options: HttpClientOptions): CairnBridge {
  const baseUrl = options.baseUrl ?? '';
  const listeners: ListenerTable = {
    'thoughts.changed': new Set(),
    'index.progress': new Set(),
    'suggestions.changed': new Set(),
    'checks.changed': new Set(),
    'insights.changed': new Set(),
    'tasks.changed': new Set(),
    'goals.changed': new Set(),
    'settings.changed': new Set(),
  };
  let disconnect: (() => void) | undefined;

  const call: Call = async <K extends OperationName>(name: K, input: unknown) => {
    const token = readSessionToken();
    if (token === undefined) {
      // Asking without a token would only count against the server's auth-failure limit.
      options.onUnauthorized();
      throw new CairnError('unauthorized', 'Not signed in.');
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch (error) {
      throw toCairnError(error);
    }
    if (!response.ok) {
      const error = await readErrorBody(response);
      if (error.code === 'unauthorized') options.onUnauthorized();
      throw error;
    }
    // Our own server validated this against the contract before sending it.
    return (await response.json()) as OperationOutput<K>;
  };

  function emit(name: string, data: unknown): void {
    if (!isEventName(name)) return;
    dispatch(name, data);
  }

  function dispatch<K extends EventName>(name: K, data: unknown): void {
    const parsed = eventsContract[name].safeParse(data);
    if (!parsed.success) return;
    for (const listener of listeners[name]) listener(parsed.data as EventPayload<K>);
  }

  function totalListeners(): number {
    return Object.values(listeners).reduce((sum, set) => sum + set.size, 0);
  }

  const on: CairnBridge['on'] = (event, listener) => {
    listeners[event].add(listener);
    disconnect ??= connectEventStream({
      url: `${baseUrl}/api/v1/events`,
      readToken: readSessionToken,
      onEvent: emit,
      onUnauthorized: options.onUnauthorized,
      // Whatever changed while the stream was down: one catch-all refresh.
      onReconnected: () => emit('thoughts.changed', { ids: [], reason: 'external' }),
    });
    return () => {
      listeners[event].delete(listener);
      if (totalListeners() === 0) {
        disconnect?.();
        disconnect = undefined;
      }
    };
  };

  return createBridge(call, on);
}

/** Trades the one-time code from the printed sign-in link for a session token. */
export async function exchangeLoginCode(code: string, baseUrl = ''): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/auth/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
    });
  } catch (error) {
    throw toCairnError(error);
  }
  if (!response.ok) throw await readErrorBody(response);
  const body: unknown = await response.json();
  if (typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string') return body.token;
  throw new CairnError('internal', 'The sign-in answer had no token.');
}
