import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { unwrap } from '../support/result';
import { appPerBlock, describeBrowser, shot, withCli } from './harness';

/**
 * The built app in a real browser, as a user: Manage environments…, Import Postman environment…,
 * pick a Postman export, read the preview (name, variables, secret-typed stored as plain text,
 * disabled left out; a taken name refused in one line and Import disabled), choose another name,
 * Import; the new environment and its variables show in the editor and the switcher, and the
 * environment that held the file's name is untouched. A broken file is one line. Light and dark.
 */

const FIXTURES = join(__dirname, '..', 'core', 'environments', 'fixtures');

for (const scheme of ['light', 'dark'] as const)
  describeBrowser(`importing a Postman environment (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });

    it('previews, refuses the taken name, imports under another; the editor and switcher show it', {
      timeout: 120_000,
    }, async () => {
      const { page } = app;
      await withCli(app, async (core) =>
        unwrap(
          await core['environments.save']({ environment: { name: 'QA-server', variables: { keep: 'me' } } }),
        ),
      );
      const existing = join(app.dataDir, 'environments', 'QA-server.json');
      const before = await readFile(existing, 'utf8');

      await page.getByRole('button', { name: 'Manage environments…' }).click();
      const manager = page.getByRole('dialog', { name: 'Environments' });
      await manager.getByRole('button', { name: 'Import Postman environment…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import Postman environment' });
      await dialog
        .getByLabel('Postman environment file')
        .setInputFiles(join(FIXTURES, 'qa.postman_environment.json'));
      const preview = dialog.getByRole('region', { name: 'Postman environment preview' });
      await expect
        .poll(() => preview.locator('.interop-summary').first().textContent(), { timeout: 15_000 })
        .toBe('Would create environment QA-server (“QA server” in the file): 4 variables of 5');
      const alert = dialog.getByRole('alert');
      expect(await alert.textContent()).toBe(
        "An environment named 'QA-server' already exists: choose another name",
      );
      const importButton = dialog.getByRole('button', { name: 'Import 4 variables' });
      expect(await importButton.isDisabled()).toBe(true);
      const rows = preview.getByRole('list', { name: 'Variables' }).getByRole('listitem');
      expect(await rows.allTextContents()).toEqual([
        'baseUrl',
        'apiKeysecretsecret in Postman: stored as plain text',
        'refreshTokensecretsecret in Postman: stored as plain text; empty in the file',
        'oldHostdisabled in Postman: left out',
        'retries',
      ]);
      expect(await preview.textContent()).toContain(
        '2 secret-typed values are stored as plain text in environments/QA-server.json',
      );
      await shot(app, `h-penv-preview-taken-${scheme}`);

      await dialog.getByRole('textbox', { name: 'Environment name' }).fill('qa');
      await expect
        .poll(() => preview.locator('.interop-summary').first().textContent(), { timeout: 15_000 })
        .toBe('Will create environment qa (“QA server” in the file): 4 variables of 5');
      expect(await alert.count()).toBe(0);
      await shot(app, `h-penv-preview-${scheme}`);
      await importButton.click();

      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      const editor = manager.getByRole('region', { name: 'Environment qa' });
      await editor
        .getByText('Imported qa from qa.postman_environment.json: 4 variables')
        .waitFor({ timeout: 15_000 });
      const names = await editor.getByRole('textbox', { name: /^Variables name \d+$/ }).all();
      const values = await editor.getByRole('textbox', { name: /^Variables value \d+$/ }).all();
      expect(await Promise.all(names.map((n) => n.inputValue()))).toEqual([
        'baseUrl',
        'apiKey',
        'refreshToken',
        'retries',
      ]);
      expect(await Promise.all(values.map((v) => v.inputValue()))).toEqual([
        'https://qa.example.test',
        'k-123',
        '',
        '3',
      ]);
      await shot(app, `h-penv-imported-${scheme}`);
      // The environment holding the file's own name was never touched.
      expect(await readFile(existing, 'utf8')).toBe(before);

      // A broken file: one line, no preview, nothing to import.
      await manager.getByRole('button', { name: 'Import Postman environment…' }).click();
      await dialog
        .getByLabel('Postman environment file')
        .setInputFiles(join(FIXTURES, 'truncated.postman_environment.json'));
      await expect
        .poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 })
        .toMatch(/^Not a Postman environment: the file is not valid JSON \(.+\)$/);
      expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
      await shot(app, `h-penv-broken-${scheme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });

      await manager.getByRole('button', { name: 'Done' }).click();
      const switcher = page.getByRole('combobox', { name: 'Environment' });
      await switcher.selectOption('qa');
      await expect.poll(() => switcher.inputValue(), { timeout: 15_000 }).toBe('qa');
      await shot(app, `h-penv-switcher-${scheme}`);
      expect(app.errors).toEqual([]);
    });
  });
