import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretStore, type Cipher } from '../../src-main/core/ai/secret-store';
import { tempDir } from '../helpers/test-core';

const KEY = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz';
let dir: ReturnType<typeof tempDir>;
afterEach(() => dir?.remove());

describe('the secret store', () => {
  it('keeps the key in a file only this user can read, and forgets it on delete', () => {
    dir = tempDir();
    const store = createSecretStore(dir.path, { env: {} });
    expect(store.get('anthropic-api-key')).toBeUndefined();
    store.set('anthropic-api-key', KEY);
    const file = join(dir.path, 'secrets', 'anthropic-api-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir.path, 'secrets')).mode & 0o777).toBe(0o700);
    expect(createSecretStore(dir.path, { env: {} }).get('anthropic-api-key')).toBe(KEY);
    store.delete('anthropic-api-key');
    expect(store.get('anthropic-api-key')).toBeUndefined();
  });

  it('prefers ANTHROPIC_API_KEY from the environment and refuses to overwrite it from the app', () => {
    dir = tempDir();
    const store = createSecretStore(dir.path, { env: { ANTHROPIC_API_KEY: ' from-env ' } });
    expect(store.backend).toBe('environment');
    expect(store.get('anthropic-api-key')).toBe('from-env');
    expect(() => store.set('anthropic-api-key', KEY)).toThrow(/environment variable/);
  });

  it('with a keychain cipher stores only sealed bytes, warns when the keychain is weak, and survives a foreign file', () => {
    dir = tempDir();
    const cipher: Cipher = {
      encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)),
      decrypt: (sealed) => {
        if (sealed[0] === 0x00) throw new Error('cannot decrypt');
        return Buffer.from([...sealed].map((byte) => byte ^ 0x5a)).toString();
      },
      warning: () => 'Linux has no keyring here',
    };
    const store = createSecretStore(dir.path, { cipher, env: {} });
    store.set('anthropic-api-key', KEY);
    const sealed = join(dir.path, 'secrets', 'anthropic-api-key.sealed');
    expect(readFileSync(sealed).toString()).not.toContain('sk-ant');
    expect(store.get('anthropic-api-key')).toBe(KEY);
    expect(store).toMatchObject({ backend: 'keychain' });
    expect(store.warning()).toBe('Linux has no keyring here');
    writeFileSync(sealed, Buffer.from([0, 1, 2]));
    expect(store.get('anthropic-api-key')).toBeUndefined();
  });
});
