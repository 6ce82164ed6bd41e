import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Cookie as BrowserCookie } from 'playwright-core';
import type { Handlers } from '../../contract';
import { type BrowserLoginArgs, type BrowserLoginResult, domainChosen } from '../../shared/browserLogin';
import { attempt, fail } from '../../shared/errors';
import { substitute } from '../../shared/substitute';
import type { CookieInput } from '../../shared/types';
import { cookieLimitsOf } from '../cookies/limits';
import { withLevels } from '../environments/store';
import { checkProfileName } from '../profiles/names';
import type { Workspace } from '../workspace';
import { defaultBrowser, findBrowser } from './find';

/**
 * Browser login in web mode and the CLI: a Chromium-family browser (which one: find.ts), started
 * with a per-profile user-data directory in the workspace (`browser/<profile>/`, so each profile
 * keeps its own browser session too) and driven over the DevTools protocol by playwright-core
 * (loaded only when used). When the user presses Done (`browser.done`) or closes the window, the
 * cookies of the chosen domains go into the profile's jar, every attribute kept, source "browser".
 * Extra browser flags come from TANDEM_BROWSER_ARGS (space-separated; `--headless` runs headless).
 */

/** The profile's browser storage in the workspace. */
export function browserDataDir(dataDir: string, profile: string): string {
  return path.join(dataDir, 'browser', profile);
}

/** A browser cookie as the jar takes it: every attribute kept. */
export function inputOf(c: BrowserCookie): CookieInput {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain.replace(/^\./, ''),
    hostOnly: !c.domain.startsWith('.'),
    path: c.path || '/',
    ...(c.expires > 0 ? { expires: new Date(c.expires * 1000).toISOString() } : {}),
    secure: c.secure,
    httpOnly: c.httpOnly,
    ...(c.sameSite ? { sameSite: c.sameSite } : {}),
  };
}

/**
 * playwright-core, loaded on first use. required, not import()ed: the CLI runs from a V8 code
 * cache, where a dynamic import of a package outside the bundle has no loader.
 */
function loadPlaywright(): typeof import('playwright-core') {
  return createRequire(__filename)('playwright-core');
}

/** Logins running in this process, by profile: `finish` ends one as if Done was pressed. */
const running = new Map<string, { finish: () => void; workspace: string }>();

function extraArgs(): string[] {
  return (process.env.TANDEM_BROWSER_ARGS ?? '').split(/\s+/).filter(Boolean);
}

export async function browserLogin(ws: Workspace, args: BrowserLoginArgs): Promise<BrowserLoginResult> {
  const profile = checkProfileName(args.profile);
  // {{baseUrl}}/login works as in a request: the profile's variables at every level.
  const vars = withLevels(await ws.environments.snapshot(), await ws.profiles.get(profile)).variables;
  const target = URL.parse(substitute(args.url.trim(), vars, 'the URL'));
  if (!target || !/^https?:$/.test(target.protocol))
    fail('INVALID_URL', `Invalid URL "${args.url}": give the http(s) address of the login page`);
  if (running.has(profile)) fail('INVALID_ARGUMENT', `A browser login for ${profile} is already open`);
  const executablePath = findBrowser(args.browserPath, (await ws.settings.get()).browserPath);
  const domains = args.domains?.length ? args.domains : [target.hostname];
  const userDataDir = browserDataDir(ws.dataDir, profile);
  await fs.mkdir(userDataDir, { recursive: true, mode: 0o700 });

  const { chromium } = loadPlaywright();
  const flags = extraArgs();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: flags.some((f) => f.startsWith('--headless')),
      args: flags.filter((f) => !f.startsWith('--headless')),
      viewport: null,
    });
  } catch (e) {
    fail(
      'INVALID_ARGUMENT',
      `Could not start ${executablePath}: ${String((e as Error).message ?? e).split('\n')[0]}`,
    );
  }

  let ended: 'done' | 'closed' = 'closed';
  let last: BrowserCookie[] = [];
  let pending: Promise<void> = Promise.resolve();
  // A snapshot counts only while a page is open: once the last tab closes, the browser may drop
  // its session cookies before we read them.
  const snapshot = () => {
    pending = pending.then(async () => {
      const now = await context.cookies().catch(() => null);
      if (now && (context.pages().length > 0 || ended === 'done')) last = now;
    });
    return pending;
  };
  const finished = new Promise<void>((resolve) => {
    running.set(profile, {
      workspace: ws.dataDir,
      finish: () => {
        ended = 'done';
        resolve();
      },
    });
    context.on('close', () => resolve());
    // The last tab closed (or the window): the login is over.
    const watch = (page: import('playwright-core').Page) =>
      page.on('close', () => {
        if (context.pages().length === 0) resolve();
      });
    context.pages().forEach(watch);
    context.on('page', watch);
    // Cookies are kept as they arrive, in case the browser goes away before they can be read.
    context.on('response', () => void snapshot());
  });
  // The browser's pipe does not keep Node running: a CLI would exit while the user logs in.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(target.href).catch(() => undefined);
    await finished;
    await snapshot();
    await pending;
  } finally {
    clearInterval(keepAlive);
    running.delete(profile);
    await context.close().catch(() => undefined);
  }
  const taken = await takeBrowserCookies(ws, profile, target.href, last.map(inputOf), domains);
  return { profile, ...taken, domains, ended };
}

/**
 * Puts the cookies a browser held for the chosen domains into the profile's jar, every attribute
 * kept, source "browser" (also what the Electron shell calls with its window's cookies).
 */
export async function takeBrowserCookies(
  ws: Workspace,
  profile: string,
  url: string,
  cookies: CookieInput[],
  domains: string[],
): Promise<Pick<BrowserLoginResult, 'imported' | 'skipped'>> {
  const chosen = cookies.filter((c) =>
    domainChosen(`${c.hostOnly === false ? '.' : ''}${c.domain}`, domains),
  );
  const journal = await ws.profiles.jar(checkProfileName(profile));
  journal.jar.limits = cookieLimitsOf(await ws.settings.current());
  const imported: BrowserLoginResult['imported'] = [];
  for (const c of chosen) {
    try {
      const v = journal.jar.set(c, { kind: 'browser', url });
      imported.push({ name: v.name, domain: v.domain, path: v.path });
    } catch {
      // A cookie the jar cannot hold (over the size limit, a public suffix) is left out.
    }
  }
  await journal.flush();
  if (imported.length) ws.events.emit('cookies.changed', { profile });
  return { imported, skipped: cookies.length - imported.length };
}

/** Ends a running browser login as if Done was pressed; false when none is open for the profile. */
export function finishBrowserLogin(ws: Workspace, profile: string): { finished: boolean } {
  const r = running.get(profile);
  if (!r || r.workspace !== ws.dataDir) return { finished: false };
  r.finish();
  return { finished: true };
}

export function browserHandlers(
  ws: Workspace,
): Pick<Handlers, 'browser.login' | 'browser.done' | 'browser.import' | 'browser.default'> {
  return {
    'browser.default': () => attempt(() => ({ path: defaultBrowser() })),
    'browser.import': (a) =>
      attempt(async () => {
        await ws.profiles.get(a.profile);
        const domains = a.domains?.length ? a.domains : [new URL(a.url).hostname];
        return { ...(await takeBrowserCookies(ws, a.profile, a.url, a.cookies, domains)), domains };
      }),
    'browser.login': (a) => attempt(() => browserLogin(ws, a)),
    'browser.done': (a) => attempt(async () => finishBrowserLogin(ws, a.profile)),
  };
}
