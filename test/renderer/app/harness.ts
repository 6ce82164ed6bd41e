import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { useWorkbenchUi } from '../../../renderer/src/app/workbench';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { type BridgedCore, startBridgedCore } from '../../support/core';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/** A real core on a temp workspace, installed as the renderer's bridge. */
export type TestCore = BridgedCore;

export interface ProfileSeed {
  name: string;
  color: string;
  variables?: Record<string, string>;
}

export async function startCore(profiles: ProfileSeed[]): Promise<TestCore> {
  const tc = await startBridgedCore('tandem-ui-');
  for (const p of profiles) {
    const made = await tc.core['profiles.create']({ name: p.name, color: p.color });
    if (!made.ok) throw new Error(made.error.message);
    if (p.variables) await tc.core['profiles.update']({ name: p.name, patch: { variables: p.variables } });
  }
  return tc;
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
  useRequestStore.getState().reset();
  // The workbench's notice, dialogs and save state: an error notice from the last test would
  // otherwise still be showing (errors stay until dismissed).
  useWorkbenchUi.setState(useWorkbenchUi.getInitialState());
}

export type TestServer = LoopbackServer;

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
export function startApiServer(): Promise<TestServer> {
  return startLoopbackServer((req, res) => {
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
}

/** What a story's hooks set up: the API server (whole file) and a fresh core (each test). */
export interface ApiStory {
  server: TestServer;
  tc: TestCore;
}

/**
 * Registers the hooks of a renderer story against the cookie-speaking API: the server for the
 * whole file; per test, stores reset with alice active, a fresh core with `profiles(server.url)`
 * (loaded into the profiles store when `loadProfiles`), unmounted and closed afterwards.
 */
export function apiStory(
  profiles: (base: string) => ProfileSeed[],
  opts: { loadProfiles?: boolean } = {},
): ApiStory {
  const story = {} as ApiStory;
  beforeAll(async () => {
    story.server = await startApiServer();
  });
  afterAll(async () => {
    await story.server.close();
  });
  beforeEach(async () => {
    resetStores('alice');
    story.tc = await startCore(profiles(story.server.url));
    if (opts.loadProfiles) await useProfilesStore.getState().load();
  });
  afterEach(async () => {
    cleanup();
    await story.tc.close();
  });
  return story;
}
