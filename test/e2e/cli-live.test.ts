import { expect, it } from 'vitest';
import { appPerBlock, chip, describeBrowser, jarRows, shot, sideTab, withCli } from './harness';

/**
 * A tester keeps the app open and works in a terminal beside it: `tandem send` as alice, `tandem
 * profiles create carol`, `tandem profiles delete carol`, `tandem profiles rename alice alicia`.
 * The open app follows without a reload: alice's jar shows the cookie the CLI was given, history
 * lists the CLI's send, the profile switcher gains and loses carol, and alice's chip becomes
 * alicia's, still chosen.
 */

function describeLive(scheme: 'light' | 'dark') {
  describeBrowser(`the app follows the CLI (${scheme})`, () => {
    const app = appPerBlock({ demo: true, colorScheme: scheme }, { pageTimeout: 8_000 });

    it("alice's jar and history show a send made from the terminal", async () => {
      const { page } = app;
      await page.locator('label', { has: chip(app, 'alice') }).click();
      await sideTab(app, 'Profile panel', 'Cookies').click();
      await sideTab(app, 'Sidebar', 'History').click();
      expect(await jarRows(app)).not.toContain('from=terminal');

      await withCli(app, async (cli) => {
        const sent = await cli['request.send']({
          profile: 'alice',
          request: {
            method: 'GET',
            url: `${app.demoUrl}/cookies/set?from=terminal`,
            headers: [],
            body: { type: 'none' },
          },
        });
        expect(sent.ok).toBe(true);
      });

      await expect.poll(() => jarRows(app), { timeout: 15_000 }).toContain('from=terminal');
      const entries = page.getByRole('list', { name: 'History entries' }).locator('.history-entry');
      await expect
        .poll(() => entries.first().textContent(), { timeout: 15_000 })
        .toContain('/cookies/set?from=terminal');
      expect(await entries.first().textContent()).toContain('alice');
      expect(await page.locator('.history-count').textContent()).toBe('1 request');
      await shot(app, `cli-live-${scheme}`);
    });

    it('a profile created and deleted from the terminal appears in the switcher and goes again', async () => {
      await withCli(app, async (cli) => {
        expect((await cli['profiles.create']({ name: 'carol', color: '#e0527a' })).ok).toBe(true);
      });
      await chip(app, 'carol').waitFor({ state: 'attached', timeout: 15_000 });

      await withCli(app, async (cli) => {
        expect((await cli['profiles.delete']({ name: 'carol' })).ok).toBe(true);
      });
      await chip(app, 'carol').waitFor({ state: 'detached', timeout: 15_000 });
      expect(await chip(app, 'alice').isChecked()).toBe(true);
    });

    it('alice renamed from the terminal: her chip follows, still chosen, with her jar and her last response', async () => {
      const { page } = app;
      await page.getByRole('textbox', { name: 'URL' }).fill(`${app.demoUrl}/cookies`);
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const summary = page.locator('.response-summary');
      await summary.waitFor({ state: 'visible', timeout: 15_000 });
      await withCli(app, async (cli) => {
        expect((await cli['profiles.rename']({ from: 'alice', to: 'alicia' })).ok).toBe(true);
      });
      await expect.poll(() => chip(app, 'alicia').isChecked(), { timeout: 15_000 }).toBe(true);
      await chip(app, 'alice').waitFor({ state: 'detached', timeout: 15_000 });
      // The tab's response moved to alicia with the rest: still on screen, sent as her now.
      await page.getByRole('button', { name: 'Send as alicia' }).waitFor();
      expect(await summary.isVisible()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('terminal');
      await sideTab(app, 'Profile panel', 'Cookies').click();
      await app.page.getByRole('region', { name: 'Cookie jar of alicia' }).waitFor();
      expect(await jarRows(app)).toContain('from=terminal');
      await shot(app, `cli-live-renamed-${scheme}`);
    });
  });
}

describeLive('light');
describeLive('dark');
