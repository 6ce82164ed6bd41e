import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTandem, type Tandem } from '../../main/core/tandem';
import type { JarCookie } from '../../main/shared/cookieInfo';
import { type ElectronCookieLike, electronBrowserLogin } from '../../main/shell/browser-login';
import { tempDir } from '../core/store/helpers';
import { unwrap } from '../support/result';

/**
 * The desktop app's browser login with a recording stand-in for Electron's BrowserWindow and
 * session (the runtime cannot be installed here); the core, the jar and its files are real.
 */

/** What Electron's cookie store would hold after the user logged in on the demo's form. */
const PARTITION_COOKIES: ElectronCookieLike[] = [
  {
    name: 'session',
    value: 'bob.sig',
    domain: '127.0.0.1',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: true,
    session: false,
    expirationDate: Date.UTC(2030, 0, 1) / 1000,
    sameSite: 'lax',
  },
  {
    name: 'pref',
    value: 'x',
    domain: '.example.com',
    hostOnly: false,
    path: '/',
    secure: true,
    session: true,
    sameSite: 'no_restriction',
  },
];

function standIn() {
  const windows: Array<{ options: Record<string, unknown>; loaded?: string; closed: boolean; fire(): void }> =
    [];
  const partitions: string[] = [];
  class BrowserWindow {
    private listeners: Array<() => void> = [];
    readonly rec: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      this.rec = { options, closed: false, fire: () => this.close() };
      windows.push(this.rec);
    }
    on(_e: 'closed', fn: () => void) {
      this.listeners.push(fn);
    }
    loadURL(url: string) {
      this.rec.loaded = url;
      return Promise.resolve();
    }
    close() {
      if (this.rec.closed) return;
      this.rec.closed = true;
      for (const fn of this.listeners) fn();
    }
    isDestroyed() {
      return this.rec.closed;
    }
  }
  const session = {
    fromPartition(p: string) {
      partitions.push(p);
      return { cookies: { get: async () => PARTITION_COOKIES } };
    },
  };
  return { electron: { BrowserWindow, session }, windows, partitions };
}

let dir: string;
let cleanup: () => Promise<void>;
let tandem: Tandem;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  tandem = await createTandem({ dataDir: dir, host: 'electron' });
  unwrap(await tandem['profiles.create']({ name: 'bob' }));
});
afterEach(async () => {
  await tandem.close();
  await cleanup();
});

/** The login window is open (the handler opens it after its own awaits; a loaded machine may take a while). */
const opened = (s: { windows: unknown[] }) =>
  vi.waitFor(() => expect(s.windows).toHaveLength(1), { timeout: 15_000 });

describe('browser login in the desktop app', () => {
  it('opens an isolated window on persist:tandem-<profile>; on close the chosen cookies go into the jar', async () => {
    const s = standIn();
    const h = electronBrowserLogin(s.electron, tandem);
    const running = h['browser.login']({ profile: 'bob', url: 'http://127.0.0.1:8787/login' });
    await opened(s);
    const w = s.windows[0];
    expect(w.loaded).toBe('http://127.0.0.1:8787/login');
    expect(w.options.webPreferences).toEqual({
      partition: 'persist:tandem-bob',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    w.fire(); // the user closes the window
    const result = unwrap(await running);
    expect(result).toMatchObject({
      ended: 'closed',
      imported: [{ name: 'session', domain: '127.0.0.1' }],
      skipped: 1,
    });
    expect(s.partitions).toEqual(['persist:tandem-bob']);
    const jar = unwrap(await tandem['cookies.list']({ profile: 'bob' })) as JarCookie[];
    expect(jar).toHaveLength(1);
    expect(jar[0]).toMatchObject({
      name: 'session',
      value: 'bob.sig',
      httpOnly: true,
      sameSite: 'Lax',
      expires: '2030-01-01T00:00:00.000Z',
      source: { kind: 'browser', url: 'http://127.0.0.1:8787/login' },
    });
  });

  it('Done closes the window and takes the cookies; a second domain is taken when chosen', async () => {
    const s = standIn();
    const h = electronBrowserLogin(s.electron, tandem);
    const running = h['browser.login']({
      profile: 'bob',
      url: 'http://127.0.0.1:8787/login',
      domains: ['127.0.0.1', 'example.com'],
    });
    await opened(s);
    expect(unwrap(await h['browser.done']({ profile: 'bob' }))).toEqual({ finished: true });
    const result = unwrap(await running);
    expect(result.ended).toBe('done');
    expect(s.windows[0].closed).toBe(true);
    expect(result.imported.map((c) => c.name).sort()).toEqual(['pref', 'session']);
    const pref = (unwrap(await tandem['cookies.list']({ profile: 'bob' })) as JarCookie[]).find(
      (c) => c.name === 'pref',
    );
    expect(pref).toMatchObject({
      domain: 'example.com',
      hostOnly: false,
      secure: true,
      sameSite: 'None',
      expires: null,
    });
    expect(unwrap(await h['browser.done']({ profile: 'bob' }))).toEqual({ finished: false });
  });

  it('an unknown profile or a bad URL is one line, and no window opens', async () => {
    const s = standIn();
    const h = electronBrowserLogin(s.electron, tandem);
    expect(await h['browser.login']({ profile: 'ghost', url: 'http://x.test/' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROFILE' },
    });
    expect(await h['browser.login']({ profile: 'bob', url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_URL' },
    });
    expect(s.windows).toHaveLength(0);
  });
});
