import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Collection } from '../../main/shared/types';
import type { Workbench } from '../../main/shared/workbench';
import { appPerBlock, chip, describeBrowser, type RunningApp } from './harness';

/**
 * The workbench in a real browser (web mode, the built app): request tabs whose drafts survive
 * switching requests and reloading the page, Ctrl+S, closing an unsaved tab, and a response pane
 * that always matches the request, the profile and the last thing sent.
 */

const T = { timeout: 20_000 };

async function openSaved(app: RunningApp, label: string) {
  const item = app.page.getByRole('treeitem', { name: label }).first();
  if (!(await item.isVisible()))
    await app.page.getByRole('treeitem', { name: 'Session', exact: true }).click();
  await item.locator('.coll-row').first().click();
}

const url = (app: RunningApp) => app.page.getByRole('textbox', { name: 'URL' });
const activeTab = (app: RunningApp) =>
  app.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true });

async function savedInWorkspace(app: RunningApp): Promise<void> {
  await app.page.locator('.app[data-tabs-saved="saved"]').waitFor(T);
}

async function sendAs(app: RunningApp, profile: string) {
  await app.page.getByRole('button', { name: `Send as ${profile}` }).click();
  await app.page.getByRole('button', { name: `Send as ${profile}` }).waitFor(T);
  await app.page.locator('.response-summary').waitFor(T);
}

async function demoCollection(app: RunningApp): Promise<Collection> {
  const dir = join(app.dataDir, 'collections');
  for (const f of await readdir(dir)) {
    const c = JSON.parse(await readFile(join(dir, f), 'utf8')) as Collection;
    if (c.name === 'Demo API') return c;
  }
  throw new Error('no Demo API collection');
}

describeBrowser('request tabs and drafts in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' }, { readyTimeout: 50_000 });

  it('a POST with a body opens on Body; an edit survives going to another request and back', async () => {
    const { page } = app;
    await openSaved(app, 'POST Log in');
    await expect.poll(() => activeTab(app).getAttribute('aria-label'), T).toBe('POST Log in');
    expect(await page.getByRole('tab', { name: /^Body/ }).getAttribute('aria-selected')).toBe('true');

    await url(app).fill('{{baseUrl}}/login?next=/profile');
    await expect
      .poll(() => activeTab(app).getAttribute('aria-label'), T)
      .toBe('POST Log in, unsaved changes');
    // the sidebar marks it too
    await page.getByRole('treeitem', { name: 'POST Log in, unsaved changes' }).waitFor(T);

    await openSaved(app, 'GET Who am I');
    await expect.poll(() => url(app).inputValue(), T).toBe('{{baseUrl}}/profile');
    await openSaved(app, 'POST Log in');
    await expect.poll(() => url(app).inputValue(), T).toBe('{{baseUrl}}/login?next=/profile');
    expect(await page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').count()).toBe(2);
    await app.screenshot('workbench-unsaved-light');
  });

  it('a page reload shows the same tabs with the unsaved draft', async () => {
    const { page } = app;
    await savedInWorkspace(app);
    await page.reload({ waitUntil: 'load' });
    await chip(app, 'alice').waitFor({ state: 'attached', ...T });
    await expect.poll(() => url(app).inputValue(), T).toBe('{{baseUrl}}/login?next=/profile');
    expect(await activeTab(app).getAttribute('aria-label')).toBe('POST Log in, unsaved changes');
    const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    expect(await tabs.allTextContents()).toEqual([
      expect.stringContaining('Log in'),
      expect.stringContaining('Who am I'),
    ]);
  });

  it('Ctrl+S saves the draft into its collection and the unsaved dot goes', async () => {
    const { page } = app;
    await url(app).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => activeTab(app).getAttribute('aria-label'), T).toBe('POST Log in');
    await expect
      .poll(async () => (await demoCollection(app)).requests.find((r) => r.name === 'Log in')?.request.url, T)
      .toBe('{{baseUrl}}/login?next=/profile');
    expect(await page.getByRole('treeitem', { name: 'POST Log in, unsaved changes' }).count()).toBe(0);
  });

  it('closing a tab with unsaved changes asks first; Cancel keeps it, Don’t save closes it', async () => {
    const { page } = app;
    await url(app).fill('{{baseUrl}}/login?draft=1');
    await page.keyboard.press('Control+w');
    const dialog = page.getByRole('dialog', { name: 'Save changes to “Log in”?' });
    await dialog.waitFor(T);
    await app.screenshot('workbench-close-unsaved-light');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', ...T });
    expect(await url(app).inputValue()).toBe('{{baseUrl}}/login?draft=1');

    // middle-click asks too
    await activeTab(app).click({ button: 'middle' });
    await dialog.waitFor(T);
    await dialog.getByRole('button', { name: 'Don’t save' }).click();
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').count(), T)
      .toBe(1);
    expect(await activeTab(app).getAttribute('aria-label')).toBe('GET Who am I');
    // the saved request was not changed by the discarded draft
    expect((await demoCollection(app)).requests.find((r) => r.name === 'Log in')?.request.url).toBe(
      '{{baseUrl}}/login?next=/profile',
    );
  });

  it('a new request (Ctrl+N) not yet in a collection asks where to go on Ctrl+S', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '+ New request' }).click();
    await expect.poll(() => url(app).inputValue(), T).toBe('');
    await url(app).fill('{{baseUrl}}/headers');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request to a collection' });
    await dialog.waitFor(T);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Headers');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached', ...T });
    await expect.poll(() => activeTab(app).getAttribute('aria-label'), T).toBe('GET Headers');
    await page.keyboard.press('Control+n');
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').count(), T)
      .toBe(3);
  });
  it('tabs are reordered by dragging, and the order is kept', async () => {
    const { page } = app;
    const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    const labels = () => tabs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const before = await labels();
    expect(before.length).toBe(3);
    await tabs.nth(2).dragTo(tabs.nth(0), { targetPosition: { x: 5, y: 10 } });
    await expect.poll(labels, T).toEqual([before[2], before[0], before[1]]);
    await savedInWorkspace(app);
    // in the workspace too: the new (empty) tab from Ctrl+N is first now
    const saved = JSON.parse(await readFile(join(app.dataDir, 'tabs.json'), 'utf8')) as Workbench;
    expect(saved.tabs.map((t) => t.origin?.name ?? t.draft.url)).toEqual(['', 'Who am I', 'Headers']);
  });
});

describeBrowser('a response pane that always matches, in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' }, { readyTimeout: 50_000 });

  it('send as alice, switch to bob and back: alice’s response is shown again, labelled', async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'alice') }).click();
    await openSaved(app, 'POST Log in');
    await sendAs(app, 'alice');
    await openSaved(app, 'GET Who am I');
    await sendAs(app, 'alice');
    const summary = page.locator('.response-summary');
    await expect.poll(() => summary.textContent(), T).toMatch(/^200.*as alice, just now/);

    await page.keyboard.press('Control+2');
    await expect.poll(() => chip(app, 'bob').isChecked(), T).toBe(true);
    const response = page.getByRole('region', { name: 'Response' });
    await response.getByText('bob has not sent this request yet').waitFor(T);
    await app.screenshot('workbench-bob-not-sent-light');

    await page.keyboard.press('Control+1');
    await expect.poll(() => summary.textContent(), T).toMatch(/^200.*as alice/);
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('alice');
  });

  it('compare, then send: the single new response is shown at once', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Compare \d$/ }).click();
    await page.locator('.compare-headline').waitFor(T);
    await page.getByRole('button', { name: 'Send as alice' }).click();
    await page.getByRole('region', { name: 'Response' }).waitFor(T);
    expect(await page.getByRole('region', { name: 'Comparison' }).count()).toBe(0);
    await expect
      .poll(() => page.locator('.response-summary').textContent(), T)
      .toMatch(/^200.*as alice, just now/);

    // the comparison belongs to its tab: a new tab shows no comparison
    await page.keyboard.press('Control+n');
    expect(await page.locator('.compare-headline').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Side by side' }).count()).toBe(0);
  });
});

describeBrowser('history in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'light' }, { readyTimeout: 50_000 });

  it('a sent request shows its profile, method, path, saved name and status; opening it restores its response', async () => {
    const { page } = app;
    await page.locator('label', { has: chip(app, 'alice') }).click();
    await openSaved(app, 'POST Log in');
    await sendAs(app, 'alice');
    await openSaved(app, 'GET Who am I');
    await sendAs(app, 'alice');
    await page.keyboard.press('Control+2');
    await sendAs(app, 'bob');

    await page.getByRole('tab', { name: 'History' }).click();
    const rows = page.locator('.history-entry');
    await expect.poll(() => rows.count(), T).toBeGreaterThanOrEqual(3);
    const aliceWho = rows.filter({ hasText: 'Who am I' }).filter({ hasText: 'alice' });
    expect(await aliceWho.textContent()).toMatch(/GET\s*\/profile\s*200.*alice.*Who am I.*just now/);
    expect(await aliceWho.getAttribute('title')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/profile$/);
    await page.getByRole('heading', { name: 'Today' }).waitFor(T);
    await app.screenshot('workbench-history-light');

    // open alice's entry while bob is active: a tab with its request and alice's stored response
    await page.keyboard.press('Control+n');
    await aliceWho.click();
    await expect.poll(() => chip(app, 'alice').isChecked(), T).toBe(true);
    await expect.poll(() => page.locator('.response-summary').textContent(), T).toMatch(/^200.*as alice/);
    expect(await page.getByRole('textbox', { name: 'Response body' }).textContent()).toContain('alice');
    expect(await url(app).inputValue()).toBe('{{baseUrl}}/profile');

    // search by status
    await page.getByRole('searchbox', { name: 'Search history' }).fill('401');
    await expect.poll(() => rows.count(), T).toBe(1);
    expect(await rows.first().textContent()).toContain('bob');
  });
});

describeBrowser('sidebar, layout and keyboard in the browser', () => {
  const app = appPerBlock({ demo: true, colorScheme: 'dark' }, { readyTimeout: 50_000 });
  /** The tree's request rows, top to bottom, by their names ("POST Log in"). */
  const sessionRows = (app: RunningApp) =>
    app.page.$$eval('[role="treeitem"]', (items) => items.map((i) => i.getAttribute('aria-label') ?? ''));

  it('the tree keeps the file’s order, and drag and drop moves a request (saved in the file)', async () => {
    const { page } = app;
    await page.getByRole('treeitem', { name: 'POST Log out' }).waitFor(T);
    const before = await sessionRows(app);
    expect(before.indexOf('POST Log in')).toBeLessThan(before.indexOf('GET Who am I'));
    expect(before.indexOf('GET Who am I')).toBeLessThan(before.indexOf('POST Log out'));
    const logOut = page.getByRole('treeitem', { name: 'POST Log out' }).locator('.coll-row');
    const whoAmI = page.getByRole('treeitem', { name: 'GET Who am I' }).locator('.coll-row');
    await logOut.dragTo(whoAmI, { targetPosition: { x: 40, y: 3 } });
    await expect
      .poll(async () => {
        const names = (await demoCollection(app)).requests
          .filter((r) => r.folder === 'Session')
          .map((r) => r.name);
        return names.indexOf('Log out') < names.indexOf('Who am I');
      }, T)
      .toBe(true);
    await expect
      .poll(
        async () =>
          (await sessionRows(app)).indexOf('POST Log out') < (await sessionRows(app)).indexOf('GET Who am I'),
        T,
      )
      .toBe(true);
  });

  it('the filter box narrows the tree; the sidebar hides, comes back and keeps its width', async () => {
    const { page } = app;
    await page.getByRole('searchbox', { name: 'Filter requests' }).fill('note');
    await expect
      .poll(
        () =>
          page
            .getByRole('treeitem')
            .filter({ hasText: /^(GET|POST)/ })
            .count(),
        T,
      )
      .toBe(3);
    expect(await page.getByRole('treeitem', { name: "GET Alice's note" }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter requests' }).fill('');

    const handle = page.getByRole('separator', { name: 'Resize sidebar' });
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => handle.getAttribute('aria-valuenow'), T).toBe('320');
    await page.getByRole('button', { name: 'Hide sidebar' }).click();
    expect(await page.getByRole('region', { name: 'Collections and history' }).count()).toBe(0);
    await page.keyboard.press('Control+b');
    await expect.poll(() => handle.getAttribute('aria-valuenow'), T).toBe('320');
  });

  it('Ctrl+/ lists the shortcuts; Ctrl+K opens a request or switches profile', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 700, y: 880 } });
    await page.keyboard.press('Control+/');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor(T);
    expect(await sheet.textContent()).toContain('Command palette');
    await app.screenshot('workbench-shortcuts-dark');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached', ...T });

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor(T);
    await page.keyboard.type('admin page');
    await app.screenshot('workbench-palette-dark');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeTab(app).getAttribute('aria-label'), T).toBe('GET Admin page');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('switch to bob');
    await page.keyboard.press('Enter');
    await expect.poll(() => chip(app, 'bob').isChecked(), T).toBe(true);
  });
});
