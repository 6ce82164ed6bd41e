import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { appPerBlock, chip, describeBrowser, type RunningApp } from './harness';

/**
 * The story in a real browser: alice logs in from the sample collection, bob (who did not)
 * asks who he is and is refused, and a redirect that sets a cookie shows each hop.
 * Screens are saved to test-output/screenshots/ in light and dark.
 */

async function openSample(app: RunningApp, label: string) {
  const item = app.page.getByRole('treeitem', { name: label });
  if (!(await item.isVisible())) {
    // folders may start collapsed: open the one that holds it
    for (const folder of ['Session', 'httpbin']) {
      const f = app.page.getByRole('treeitem', { name: folder, exact: true });
      if ((await f.count()) && (await f.getAttribute('aria-expanded')) === 'false') await f.click();
    }
  }
  await item.click();
}

async function sendAndWait(app: RunningApp, profile: string) {
  await app.page.getByRole('button', { name: `Send as ${profile}` }).click();
  await app.page.locator('.response-summary').waitFor({ state: 'visible', timeout: 15_000 });
  await app.page.getByRole('button', { name: `Send as ${profile}` }).waitFor({ timeout: 15_000 });
}

describeBrowser('sending as alice and bob in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' });

  it('alice logs in from the sample collection and sees her name on /profile', async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'alice') }).click();
    await app.screenshot('request-flow-empty-light');
    await openSample(app, 'POST Log in');
    await sendAndWait(app, 'alice');
    expect(await page.locator('.response-summary .response-status').textContent()).toMatch(/^2\d\d|^30\d/);

    await openSample(app, 'GET Who am I');
    await sendAndWait(app, 'alice');
    expect(await page.locator('.response-summary .response-status').textContent()).toMatch(/^200/);
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('alice');
    await app.screenshot('request-flow-response-light');
  });

  it("bob, who never logged in, is logged in by his own recipe and sees his own name, not alice's", async () => {
    const { page } = app;
    await page.keyboard.press('Control+2'); // alice, bob, anonymous
    await expect.poll(() => chip(app, 'bob').isChecked()).toBe(true);
    await expect.poll(() => page.getByText(/Send a request as/).textContent()).toContain('bob');
    await sendAndWait(app, 'bob');
    // The first answer is 401 (bob's jar has no session); his login recipe runs once and the
    // request is retried, so the response says so and answers as bob.
    expect(await page.locator('.response-summary .response-status').textContent()).toMatch(/^200/);
    await page.locator('.session-note.is-relogged').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('"bob"');
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).not.toContain('alice');
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--profile'))).toBe(
      '#14b8a6',
    );
    await app.screenshot('request-flow-bob-relogged-light');
    // alice's answer is still hers
    await page.locator('label', { has: chip(app, 'alice') }).click();
    await expect.poll(() => page.locator('.response-summary .response-status').textContent()).toMatch(/^200/);
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('alice');
  });

  it('a redirect that sets session=abc123 shows both hops and the stored cookie', async () => {
    const { page } = app;
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.fill('{{baseUrl}}/cookies/set?session=abc123');
    await page.keyboard.press('Control+Enter');
    await page.locator('.response-summary').waitFor();
    await expect.poll(() => page.getByText('1 redirect').count()).toBe(1);
    await page.getByRole('tab', { name: /^Hops/ }).click();
    const hops = page.getByRole('list', { name: 'Hops' }).getByRole('listitem');
    expect(await hops.count()).toBe(2);
    expect(await hops.nth(0).textContent()).toContain('session=abc123 · stored');
    expect(await hops.nth(0).textContent()).toContain('Location:');
    await app.screenshot('request-flow-hops-light');
    await page
      .getByRole('region', { name: 'Response' })
      .getByRole('tab', { name: /^Cookies/ })
      .click();
    const set = page.getByRole('table', { name: 'Set cookies' });
    expect(await set.getByRole('row').filter({ hasText: 'abc123' }).textContent()).toContain('stored');
    await app.screenshot('request-flow-cookies-light');
  });

  it('an unknown variable is marked before sending', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/users/{{teamId}}');
    // the warning under the URL bar (the hover/caret hint may also name the variable)
    expect(await page.locator('#request-url-hint').textContent()).toContain(
      '{{teamId}} is not defined for alice',
    );
    await app.screenshot('request-flow-unknown-variable-light');
  });

  it('a JSON body typed into the editor is checked as it is written', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: /^Body/ }).first().click();
    await page.getByText('JSON', { exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'JSON body' });
    await editor.click();
    await page.keyboard.type('{"name": "{{username}}",');
    await expect.poll(() => page.locator('.request-json-status').textContent()).toMatch(/^Invalid JSON/);
    await app.screenshot('request-flow-json-invalid-light');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('}');
    await expect.poll(() => page.locator('.request-json-status').textContent()).toBe('Valid JSON');
  });

  it('Esc cancels a slow send and the draft stays as it was', async () => {
    const { page } = app;
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.fill('{{baseUrl}}/delay/10000');
    await page.getByRole('button', { name: 'Send as alice' }).click();
    await page.getByText('Sending as alice…').waitFor();
    await app.screenshot('request-flow-sending-light');
    await page.keyboard.press('Escape');
    await page
      .getByRole('region', { name: 'Response' })
      .getByText('Request cancelled')
      .waitFor({ timeout: 5_000 });
    expect(await url.inputValue()).toBe('{{baseUrl}}/delay/10000');
  });

  it('a profile name the core refuses shows its one-line error in place; Esc closes the editor', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New profile' }).click();
    const name = page.getByRole('textbox', { name: 'Profile name' });
    await name.fill('-bad name');
    await name.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'bad name' });
    await alert.waitFor();
    await app.screenshot('request-flow-profile-error-light');
    await name.press('Escape');
    await expect.poll(() => name.count()).toBe(0);
    expect(await page.getByRole('radiogroup', { name: 'Active profile' }).getByRole('radio').count()).toBe(3);
  });

  it('nothing crashed in the page', () => {
    expect(app.errors.filter((e) => /Uncaught|TypeError|Refused to/i.test(e))).toEqual([]);
  });
});

describeBrowser('the same screens in dark', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'dark' });

  it('dark: alice logs in and the response shows in dark colours', async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'alice') }).click();
    await app.screenshot('request-flow-empty-dark');
    await openSample(app, 'POST Log in');
    await sendAndWait(app, 'alice');
    await openSample(app, 'GET Who am I');
    await sendAndWait(app, 'alice');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await app.screenshot('request-flow-response-dark');
    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/cookies/set?session=abc123');
    await sendAndWait(app, 'alice');
    await page.getByRole('tab', { name: /^Hops/ }).click();
    await app.screenshot('request-flow-hops-dark');
  });
});

describeBrowser('rich and large bodies in the browser', () => {
  let big: LoopbackServer;
  let bigUrl = '';
  beforeAll(async () => {
    // 20 MB of JSON on one line, from a loopback server of the test's own
    const item = JSON.stringify({ id: 1, text: 'x'.repeat(90) });
    const body = `[${Array.from({ length: Math.ceil((20 * 1024 * 1024) / (item.length + 1)) }, () => item).join(',')}]`;
    big = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    bigUrl = `${big.url}/big.json`;
  });
  afterAll(async () => {
    await big?.close();
  });
  const app = appPerBlock({ demo: true });
  beforeAll(async () => {
    await app.page.locator('label', { has: chip(app, 'alice') }).click();
  });

  it('HTML previews in a sandboxed frame', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/html');
    await sendAndWait(app, 'alice');
    await page.getByText('Preview', { exact: true }).click();
    const frame = page.getByTitle('HTML preview');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await app.screenshot('request-flow-html-preview-light');
  });

  it('a PNG previews as an image', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/image/png');
    await sendAndWait(app, 'alice');
    const img = page.getByRole('img', { name: /Response body \(image\/png/ });
    await img.waitFor();
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  });

  it('a 20 MB JSON body opens without freezing the window or filling the DOM', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'URL' }).fill(bigUrl);
    await page.getByRole('button', { name: 'Send as alice' }).click();
    // served beside the JSON envelope and laid out by a worker: pretty lines, only the visible ones drawn
    await page.locator('.large-body-line', { hasText: '"text": "xxxx' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.response-summary').textContent()).toContain('MB');
    expect(await page.locator('.large-body-line').count()).toBeLessThan(200);
    expect(await page.evaluate(() => document.body.textContent?.length ?? 0)).toBeLessThan(500_000);
    // the window still answers: switching profile works at once, and alice's big answer comes back
    await page.keyboard.press('Control+2');
    await expect.poll(() => chip(app, 'bob').isChecked()).toBe(true);
    await page.keyboard.press('Control+1');
    await page.locator('.large-body-line', { hasText: '"text": "xxxx' }).first().waitFor({ timeout: 30_000 });
    await app.screenshot('request-flow-large-body-light');
  });

  it('previews and the big body broke no Content-Security-Policy rule and no script', () => {
    expect(
      app.errors.filter((e) => /Content Security Policy|Refused to|Uncaught|TypeError/i.test(e)),
    ).toEqual([]);
  });
});
