import { safeStorage } from 'electron';
import type { Cipher } from '../core/ai/secret-store';

/**
 * The OS keychain through Electron safeStorage (Keychain on macOS, DPAPI on Windows, libsecret
 * or kwallet on Linux). Undefined when encryption is unavailable: the key then lives in a 0600
 * file, and Settings says so.
 */
export function keychainCipher(): Cipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
    warning() {
      if (process.platform !== 'linux') return null;
      // basic_text: no keyring was found, so the "encryption" uses a password built into Chromium.
      return safeStorage.getSelectedStorageBackend() === 'basic_text'
        ? 'No system keyring was found (GNOME Keyring or KWallet), so the key is only obscured, not encrypted. Install a keyring, or keep the key in the ANTHROPIC_API_KEY environment variable.'
        : null;
    },
  };
}
