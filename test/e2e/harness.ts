import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTandem, type Tandem } from '../../main/core/tandem';
import { startWebServer } from '../../main/web/server';

/**
 * Browser tests drive the real app: the BUILT renderer (out/renderer) served by the real
 * web-mode server on 127.0.0.1, a real core on a temp workspace, Debian's chromium.
 */

export const PROJECT_DIR = resolve(__dirname, '../..');
export const RENDERER_DIR = join(PROJECT_DIR, 'out', 'renderer');
export const SCREENSHOT_DIR = join(PROJECT_DIR, 'test-output', 'screenshots');
const CHROMIUM = process.env.TANDEM_CHROMIUM || '/usr/bin/chromium';
/** Default wait for every page action, locator and navigation: generous, so a loaded machine passes. */
export const BROWSER_TIMEOUT = 20_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The chromium executable, or null when it is not installed. */
export function chromiumPath(): string | null {
  return existsSync(CHROMIUM) ? CHROMIUM : null;
}

/**
 * `describe` for browser tests. Without chromium the block is skipped and says why in its
 * name; on CI (CI=true) it always runs, so a missing browser fails loudly instead.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumPath() || process.env.CI) describe(name, fn);
  else describe.skip(`${name} (skipped: ${CHROMIUM} not found)`, fn);
}

export interface StartAppOptions {
  /** Start the demo API and seed alice/bob/anonymous + the sample collection. Default true. */
  demo?: boolean;
  /** Workspace to use; a fresh temp dir (removed on close) when left out. */
  dataDir?: string;
  colorScheme?: 'light' | 'dark';
}

export interface RunningApp {
  page: Page;
  browser: Browser;
  /** The URL the page was opened at (with the token). */
  url: string;
  demoUrl: string | null;
  dataDir: string;
  /** Uncaught page errors and console errors (CSP violations show up here). */
  errors: string[];
  /** Saves test-output/screenshots/<name>.png (1440×900) and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApp(opts: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is not built: run npm run build first');
  }
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const ownDir = opts.dataDir ? null : await mkdtemp(join(tmpdir(), 'tandem-e2e-'));
  const dataDir = opts.dataDir ?? (ownDir as string);
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    cleanups.length = 0;
  };
  if (ownDir) cleanups.push(() => rm(ownDir, { recursive: true, force: true }));
  try {
    const server = await startWebServer({ dataDir, rendererDir: RENDERER_DIR, demo: opts.demo ?? true });
    cleanups.push(() => server.close());
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
    });
    context.setDefaultTimeout(BROWSER_TIMEOUT);
    context.setDefaultNavigationTimeout(BROWSER_TIMEOUT * 2);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url, { waitUntil: 'load' });
    return {
      page,
      browser,
      url: server.url,
      demoUrl: server.demoUrl,
      dataDir,
      errors,
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A tab of the app's tab lists: 'Sidebar' (Collections, History) or 'Profile panel' (Cookies, Profile). */
export const sideTab = (app: RunningApp, list: string, name: string) =>
  app.page.getByRole('tablist', { name: list }).getByRole('tab', { name, exact: true });

/** The jar as the cookie editor shows it: one "name=value" per row. */
export async function jarRows(app: RunningApp): Promise<string[]> {
  const rows = app.page.getByRole('table', { name: 'Cookies' }).locator('tbody tr');
  const out: string[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    out.push(`${await cells.nth(0).textContent()}=${await cells.nth(1).textContent()}`);
  }
  return out;
}

/** The profile chip (a radio in the switcher) named `name`. */
export const chip = (app: RunningApp, name: string) => app.page.getByRole('radio', { name, exact: true });

/**
 * Registers the hooks of a describeBrowser block: before all its tests the app starts with
 * `opts` (`pageTimeout` becomes the page's default timeout) and alice's chip is waited for
 * (`readyTimeout`, 30 s by default); after them the app closes. The returned object is filled
 * in once the app has started.
 */
export function appPerBlock(
  opts: StartAppOptions,
  wait: { readyTimeout?: number; pageTimeout?: number } = {},
): RunningApp {
  const app = {} as RunningApp;
  beforeAll(async () => {
    Object.assign(app, await startApp(opts));
    if (wait.pageTimeout !== undefined) app.page.setDefaultTimeout(wait.pageTimeout);
    await chip(app, 'alice').waitFor({ state: 'attached', timeout: wait.readyTimeout ?? 30_000 });
  });
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}

/**
 * `shot(app, name)`: saves the screenshot (test-output/screenshots) and, when TANDEM_SHOTS_DIR
 * is set, copies it there too, to be looked at.
 */
export async function shot(app: RunningApp, name: string): Promise<void> {
  const path = await app.screenshot(name);
  const dir = process.env.TANDEM_SHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await copyFile(path, join(dir, `${name}.png`));
}

/**
 * Runs `fn` with a second core on the app's workspace (another process, as the CLI is), then
 * closes that core.
 */
export async function withCli<T>(app: RunningApp, fn: (core: Tandem) => Promise<T>): Promise<T> {
  const core = await createTandem({ dataDir: app.dataDir, host: 'cli' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/**
 * Writes to the app's workspace from a second core (`withCli`), then reloads the page and waits
 * for alice's chip, so the app shows what was written.
 */
export async function seedAndReload(app: RunningApp, fn: (core: Tandem) => Promise<unknown>): Promise<void> {
  await withCli(app, fn);
  await app.page.reload({ waitUntil: 'load' });
  await chip(app, 'alice').waitFor({ timeout: 30_000 });
}

/**
 * Opens the saved request `label` as the sidebar names it ('GET Who am I'), opening its `folder`
 * first when that is closed.
 */
export async function openFromSidebar(app: RunningApp, folder: string, label: string): Promise<void> {
  const item = app.page.getByRole('treeitem', { name: label });
  if (!(await item.isVisible())) await app.page.getByRole('treeitem', { name: folder, exact: true }).click();
  await item.click();
}
