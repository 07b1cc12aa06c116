import { create } from 'zustand';
import { api, isDesktop, onUnauthorized } from '../../api/client';
import { adviceFor, toCairnError } from '../../api/errors';
import { exchangeLoginCode } from '../../api/http-client';
import { clearSessionToken, readSessionToken, writeSessionToken } from '../../api/session-token';

export type SessionStatus = 'checking' | 'signed-in' | 'signed-out' | 'unreachable';

interface SessionState {
  status: SessionStatus;
  /** False until start() has looked at the link and the stored token. */
  hasStarted: boolean;
  /** Why the person is looking at the sign-in screen, in plain words. */
  notice: string | undefined;
  /** Runs once at start: trades a `#login=` code if present, then checks the stored token. */
  start(): Promise<void>;
  /** Checks the stored token again (after Cairn was not answering). */
  retry(): Promise<void>;
  signInWithToken(token: string): Promise<void>;
}

const STALE_SIGN_IN = 'Your saved sign-in is no longer valid. Open a new link or paste your token.';
const LOGIN_HASH = /^#login=([^&]+)/;

/** Takes the one-time code out of the address bar at once so it never lands in history. */
function takeLoginCode(): string | undefined {
  const match = LOGIN_HASH.exec(window.location.hash);
  if (match?.[1] === undefined) return undefined;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return decodeURIComponent(match[1]);
}

export const useSessionStore = create<SessionState>()((set, get) => {
  async function verify(rejectedNotice: string): Promise<void> {
    if (readSessionToken() === undefined) {
      set({ status: 'signed-out' });
      return;
    }
    // Already in: re-checking must not flash the sign-in screen.
    if (get().status !== 'signed-in') set({ status: 'checking' });
    try {
      await api['settings.get']({});
      set({ status: 'signed-in', notice: undefined });
    } catch (error) {
      const failure = toCairnError(error);
      if (failure.code === 'unauthorized') {
        clearSessionToken();
        set({ status: 'signed-out', notice: rejectedNotice });
      } else {
        set({ status: 'unreachable', notice: adviceFor(failure) });
      }
    }
  }

  return {
    status: isDesktop ? 'signed-in' : 'checking',
    hasStarted: isDesktop,
    notice: undefined,

    async start() {
      if (isDesktop) return;
      const code = takeLoginCode();
      if (code !== undefined) {
        try {
          writeSessionToken(await exchangeLoginCode(code));
        } catch (error) {
          const failure = toCairnError(error);
          // The server's message here is written for people ("already used or has expired").
          set({ notice: failure.code === 'unauthorized' ? failure.message : adviceFor(failure) });
        }
      }
      await verify(STALE_SIGN_IN);
      set({ hasStarted: true });
    },

    async retry() {
      await verify(STALE_SIGN_IN);
    },

    async signInWithToken(token) {
      const trimmed = token.trim();
      if (trimmed.length === 0) {
        set({ notice: 'Paste the token first.' });
        return;
      }
      writeSessionToken(trimmed);
      await verify('That token was not accepted. Check that you copied all of it.');
    },
  };
});

// Any refused request (an expired or revoked token) sends the person back to sign in.
onUnauthorized(() => {
  if (useSessionStore.getState().status !== 'signed-in') return;
  clearSessionToken();
  useSessionStore.setState({
    status: 'signed-out',
    notice: 'Cairn no longer accepts this sign-in. Open a new link or paste your token.',
  });
});
