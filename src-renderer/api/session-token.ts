// The browser session token lives in localStorage so a reload (or the quick-capture page on the
// same origin) stays signed in. It is a session token from /auth/exchange or a pasted API token.
const STORAGE_KEY = 'cairn.sessionToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function readSessionToken(): string | undefined {
  try {
    const token = window.localStorage.getItem(STORAGE_KEY);
    return token === null || token.length === 0 ? undefined : token;
  } catch {
    // Storage can be disabled by the browser; that is the same as not being signed in.
    return undefined;
  }
}

export function writeSessionToken(token: string): void {
  window.localStorage.setItem(STORAGE_KEY, token);
  notify();
}

export function clearSessionToken(): void {
  window.localStorage.removeItem(STORAGE_KEY);
  notify();
}

/** Called when the token changes here or in another tab of the same origin. */
export function onSessionTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
