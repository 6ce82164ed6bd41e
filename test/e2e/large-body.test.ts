import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { describeBrowser, type RunningApp, startApp } from './harness';

/**
 * A large JSON response in the browser: its body comes beside the envelope, is laid out in a
 * worker and only the visible lines are drawn. The user sees it formatted from the first line,
 * scrolls to the end, switches to Raw; a body cut at the cap is saved whole to a file.
 */

const items = 40_000;
const big = JSON.stringify([
  { marker: 'first-of-the-big-body' },
  ...Array.from({ length: items }, (_, i) => ({ id: i, name: `item-${i}` })),
  { marker: 'last-of-the-big-body' },
]);

let api: LoopbackServer;
let app: RunningApp;

beforeAll(async () => {
  api = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(big);
  });
  app = await startApp({ demo: false });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await api?.close();
});

async function send(url: string) {
  const { page } = app;
  const field = page.getByLabel('URL', { exact: true });
  await field.waitFor({ timeout: 15_000 });
  await field.fill(url);
  await page.getByRole('button', { name: /^Send( as .+)?$/ }).click();
}

const body = () => app.page.getByRole('document', { name: 'Response body' });

describeBrowser('a large response body', () => {
  it('is shown formatted from its first line, scrolls to its last, and switches to Raw', async () => {
    const { page } = app;
    expect(big.length).toBeGreaterThan(1_000_000);
    await send(`${api.url}/big`);
    await body().getByText('"marker": "first-of-the-big-body"').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator('.large-body-status').textContent(), { timeout: 15_000 })
      .toMatch(/^[\d,]+ lines, formatted$/);
    const lines = Number(
      ((await page.locator('.large-body-status').textContent()) ?? '').replace(/[^\d]/g, ''),
    );
    expect(lines).toBe(JSON.stringify(JSON.parse(big), null, 2).split('\n').length);
    // Only what is visible is in the page.
    expect(await page.locator('.large-body-line').count()).toBeLessThan(200);
    await app.screenshot('large-body-top-light');

    await body().evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await body().getByText('"marker": "last-of-the-big-body"').waitFor({ timeout: 15_000 });
    await app.screenshot('large-body-end-light');

    await page.getByText('Raw', { exact: true }).click();
    await body()
      .getByText('[{"marker":"first-of-the-big-body"},{"id":0', { exact: false })
      .waitFor({ timeout: 15_000 });
    await page.getByText('Pretty', { exact: true }).click();
    await body().getByText('"marker": "first-of-the-big-body"').waitFor({ timeout: 15_000 });
    expect(app.errors).toEqual([]);
  });

  it('past the size cap is saved whole to the file the user names', async () => {
    const { page } = app;
    // A 1 MB cap (settings.update, as the Settings screen would): the body comes back cut.
    const updated = await page.evaluate(async () => {
      const token =
        new URLSearchParams(window.location.search).get('token') ?? sessionStorage.getItem('tandem.token');
      const res = await fetch('/api/settings.update', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ patch: { maxBodyMb: 1 } }),
      });
      return ((await res.json()) as { ok: boolean }).ok;
    });
    expect(updated).toBe(true);
    await send(`${api.url}/big?capped`);
    await page.getByText('Body truncated at 1 MB').waitFor({ timeout: 15_000 });
    const dest = join(app.dataDir, 'saved-body.json');
    await rm(dest, { force: true });
    await page.getByLabel('Save the full body to (file path)').fill(dest);
    await page.getByRole('button', { name: 'Save to file' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `to ${dest}` })
      .waitFor({ timeout: 15_000 });
    expect(await readFile(dest, 'utf8')).toBe(big);
    await app.screenshot('large-body-saved-light');
  });
});
