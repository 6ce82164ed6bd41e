import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appPerBlock, chip, describeBrowser, type RunningApp } from './harness';

/**
 * In a real browser: a curl command pasted into the URL bar becomes the request (and sends);
 * its -b cookie goes into bob's jar on request; "Copy as curl" as bob carries bob's cookie and
 * says so; Import… previews a HAR file, then creates one collection.
 */

async function paste(app: RunningApp, text: string) {
  const url = app.page.getByRole('textbox', { name: 'URL' });
  await url.click();
  await url.evaluate((input, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

describeBrowser('curl in, code out, files in', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' });

  it('a pasted curl command becomes the request, and sends as it says', async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'alice') }).click();
    const command = `curl '${app.demoUrl}/anything?from=curl' \\
  -H 'accept: application/json' \\
  -H $'x-note: it\\'s pasted' \\
  -H 'content-type: application/json' \\
  --data-raw $'{"name":"O\\'Brien"}' \\
  --compressed`;
    await paste(app, command);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'URL' }).inputValue(), { timeout: 15_000 })
      .toBe(`${app.demoUrl}/anything?from=curl`);
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('POST');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Read from curl' }).count()).toBe(1);
    await app.screenshot('interop-curl-pasted-light');

    await page.getByRole('button', { name: 'Send as alice' }).click();
    await page.locator('.response-summary').waitFor({ state: 'visible', timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Response body' }).textContent(), { timeout: 15_000 })
      .toContain("O'Brien");
    const body = (await page.getByRole('textbox', { name: 'Response body' }).textContent()) ?? '';
    expect(body).toMatch(/x-note.*it's pasted/i);
  });

  it('New request from curl opens the command as a new tab; a broken one says where', async () => {
    const { page } = app;
    const openDialog = async () => {
      await page.getByRole('region', { name: 'Collections' }).getByRole('button', { name: 'Import' }).click();
      await page.getByRole('menuitem', { name: 'New request from curl…' }).click();
      return page.getByRole('dialog', { name: 'New request from curl' });
    };
    let dialog = await openDialog();
    await dialog
      .getByRole('textbox', { name: 'curl command' })
      .fill(`curl -X PUT '${app.demoUrl}/put' \\\n  -d 'a=1`);
    await dialog.getByRole('button', { name: 'Create request' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe("Cannot read the curl command: line 2: a single quote (') is never closed");
    await dialog
      .getByRole('textbox', { name: 'curl command' })
      .fill(`curl -X PUT '${app.demoUrl}/put' \\\n  -d 'a=1'`);
    await app.screenshot('interop-new-from-curl-light');
    await dialog.getByRole('button', { name: 'Create request' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('textbox', { name: 'URL' }).inputValue(), { timeout: 15_000 })
      .toBe(`${app.demoUrl}/put`);
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('PUT');
    dialog = await openDialog();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it("bob: a curl -b cookie goes into bob's jar; Copy as curl carries it and says so", async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'bob') }).click();
    await expect.poll(() => chip(app, 'bob').isChecked()).toBe(true);
    await paste(app, `curl ${app.demoUrl}/cookies -b 'flavour=bob-oatmeal'`);
    const toJar = page.getByRole('button', { name: "Put them in bob's jar" });
    await toJar.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: "cookie put into bob's jar" }).count())
      .toBe(1);

    await page.getByRole('button', { name: 'Copy as…' }).click();
    await expect.poll(() => page.getByText("As bob: includes bob's cookies").count()).toBe(1);
    await page.getByRole('menuitem', { name: 'curl' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy as curl' });
    const code = dialog.locator('.interop-code-text');
    await expect
      .poll(() => code.textContent(), { timeout: 15_000 })
      .toContain('--cookie flavour=bob-oatmeal');
    expect(await code.textContent()).toContain(`--url ${app.demoUrl}/cookies`);
    expect(await dialog.getByRole('note').textContent()).toContain(
      "This code carries bob's cookies (flavour)",
    );
    await app.screenshot('interop-copy-as-bob-light');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('Import… previews a HAR file with what it cannot take, then creates one collection', async () => {
    const { page } = app;
    const dir = join(app.dataDir, 'files');
    await mkdir(dir, { recursive: true });
    const har = join(dir, 'session.har');
    await writeFile(
      har,
      JSON.stringify({
        log: {
          version: '1.2',
          creator: { name: 'WebInspector', version: '537.36' },
          entries: [
            {
              request: {
                method: 'GET',
                url: `${app.demoUrl}/get?x=1`,
                httpVersion: 'HTTP/1.1',
                headers: [{ name: 'Accept', value: 'application/json' }],
                cookies: [{ name: 'theme', value: 'dark' }],
                queryString: [{ name: 'x', value: '1' }],
                headersSize: -1,
                bodySize: 0,
              },
            },
            { request: { method: 'GET', url: 'data:text/plain,hi', headers: [], cookies: [] } },
          ],
        },
      }),
    );
    await page.getByRole('region', { name: 'Collections' }).getByRole('button', { name: 'Import' }).click();
    await page.getByRole('menuitem', { name: /^Import…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('File to import').setInputFiles(har);
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Format' }).inputValue()).toBe('har');
    const preview = dialog.getByRole('region', { name: 'Import preview' });
    await expect
      .poll(() => preview.textContent(), { timeout: 15_000 })
      .toContain('Will create HAR import: 1 request');
    expect(await dialog.getByRole('list', { name: 'Skipped' }).textContent()).toContain(
      "log.entries[1].request.url'data:text/plain,hi' is not an http(s) URL",
    );
    await dialog.getByLabel('Collection name').fill('From the browser');
    await dialog.getByRole('combobox', { name: "Put the browser's cookies into" }).selectOption('alice');
    await app.screenshot('interop-import-preview-light');
    await dialog.getByRole('button', { name: 'Import 1 request' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe("Created 'From the browser' with 1 request; 1 cookie into alice's jar");
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect
      .poll(() => page.getByRole('treeitem', { name: 'From the browser' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(app.errors).toEqual([]);
  });
});
