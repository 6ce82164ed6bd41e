import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from './harness';

const start = createRequire(__filename)('../../bin/start.js') as {
  electronRuntime(projectDir?: string): string | null;
};

const exe = start.electronRuntime(PROJECT_DIR);
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !exe
  ? 'skipped: Electron runtime not installed on this machine'
  : headlessLinux
    ? 'skipped: no display for Electron (run under xvfb-run)'
    : null;
const describeElectron = skipReason ? describe.skip : describe;
// Say it in the run's output too: the default reporter shows only a count of skipped tests.
if (skipReason) console.warn(`Electron end-to-end tests ${skipReason}`);

describeElectron(`the desktop app (Electron)${skipReason ? ` (${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let win: Page;
  let home: string;

  beforeAll(async () => {
    if (!existsSync(join(PROJECT_DIR, 'out', 'main', 'index.js'))) throw new Error('run npm run build first');
    home = await mkdtemp(join(tmpdir(), 'tandem-electron-'));
    app = await _electron.launch({
      executablePath: exe as string,
      args: [PROJECT_DIR, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, TANDEM_HOME: home } as Record<string, string>,
    });
    win = await app.firstWindow();
    await win.waitForLoadState('load');
  });

  afterAll(async () => {
    await app?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('opens one window titled Tandem', async () => {
    expect(await win.title()).toBe('Tandem');
    expect(app.windows()).toHaveLength(1);
  });

  it('the page sees exactly window.tandem, and no Node', async () => {
    const seen = await win.evaluate(() => ({
      bridge: Object.keys(window.tandem ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(seen).toEqual({ bridge: ['invoke', 'subscribe'], require: 'undefined', process: 'undefined' });
  });

  it('a call goes through IPC to the core: the seeded profiles are there', async () => {
    const names = await win.evaluate(async () => {
      const res = await window.tandem!.invoke('profiles.list', {});
      return res.ok ? res.value.map((p) => p.name) : [res.error.code];
    });
    expect(names).toEqual(expect.arrayContaining(['alice', 'bob', 'anonymous']));
  });
});
