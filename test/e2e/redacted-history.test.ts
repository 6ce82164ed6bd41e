import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { appPerBlock, describeBrowser, type RunningApp } from './harness';

/**
 * In a real browser, light and dark: a request sent with a session id and a token, opened again
 * from history, says which values history redacted, refuses Send with that line, and is sent
 * once they are filled in. Screens go to test-output/screenshots/ (and TANDEM_SHOTS_DIR).
 */

const SHOTS = process.env.TANDEM_SHOTS_DIR;

async function shot(app: RunningApp, name: string): Promise<void> {
  const path = await app.screenshot(name);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await copyFile(path, join(SHOTS, `${name}.png`));
  }
}

const NOTICE =
  '2 values were redacted in history: session_id (query), Authorization (header) — fill them in or use a variable before sending';

const seen: string[] = [];
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ?? '-'}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
afterAll(async () => {
  await server.close();
});

for (const scheme of ['light', 'dark'] as const) {
  describeBrowser(`redacted values from history in the browser (${scheme})`, () => {
    const app = appPerBlock({ demo: true, colorScheme: scheme });

    it('names them, refuses Send with the same line, and sends once they are filled in', async () => {
      const { page } = app;
      seen.length = 0;
      await page.getByRole('textbox', { name: 'URL' }).fill(`${server.url}/me?session_id=s3cr3t-1&page=2`);
      await page.getByRole('tab', { name: /^Headers/ }).click();
      await page.getByRole('textbox', { name: 'New headers name' }).fill('Authorization');
      await page.getByRole('textbox', { name: 'Headers value 1' }).fill('Bearer tok-1');
      await page.getByRole('button', { name: 'Send as alice' }).click();
      await page.locator('.response-summary').waitFor({ timeout: 15_000 });
      expect(seen).toEqual(['/me?session_id=s3cr3t-1&page=2 Bearer tok-1']);

      await page.getByRole('tab', { name: 'History', exact: true }).click();
      await page.locator('.history-entry').first().click();
      const notice = page.getByRole('note', { name: 'Redacted values' });
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.textContent()).toBe(NOTICE);
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'redacted in history' });
      await refused.waitFor({ timeout: 15_000 });
      expect(seen).toHaveLength(1);
      await shot(app, `redacted-history-${scheme}`);

      await notice.getByRole('button', { name: 'session_id (query)' }).click();
      await page.getByRole('textbox', { name: 'Query params value 1' }).fill('s3cr3t-2');
      await notice.getByRole('button', { name: 'Authorization (header)' }).click();
      await shot(app, `redacted-history-headers-${scheme}`);
      await page.getByRole('textbox', { name: 'Headers value 1' }).fill('Bearer tok-2');
      await notice.waitFor({ state: 'detached', timeout: 15_000 });
      await page.getByRole('button', { name: 'Send as alice' }).click();
      await expect.poll(() => seen.length, { timeout: 15_000 }).toBe(2);
      expect(seen[1]).toBe('/me?session_id=s3cr3t-2&page=2 Bearer tok-2');
    });
  });
}
