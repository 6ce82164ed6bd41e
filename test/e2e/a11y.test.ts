import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { appPerBlock, chip, describeBrowser, SCREENSHOT_DIR, sideTab } from './harness';

/**
 * axe-core (the engine behind browsers' accessibility audits) on every main screen, in both
 * themes: the first screen, a response after a send, the jar and its cookie editor, a
 * comparison, the access matrix, history and settings. No serious or critical violation may
 * appear (colour contrast, names that do not contain the visible label, a missing level-one
 * heading…), so the count cannot creep back.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

/** Serious and critical violations; with `heading`, also a missing level-one heading (moderate in axe). */
async function audit(page: Page, heading: boolean): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected above
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      // Off by default (experimental) in axe, but the issue counts it: a control's name must
      // contain its visible text, or speech users cannot say what they see.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations as Violation[];
  });
  return violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || (heading && v.id === 'page-has-heading-one'),
  );
}

const describe = (vs: Violation[]) =>
  vs
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n${v.nodes
          .slice(0, 6)
          .map(
            (n) =>
              `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim()}`,
          )
          .join('\n')}`,
    )
    .join('\n');

function describeA11y(scheme: 'light' | 'dark') {
  describeBrowser(`accessibility: no serious or critical axe violations (${scheme})`, () => {
    const app = appPerBlock({ colorScheme: scheme });
    // A modal hides the page behind it from assistive tech (h1 included): no heading check there.
    const check = async (screen: string, dialog = false) => {
      await app.page.waitForTimeout(300); // let transitions (fades, menus) settle
      await app.screenshot(`a11y-${screen}-${scheme}`);
      const found = await audit(app.page, !dialog);
      await mkdir(join(SCREENSHOT_DIR, '..'), { recursive: true });
      await writeFile(
        join(SCREENSHOT_DIR, '..', `a11y-${screen}-${scheme}.json`),
        JSON.stringify(found, null, 2),
      );
      expect(found, `${screen} (${scheme}):\n${describe(found)}`).toEqual([]);
    };

    it('the first screen', async () => {
      await chip(app, 'alice').waitFor();
      await check('first');
    });

    it('a response after a send, and its Cookies tab', async () => {
      const { page } = app;
      await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/cookies/set?session=abc123');
      await page.getByRole('button', { name: 'Send as alice' }).click();
      await page.locator('.response-summary').waitFor();
      await check('response');
      await page
        .getByRole('region', { name: 'Response' })
        .getByRole('tab', { name: /^Cookies/ })
        .click();
      await check('response-cookies');
    });

    it('the jar and the cookie editor', async () => {
      const { page } = app;
      await sideTab(app, 'Profile panel', 'Cookies').click();
      await page.getByRole('region', { name: 'Cookie jar of alice' }).waitFor();
      await check('jar');
      await page.getByRole('button', { name: 'Add cookie' }).click();
      await page.getByRole('dialog').waitFor();
      await check('cookie-editor', true);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    });

    it('a comparison', async () => {
      const { page } = app;
      await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/profile');
      await page
        .getByRole('button', { name: /^Compare/ })
        .first()
        .click();
      await page.locator('.compare-headline').waitFor();
      await check('compare');
    });

    it('the access matrix', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Access matrix' }).click();
      await page.getByRole('button', { name: 'Run matrix' }).click();
      await page.getByRole('status').filter({ hasText: /cells/ }).waitFor();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /cells/ }).textContent(), { timeout: 60_000 })
        .not.toMatch(/Running/);
      await check('matrix');
      await page.getByRole('button', { name: 'Back to request' }).click();
    });

    it('history', async () => {
      const { page } = app;
      await sideTab(app, 'Sidebar', 'History').click();
      await page.getByRole('list', { name: 'History entries' }).waitFor();
      await check('history');
      await sideTab(app, 'Sidebar', 'Collections').click();
    });

    it('profile settings and app settings', async () => {
      const { page } = app;
      await sideTab(app, 'Profile panel', 'Profile').click();
      await page.getByRole('region', { name: 'Settings of profile alice' }).waitFor();
      await check('profile-settings');
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('dialog', { name: 'Settings' }).waitFor();
      await check('settings', true);
      await page.keyboard.press('Escape');
    });
  });
}

describeA11y('light');
describeA11y('dark');
