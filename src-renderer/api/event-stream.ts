import { onSessionTokenChange } from './session-token';
import { createSseParser } from './sse';

export interface EventStreamOptions {
  url: string;
  readToken(): string | undefined;
  onEvent(name: string, data: unknown): void;
  /** The server refused the token; the stream waits for a new one. */
  onUnauthorized(): void;
  /** Connected again after a drop: events may have been missed meanwhile. */
  onReconnected(): void;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Reads `GET /api/v1/events` with fetch, because EventSource cannot send the Authorization
 * header. Reconnects with capped exponential backoff plus jitter; after a 401 it stops asking
 * (each refused request counts against the server's auth-failure limit) until the token changes.
 * Returns the disposer.
 */
export function connectEventStream(options: EventStreamOptions): () => void {
  let controller = new AbortController();
  let isStopped = false;
  let wake: (() => void) | undefined;

  const unsubscribeToken = onSessionTokenChange(() => {
    controller.abort();
    wake?.();
  });

  function pause(delayMs: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = delayMs === undefined ? undefined : window.setTimeout(resolve, delayMs);
      wake = () => {
        window.clearTimeout(timer);
        resolve();
      };
    });
  }

  async function readUntilClosed(body: ReadableStream<Uint8Array>): Promise<void> {
    const parse = createSseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parse(decoder.decode(value, { stream: true }))) {
        try {
          options.onEvent(event.event, JSON.parse(event.data));
        } catch {
          // A malformed event is dropped; the next `thoughts.changed` brings the UI up to date.
        }
      }
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    let hasConnected = false;
    while (!isStopped) {
      controller = new AbortController();
      const token = options.readToken();
      let isRefused = token === undefined;
      if (token !== undefined) {
        try {
          const response = await fetch(options.url, {
            headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
            cache: 'no-store',
            signal: controller.signal,
          });
          if (response.status === 401) {
            isRefused = true;
            options.onUnauthorized();
          } else if (response.ok && response.body !== null) {
            if (hasConnected) options.onReconnected();
            hasConnected = true;
            failures = 0;
            await readUntilClosed(response.body);
          }
        } catch {
          // Dropped or aborted: handled below like a closed stream.
        }
      }
      if (isStopped) return;
      if (controller.signal.aborted) continue;
      const backoff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      await pause(isRefused ? undefined : backoff * (0.75 + Math.random() * 0.5));
    }
  }

  void run();
  return () => {
    isStopped = true;
    unsubscribeToken();
    controller.abort();
    wake?.();
  };
}
