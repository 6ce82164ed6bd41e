import { expect, it } from 'vitest';
import { appPerBlock, describeBrowser, sideTab } from './harness';

/**
 * The jar in a real browser: a cookies.txt with bad lines opens a preview ("N valid, M rejected",
 * each rejected line with its number and reason) and "Import N valid" takes the good ones; the
 * response's Cookies tab groups what was sent and set by hop; the cookie editor offers Session,
 * Expires and Max-Age. Light and dark screens go to test-output/screenshots/.
 */

const FILE = [
  '# Netscape HTTP Cookie File',
  '127.0.0.1\tFALSE\t/\tFALSE\t0\tfrom_file\tyes',
  'this line is not a cookie',
  '127.0.0.1\tFALSE\t/\tMAYBE\t0\tbad_secure\tx',
  `127.0.0.1\tFALSE\t/\tFALSE\t0\tlong_value\t${'v'.repeat(120)}`,
  '',
].join('\n');

function describeJar(scheme: 'light' | 'dark') {
  describeBrowser(`the jar and the response cookies (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });

    it('a redirect: Sent and Set are grouped by hop, long values elided with a copy button', async () => {
      const { page } = app;
      await page
        .getByRole('textbox', { name: 'URL' })
        .fill(`{{baseUrl}}/cookies/set?session=abc123&token=${'t'.repeat(90)}`);
      await page.getByRole('button', { name: 'Send as alice' }).click();
      await page.locator('.response-summary').waitFor();
      await page
        .getByRole('region', { name: 'Response' })
        .getByRole('tab', { name: /^Cookies/ })
        .click();
      const hop2 = page.getByRole('region', { name: /^Hop 2: GET / });
      await hop2.getByRole('table', { name: 'Sent cookies, hop 2' }).waitFor();
      expect(await hop2.getByRole('button', { name: 'Copy value of session' }).count()).toBe(1);
      const name = hop2.locator('td.cookie-cell-name', { hasText: 'session' });
      // a name never breaks mid-word: one line tall
      const box = await name.boundingBox();
      expect(box?.height ?? 99).toBeLessThan(30);
      await app.screenshot(`response-cookies-by-hop-${scheme}`);
    });

    it('importing a file with bad lines: the preview lists them, and the valid lines import', async () => {
      const { page } = app;
      await sideTab(app, 'Profile panel', 'Cookies').click();
      const jar = page.getByRole('region', { name: 'Cookie jar of alice' });
      const chooser = page.waitForEvent('filechooser');
      await jar.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles({
        name: 'mixed.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(FILE),
      });
      const dialog = page.getByRole('dialog', { name: 'Import mixed.txt into alice?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('2 valid, 2 rejected');
      const rejected = dialog.getByRole('list', { name: 'Rejected lines' }).getByRole('listitem');
      expect(await rejected.allTextContents()).toEqual([
        expect.stringMatching(/^line 3/),
        expect.stringMatching(/^line 4.*TRUE or FALSE/),
      ]);
      await app.screenshot(`jar-import-preview-${scheme}`);
      await dialog.getByRole('button', { name: 'Import 2 valid' }).click();
      await jar.getByText('Imported 2 cookies from mixed.txt (2 rejected lines left out)').waitFor();
      await jar.getByText('from_file', { exact: true }).waitFor();
      await app.screenshot(`jar-after-import-${scheme}`);
      // the notice fades by itself
      await jar.getByText(/^Imported 2 cookies/).waitFor({ state: 'detached', timeout: 15_000 });
    });

    it('the cookie editor: Session, Expires as a date-time in the locale, Max-Age', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Edit cookie from_file on 127.0.0.1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit cookie from_file' });
      await dialog.getByText('Expires', { exact: true }).click();
      await dialog.getByLabel('Expires (YYYY-MM-DD HH:mm, local time)').fill('2031-03-04 05:06');
      await dialog.getByText(/2031/).first().waitFor();
      await app.screenshot(`cookie-editor-lifetime-${scheme}`);
      await dialog.getByText('Max-Age (seconds)', { exact: true }).click();
      await dialog.getByLabel('Max-Age in seconds').fill('3600');
      await dialog.getByRole('button', { name: 'Save cookie' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(app.errors).toEqual([]);
    });
  });
}

describeJar('light');
describeJar('dark');
