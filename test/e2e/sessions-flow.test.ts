import { expect, it } from 'vitest';
import { appPerBlock, describeBrowser, openFromSidebar, shot } from './harness';

/**
 * In a real browser on the first-run workspace: the matrix's jar choice before Run and its one
 * red cell, "Log in again" in a profile's menu, and a response that says what it extracted.
 */

describeBrowser('sessions in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' });

  it('the first matrix run on copy jars shows exactly one red cell: bob reads alice’s note', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Access matrix' }).click();
    const jars = page.getByRole('radiogroup', { name: 'Run jars' });
    expect(await jars.getByRole('radio', { name: 'Copy of jars' }).isChecked()).toBe(true);
    await shot(app, 'sessions-matrix-ready');
    await page.getByRole('button', { name: 'Run matrix' }).click();
    await page.getByRole('button', { name: 'Run matrix' }).waitFor({ timeout: 30_000 });
    const red = page.getByRole('button', { name: /, not as expected$/ });
    expect(await red.count()).toBe(1);
    expect(await red.getAttribute('aria-label')).toBe("Alice's note as bob: 200 allow, not as expected");
    expect(await page.getByRole('status').first().textContent()).toMatch(/ · 1 not/);
    await red.click();
    await shot(app, 'sessions-matrix-one-red');
    await page.getByRole('button', { name: 'Back to request' }).click();
  });

  it('"Log in again" in alice’s menu runs her recipe; a saved request shows what it extracted', async () => {
    const { page } = app;
    await page.locator('.profiles-switcher').getByRole('button', { name: 'Actions for alice' }).click();
    await page.getByRole('menuitem', { name: 'Log in again' }).click();
    const line = page.locator('.login-status-line.is-ok');
    await line.waitFor({ timeout: 15_000 });
    expect(await line.textContent()).toMatch(/^alice logged in \(200 OK\) · csrf = [0-9a-f]{12}… → alice/);
    await shot(app, 'sessions-login-again');

    await openFromSidebar(app, 'Access', 'GET My account');
    await page.getByRole('button', { name: 'Send as alice' }).click();
    const notes = page.getByRole('region', { name: 'Session' });
    await notes.waitFor({ timeout: 15_000 });
    expect(await notes.textContent()).toMatch(/accountCsrf = [0-9a-f]{12}… → alice/);
    await shot(app, 'sessions-extracted');
  });

  it('the Cookies tab says, live, which cookies alice will send to /profile and which not, and why', async () => {
    const { page } = app;
    await openFromSidebar(app, 'Session', 'GET Who am I');
    await page
      .getByRole('tab', { name: /^Cookies/ })
      .first()
      .click();
    const panel = page.getByRole('region', { name: 'Will send' });
    await panel.getByText(/^Cookie: session=alice\./).waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toMatch(/login_csrfpath · its path does not cover the URL/);
    await panel.locator('li').last().scrollIntoViewIfNeeded();
    await shot(app, 'sessions-will-send');
  });
});
