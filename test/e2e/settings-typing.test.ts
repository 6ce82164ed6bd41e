import { expect, it } from 'vitest';
import { unwrap } from '../support/result';
import { appPerBlock, describeBrowser, shot, withCli } from './harness';

/**
 * In a real browser, light and dark: the Settings dialog keeps what the user is typing into its
 * Proxy URL field while another process (as the CLI is) changes the timeout in the same workspace;
 * the timeout field follows that change, and leaving the proxy field saves what was typed.
 */

for (const scheme of ['light', 'dark'] as const) {
  describeBrowser(`Settings keeps typed text through a change elsewhere (${scheme})`, () => {
    const app = appPerBlock({ demo: true, colorScheme: scheme });

    it('the proxy being typed stays while the CLI changes the timeout, and is saved when left', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      const proxy = dialog.getByLabel('Proxy URL');
      const timeout = dialog.getByLabel('Default timeout (ms, 0 = none)');
      await expect.poll(() => timeout.inputValue(), { timeout: 15_000 }).toBe('30000');
      await proxy.click();
      await proxy.pressSequentially('http://127.0.0.1:3128');

      await withCli(app, async (cli) => unwrap(await cli['settings.update']({ patch: { timeoutMs: 4321 } })));
      await expect.poll(() => timeout.inputValue(), { timeout: 15_000 }).toBe('4321');
      expect(await proxy.inputValue()).toBe('http://127.0.0.1:3128');
      expect(await proxy.evaluate((el) => el === document.activeElement)).toBe(true);
      await shot(app, `settings-typing-kept-${scheme}`);

      await proxy.press('Tab');
      await dialog.getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
      const now = await withCli(app, async (check) => unwrap(await check['settings.get']({})));
      expect(now).toMatchObject({ proxy: 'http://127.0.0.1:3128', timeoutMs: 4321 });
      expect(await proxy.inputValue()).toBe('http://127.0.0.1:3128');

      // A bad number is explained under its field, in the shared field's layout.
      await timeout.fill('soon');
      await timeout.press('Tab');
      await dialog.getByRole('alert').waitFor();
      expect(await dialog.getByRole('alert').textContent()).toBe('Timeout must be a whole number');
      await shot(app, `settings-typing-error-${scheme}`);
      await dialog.getByRole('button', { name: 'Done' }).click();
    });
  });
}
