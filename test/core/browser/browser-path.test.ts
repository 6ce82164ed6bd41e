import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';
import { tempDir } from '../store/helpers';

/**
 * The browser a login starts is one setting, `browserPath` in settings.json: checked when set (a
 * missing file, a folder or a file that cannot be executed is refused in one line and nothing
 * changes), kept across restarts, used by browser.login unless one login names its own. When it is
 * empty, `browser.default` says what a login would start instead.
 */

let dir: string;
let cleanup: () => Promise<void>;
let tandem: Tandem;
let fake: string;
const savedEnv = process.env.TANDEM_BROWSER;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  delete process.env.TANDEM_BROWSER;
  // Executable, but no browser: a login started on it fails at once, naming it.
  fake = path.join(dir, 'not-a-browser.sh');
  await fs.writeFile(fake, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
  tandem = await createTandem({ dataDir: path.join(dir, 'ws'), host: 'web' });
  unwrap(await tandem['profiles.create']({ name: 'alice' }));
});

afterEach(async () => {
  if (savedEnv === undefined) delete process.env.TANDEM_BROWSER;
  else process.env.TANDEM_BROWSER = savedEnv;
  await tandem.close();
  await cleanup();
});

describe('the browserPath setting', { timeout: 60_000 }, () => {
  it('refuses a path that cannot be started, in one line, and keeps what was there', async () => {
    unwrap(await tandem['settings.update']({ patch: { browserPath: fake } }));
    const plain = path.join(dir, 'plain.txt');
    await fs.writeFile(plain, 'x', { mode: 0o644 });
    const cases: Array<[string, string]> = [
      ['/nope/chrome', 'No browser at /nope/chrome: the file does not exist'],
      [dir, `No browser at ${dir}: it is not a file`],
      [plain, `No browser at ${plain}: the file is not executable`],
    ];
    for (const [browserPath, message] of cases) {
      const res = await tandem['settings.update']({ patch: { browserPath, timeoutMs: 1234 } });
      expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message } });
    }
    const now = unwrap(await tandem['settings.get']({}));
    expect(now.browserPath).toBe(fake);
    expect(now.timeoutMs).toBe(30000);
    expect(JSON.parse(await fs.readFile(layout.settings(path.join(dir, 'ws')), 'utf8')).browserPath).toBe(
      fake,
    );
  });

  it('is kept across a restart, trimmed, and cleared by an empty value', async () => {
    unwrap(await tandem['settings.update']({ patch: { browserPath: `  ${fake} ` } }));
    await tandem.close();
    tandem = await createTandem({ dataDir: path.join(dir, 'ws'), host: 'web' });
    expect(unwrap(await tandem['settings.get']({})).browserPath).toBe(fake);
    expect(unwrap(await tandem['settings.update']({ patch: { browserPath: '  ' } })).browserPath).toBeNull();
    expect(unwrap(await tandem['settings.get']({})).browserPath).toBeNull();
  });

  it('is what browser.login starts (over TANDEM_BROWSER); a login may still name its own', async () => {
    process.env.TANDEM_BROWSER = '/usr/bin/chromium';
    unwrap(await tandem['settings.update']({ patch: { browserPath: fake } }));
    const res = await tandem['browser.login']({ profile: 'alice', url: 'http://127.0.0.1:9/login' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(new RegExp(`^Could not start ${fake}: `));
    const own = await tandem['browser.login']({
      profile: 'alice',
      url: 'http://127.0.0.1:9/login',
      browserPath: '/nope/chrome',
    });
    expect(own).toMatchObject({
      ok: false,
      error: { message: 'No browser at /nope/chrome: the file does not exist' },
    });
  });

  it('browser.default names what a login starts when the setting is empty', async () => {
    process.env.TANDEM_BROWSER = fake;
    expect(unwrap(await tandem['browser.default']({}))).toEqual({ path: fake });
    delete process.env.TANDEM_BROWSER;
    const found = unwrap(await tandem['browser.default']({})).path;
    // this machine has /usr/bin/chromium (see ENVIRONMENT.md); any Chrome found first is fine too
    expect(found).toMatch(/chrom|edge/i);
  });
});
