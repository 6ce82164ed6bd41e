import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appPerBlock, describeBrowser, openFromSidebar, shot } from './harness';

/**
 * In a real browser, light and dark: the Extract pane of a saved request (typed, checked, saved
 * with Ctrl+S, applied on Send), the limits in Settings with the core's one-line error, and a
 * malformed response (a NUL in a Set-Cookie from a raw TCP server) showing what was read.
 */

const NUL_HEAD =
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: bad=x\x00y; Path=/\r\nX-After: 1\r\nContent-Length: 2\r\n\r\nok';
let raw: net.Server;
const sockets = new Set<net.Socket>();
let rawBase = '';

beforeAll(async () => {
  raw = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (d) => {
      if (d.toString('latin1').includes('\r\n\r\n')) socket.write(Buffer.from(NUL_HEAD, 'latin1'));
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawBase = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => raw.close(resolve));
});

for (const scheme of ['light', 'dark'] as const) {
  describeBrowser(`UI gaps in the browser (${scheme})`, () => {
    const app = appPerBlock({ demo: true, colorScheme: scheme });

    it('Extract: a rule is checked as typed, saved with Ctrl+S and applied on Send', async () => {
      const { page } = app;
      await openFromSidebar(app, 'httpbin', 'GET Set cookie via redirect');
      await page.getByRole('tab', { name: /^Extract/ }).click();
      await page.getByRole('button', { name: '+ Add rule' }).click();
      await page.getByRole('textbox', { name: 'Variable name 1' }).fill('sid');
      await page.getByRole('textbox', { name: 'Expression 1' }).fill('cookies.session_id');
      const alert = page.locator('.extract-error');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^A JSON path starts with \$/);
      await page.getByRole('button', { name: '+ Add rule' }).click();
      await page.getByRole('textbox', { name: 'Variable name 2' }).fill('landed');
      await page.getByRole('combobox', { name: 'Source 2' }).selectOption('url');
      await shot(app, `extract-error-${scheme}`);

      await page.getByRole('textbox', { name: 'Expression 1' }).fill('$.cookies.session_id');
      await alert.waitFor({ state: 'detached' });
      expect(await page.locator('.tabbar-dirty').count()).toBe(1);
      await page.keyboard.press('Control+s');
      // Saved: the tab loses its "unsaved changes" mark.
      await page.locator('.tabbar-dirty').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const notes = page.getByRole('region', { name: 'Session' });
      await notes.waitFor({ timeout: 15_000 });
      expect(await notes.textContent()).toContain('sid = abc123 → alice');
      expect(await notes.textContent()).toMatch(/landed = http:\/\/127\.0… → alice/);
      await shot(app, `extract-applied-${scheme}`);
    });

    it('a malformed response shows the error and the status line and headers read so far', async () => {
      const { page } = app;
      await page.getByRole('button', { name: '+ New request' }).click();
      await page.getByRole('textbox', { name: 'URL' }).fill(`${rawBase}/nul`);
      await page.getByRole('button', { name: 'Send as alice' }).click();
      const head = page.getByRole('region', { name: 'Read before the error' });
      await head.waitFor({ timeout: 15_000 });
      expect(await head.locator('pre').textContent()).toContain('Set-Cookie: bad=x\\x00y; Path=/ ← refused');
      await shot(app, `malformed-${scheme}`);
    });

    it('Settings: the limits are grouped; an out-of-range one says why in one line', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Settings' }).click();
      const field = page.getByLabel('Cookies per domain');
      await field.fill('0');
      await field.blur();
      const alert = page.getByRole('dialog').getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^Cookies per domain: .*>=\s?1$/);
      await page.getByRole('group', { name: 'Cookie limits' }).scrollIntoViewIfNeeded();
      await shot(app, `settings-${scheme}`);
      await page.keyboard.press('Escape');
    });
  });
}
