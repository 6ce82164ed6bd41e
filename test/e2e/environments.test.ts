import { expect, it } from 'vitest';
import { unwrap } from '../support/result';
import { appPerBlock, describeBrowser, openFromSidebar, seedAndReload, shot } from './harness';

/**
 * The built app in a real browser: the environment switcher beside the profiles (production in
 * the warning colour) and a saved request's checks judged above its response; light and dark.
 */

for (const scheme of ['light', 'dark'] as const)
  describeBrowser(`environments and checks (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });

    it('switching to production shows PROD; Who am I shows its checks passed and failed', {
      timeout: 120_000,
    }, async () => {
      const { page } = app;
      // Environments and checks written by another process (the CLI would do the same).
      await seedAndReload(app, async (core) => {
        unwrap(
          await core['environments.save']({
            environment: { name: 'staging', variables: { tier: 'staging' } },
          }),
        );
        unwrap(
          await core['environments.save']({
            environment: { name: 'production', production: true, variables: { tier: 'production' } },
          }),
        );
        const demo = unwrap(await core['collections.list']({})).find((c) => c.name === 'Demo API');
        const who = demo?.requests.find((r) => r.name === 'Who am I');
        if (!demo || !who) throw new Error('the sample collection is missing');
        unwrap(
          await core['collections.setChecks']({
            collectionId: demo.id,
            requestId: who.id,
            checks: [
              { kind: 'status', op: 'range', target: '', value: '2xx' },
              { kind: 'header', op: 'contains', target: 'content-type', value: 'json' },
              { kind: 'json', op: 'equals', target: '$.user', value: 'alice' },
              { kind: 'json', op: 'exists', target: '$.email', value: '' },
              { kind: 'time', op: 'below', target: '', value: '5000' },
            ],
          }),
        );
      });

      const env = page.getByRole('combobox', { name: 'Environment' });
      await env.selectOption('production');
      await page.getByText('PROD', { exact: true }).waitFor({ timeout: 15_000 });

      await openFromSidebar(app, 'Session', 'GET Who am I');
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const checks = page.getByRole('region', { name: 'Checks' });
      await checks.waitFor({ timeout: 15_000 });
      const items = checks.getByRole('listitem');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(5);
      const passes = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-pass')));
      // alice is logged in by the sample: everything holds but the email, which /profile does not return
      expect(passes.filter((p) => p === 'false').length).toBeGreaterThan(0);
      await shot(app, `h9-env-checks-${scheme}`);

      await page.getByRole('tab', { name: /^Checks/ }).click();
      await page.getByRole('table', { name: 'Checks' }).waitFor({ timeout: 15_000 });
      await shot(app, `h9-checks-editor-${scheme}`);

      // The matrix view saves its grid as a readable file.
      await page.getByRole('button', { name: 'Access matrix' }).click();
      await page.getByRole('textbox', { name: 'Matrix name' }).fill('access');
      await page.getByRole('button', { name: 'Save matrix' }).click();
      await page.getByText('Saved matrices/access.json').waitFor({ timeout: 15_000 });
      await shot(app, `h9-matrix-files-${scheme}`);
      expect(app.errors).toEqual([]);
    });
  });
