import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../main/demo/server';
import type { JarCookie } from '../../main/shared/cookieInfo';
import { BROWSER_LOGIN_ENV, userBrowser } from '../support/browserLogin';
import { parseJson, seededWorkspace, type TempWorkspace, tandem } from './helpers';

/** `tandem login --browser` as a real process, with /usr/bin/chromium (headless) and the demo's HTML form. */

describe('tandem login --browser', { timeout: 120_000 }, () => {
  let ws: TempWorkspace;
  let demo: DemoServer;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root, env: BROWSER_LOGIN_ENV });

  beforeAll(async () => {
    ({ ws, demo } = await seededWorkspace());
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('bob logs in by hand in the browser and closes it; his jar gets the session; Who am I answers bob', async () => {
    const login = run('login', '--browser', '--profile', 'bob', `${demo.url}/login`);
    const { browser, page } = await userBrowser(ws.dataDir, 'bob');
    await page.fill('input[name=username]', 'bob', { timeout: 30_000 });
    await page.fill('input[name=password]', 'bob-pw', { timeout: 30_000 });
    await page.click('button[type=submit]', { timeout: 30_000 });
    await page.waitForFunction(() => /"user":\s*"bob"/.test(document.body.textContent ?? ''), null, {
      timeout: 30_000,
    });
    await page.close();
    const r = await login;
    await browser.close().catch(() => undefined);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Took 2 cookies from the browser into bob: (login_csrf, session|session, login_csrf)\n$/,
    );

    const list = parseJson<JarCookie[]>(await run('cookies', 'list', '--profile', 'bob', '--json'));
    expect(list.find((c) => c.name === 'session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      source: { kind: 'browser', url: `${demo.url}/login` },
    });
    const me = await run('send', '--profile', 'bob', '{{baseUrl}}/profile', '--json');
    expect(parseJson<{ body: unknown }>(me).body).toMatchObject({ user: 'bob' });
  });

  it('a URL without --browser, or --browser without a URL, is one line and exit 2', async () => {
    const noFlag = await run('login', '--profile', 'bob', `${demo.url}/login`);
    expect(noFlag).toMatchObject({ code: 2 });
    expect(noFlag.stderr).toBe(
      'tandem: A URL is only taken with --browser (tandem login --browser --profile NAME URL)\n',
    );
    const noUrl = await run('login', '--browser', '--profile', 'bob');
    expect(noUrl).toMatchObject({
      code: 2,
      stderr: 'tandem: Give the login page: tandem login --browser --profile NAME URL\n',
    });
  });
});
