import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_LOGIN_ENV, userBrowser } from '../support/browserLogin';
import { appPerBlock, chip, describeBrowser, openFromSidebar, type RunningApp } from './harness';

/**
 * "Log in with browser" in web mode: bob opens a real browser (/usr/bin/chromium, headless here)
 * from his jar, fills the demo's HTML login form in that window and closes it; his jar gets the
 * session with its attributes and source; the cookie's details say where it came from; the next
 * "Who am I" as bob answers bob. Light and dark screenshots go to /tmp/shots/h10/.
 */

const SHOTS = '/tmp/shots/h10';

async function shot(app: RunningApp, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` });
}

function describeBrowserLogin(scheme: 'light' | 'dark') {
  describeBrowser(`browser login (${scheme})`, () => {
    const saved = { ...process.env };
    beforeAll(() => {
      Object.assign(process.env, BROWSER_LOGIN_ENV);
    });
    afterAll(() => {
      for (const k of Object.keys(BROWSER_LOGIN_ENV)) if (!(k in saved)) delete process.env[k];
    });
    const app = appPerBlock({ demo: true, colorScheme: scheme }, { pageTimeout: 20_000 });

    it('bob logs in by hand in the browser window and closes it; Who am I then answers bob', async () => {
      const { page } = app;
      await page.locator('label', { has: chip(app, 'bob') }).click();
      await expect.poll(() => chip(app, 'bob').isChecked(), { timeout: 15_000 }).toBe(true);
      await page
        .getByRole('tablist', { name: 'Profile panel' })
        .getByRole('tab', { name: 'Cookies', exact: true })
        .click();
      const jar = page.getByRole('region', { name: 'Cookie jar of bob' });
      await jar.getByRole('button', { name: 'Log in with browser…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log in as bob with a browser' });
      await dialog.getByLabel('Login page').fill(`${app.demoUrl}/login`);
      await shot(app, `browser-login-dialog-${scheme}`);
      await dialog.getByRole('button', { name: 'Open browser' }).click();
      await dialog.getByRole('button', { name: 'Done' }).waitFor({ timeout: 15_000 });

      // The user, in the browser window that opened.
      const { browser, page: login } = await userBrowser(app.dataDir, 'bob');
      await login.fill('input[name=username]', 'bob', { timeout: 30_000 });
      await login.fill('input[name=password]', 'bob-pw', { timeout: 30_000 });
      await login.click('button[type=submit]', { timeout: 30_000 });
      await login.waitForFunction(() => /"user":\s*"bob"/.test(document.body.textContent ?? ''), null, {
        timeout: 30_000,
      });
      await login.close();
      await browser.close().catch(() => undefined);

      await dialog.waitFor({ state: 'detached', timeout: 30_000 });
      await jar.getByText(/^Took 2 cookies from the browser into bob/).waitFor({ timeout: 15_000 });
      await jar.getByRole('button', { name: 'Details of cookie session on 127.0.0.1' }).click();
      const details = page.getByRole('dialog', { name: 'Cookie session' });
      await details.getByText('browser login', { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(await details.getByRole('region', { name: 'Source' }).textContent()).toContain(
        `browser login (${app.demoUrl}/login)`,
      );
      await shot(app, `browser-login-details-${scheme}`);
      await page.keyboard.press('Escape');
      await details.waitFor({ state: 'detached' });

      await openFromSidebar(app, 'Session', 'GET Who am I');
      await page.getByRole('button', { name: 'Send as bob' }).click();
      const body = page.getByRole('textbox', { name: 'Response body' });
      await expect
        .poll(async () => (await body.textContent()) ?? '', { timeout: 15_000 })
        .toMatch(/"user":\s*"bob"/);
      await shot(app, `browser-login-whoami-${scheme}`);
    });
  });
}

describeBrowserLogin('light');
describeBrowserLogin('dark');
