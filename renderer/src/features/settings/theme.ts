import type { Settings } from '../../../../main/shared/types';

export type ThemeChoice = Settings['theme'];
export type AppliedTheme = 'light' | 'dark';

/** Which palette to show: the explicit choice, or the OS preference when the choice is 'system'. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): AppliedTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY)
    : null;
}

let stopFollowing: (() => void) | null = null;

/**
 * Sets `data-theme` on <html>. With 'system' it follows `prefers-color-scheme` until the next call;
 * any previous OS listener is removed first. Returns a function that stops following the OS.
 */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): () => void {
  stopFollowing?.();
  stopFollowing = null;
  const query = darkQuery();
  root.dataset.theme = resolveTheme(choice, query?.matches ?? false);
  if (choice !== 'system' || !query) return () => {};
  const onChange = (e: MediaQueryListEvent) => {
    root.dataset.theme = resolveTheme('system', e.matches);
  };
  query.addEventListener('change', onChange);
  const stop = () => {
    query.removeEventListener('change', onChange);
    if (stopFollowing === stop) stopFollowing = null;
  };
  stopFollowing = stop;
  return stop;
}
