import { expect, it } from 'vitest';
import { unwrap } from '../support/result';
import { appPerBlock, describeBrowser, seedAndReload, shot } from './harness';

/**
 * The built app in a real browser: renaming the active environment in "Manage environments…"
 * (a bad name first: one line, nothing changed), then the switcher shows the new name with the
 * same variables; light and dark.
 */

for (const scheme of ['light', 'dark'] as const)
  describeBrowser(`renaming an environment (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });

    it('staging becomes qa: still active, same variables, the switcher follows', {
      timeout: 120_000,
    }, async () => {
      const { page } = app;
      await seedAndReload(app, async (core) => {
        unwrap(
          await core['environments.save']({
            environment: {
              name: 'staging',
              variables: { baseUrl: 'https://staging.example', tenant: 'acme' },
              profiles: { alice: { password: 's3cret' } },
            },
          }),
        );
        unwrap(await core['environments.save']({ environment: { name: 'local', variables: {} } }));
        unwrap(await core['environments.use']({ name: 'staging' }));
      });
      const switcher = page.getByRole('combobox', { name: 'Environment' });
      await expect.poll(() => switcher.inputValue(), { timeout: 15_000 }).toBe('staging');

      await page.getByRole('button', { name: 'Manage environments…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Environments' });
      await dialog.getByRole('button', { name: 'staging', exact: true }).click();
      const editor = dialog.getByRole('region', { name: 'Environment staging' });
      await editor.getByRole('button', { name: 'Rename…' }).click();
      const name = editor.getByRole('textbox', { name: 'Environment name' });
      await name.fill('local');
      await name.press('Enter');
      await editor.getByRole('alert').getByText("An environment named 'local' already exists").waitFor({
        timeout: 15_000,
      });
      await shot(app, `h-env-rename-refused-${scheme}`);

      await name.fill('qa');
      await shot(app, `h-env-rename-editing-${scheme}`);
      await name.press('Enter');
      const renamed = dialog.getByRole('region', { name: 'Environment qa' });
      await renamed.getByText('Renamed staging to qa').waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'qa', exact: true }).waitFor({ timeout: 15_000 });
      expect(await renamed.getByRole('textbox', { name: 'Variables value 1' }).inputValue()).toBe(
        'https://staging.example',
      );
      expect(await renamed.getByRole('textbox', { name: 'Values of alice value 1' }).inputValue()).toBe(
        's3cret',
      );
      // Focus is back on Rename…, not lost to the dialog.
      const again = renamed.getByRole('button', { name: 'Rename…' });
      await expect
        .poll(() => again.evaluate((el) => el === document.activeElement), { timeout: 15_000 })
        .toBe(true);
      await shot(app, `h-env-rename-done-${scheme}`);

      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => switcher.inputValue(), { timeout: 15_000 }).toBe('qa');
      await shot(app, `h-env-rename-switcher-${scheme}`);
      expect(app.errors).toEqual([]);
    });
  });
