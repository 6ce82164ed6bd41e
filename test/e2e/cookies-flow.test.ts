import { expect, it } from 'vitest';
import { appPerBlock, chip, describeBrowser, jarRows, type RunningApp, sideTab } from './harness';

/**
 * The cookie editor in a real browser: alice gets a cookie from the demo API, edits it in her
 * jar and the next request carries the new value; a bad value is refused inline and changes
 * nothing; deleting it stops it being sent; history shows who sent what. Light and dark screens
 * are saved to test-output/screenshots/.
 */

async function choose(app: RunningApp, profile: string) {
  await app.page.locator('label', { has: chip(app, profile) }).click();
  await expect.poll(() => chip(app, profile).isChecked()).toBe(true);
}

/** Sends `path` on the demo API as the active profile. */
async function send(app: RunningApp, profile: string, path: string): Promise<void> {
  const { page } = app;
  await page.getByRole('textbox', { name: 'URL' }).fill(`${app.demoUrl}${path}`);
  const button = page.getByRole('button', { name: `Send as ${profile}` });
  await button.click();
  await page.locator('.response-summary').waitFor({ state: 'visible', timeout: 15_000 });
  await button.waitFor({ timeout: 15_000 });
}

/** What /cookies answered, once the response on screen is the one expected (an earlier one may linger). */
async function expectCookiesEcho(app: RunningApp, cookies: Record<string, string>): Promise<void> {
  const body = app.page.getByRole('textbox', { name: 'Response body' });
  await expect
    .poll(
      async () => {
        try {
          return JSON.parse((await body.textContent()) ?? '');
        } catch {
          return null;
        }
      },
      { timeout: 10_000 },
    )
    .toEqual({ cookies });
}

function describeCookieFlow(scheme: 'light' | 'dark') {
  describeBrowser(`the cookie editor (${scheme})`, () => {
    // Fail with the locator's own message well before the test's 20 s limit.
    const app = appPerBlock(
      { demo: true, colorScheme: scheme },
      { pageTimeout: 8_000, readyTimeout: 15_000 },
    );

    it('an edited cookie is what the next request sends', async () => {
      const { page } = app;
      await choose(app, 'alice');
      await sideTab(app, 'Profile panel', 'Cookies').click();
      await send(app, 'alice', '/cookies/set?theme=light');
      const editor = page.getByRole('region', { name: 'Cookie jar of alice' });
      await expect.poll(() => jarRows(app)).toContain('theme=light');
      await app.screenshot(`cookies-jar-${scheme}`);

      await editor.getByRole('button', { name: 'Edit cookie theme on 127.0.0.1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit cookie theme' });
      await dialog.getByLabel('Value').fill('dark');
      await app.screenshot(`cookies-edit-${scheme}`);
      await dialog.getByRole('button', { name: 'Save cookie' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => jarRows(app)).toContain('theme=dark');

      await send(app, 'alice', '/cookies');
      await expectCookiesEcho(app, { theme: 'dark' });
    });

    it('a bad value is refused next to the field and the jar is unchanged', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Edit cookie theme on 127.0.0.1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit cookie theme' });
      const value = dialog.getByLabel('Value');
      await value.fill('a;b');
      await dialog.getByRole('button', { name: 'Save cookie' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Invalid value for cookie "theme"/);
      expect(await value.getAttribute('aria-invalid')).toBe('true');
      await app.screenshot(`cookies-invalid-${scheme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await jarRows(app)).toContain('theme=dark');
      await send(app, 'alice', '/cookies?again=1');
      await expectCookiesEcho(app, { theme: 'dark' });
    });

    it('a deleted cookie is no longer sent', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Delete cookie theme on 127.0.0.1' }).click();
      await expect.poll(() => jarRows(app)).not.toContain('theme=dark');
      await send(app, 'alice', '/cookies');
      await expectCookiesEcho(app, {});
    });

    it('history shows which profile sent what', async () => {
      const { page } = app;
      await choose(app, 'bob');
      await send(app, 'bob', '/cookies?who=bob');
      await sideTab(app, 'Sidebar', 'History').click();
      // each row is the entry's button and a "Save … to a collection" button (＋) beside it
      const entries = page.getByRole('list', { name: 'History entries' }).locator('.history-entry');
      await expect.poll(() => entries.first().textContent()).toContain('/cookies?who=bob');
      const first = (await entries.first().textContent()) ?? '';
      expect(first).toContain('bob');
      expect(first).toContain('200');
      const second = (await entries.nth(1).textContent()) ?? '';
      expect(second).toContain('alice');
      expect(second).toContain('/cookies');
      await app.screenshot(`history-${scheme}`);

      // Opening alice's entry switches back to alice with her request.
      await entries.nth(1).click();
      await expect.poll(() => chip(app, 'alice').isChecked()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${app.demoUrl}/cookies`);
    });

    it('the profile, collections and settings screens show what the workspace holds', async () => {
      const { page } = app;
      await choose(app, 'alice');
      await sideTab(app, 'Profile panel', 'Profile').click();
      const profile = page.getByRole('region', { name: 'Settings of profile alice' });
      await profile.waitFor();
      expect(await profile.getByRole('heading', { level: 2 }).textContent()).toBe('alice');
      expect(await profile.getByRole('switch', { name: 'Cookie store' }).getAttribute('aria-checked')).toBe(
        'true',
      );
      // alice's variables as the sample made them: her base URL points at this run's demo API.
      const values = await profile
        .locator('input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(values).toEqual(expect.arrayContaining(['baseUrl', app.demoUrl, 'username', 'alice']));
      await app.screenshot(`profile-settings-${scheme}`);

      await sideTab(app, 'Sidebar', 'Collections').click();
      const tree = page.getByRole('tree', { name: 'Collections' });
      await tree
        .getByRole('treeitem', { name: /Demo API/ })
        .first()
        .waitFor();
      await app.screenshot(`collections-${scheme}`);

      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.waitFor();
      expect(await settings.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
      expect(await settings.getByLabel('Default timeout (ms, 0 = none)').inputValue()).toBe('30000');
      expect(await settings.getByLabel('Max redirects').inputValue()).toBe('10');
      await app.screenshot(`settings-${scheme}`);
      await page.keyboard.press('Escape');
      await settings.waitFor({ state: 'detached' });
    });

    it.runIf(scheme === 'light')(
      'a folder made from the menu is named in place; the draft saves into it',
      async () => {
        const { page } = app;
        await sideTab(app, 'Sidebar', 'Collections').click();
        const tree = page.getByRole('tree', { name: 'Collections' });
        await tree.getByRole('button', { name: 'Actions for Demo API' }).click();
        await page.getByRole('menuitem', { name: 'New folder' }).click();
        const rename = tree.getByRole('textbox', { name: 'Rename New folder' });
        await expect.poll(() => rename.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Mine');
        await page.keyboard.press('Enter');
        await tree.getByRole('treeitem', { name: 'Mine', exact: true }).waitFor();

        await page.getByRole('textbox', { name: 'URL' }).fill(`${app.demoUrl}/cookies`);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Save request to a collection' });
        await dialog.getByLabel('Name').fill('My cookies');
        await dialog.getByLabel('Folder').selectOption('Mine');
        await app.screenshot('collections-save-light');
        await dialog.getByRole('button', { name: 'Save', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        const saved = tree.getByRole('treeitem', { name: 'GET My cookies' });
        await saved.waitFor();
        expect(await saved.getAttribute('aria-level')).toBe('3');
        expect(await saved.getAttribute('aria-selected')).toBe('true');
      },
    );

    it('nothing crashed in the page', () => {
      expect(app.errors.filter((e) => /Uncaught|TypeError|Refused to/i.test(e))).toEqual([]);
    });
  });
}

describeCookieFlow('light');
describeCookieFlow('dark');
