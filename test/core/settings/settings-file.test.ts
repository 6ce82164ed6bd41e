import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { type Settings, settingsSchema } from '../../../main/shared/settings';
import { unwrap } from '../../support/result';
import { tempDir } from '../store/helpers';

/**
 * settings.json is one shape: what the file holds, what settings.get returns and what a
 * settings.update patch may carry. A file with every setting survives a read, a patch and the
 * write that follows unchanged (but for what the patch changed); a bad field is refused in one line.
 */

let dir: string;
let cleanup: () => Promise<void>;
let ws: string;
let browser: string;
const open: Tandem[] = [];

async function start(): Promise<Tandem> {
  const t = await createTandem({ dataDir: ws, host: 'web' });
  open.push(t);
  return t;
}

/** Every setting, none at its default, in the order and layout the store writes them. */
function everySetting(): Settings {
  return {
    theme: 'dark',
    proxy: 'http://127.0.0.1:3128',
    insecure: true,
    timeoutMs: 5000,
    maxRedirects: 3,
    keepFullHistory: true,
    maxBodyMb: 1.5,
    idleTimeoutMs: 2000,
    maxHeaderKb: 32,
    maxHeaderCount: 200,
    maxCookieBytes: 1000,
    maxCookiesPerDomain: 50,
    maxCookies: 700,
    browserPath: browser,
  };
}

const asFile = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = path.join(dir, 'ws');
  browser = path.join(dir, 'chrome.sh');
  await fs.writeFile(browser, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
  await fs.mkdir(ws, { recursive: true });
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await cleanup();
});

describe('settings.json', () => {
  it('with every setting survives read → patch → write unchanged', async () => {
    const full = everySetting();
    // A setting added to the schema must be added above.
    expect(Object.keys(full).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    await fs.writeFile(layout.settings(ws), asFile(full));
    const t = await start();
    expect(unwrap(await dispatch(t, 'settings.get', {}))).toEqual(full);

    // The whole file is a valid patch: saving it back writes the same bytes.
    expect(unwrap(await dispatch(t, 'settings.update', { patch: full }))).toEqual(full);
    expect(await fs.readFile(layout.settings(ws), 'utf8')).toBe(asFile(full));

    // A patch of one setting changes that one only.
    unwrap(await dispatch(t, 'settings.update', { patch: { theme: 'light' } }));
    expect(await fs.readFile(layout.settings(ws), 'utf8')).toBe(asFile({ ...full, theme: 'light' }));
    await t.close();

    // And a restart reads it back as it was written.
    const u = await start();
    expect(unwrap(await dispatch(u, 'settings.get', {}))).toEqual({ ...full, theme: 'light' });
  });

  it('refuses a bad field of a patch in one line, changing nothing; an unknown field is ignored', async () => {
    const full = everySetting();
    await fs.writeFile(layout.settings(ws), asFile(full));
    const t = await start();
    const prefix = 'Invalid arguments for settings.update at patch.';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ timeoutMs: -1 }, 'timeoutMs: Too small: expected number to be >=0'],
      [{ timeoutMs: 4_000_000 }, 'timeoutMs: Too big: expected number to be <=3600000'],
      [{ maxRedirects: 1.5 }, 'maxRedirects: Invalid input: expected int, received number'],
      [{ theme: 'blue' }, 'theme: Invalid option: expected one of "light"|"dark"|"system"'],
      [{ maxBodyMb: 0 }, 'maxBodyMb: Too small: expected number to be >=0.001'],
      [{ proxy: 5 }, 'proxy: Invalid input: expected string, received number'],
      [{ keepFullHistory: 'yes' }, 'keepFullHistory: Invalid input: expected boolean, received string'],
      [{ browserPath: 'x'.repeat(5000) }, 'browserPath: Too big: expected string to have <=4096 characters'],
    ];
    for (const [patch, message] of cases) {
      expect(await dispatch(t, 'settings.update', { patch: { ...patch, insecure: false } })).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: `${prefix}${message}` },
      });
    }
    expect(await dispatch(t, 'settings.update', { patch: { proxy: 'ftp://x' } })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Invalid proxy "ftp://x": use a URL such as http://127.0.0.1:3128',
      },
    });
    expect(await fs.readFile(layout.settings(ws), 'utf8')).toBe(asFile(full));

    // A field no setting has is dropped, as before: nothing else changes.
    expect(unwrap(await dispatch(t, 'settings.update', { patch: { bogus: 1 } }))).toEqual(full);
    expect(await fs.readFile(layout.settings(ws), 'utf8')).toBe(asFile(full));
  });

  it('a file with a bad field is kept aside, named in one line; an unknown field is ignored', async () => {
    const t = await start();
    await fs.writeFile(layout.settings(ws), '{"theme": "dark", "bogus": 1}\n');
    expect(unwrap(await t['settings.get']({})).theme).toBe('dark');

    await fs.writeFile(layout.settings(ws), '{"theme": "blue", "timeoutMs": 5000}\n');
    const bad = await dispatch(t, 'settings.get', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    expect(!bad.ok && bad.error.message).toMatch(
      /^settings\.json is not a valid settings file; it was kept as settings\.json\.corrupt-\S+$/,
    );
    const aside = (await fs.readdir(ws)).find((f) => f.startsWith('settings.json.corrupt-'))!;
    expect(await fs.readFile(path.join(ws, aside), 'utf8')).toContain('"blue"');
    expect(unwrap(await t['settings.get']({})).theme).toBe('system');

    // The file holds what a patch may set: a timeout past the patch's bound is as bad as a bad theme.
    await fs.writeFile(layout.settings(ws), '{"timeoutMs": 4000000}\n');
    const big = await dispatch(t, 'settings.get', {});
    expect(!big.ok && big.error.message).toMatch(
      /^settings\.json is not a valid settings file; it was kept as /,
    );
  });
});
