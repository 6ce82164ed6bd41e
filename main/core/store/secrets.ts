import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/errors';
import { FILE_MODE } from './files';

/**
 * Secrets at rest (secret variables, basic-auth passwords, bearer tokens in saved requests).
 *
 * A sealed value is a string `<scheme>:<payload>`:
 * - `k1:` AES-256-GCM with the workspace key file `<dataDir>/.key` (32 random bytes, 0600, made on
 *   first use): what the CLI and web mode use, and the app where the OS offers no keychain;
 * - `s1:` Electron `safeStorage` (the OS keychain: Keychain, DPAPI, libsecret): what the desktop
 *   app uses when `safeStorage.isEncryptionAvailable()`. The core cannot import electron: the
 *   shell passes a SecretBox in (`createTandem({ secretBox })`). Such values can be opened only
 *   by the app; the CLI says so.
 * See SECURITY.md for what each protects against.
 */
export interface SecretBox {
  /** The scheme this box writes and reads, e.g. 's1'. */
  readonly scheme: string;
  seal(plain: string): string;
  open(payload: string): string;
}

export const KEY_FILE = '.key';

/** AES-256-GCM with a key file (created 0600 on first seal). Payload: base64 of iv(12)·tag(16)·ciphertext. */
export function keyFileBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, KEY_FILE);
  let key: Buffer | null = null;
  const load = (create: boolean): Buffer => {
    if (key) return key;
    try {
      key = readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !create)
        fail('STORE_IO', `Cannot read the workspace key ${KEY_FILE} (${(e as NodeJS.ErrnoException).code})`);
      try {
        writeFileSync(file, randomBytes(32), { flag: 'wx', mode: FILE_MODE });
      } catch (w) {
        if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
      }
      key = readFileSync(file);
    }
    if (key.length !== 32) {
      key = null;
      fail('STORE_CORRUPT', `The workspace key ${KEY_FILE} is damaged (expected 32 bytes)`);
    }
    return key;
  };
  return {
    scheme: 'k1',
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', load(true), iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
    },
    open(payload) {
      const buf = Buffer.from(payload, 'base64');
      const d = createDecipheriv('aes-256-gcm', load(false), buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** Seals and opens with the host's box (if any) and always can open key-file values. */
export class Sealer {
  private readonly keyFile: SecretBox;

  constructor(
    dataDir: string,
    private readonly host?: SecretBox,
  ) {
    this.keyFile = keyFileBox(dataDir);
  }

  private get writer(): SecretBox {
    return this.host ?? this.keyFile;
  }

  seal(plain: string): string {
    return `${this.writer.scheme}:${this.writer.seal(plain)}`;
  }

  /** The plain text; a one-line STORE_CORRUPT/UNAUTHORIZED failure when it cannot be opened here. */
  open(sealed: string, what: string): string {
    const colon = sealed.indexOf(':');
    const scheme = colon < 0 ? '' : sealed.slice(0, colon);
    const box = [this.host, this.keyFile].find((b) => b?.scheme === scheme);
    if (!box) {
      if (scheme === 's1')
        fail(
          'UNAUTHORIZED',
          `${what} was sealed by the desktop app with the OS keychain; open it in the app`,
        );
      fail('STORE_CORRUPT', `${what} is sealed in an unknown way (${scheme || 'no scheme'})`);
    }
    try {
      return box.open(sealed.slice(colon + 1));
    } catch (e) {
      if (e && typeof e === 'object' && 'code' in e && (e as { code: string }).code === 'STORE_IO') throw e;
      fail('STORE_CORRUPT', `${what} cannot be unsealed (wrong workspace key, or the value is damaged)`);
    }
  }
}

/** Marks a sealed value stored in place of a plain one (saved requests' auth). */
export const SEALED_PREFIX = 'tandem:sealed:';

type Auth = { type: string; password?: string; token?: string } | undefined;

/**
 * A copy of a request spec (or anything with `auth`) whose basic-auth password and bearer token
 * are sealed (`tandem:sealed:<scheme>:…`), or opened again with `open`. Values already in the
 * wanted state are left alone; an empty value stays empty.
 */
export function mapAuthSecrets<T extends { auth?: Auth }>(spec: T, fn: (v: string) => string): T {
  const auth = spec.auth;
  if (!auth) return spec;
  if (auth.type === 'basic' && auth.password)
    return { ...spec, auth: { ...auth, password: fn(auth.password) } };
  if (auth.type === 'bearer' && auth.token) return { ...spec, auth: { ...auth, token: fn(auth.token) } };
  return spec;
}

export function sealAuth<T extends { auth?: Auth }>(spec: T, sealer: Sealer): T {
  return mapAuthSecrets(spec, (v) => (v.startsWith(SEALED_PREFIX) ? v : `${SEALED_PREFIX}${sealer.seal(v)}`));
}

/** Opens sealed auth values; one that cannot be opened here becomes '' and `onError` hears why. */
export function openAuth<T extends { auth?: Auth }>(
  spec: T,
  sealer: Sealer,
  what: string,
  onError: (message: string) => void,
): T {
  return mapAuthSecrets(spec, (v) => {
    if (!v.startsWith(SEALED_PREFIX)) return v;
    try {
      return sealer.open(v.slice(SEALED_PREFIX.length), what);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      return '';
    }
  });
}
