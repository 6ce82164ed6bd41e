import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { JarCookie } from '../../../main/shared/cookieInfo';
import { BROWSER_LOGIN_ENV, userBrowser as openedBrowser } from '../../support/browserLogin';
import { unwrap } from '../../support/result';
import { type LoopbackServer, startServer, tempDir } from '../store/helpers';

/**
 * Browser login with the real /usr/bin/chromium (headless here): the core starts it on the
 * profile's own user-data dir; the test, as the user, fills the login form in that window over
 * the DevTools port and closes it; the cookies land in the jar with their attributes.
 */

const FORM = `<!doctype html><form method="post" action="/login">
<input name="username"><input name="password" type="password"><button>Log in</button></form>`;

let dir: string;
let cleanup: () => Promise<void>;
let server: LoopbackServer;
let tandem: Tandem;
let base: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  server = await startServer((req, res) => {
    if (req.method === 'GET' && req.url === '/login') {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'theme=dark; Path=/app' }).end(FORM);
      return;
    }
    if (req.method === 'POST' && req.url === '/login') {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const user = new URLSearchParams(body).get('username') ?? '';
        res.writeHead(303, {
          location: '/me',
          'set-cookie': `session=${user}-signed; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`,
        });
        res.end();
      });
      return;
    }
    const user = /session=([a-z]+)-signed/.exec(req.headers.cookie ?? '')?.[1];
    res.writeHead(user ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(user ? { user } : { detail: 'Not authenticated' }));
  });
  base = server.url.replace('127.0.0.1', 'localhost');
  Object.assign(process.env, BROWSER_LOGIN_ENV);
  tandem = await createTandem({ dataDir: dir, host: 'web' });
  unwrap(await tandem['profiles.create']({ name: 'alice' }));
});

afterEach(async () => {
  delete process.env.TANDEM_BROWSER_ARGS;
  delete process.env.TANDEM_BROWSER;
  await tandem.close();
  await server.close();
  await cleanup();
});

const userBrowser = (profile: string) => openedBrowser(dir, profile);

describe('browser login', { timeout: 120_000 }, () => {
  it('the user logs in by hand and closes the window: the cookies go into the jar, attributes kept', async () => {
    const login = tandem['browser.login']({ profile: 'alice', url: `${base}/login` });
    const { browser, page } = await userBrowser('alice');
    await page.fill('input[name=username]', 'alice', { timeout: 30_000 });
    await page.fill('input[name=password]', 'alice-pw', { timeout: 30_000 });
    await Promise.all([page.waitForURL(/\/me$/, { timeout: 30_000 }), page.click('button')]);
    expect(await page.textContent('body')).toContain('"user":"alice"');
    await page.close();
    const result = unwrap(await login);
    await browser.close().catch(() => undefined);
    expect(result.ended).toBe('closed');
    expect(result.imported.map((c) => c.name).sort()).toEqual(['session', 'theme']);

    const list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    const session = list.find((c) => c.name === 'session') as JarCookie;
    expect(session).toMatchObject({
      domain: 'localhost',
      path: '/',
      hostOnly: true,
      httpOnly: true,
      secure: false,
      sameSite: 'Strict',
      source: { kind: 'browser', url: `${base}/login` },
    });
    expect(Date.parse(session.expires as string) - Date.now()).toBeGreaterThan(3_000_000);
    expect(list.find((c) => c.name === 'theme')).toMatchObject({ path: '/app', expires: null });

    // The next request as alice answers as alice.
    const me = unwrap(
      await tandem['request.send']({
        profile: 'alice',
        request: { method: 'GET', url: `${base}/me`, headers: [], body: { type: 'none' } },
      }),
    );
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toEqual({ user: 'alice' });
  });

  it('Done takes the cookies of the chosen domains only; bad input is one clear line', async () => {
    const login = tandem['browser.login']({
      profile: 'alice',
      url: `${base}/login`,
      domains: ['example.com'],
    });
    const { browser } = await userBrowser('alice');
    expect(unwrap(await tandem['browser.done']({ profile: 'alice' }))).toEqual({ finished: true });
    const result = unwrap(await login);
    await browser.close().catch(() => undefined);
    expect(result).toMatchObject({ ended: 'done', imported: [] });

    const bad = await tandem['browser.login']({ profile: 'alice', url: 'ftp://x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } });
    const nobody = await tandem['browser.login']({ profile: 'ghost', url: `${base}/login` });
    expect(nobody.ok).toBe(false);
    const noBrowser = await tandem['browser.login']({
      profile: 'alice',
      url: `${base}/login`,
      browserPath: '/nope/chrome',
    });
    expect(noBrowser).toMatchObject({
      ok: false,
      error: { message: 'No browser at /nope/chrome: the file does not exist' },
    });
    expect(unwrap(await tandem['browser.done']({ profile: 'alice' }))).toEqual({ finished: false });
  });
});
