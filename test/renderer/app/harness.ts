import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { localBridge } from '../../../main/contract/local';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { setBridge } from '../../../renderer/src/api';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { emptyRequest, useRequestStore } from '../../../renderer/src/features/request/store';

/** A real core on a temp workspace, installed as the renderer's bridge. */
export interface TestCore {
  core: Tandem;
  dataDir: string;
  close(): Promise<void>;
}

export async function startCore(
  profiles: Array<{ name: string; color: string; variables?: Record<string, string> }>,
) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-ui-'));
  const core = await createTandem({ dataDir, host: 'web' });
  for (const p of profiles) {
    const made = await core['profiles.create']({ name: p.name, color: p.color });
    if (!made.ok) throw new Error(made.error.message);
    if (p.variables) await core['profiles.update']({ name: p.name, patch: { variables: p.variables } });
  }
  setBridge(localBridge(core));
  return {
    core,
    dataDir,
    async close() {
      await core.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  } satisfies TestCore;
}

/**
 * Zustand stores are module singletons: put them back to their first state between tests.
 * Every workspace also lists the built-in "default" profile first; `active` is the profile
 * the user picked last time (as the app remembers it in localStorage).
 */
export function resetStores(active?: string): void {
  localStorage.clear();
  if (active) localStorage.setItem('tandem.activeProfile', active);
  useProfilesStore.setState({ profiles: {}, order: [], active: '', loaded: false, error: null });
  useRequestStore.setState({ draft: emptyRequest(), origin: null, inFlight: {}, responses: {} });
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A small cookie-speaking API on 127.0.0.1:
 *  GET /login?user=NAME      200, Set-Cookie session=NAME (HttpOnly)
 *  GET /profile              200 {"name"} with a session cookie, else 401
 *  GET /cookies/set?k=v      302 → /cookies, setting each k=v
 *  GET /cookies              200 {"cookies": {...}} as received
 *  GET /bad-cookie           200, one cookie for a foreign domain (rejected) and one fine
 *  GET /page                 200 text/html
 *  GET /big?mb=N             200 JSON, N MB, one item per line
 *  GET /slow                 never answers (until the server closes)
 */
export async function startApiServer(): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? '')
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
    );
    const json = (status: number, body: unknown, headers: Record<string, string | string[]> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    switch (u.pathname) {
      case '/login': {
        const user = u.searchParams.get('user') ?? 'anon';
        return json(200, { ok: true }, { 'set-cookie': `session=${user}; Path=/; HttpOnly` });
      }
      case '/profile':
        return cookies.session
          ? json(200, { name: cookies.session })
          : json(401, { error: 'Not authenticated' });
      case '/cookies/set': {
        const set = [...u.searchParams].map(([k, v]) => `${k}=${v}; Path=/`);
        res.writeHead(302, { location: '/cookies', 'set-cookie': set });
        return res.end();
      }
      case '/cookies':
        return json(200, { cookies });
      case '/bad-cookie':
        return json(200, {}, { 'set-cookie': ['evil=1; Domain=example.com; Path=/', 'fine=yes; Path=/'] });
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(
          '<!doctype html><html><head><title>Hello</title></head><body><h1>Hello page</h1></body></html>',
        );
      case '/big': {
        const mb = Number(u.searchParams.get('mb') ?? '3');
        const line = `  {"id": 1, "text": "${'x'.repeat(80)}"},\n`;
        const n = Math.ceil((mb * 1024 * 1024) / line.length);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(`[\n${line.repeat(n)}  {"id": 0}\n]`);
      }
      case '/slow':
        return; // left hanging on purpose
      default:
        return json(404, { error: 'no such route' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
