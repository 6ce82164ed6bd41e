import { accessSync, constants, statSync } from 'node:fs';
import { fail } from '../../shared/errors';

/**
 * Which Chromium-family browser a browser login starts (web mode and the CLI; the Electron shell
 * opens its own window): the path given for one login (`--browser-path`), else the workspace's
 * `browserPath` setting, else TANDEM_BROWSER, else the first Chrome/Chromium/Edge found here.
 */

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
    `${process.env.LOCALAPPDATA ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

/** Why a path cannot be started as a browser (missing, a folder, not executable), or null when it can. */
export function browserPathProblem(file: string): string | null {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    return `No browser at ${file}: the file does not exist`;
  }
  if (!isFile) return `No browser at ${file}: it is not a file`;
  if (process.platform === 'win32') return null;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return `No browser at ${file}: the file is not executable`;
  }
  return null;
}

/** A path the user chose, checked: one-line NOT_FOUND when it cannot be started. */
export function checkBrowserPath(file: string): string {
  const problem = browserPathProblem(file);
  if (problem) fail('NOT_FOUND', problem);
  return file;
}

/** The browser used when nothing is configured: TANDEM_BROWSER, else the first one found; null when none. */
export function defaultBrowser(): string | null {
  const env = process.env.TANDEM_BROWSER;
  if (env) return env;
  return (CANDIDATES[process.platform] ?? []).find((p) => browserPathProblem(p) === null) ?? null;
}

/** The browser to start: the path given, else the setting, else the default (see above). */
export function findBrowser(given?: string | null, setting?: string | null): string {
  const chosen = given || setting || process.env.TANDEM_BROWSER;
  if (chosen) return checkBrowserPath(chosen);
  const found = defaultBrowser();
  if (!found)
    fail(
      'NOT_FOUND',
      'No Chrome, Chromium or Edge found on this machine; give its path (Settings, --browser-path or TANDEM_BROWSER)',
    );
  return found;
}
