import { expect, it } from 'vitest';
import { appPerBlock, describeBrowser, openFromSidebar } from './harness';

/**
 * In a real browser: the access matrix over the sample collection's Session folder (alice
 * allowed, anonymous denied on "Who am I"), then alice and bob compared on /profile.
 */

describeBrowser('compare profiles and the access matrix in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' });

  it('the matrix over the Session folder: alice is allowed, anonymous denied on Who am I', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Access matrix' }).click();
    await page.getByRole('combobox', { name: 'Folder' }).selectOption('Session');
    await app.screenshot('matrix-ready');
    // The sample's saved expectations are shown; anonymous is expected to be denied "Who am I".
    await page.getByRole('button', { name: 'expect deny for Who am I as anonymous' }).waitFor();
    await page.getByRole('button', { name: 'Run matrix' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^12 of 12 cells/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Who am I as alice: 200 allow, as expected$/ }).waitFor();
    await page.getByRole('button', { name: /^Who am I as anonymous: 401 deny, as expected$/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('12 as expected · 0 not');
    await page.getByRole('button', { name: /^Who am I as alice/ }).click();
    expect(await page.getByRole('region', { name: 'Cell response' }).textContent()).toContain('alice');
    await app.screenshot('matrix-done');
    await page.getByRole('button', { name: 'Back to request' }).click();
  });

  it('alice logs in, bob does not: compared on /profile, status and `user` differ', async () => {
    const { page } = app;
    await openFromSidebar(app, 'Session', 'POST Log in');
    await page.getByRole('button', { name: 'Send as alice' }).click();
    await page.locator('.response-summary').waitFor({ state: 'visible', timeout: 15_000 });

    await page.getByRole('combobox', { name: 'Method' }).selectOption('GET');
    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/profile');
    await page.getByRole('button', { name: 'Choose profiles to compare' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'anonymous' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Compare 2$/ }).click();
    const headline = page.locator('.compare-headline');
    await headline.waitFor({ timeout: 15_000 });
    expect(await headline.textContent()).toBe(
      'status differs: alice 200 · bob 401 · body differs at 3 paths',
    );
    const userRow = page.getByRole('table', { name: 'Differences' }).getByRole('row', { name: /^user/ });
    expect(await userRow.textContent()).toContain('"alice"');
    await app.screenshot('compare-alice-bob');

    // Single mode shows alice's own response again; the comparison is still there after.
    await page.locator('label', { hasText: /^Single$/ }).click();
    await page.locator('.response-summary').waitFor();
    await page.locator('label', { hasText: /^Side by side$/ }).click();
    await headline.waitFor();
    expect(app.errors).toEqual([]);
  });
});
