import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareRequest } from '../../../main/core/http/prepare';
import { send } from '../../../main/core/http/send';
import { contextFor, cookieApp, get, profile, serverPerFile, settings } from './servers';

/**
 * The engine has one honest async path (issue 8): no `T | Promise<T>` returns, no timers kept
 * alive between requests to flatter a benchmark.
 */
const fx = serverPerFile('tandem-honest-', cookieApp);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('engine: one honest async path', () => {
  it('prepareRequest always answers with a promise, and reports bad input by rejecting it', async () => {
    const ok = prepareRequest(get(`${fx.app.url}/echo`), profile('alice'), settings);
    expect(ok).toBeInstanceOf(Promise);
    expect((await ok).url.href).toBe(`${fx.app.url}/echo`);
    const bad = prepareRequest(get('ftp://nope'), profile('alice'), settings);
    expect(bad).toBeInstanceOf(Promise);
    await expect(bad).rejects.toThrow(/Unsupported scheme/);
  });

  it('a send leaves no interval behind (no timer "anchors")', async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    for (const timeoutMs of [1000, 5000, 30_000]) {
      const ctx = contextFor('alice', {}, { settings: { ...settings, timeoutMs } });
      expect((await send(get(`${fx.app.url}/echo`), ctx)).status).toBe(200);
    }
    expect(intervals).not.toHaveBeenCalled();
  });
});
