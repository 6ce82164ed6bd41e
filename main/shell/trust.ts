import type { InvokeEventLike } from './register';

/**
 * Which pages count as "the app": the built index.html (a file:// URL) or, in development,
 * the electron-vite dev server. Pure functions so the rules are tested without Electron.
 */
export interface AppLocation {
  /** file:// URL of out/renderer/index.html. */
  indexUrl: string;
  /** http://localhost:5173/ style URL when running `electron-vite dev`, else null. */
  devServerUrl: string | null;
}

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is the app's own page (query and hash ignored). */
export function isAppUrl(url: string | null | undefined, app: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  const index = parse(app.indexUrl);
  if (index && u.protocol === 'file:' && index.protocol === 'file:') {
    return u.host === index.host && decodeURIComponent(u.pathname) === decodeURIComponent(index.pathname);
  }
  const dev = parse(app.devServerUrl);
  if (dev && (u.protocol === 'http:' || u.protocol === 'https:')) return u.origin === dev.origin;
  return false;
}

/** The IPC sender check: the calling frame must be showing the app itself. */
export function senderCheck(app: AppLocation): (event: InvokeEventLike) => boolean {
  return (event) => isAppUrl(event.senderFrame?.url, app);
}

/** Links the app may hand to the system browser: plain http(s) only. */
export function isExternalWebUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}
