import { expect, it } from 'vitest';
import { unwrap } from '../support/result';
import { appPerBlock, chip, describeBrowser, seedAndReload, shot } from './harness';

/**
 * The built app in a real browser: alice has values on staging (the active environment); renamed
 * to alice2 from her chip's menu, "Manage environments…" shows those values as alice2's, and the
 * hint under an environment's variables says whether they are in use now; light and dark.
 */

for (const scheme of ['light', 'dark'] as const)
  describeBrowser(`renaming a profile keeps her environment values (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });

    it('alice becomes alice2: her values on staging are alice2s; the hint is true for staging and local', {
      timeout: 120_000,
    }, async () => {
      const { page } = app;
      await seedAndReload(app, async (core) => {
        unwrap(
          await core['environments.save']({
            environment: {
              name: 'staging',
              variables: { baseUrl: 'https://staging.example' },
              profiles: { alice: { password: 'alice-on-staging' } },
            },
          }),
        );
        unwrap(await core['environments.save']({ environment: { name: 'local', variables: {} } }));
        unwrap(await core['environments.use']({ name: 'staging' }));
      });

      await page.getByRole('button', { name: 'Actions for alice', exact: true }).first().click();
      await page.getByRole('menuitem', { name: 'Rename…' }).click();
      const name = page.getByRole('textbox', { name: 'Profile name' });
      await name.fill('alice2');
      await name.press('Enter');
      await chip(app, 'alice2').waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'Manage environments…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Environments' });
      await dialog.getByRole('button', { name: 'staging', exact: true }).click();
      const staging = dialog.getByRole('region', { name: 'Environment staging' });
      await staging
        .getByText('In use as {{name}}: staging is the active environment.')
        .waitFor({ timeout: 15_000 });
      await staging.getByRole('combobox', { name: 'Profile' }).selectOption('alice2');
      const values = staging.getByRole('textbox', { name: /value 1/ }).last();
      await expect.poll(() => values.inputValue(), { timeout: 15_000 }).toBe('alice-on-staging');
      await shot(app, `profile-renamed-staging-${scheme}`);

      await dialog.getByRole('button', { name: 'local', exact: true }).click();
      const local = dialog.getByRole('region', { name: 'Environment local' });
      await local
        .getByText('Used as {{name}} only while local is the active environment; staging is active now.')
        .waitFor({ timeout: 15_000 });
      await shot(app, `environment-not-active-${scheme}`);
      expect(app.errors).toEqual([]);
    });
  });
