import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../main/contract';
import { CONTENT_SECURITY_POLICY } from '../../main/web/csp';

/**
 * The built Electron main (out/main/index.js) run by Node with a recording stand-in for the
 * `electron` module (the runtime itself cannot be installed here; test/e2e/electron.test.ts
 * drives the real one where it exists). The core, the store and the files on disk are real.
 */

const MAIN = resolve(__dirname, '../../out/main/index.js');
const STAND_IN = resolve(__dirname, 'fixtures/electron-stand-in.cjs');

// biome-ignore lint/suspicious/noExplicitAny: a JSON report read back from the child process
let report: any;
let home: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('out/main/index.js is missing: run npm run build');
  home = await mkdtemp(join(tmpdir(), 'tandem-main-'));
  const reportFile = join(home, 'report.json');
  const child = spawn(process.execPath, ['-r', STAND_IN, MAIN], {
    env: { ...process.env, TANDEM_HOME: join(home, 'data'), REPORT: reportFile, ELECTRON_RENDERER_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  if (!existsSync(reportFile)) throw new Error(`Electron main ended (${code}) without a report:\n${stderr}`);
  report = JSON.parse(await readFile(reportFile, 'utf8'));
});

afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

describe('the Electron main process, one session', () => {
  it('boots without a problem, holding the single-instance lock', () => {
    expect(report.problem).toBeUndefined();
    expect(report.singleInstanceLock).toBe(true);
  });

  it('opens one window on the built page, with the preload and every isolation switch on', () => {
    expect(report.loaded).toBe(report.indexUrl);
    const { preload, ...switches } = report.windowOptions.webPreferences;
    // The same switches as the browser-login window (test/shell/browser-login.test.ts), nothing else.
    expect(switches).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(preload).toMatch(/out[\\/]preload[\\/]index\.js$/);
    expect(report.shown).toBe(true);
  });

  it('registers exactly the contract channels and answers the app page from the seeded core', () => {
    expect([...report.channels].sort()).toEqual([...channels].sort());
    expect(report.trustedList.ok).toBe(true);
    expect(report.trustedList.value.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['alice', 'bob', 'anonymous']),
    );
    expect(report.created).toMatchObject({ ok: true, value: { name: 'zed' } });
    expect(report.badArgs).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses IPC from any other page', () => {
    expect(report.untrustedList).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('forwards core events to the window as tandem:event', () => {
    expect(report.sent).toContainEqual({
      channel: 'tandem:event',
      message: { event: 'profiles.changed', payload: expect.anything() },
    });
  });

  it("puts the CSP on the app's page only, and denies permission prompts", () => {
    expect(report.appHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(report.appHeaders['X-Test']).toEqual(['1']);
    expect(report.otherHeaders['Content-Security-Policy']).toBeUndefined();
    expect(report.permission).toBe(false);
  });

  it('never opens new windows or navigates away; web links go to the system browser', () => {
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.windowOpenFile).toEqual({ action: 'deny' });
    expect(report.navigateAway).toBe(true);
    expect(report.navigateHome).toBe(false);
    expect(report.opened).toEqual(['https://example.com/docs', 'https://evil.example/phish']);
  });

  it('remembers the window bounds and flushes the core before quitting', async () => {
    const saved = JSON.parse(await readFile(join(home, 'data', 'window.json'), 'utf8'));
    expect(saved).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(report.quitDeferred).toBe(true);
    expect(report.exitCode).toBe(0);
    const profile = join(home, 'data', 'profiles', 'zed', 'profile.json');
    expect(existsSync(profile)).toBe(true);
  });

  it('has the standard menu: File, Edit, View, Window', () => {
    expect(JSON.stringify(report.menu)).toMatch(/"role":"quit"|"role":"close"/);
    expect(report.menu.map((m: { role?: string; label?: string }) => m.role ?? m.label)).toEqual(
      // Window is spelled out (not role windowMenu) so closing the window can move to Ctrl/Cmd+Shift+W
      expect.arrayContaining(['File', 'editMenu', 'View', 'Window']),
    );
  });
});
