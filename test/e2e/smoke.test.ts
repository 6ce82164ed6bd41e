import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, type RunningApp, startApp } from './harness';

describeBrowser('Tandem opens in a browser (web mode, built UI, demo workspace)', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the page is titled Tandem', async () => {
    expect(await app.page.title()).toBe('Tandem');
  });

  it('the seeded profiles alice, bob and anonymous arrive from the core', async () => {
    for (const name of ['alice', 'bob', 'anonymous']) {
      const profile = app.page.getByText(name, { exact: true }).first();
      await profile.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await profile.isVisible()).toBe(true);
    }
  });

  it('nothing was blocked by the Content-Security-Policy and no script crashed', () => {
    expect(
      app.errors.filter((e) => /Content Security Policy|Refused to|Uncaught|TypeError/i.test(e)),
    ).toEqual([]);
  });

  it('a 1440×900 screenshot is saved', async () => {
    const path = await app.screenshot('smoke-web-mode');
    expect(path).toMatch(/test-output\/screenshots\/smoke-web-mode\.png$/);
    expect((await stat(path)).size).toBeGreaterThan(1000);
  });
});
