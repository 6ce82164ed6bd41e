/**
 * Global test setup (vitest `setupFiles`): generous async timeouts so UI tests hold on a loaded
 * machine. Testing Library's default wait is 1 s; under load (CI runs the suite with busy loops on
 * every core) a real core answering a real request can take longer than that. Browser tests get
 * their defaults in test/e2e/harness.ts (BROWSER_TIMEOUT).
 */

/** How long findBy…/waitFor wait by default in every UI test. */
export const ASYNC_UTIL_TIMEOUT = 15_000;

if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: ASYNC_UTIL_TIMEOUT });
}
