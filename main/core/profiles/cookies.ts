import type { CookieImportPreview, CookieImportResult } from '../../shared/cookieImport';
import { type JarCookie, lintCookie } from '../../shared/cookieInfo';
import type { CookieInput, CookieKey, CookieView } from '../../shared/types';
import type { ProfileJar } from '../cookies/jar';
import { cookieLimitsOf } from '../cookies/limits';
import { formatCookies, parseCookies, previewCookies, sortCookieFile } from '../cookies/transfer';
import { REDACTED } from '../history/redact';
import type { Workspace } from '../workspace';
import { secretValues } from './store';

/** Cookie operations on a profile's jar. Each waits until the change is on disk, then announces it. */

async function edit<T>(
  ws: Workspace,
  profile: string,
  change: (jar: ProfileJar) => T,
  didChange: (result: T) => boolean,
): Promise<T> {
  const journal = await ws.profiles.jar(profile);
  journal.jar.limits = cookieLimitsOf(await ws.settings.current());
  const result = change(journal.jar);
  await journal.flush();
  if (didChange(result)) ws.events.emit('cookies.changed', { profile });
  return result;
}

/** Every cookie with its provenance (source, last values) and lint warnings. */
export async function listCookies(ws: Workspace, profile: string): Promise<JarCookie[]> {
  const { jar } = await ws.profiles.jar(profile);
  return jar.list().map((c) => {
    const p = jar.provenanceOf({ domain: c.domain, path: c.path, name: c.name });
    // `c` is a fresh view: completed in place. V8 (Node 20) copies `{ ...c, more }` through a slow
    // path, ~4 µs a cookie: 40 ms of listing a 10,000-cookie jar.
    return Object.assign(c, { source: p.source, values: p.values, warnings: lintCookie(c) });
  });
}

export function setCookie(ws: Workspace, profile: string, cookie: CookieInput): Promise<CookieView> {
  return edit(
    ws,
    profile,
    (jar) => jar.set(cookie),
    () => true,
  );
}

export async function deleteCookie(
  ws: Workspace,
  profile: string,
  key: CookieKey,
): Promise<{ deleted: boolean }> {
  return { deleted: await edit(ws, profile, (jar) => jar.delete(key), Boolean) };
}

export async function clearCookies(
  ws: Workspace,
  profile: string,
  domain?: string,
): Promise<{ removed: number }> {
  return {
    removed: await edit(
      ws,
      profile,
      (jar) => jar.clear(domain),
      (n) => n > 0,
    ),
  };
}

/**
 * Checks the whole file first: one bad line and nothing is imported, unless `skipInvalid`, when
 * the valid cookies go in and the rejected lines come back with their reasons.
 */
export async function importCookies(
  ws: Workspace,
  profile: string,
  format: 'netscape' | 'json',
  text: string,
  skipInvalid = false,
): Promise<CookieImportResult> {
  const { maxCookieBytes } = cookieLimitsOf(await ws.settings.current());
  const { inputs, rejected } = skipInvalid
    ? (({ valid, rejected }) => ({ inputs: valid, rejected }))(
        sortCookieFile(format, text, Date.now(), maxCookieBytes),
      )
    : { inputs: parseCookies(format, text, maxCookieBytes), rejected: [] };
  const imported = await edit(
    ws,
    profile,
    (jar) => inputs.map((c) => jar.set(c, { kind: 'import' })).length,
    (n) => n > 0,
  );
  return { imported, rejected };
}

/** What importing `text` would do, without touching the jar. */
export async function previewImport(format: 'netscape' | 'json', text: string): Promise<CookieImportPreview> {
  return previewCookies(format, text);
}

export async function exportCookies(
  ws: Workspace,
  profile: string,
  format: 'netscape' | 'json',
): Promise<{ text: string }> {
  const text = formatCookies(format, await listCookies(ws, profile));
  // The profile's secret variables stay out of exports, even when a cookie carries one.
  const secrets = secretValues(await ws.profiles.get(profile)).sort((a, b) => b.length - a.length);
  return { text: secrets.reduce((t, s) => t.split(s).join(REDACTED), text) };
}
