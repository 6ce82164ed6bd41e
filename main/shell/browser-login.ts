import type { Handlers } from '../contract';
import type { BrowserLoginArgs, BrowserLoginResult } from '../shared/browserLogin';
import { attempt, fail } from '../shared/errors';
import type { CookieInput, Result, SameSite } from '../shared/types';

/**
 * Browser login in the desktop app: a BrowserWindow on the session partition
 * `persist:tandem-<profile>` (each profile its own storage, kept between logins), with the main
 * window's security settings, no preload and no Node. On Done or close, the partition's cookies
 * go to the core (`browser.import`), which keeps the chosen domains' with every attribute.
 * No `electron` import here: main/index.ts passes BrowserWindow and session in, tests a stand-in.
 */

/** The parts of an Electron cookie read here. */
export interface ElectronCookieLike {
  name: string;
  value: string;
  domain?: string;
  hostOnly?: boolean;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  session?: boolean;
  expirationDate?: number;
  sameSite?: 'unspecified' | 'no_restriction' | 'lax' | 'strict';
}

export interface LoginWindowLike {
  on(event: 'closed', listener: () => void): unknown;
  loadURL(url: string): Promise<unknown>;
  close(): void;
  isDestroyed(): boolean;
}

export interface ElectronLike {
  BrowserWindow: new (options: Record<string, unknown>) => LoginWindowLike;
  session: {
    fromPartition(partition: string): { cookies: { get(filter: object): Promise<ElectronCookieLike[]> } };
  };
}

const SAME_SITE: Record<string, SameSite | undefined> = {
  lax: 'Lax',
  strict: 'Strict',
  no_restriction: 'None',
};

/** An Electron cookie as the jar takes it: every attribute kept. */
export function inputOfElectron(c: ElectronCookieLike): CookieInput {
  const domain = c.domain ?? '';
  const sameSite = SAME_SITE[c.sameSite ?? 'unspecified'];
  return {
    name: c.name,
    value: c.value,
    domain: domain.replace(/^\./, ''),
    hostOnly: c.hostOnly ?? !domain.startsWith('.'),
    path: c.path || '/',
    ...(!c.session && c.expirationDate ? { expires: new Date(c.expirationDate * 1000).toISOString() } : {}),
    secure: Boolean(c.secure),
    httpOnly: Boolean(c.httpOnly),
    ...(sameSite ? { sameSite } : {}),
  };
}

/** The login window's options: the main window's isolation switches, its own partition, no preload. */
export function loginWindowOptions(profile: string): Record<string, unknown> {
  return {
    width: 1000,
    height: 760,
    title: `Log in as ${profile} · Tandem`,
    webPreferences: {
      partition: `persist:tandem-${profile}`,
      // The main window's switches, written out so the hardening check reads them at the call.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** 'browser.login' and 'browser.done' for the desktop app, over the core's own handlers. */
export function electronBrowserLogin(
  electron: ElectronLike,
  core: Pick<Handlers, 'browser.import' | 'profiles.list'>,
): Pick<Handlers, 'browser.login' | 'browser.done'> {
  const open = new Map<string, () => void>();
  const login = async (args: BrowserLoginArgs): Promise<BrowserLoginResult> => {
    const target = URL.parse(args.url.trim());
    if (!target || !/^https?:$/.test(target.protocol))
      fail('INVALID_URL', `Invalid URL "${args.url}": give the http(s) address of the login page`);
    const profiles = await core['profiles.list']({});
    if (!profiles.ok) fail(profiles.error.code, profiles.error.message);
    if (!profiles.value.some((p) => p.name === args.profile))
      fail('UNKNOWN_PROFILE', `No profile named '${args.profile}'`);
    if (open.has(args.profile))
      fail('INVALID_ARGUMENT', `A browser login for ${args.profile} is already open`);
    const win = new electron.BrowserWindow(loginWindowOptions(args.profile));
    let ended: BrowserLoginResult['ended'] = 'closed';
    await new Promise<void>((resolve) => {
      open.set(args.profile, () => {
        ended = 'done';
        resolve();
      });
      win.on('closed', () => resolve());
      win.loadURL(target.href).catch(() => undefined);
    });
    open.delete(args.profile);
    if (!win.isDestroyed()) win.close();
    const cookies = await electron.session.fromPartition(`persist:tandem-${args.profile}`).cookies.get({});
    const taken: Result<Pick<BrowserLoginResult, 'imported' | 'skipped' | 'domains'>> = await core[
      'browser.import'
    ]({
      profile: args.profile,
      url: target.href,
      ...(args.domains?.length ? { domains: args.domains } : {}),
      cookies: cookies.map(inputOfElectron),
    });
    if (!taken.ok) fail(taken.error.code, taken.error.message);
    return { profile: args.profile, ...taken.value, ended };
  };
  return {
    'browser.login': (a) => attempt(() => login(a)),
    'browser.done': async (a) => {
      const finish = open.get(a.profile);
      finish?.();
      return { ok: true, value: { finished: Boolean(finish) } };
    },
  };
}
