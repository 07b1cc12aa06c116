import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, IdGenerator } from '../clock';
import type { Database } from '../db/open-database';
import { countActiveTokens, findActiveToken, insertToken, touchToken } from '../db/repositories/api-tokens';

export interface TokenServiceDeps {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
}

const LOGIN_CODE_TTL_MS = 10 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Bearer tokens for the HTTP door. Only SHA-256 hashes are stored, so a token is shown once, when
 * it is made. Browser sessions start from a one-time login code printed in the start-up URL.
 */
export function createTokenService({ db, clock, newId }: TokenServiceDeps) {
  const { sqlite } = db;
  const loginCodes = new Map<string, number>();
  const lastTouched = new Map<string, number>();

  function store(kind: 'api' | 'session', token: string, label: string): void {
    insertToken(sqlite, { id: newId(), kind, hash: hashToken(token), label }, clock.now());
  }

  return {
    /**
     * Makes sure an API token exists. A token given by the environment is registered; otherwise
     * one is generated on first run. Returns the new token only when one was generated now.
     */
    ensureApiToken(fromEnvironment: string | undefined): string | undefined {
      if (fromEnvironment !== undefined && fromEnvironment.length > 0) {
        store('api', fromEnvironment, 'CAIRN_TOKEN');
        return undefined;
      }
      if (countActiveTokens(sqlite, 'api') > 0) return undefined;
      const token = newSecret();
      store('api', token, 'first run');
      return token;
    },

    /** True when the bearer token is a live API or session token. */
    verify(token: string): boolean {
      if (token.length < 16 || token.length > 512) return false;
      const found = findActiveToken(sqlite, hashToken(token));
      if (found === undefined) return false;
      const now = clock.now();
      if ((lastTouched.get(found.id) ?? 0) + TOUCH_EVERY_MS < now) {
        lastTouched.set(found.id, now);
        touchToken(sqlite, found.id, now);
      }
      return true;
    },

    /** A single-use code for the start-up URL; it expires after ten minutes. */
    createLoginCode(): string {
      const code = newSecret();
      loginCodes.set(hashToken(code), clock.now() + LOGIN_CODE_TTL_MS);
      return code;
    },

    /** Trades a login code for a session token (stored hashed). Undefined when the code is spent. */
    exchangeLoginCode(code: string): string | undefined {
      const key = hashToken(code);
      const expires = loginCodes.get(key);
      loginCodes.delete(key);
      if (expires === undefined || expires < clock.now()) return undefined;
      const session = newSecret();
      store('session', session, 'browser session');
      return session;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** Constant-time comparison for secrets held in memory. */
export function secretsEqual(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
