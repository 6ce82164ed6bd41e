import fs from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Browser flags for a browser login under test: headless, with its DevTools port for the "user". */
export const BROWSER_LOGIN_ENV = {
  TANDEM_BROWSER: '/usr/bin/chromium',
  TANDEM_BROWSER_ARGS: '--headless --no-sandbox --disable-gpu --remote-debugging-port=0',
};

/**
 * Connects to the browser a browser login opened for `profile` (in the workspace at `dataDir`),
 * as the user sitting in front of it, and returns its page showing `urlPart`.
 */
export async function userBrowser(
  dataDir: string,
  profile: string,
  urlPart = '/login',
): Promise<{ browser: Browser; page: Page }> {
  const portFile = path.join(dataDir, 'browser', profile, 'DevToolsActivePort');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = await fs.readFile(portFile, 'utf8').catch(() => '');
    if (text.trim()) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${text.split('\n')[0]}`, {
        timeout: 30_000,
      });
      while (Date.now() < deadline) {
        const page = browser
          .contexts()[0]
          ?.pages()
          .find((p) => p.url().includes(urlPart));
        if (page) return { browser, page };
        await new Promise((r) => setTimeout(r, 100));
      }
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the browser for ${profile} never showed ${urlPart}`);
}
