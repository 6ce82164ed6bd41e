import { expect, it } from 'vitest';
import { appPerBlock, describeBrowser, type RunningApp } from './harness';

/**
 * In a real browser, from the keyboard: a cell's "expect …" menu sets an exact status and a
 * check in a saved matrix; the run marks them ✓ and ✗; after a reload the saved matrix brings them back.
 */

/** Light and dark screenshots of what is on screen now. */
async function shoot(app: RunningApp, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme });
    await app.screenshot(`${name}-${colorScheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

const focused = (app: RunningApp) =>
  app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
/** With the menu open, ArrowDown until `item` has the focus (as a user watches the highlight), then Enter. */
async function choose(app: RunningApp, item: string) {
  const at = async () =>
    (await app.page.evaluate(() => document.activeElement?.textContent ?? '')).replace(/^●/, '');
  await expect
    .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: 15_000 })
    .toBe('menuitem');
  for (let i = 0; i < 12 && !(await at()).startsWith(item); i++) {
    const before = await at();
    await app.page.keyboard.press('ArrowDown');
    await expect
      .poll(at, { timeout: 2_000 })
      .not.toBe(before)
      .catch(() => undefined);
  }
  expect(await at()).toMatch(new RegExp(`^${item}`));
  await app.page.keyboard.press('Enter');
}

describeBrowser('matrix expectations set from the grid', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' });

  it('a status code and a check, set with the keyboard, are judged by the run and kept in the saved matrix', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Access matrix' }).click();
    await page.getByRole('combobox', { name: 'Folder' }).selectOption('Session');
    await page.getByRole('textbox', { name: 'Matrix name' }).fill('roles');
    await page.getByRole('button', { name: 'Save matrix' }).click();
    await page.getByText('Saved matrices/roles.json').waitFor({ timeout: 15_000 });

    // alice: Status code… → 200, all from the keyboard; focus comes back to the cell.
    await page.getByRole('button', { name: 'expect allow for Who am I as alice' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: /^Status code/ }).waitFor();
    await shoot(app, 'matrix-expect-menu');
    await choose(app, 'Status code…');
    const status = page.getByRole('dialog', { name: 'Expect a status code' });
    await status.waitFor();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    expect(await status.getByRole('alert').textContent()).toBe('A status code is from 100 to 599, not 99');
    await shoot(app, 'matrix-expect-status-error');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await status.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'expect 200 for Who am I as alice' }).waitFor();
    await expect.poll(() => focused(app), { timeout: 15_000 }).toBe('expect 200 for Who am I as alice');

    // bob: Check… → $.user equals alice (bob's profile says bob: ✗ after the run).
    await page.getByRole('button', { name: 'expect allow for Who am I as bob' }).focus();
    await page.keyboard.press('Enter');
    await choose(app, 'Check…');
    const check = page.getByRole('dialog', { name: 'Expect a check' });
    await check.getByRole('combobox', { name: 'Check kind' }).selectOption('json');
    await check.getByRole('textbox', { name: 'Check target' }).fill('$.user');
    await check.getByRole('textbox', { name: 'Check value' }).fill('alice');
    await shoot(app, 'matrix-expect-check');
    await page.keyboard.press('Enter');
    await check.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'expect $.user equals alice for Who am I as bob' }).waitFor();

    await page.getByRole('button', { name: 'Run matrix' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^12 of 12 cells/ })
      .waitFor({ timeout: 20_000 });
    const alice = page.getByRole('button', { name: /^Who am I as alice: 200 allow, as expected$/ });
    expect(await alice.locator('.matrix-pass').textContent()).toBe('✓');
    const bob = page.getByRole('button', { name: /^Who am I as bob: 200 allow, not as expected$/ });
    expect(await bob.locator('.matrix-pass').textContent()).toBe('✗');
    await bob.click();
    expect(await page.getByRole('region', { name: 'Cell response' }).textContent()).toContain(
      'Expected $.user equals alice · found bob · not as expected',
    );
    await shoot(app, 'matrix-expect-grid');

    // A reload forgets the grid; opening the saved matrix brings both back.
    await page.reload();
    await page.getByRole('button', { name: 'Access matrix' }).click();
    await page.getByRole('combobox', { name: 'Open a saved matrix' }).selectOption('roles');
    await page.getByText('Opened roles').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'expect 200 for Who am I as alice' }).waitFor();
    await page.getByRole('button', { name: 'expect $.user equals alice for Who am I as bob' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
