import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../src-shared/errors';

export type SecretName = 'anthropic-api-key';

/** Where a secret is kept; Settings shows it, with a warning when it is weaker than it looks. */
export interface SecretStore {
  backend: 'keychain' | 'file' | 'environment';
  /** E.g. Linux without a keyring: safeStorage falls back to a hard-coded password. */
  warning(): string | null;
  get(name: SecretName): string | undefined;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

const ENVIRONMENT: Record<SecretName, string> = { 'anthropic-api-key': 'ANTHROPIC_API_KEY' };

/** Encrypts and decrypts with the OS keychain (Electron safeStorage), injected by the shell. */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
  /** Null when the keychain is a real one. */
  warning(): string | null;
}

/**
 * Secrets in `<dataDir>/secrets/`, one file each, readable by this user only (0600). With a
 * cipher (desktop app) the file holds the keychain-encrypted bytes; without one (browser or
 * server mode) the plain key, as an SSH key would be. An environment variable wins over both
 * and cannot be changed from the app.
 */
export function createSecretStore(dataDir: string, options: { cipher?: Cipher; env?: NodeJS.ProcessEnv } = {}): SecretStore {
  const folder = join(dataDir, 'secrets');
  const env = options.env ?? process.env;
  const cipher = options.cipher;
  const fileOf = (name: SecretName): string => join(folder, cipher === undefined ? name : `${name}.sealed`);
  const fromEnvironment = (name: SecretName): string | undefined => {
    const value = env[ENVIRONMENT[name]]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  return {
    backend: cipher !== undefined ? 'keychain' : fromEnvironment('anthropic-api-key') !== undefined ? 'environment' : 'file',
    warning: () => cipher?.warning() ?? null,
    get(name) {
      const fromEnv = fromEnvironment(name);
      if (fromEnv !== undefined) return fromEnv;
      const file = fileOf(name);
      if (!existsSync(file)) return undefined;
      const bytes = readFileSync(file);
      try {
        const value = cipher === undefined ? bytes.toString('utf8').trim() : cipher.decrypt(bytes);
        return value === '' ? undefined : value;
      } catch {
        // A keychain that changed (another user, a reinstalled OS) cannot open the old file.
        return undefined;
      }
    },
    set(name, value) {
      if (fromEnvironment(name) !== undefined) {
        throw new AppError('invalid_state', `The key comes from the ${ENVIRONMENT[name]} environment variable; change it there.`);
      }
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = fileOf(name);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, cipher === undefined ? value : cipher.encrypt(value), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
    delete(name) {
      rmSync(fileOf(name), { force: true });
    },
  };
}
