import { safeStorage } from 'electron';
import type { SecretBox } from '../core/store/secrets';

/**
 * Secrets at rest in the desktop app: Electron `safeStorage` (macOS Keychain, Windows DPAPI,
 * libsecret/kwallet on Linux). Null when the OS offers no keychain (Linux without a secret
 * service: safeStorage would use a hard-coded key), so the core falls back to the key file.
 */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    scheme: 's1',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (payload) => safeStorage.decryptString(Buffer.from(payload, 'base64')),
  };
}
