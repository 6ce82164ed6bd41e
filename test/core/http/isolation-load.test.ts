import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { RequestSpec, Result } from '../../../main/shared/types';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/**
 * Isolation under load (issue 9 item 11): 1,000+ requests at once over 5 profiles — single sends,
 * comparisons and access matrices together, on the profiles' live jars, through the real core — to
 * a server that sets per-user cookies and checks every request's cookies against the user it says
 * it is (`X-As: {{me}}`). Not one cookie may reach the wrong profile.
 */
const PROFILES = ['alice', 'bob', 'carol', 'dave', 'erin'];
const server = { total: 0, mismatches: [] as string[] };
let app: LoopbackServer;
let dataDir: string;
let core: Tandem;
let rotation = 0;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

function cookiesOf(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

beforeAll(async () => {
  app = await startLoopbackServer((req, res) => {
    server.total++;
    const as = String(req.headers['x-as'] ?? '');
    const cookies = cookiesOf(req.headers.cookie);
    for (const [name, v] of Object.entries(cookies)) {
      const owner =
        name === 'session' ? v.replace(/-token$/, '') : name === 'last' ? v.split('-')[0] : name.slice(2);
      if (owner !== as) server.mismatches.push(`${req.url} as ${as} carried ${name}=${v}`);
    }
    const u = new URL(req.url ?? '/', 'http://x');
    const set: string[] = [];
    if (u.pathname === '/login') set.push(`session=${as}-token; Path=/; HttpOnly`, `u_${as}=1; Path=/`);
    if (u.pathname === '/rotate') set.push(`last=${as}-${++rotation}; Path=/`);
    res.writeHead(200, { 'content-type': 'application/json', ...(set.length ? { 'set-cookie': set } : {}) });
    res.end(JSON.stringify({ as, cookies }));
  });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-isolation-'));
  core = await createTandem({ dataDir, host: 'web' });
  for (const name of PROFILES) {
    value(await core['profiles.create']({ name }));
    value(await core['profiles.update']({ name, patch: { variables: { me: name, base: app.url } } }));
  }
});

afterAll(async () => {
  await core.close();
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const spec = (p: string): RequestSpec => ({
  method: 'GET',
  url: `{{base}}${p}`,
  headers: [{ name: 'X-As', value: '{{me}}' }],
  body: { type: 'none' },
});

/** Runs `jobs` with at most `width` at a time. */
async function pool<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}

describe('isolation under load', () => {
  it('1,000+ mixed concurrent requests over 5 profiles: no cookie lands in the wrong profile', async () => {
    for (const profile of PROFILES) value(await core['request.send']({ profile, request: spec('/login') }));
    const collection = value(await core['collections.create']({ name: 'load' }));
    for (const p of ['/echo', '/rotate'])
      value(
        await core['collections.saveRequest']({
          collectionId: collection.id,
          request: { name: p, folder: '', request: spec(p) },
        }),
      );

    const wrong: string[] = [];
    const check = (profile: string, body: string) => {
      const seen = JSON.parse(body) as { as: string; cookies: Record<string, string> };
      if (
        seen.as !== profile ||
        seen.cookies.session !== `${profile}-token` ||
        seen.cookies[`u_${profile}`] !== '1'
      )
        wrong.push(`${profile} got ${body}`);
    };
    const sends = Array.from({ length: 600 }, (_, i) => async () => {
      const profile = PROFILES[i % PROFILES.length];
      const res = value(
        await core['request.send']({ profile, request: spec(i % 3 === 0 ? '/rotate' : '/echo') }),
      );
      check(profile, res.body);
      return 1;
    });
    const compares = Array.from({ length: 60 }, (_, i) => async () => {
      const c = value(
        await core['request.compare']({
          profiles: PROFILES,
          request: spec(i % 2 ? '/rotate' : '/echo'),
          jars: 'live',
        }),
      );
      for (const r of c.results) {
        if (!r.response) wrong.push(`${r.profile}: ${r.error?.message}`);
        else check(r.profile, r.response.body);
      }
      return c.results.length;
    });
    const matrices = Array.from({ length: 15 }, () => async () => {
      const m = value(
        await core['matrix.run']({ collectionId: collection.id, profiles: PROFILES, jars: 'live' }),
      );
      const cells = Object.values(m.cells);
      for (const cell of cells)
        if (cell.status !== 200) wrong.push(`matrix cell ${cell.status} ${cell.error?.message}`);
      return cells.length;
    });

    const before = server.total;
    const counts = await Promise.all([pool(sends, 24), pool(compares, 4), pool(matrices, 2)]);
    const sent = counts.flat().reduce((a, b) => a + b, 0);
    expect(sent).toBe(600 + 300 + 150);
    expect(server.total - before).toBe(sent);
    expect(wrong).toEqual([]);
    expect(server.mismatches).toEqual([]);

    // Every jar holds only its own profile's cookies.
    for (const profile of PROFILES) {
      const jar = value(await core['cookies.list']({ profile }));
      expect(jar.map((c) => c.name).sort()).toEqual(['last', 'session', `u_${profile}`]);
      expect(jar.find((c) => c.name === 'session')?.value).toBe(`${profile}-token`);
      expect(jar.find((c) => c.name === 'last')?.value).toMatch(new RegExp(`^${profile}-\\d+$`));
    }
  }, 60_000);
});
