import { expect, it } from 'vitest';
import { appPerBlock, describeBrowser, openFromSidebar, shot } from './harness';

/**
 * In a real browser, light and dark: a cookie's source in its details is a link to the send that
 * set it (the demo's "Set cookie via redirect": hop 1 sets session_id), which opens that send with
 * its response on the Cookies tab at that hop; and Settings › Browser login, where a path that
 * cannot be started is refused in one line and a good one is kept when Settings opens again.
 */

for (const scheme of ['light', 'dark'] as const) {
  describeBrowser(`cookie source link and browser setting (${scheme})`, () => {
    const app = appPerBlock({ demo: true, colorScheme: scheme });

    it("a cookie's source opens the send that set it, at the hop", async () => {
      const { page } = app;
      await openFromSidebar(app, 'httpbin', 'GET Set cookie via redirect');
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const response = page.getByRole('region', { name: 'Response' });
      await response.getByText('1 redirect').waitFor({ timeout: 15_000 });
      // Another send in the same tab: the first is now only in history.
      await page
        .getByRole('tab', { name: /^Cookies/ })
        .first()
        .waitFor();
      const url = page.getByRole('textbox', { name: 'URL' });
      await url.fill(`${app.demoUrl}/cookies`);
      await page.getByRole('button', { name: 'Send as alice' }).click();
      await response.getByText('1 redirect').waitFor({ state: 'detached', timeout: 15_000 });
      // landed (not just under way): the response's parts are back
      await response.getByRole('tab', { name: /^Body/ }).waitFor({ timeout: 15_000 });

      const jar = page.getByRole('region', { name: 'Cookie jar of alice' });
      await jar.getByRole('button', { name: /^Details of cookie session_id on / }).click();
      const dialog = page.getByRole('dialog', { name: 'Cookie session_id' });
      const link = dialog.getByRole('button', { name: /^Open the send that set it: .*, hop 1$/ });
      await link.waitFor();
      await shot(app, `cookie-source-link-${scheme}`);

      await link.click();
      await dialog.waitFor({ state: 'detached' });
      await response.getByText('1 redirect').waitFor({ timeout: 15_000 });
      // history keeps the request with credentials redacted (session_id's value among them)
      expect(await url.inputValue()).toMatch(/^\{\{baseUrl\}\}\/cookies\/set\?session_id=/);
      expect(await response.getByRole('tab', { name: /^Cookies/ }).getAttribute('aria-selected')).toBe(
        'true',
      );
      const hop = response.locator('section[aria-current="true"]');
      expect(await hop.getAttribute('aria-label')).toMatch(/^Hop 1: GET .*\/cookies\/set\?session_id=/);
      expect(await hop.textContent()).toContain('set session_id in the jar');
      await shot(app, `cookie-source-opened-${scheme}`);

      // History cleared: the link says so in one line and opens nothing.
      await page.getByRole('tab', { name: 'History', exact: true }).click();
      await page.getByRole('button', { name: 'Clear history' }).click();
      await page
        .getByRole('dialog', { name: 'Clear all history?' })
        .getByRole('button', { name: 'Clear history' })
        .click();
      await page.getByRole('tab', { name: 'Collections', exact: true }).click();
      // (a tab still showing that send would come forward instead: close it)
      await page.locator('.tabbar-tab.is-active .tabbar-close').click();
      const tabs = await page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').count();
      await jar.getByRole('button', { name: /^Details of cookie session_id on / }).click();
      await dialog.getByRole('button', { name: /^Open the send that set it/ }).click();
      const gone = dialog.getByRole('status');
      await gone.waitFor();
      expect(await gone.textContent()).toBe(
        "That send is not in alice's history: cleared, past the history cap, or sent within a run.",
      );
      await shot(app, `cookie-source-gone-${scheme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').count()).toBe(tabs);
    });

    it('Settings › Browser login: a bad path is one line and changes nothing; a good one is kept', async () => {
      const { page } = app;
      const open = async () => {
        await page.getByRole('button', { name: 'Settings', exact: true }).click();
        return page.getByRole('dialog', { name: 'Settings' });
      };
      let dialog = await open();
      const field = dialog.getByLabel('Chrome, Chromium or Edge to start');
      await field.scrollIntoViewIfNeeded();
      // the core's answer (browser.default) arrives after the dialog opens
      await expect.poll(() => field.getAttribute('placeholder'), { timeout: 15_000 }).toMatch(/chrom/i);
      await shot(app, `settings-browser-placeholder-${scheme}`);
      await field.fill('/usr/bin/chromium');
      await field.blur();
      await dialog.getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
      await field.fill('/nope/chrome');
      await field.blur();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe('No browser at /nope/chrome: the file does not exist');
      await shot(app, `settings-browser-error-${scheme}`);

      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
      dialog = await open();
      const again = dialog.getByLabel('Chrome, Chromium or Edge to start');
      await again.scrollIntoViewIfNeeded();
      expect(await again.inputValue()).toBe('/usr/bin/chromium');
      await shot(app, `settings-browser-${scheme}`);
      await dialog.getByRole('button', { name: 'Done' }).click();
    });
  });
}
