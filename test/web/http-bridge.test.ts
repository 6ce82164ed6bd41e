import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../main/contract';
import { startWebServer, type WebServer } from '../../main/web/server';

let root: string;
let server: WebServer;
let httpBridge: (base?: string, token?: string) => Bridge;

beforeAll(async () => {
  // The renderer's api module reads the page URL when it loads; give it a minimal page.
  vi.stubGlobal('window', { location: { search: '' } });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => undefined });
  ({ httpBridge } = await import('../../renderer/src/api/index'));

  root = await mkdtemp(join(tmpdir(), 'tandem-bridge-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<title>Tandem</title>');
  server = await startWebServer({ dataDir: join(root, 'data'), rendererDir: join(root, 'renderer') });
});

afterAll(async () => {
  await server?.close();
  vi.unstubAllGlobals();
  await rm(root, { recursive: true, force: true });
});

describe("the renderer's own httpBridge against a real web-mode server", () => {
  it('alice creates her profile and a cookie, and reads them back', async () => {
    const bridge = httpBridge(`http://127.0.0.1:${server.port}`, server.token);
    const created = await bridge.invoke('profiles.create', { name: 'alice' });
    expect(created).toMatchObject({ ok: true, value: { name: 'alice' } });

    const set = await bridge.invoke('cookies.set', {
      profile: 'alice',
      cookie: { name: 'session', value: 'a1', domain: '127.0.0.1', path: '/' },
    });
    expect(set).toMatchObject({ ok: true, value: { name: 'session', value: 'a1' } });

    const cookies = await bridge.invoke('cookies.list', { profile: 'alice' });
    expect(cookies.ok && cookies.value.map((c) => `${c.name}=${c.value}`)).toEqual(['session=a1']);
  });

  it('a stale token gets UNAUTHORIZED as data, not an exception', async () => {
    const bridge = httpBridge(`http://127.0.0.1:${server.port}`, 'f'.repeat(64));
    const res = await bridge.invoke('profiles.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('a server that is gone gives NETWORK_ERROR as data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-bridge-gone-'));
    const gone = await startWebServer({ dataDir: join(dir, 'data'), rendererDir: dir });
    const bridge = httpBridge(`http://127.0.0.1:${gone.port}`, gone.token);
    await gone.close();
    try {
      const res = await bridge.invoke('profiles.list', {});
      expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
