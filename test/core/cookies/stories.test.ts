import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDispatchers, send } from '../../../main/core/http/send';
import type { RequestSpec } from '../../../main/shared/types';
import {
  contextFor,
  cookieApp,
  cookieHeaders,
  loopbackResolver,
  startServer,
  type TestServer,
} from '../http/servers';

let app: TestServer;
let base: string;

beforeAll(async () => {
  app = await startServer(cookieApp);
  base = app.url;
});

afterAll(async () => {
  await closeDispatchers();
  await app.close();
});

const req = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  url,
  headers: [],
  body: { type: 'none' },
  ...extra,
});

const login = (user: string): RequestSpec =>
  req(`${base}/login`, { method: 'POST', body: { type: 'form', fields: [{ name: 'user', value: user }] } });

/** `/set?c=...` URL that answers with the given raw Set-Cookie headers. */
const setting = (origin: string, ...raw: string[]) =>
  `${origin}/set?${raw.map((r) => `c=${encodeURIComponent(r)}`).join('&')}`;

describe('profiles keep their own cookies', () => {
  it('alice logs in and her session goes to /profile; bob, with his own jar, is not logged in', async () => {
    const alice = contextFor('alice');
    const bob = contextFor('bob');
    const loggedIn = await send(login('alice'), alice);
    expect(loggedIn.cookiesSet).toHaveLength(1);
    expect(loggedIn.cookiesSet[0]).toMatchObject({
      outcome: 'stored',
      cookie: { name: 'session', value: 'alice-token', httpOnly: true, domain: '127.0.0.1', hostOnly: true },
    });

    const me = await send(req(`${base}/profile`), alice);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toEqual({ user: 'alice' });
    expect(me.cookiesSent).toEqual([{ name: 'session', value: 'alice-token', source: 'jar' }]);
    expect(me.hops[0].cookieHeader).toBe('session=alice-token');

    const stranger = await send(req(`${base}/profile`), bob);
    expect(stranger.status).toBe(401);
    expect(stranger.cookiesSent).toEqual([]);
    expect(cookieHeaders(app.seen.at(-1)!)).toEqual([]);
    expect(bob.jar.size).toBe(0);
  });

  it('with the cookie store off nothing stored is sent and nothing is stored (outcome "ignored")', async () => {
    const anon = contextFor('anonymous', { cookieStore: false });
    anon.jar.set({ name: 'old', value: 'x', domain: '127.0.0.1' });
    const res = await send(login('anon'), anon);
    expect(res.cookiesSet).toHaveLength(1);
    expect(res.cookiesSet[0]).toMatchObject({
      outcome: 'ignored',
      cookie: { name: 'session', value: 'anon-token', domain: '127.0.0.1' },
    });
    expect(anon.jar.list().map((c) => c.name)).toEqual(['old']);
    const me = await send(req(`${base}/profile`), anon);
    expect(me.status).toBe(401);
    expect(cookieHeaders(app.seen.at(-1)!)).toEqual([]);
  });

  it('the per-request cookieStore option overrides the profile switch', async () => {
    const alice = contextFor('alice');
    const res = await send({ ...login('alice'), options: { cookieStore: false } }, alice);
    expect(res.cookiesSet[0].outcome).toBe('ignored');
    expect(alice.jar.size).toBe(0);
  });

  it('initial cookies put in the jar are sent', async () => {
    const alice = contextFor('alice');
    alice.jar.set({ name: 'session', value: 'abc123', domain: '127.0.0.1' });
    alice.jar.set({ name: 'user_id', value: '456', domain: '127.0.0.1' });
    const res = await send(req(`${base}/cookies`), alice);
    expect(JSON.parse(res.body)).toEqual({ cookies: { session: 'abc123', user_id: '456' } });
  });

  it('a per-request cookie wins over a jar cookie of the same name, and both sources are reported', async () => {
    const alice = contextFor('alice', { variables: { tmp: 'cookie-value' } });
    alice.jar.set({ name: 'session', value: 'from-jar', domain: '127.0.0.1' });
    alice.jar.set({ name: 'persistent', value: 'value1', domain: '127.0.0.1' });
    const res = await send(
      req(`${base}/cookies`, {
        cookies: [
          { name: 'session', value: 'override' },
          { name: 'temporary', value: '{{tmp}}' },
          { name: 'off', value: 'x', enabled: false },
        ],
      }),
      alice,
    );
    expect(JSON.parse(res.body).cookies).toEqual({
      session: 'override',
      persistent: 'value1',
      temporary: 'cookie-value',
    });
    expect(res.cookiesSent).toContainEqual({ name: 'persistent', value: 'value1', source: 'jar' });
    expect(res.cookiesSent).toContainEqual({ name: 'session', value: 'override', source: 'request' });
    expect(res.cookiesSent.filter((c) => c.name === 'session')).toHaveLength(1);
    expect(alice.jar.list().find((c) => c.name === 'session')?.value).toBe('from-jar');
  });

  it('exactly one Cookie header goes out when the user typed one too', async () => {
    const alice = contextFor('alice');
    alice.jar.set({ name: 'session', value: 'jar', domain: '127.0.0.1' });
    alice.jar.set({ name: 'theme', value: 'dark', domain: '127.0.0.1' });
    const res = await send(
      req(`${base}/cookies`, {
        headers: [
          { name: 'Cookie', value: 'theme=light; typed=1' },
          { name: 'X-After', value: 'y' },
        ],
        cookies: [{ name: 'typed', value: 'request' }],
      }),
      alice,
    );
    const seen = app.seen.at(-1)!;
    expect(cookieHeaders(seen)).toEqual(['session=jar; theme=light; typed=request']);
    expect(res.request.headers.filter(([n]) => n.toLowerCase() === 'cookie')).toEqual([
      ['cookie', 'session=jar; theme=light; typed=request'],
    ]);
    expect(res.cookiesSent.map((c) => `${c.name}:${c.source}`)).toEqual([
      'session:jar',
      'theme:header',
      'typed:request',
    ]);
  });
});

describe('cookies across redirects', () => {
  it('httpbin-style /cookies/set?session=abc123 shows the cookie arriving at /cookies', async () => {
    const alice = contextFor('alice');
    const hopsSeen: number[] = [];
    const res = await send(req(`${base}/cookies/set?session=abc123`), {
      ...alice,
      onHop: (hop, i) => hopsSeen.push(i * 1000 + hop.status),
    });
    expect(hopsSeen).toEqual([302, 1200]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ cookies: { session: 'abc123' } });
    expect(res.hops).toHaveLength(2);
    expect(res.hops[0]).toMatchObject({ status: 302, cookieHeader: null, location: `${base}/cookies` });
    expect(res.hops[0].cookiesSet[0]).toMatchObject({ outcome: 'stored', cookie: { name: 'session' } });
    expect(res.hops[1]).toMatchObject({
      method: 'GET',
      url: `${base}/cookies`,
      cookieHeader: 'session=abc123',
      cookiesSent: [{ name: 'session', value: 'abc123', source: 'jar' }],
    });
    expect(res.cookiesSent).toEqual([]);
    expect(res.cookiesSet.map((r) => r.cookie?.name)).toEqual(['session']);
  });

  it('with the store off, the redirect target does not get the cookie', async () => {
    const anon = contextFor('anonymous', { cookieStore: false });
    const res = await send(req(`${base}/cookies/set?session=abc123`), anon);
    expect(JSON.parse(res.body)).toEqual({ cookies: {} });
    expect(res.cookiesSet[0].outcome).toBe('ignored');
  });
});

describe('deletion and expiry', () => {
  it('Max-Age=0 deletes a cookie, and so does an Expires in the past', async () => {
    const alice = contextFor('alice');
    await send(req(setting(base, 'a=1; Path=/', 'b=2; Path=/')), alice);
    expect(alice.jar.list().map((c) => c.name)).toEqual(['a', 'b']);
    const res = await send(
      req(setting(base, 'a=; Max-Age=0; Path=/', 'b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/')),
      alice,
    );
    expect(res.cookiesSet.map((r) => r.outcome)).toEqual(['deleted', 'deleted']);
    expect(alice.jar.size).toBe(0);
    const after = await send(req(`${base}/cookies`), alice);
    expect(JSON.parse(after.body)).toEqual({ cookies: {} });
  });

  it('Max-Age wins over Expires', async () => {
    const alice = contextFor('alice');
    const past = 'Thu, 01 Jan 1970 00:00:00 GMT';
    const future = new Date(Date.now() + 86_400_000).toUTCString();
    const res = await send(
      req(setting(base, `keep=1; Max-Age=3600; Expires=${past}`, `gone=1; Max-Age=0; Expires=${future}`)),
      alice,
    );
    expect(res.cookiesSet.map((r) => `${r.cookie?.name}:${r.outcome}`)).toEqual([
      'keep:stored',
      'gone:deleted',
    ]);
    expect(alice.jar.list().map((c) => c.name)).toEqual(['keep']);
  });

  it('overwriting a cookie with the same name, domain and path keeps one; another path makes two', async () => {
    const alice = contextFor('alice');
    await send(req(setting(base, 'v=1; Path=/')), alice);
    await send(req(setting(base, 'v=2; Path=/')), alice);
    expect(alice.jar.list().map((c) => `${c.path}:${c.value}`)).toEqual(['/:2']);
    await send(req(setting(base, 'v=3; Path=/cookies')), alice);
    expect(alice.jar.list().map((c) => `${c.path}:${c.value}`)).toEqual(['/:2', '/cookies:3']);
  });
});

describe('paths, domains and Secure', () => {
  it('Path limits where a cookie goes; longer paths come first', async () => {
    const alice = contextFor('alice');
    await send(
      req(setting(base, 'scope=root; Path=/', 'scope=api; Path=/echo', 'only=other; Path=/elsewhere')),
      alice,
    );
    await send(req(`${base}/echo`), alice);
    expect(cookieHeaders(app.seen.at(-1)!)).toEqual(['scope=api; scope=root']);
    await send(req(`${base}/cookies`), alice);
    expect(cookieHeaders(app.seen.at(-1)!)).toEqual(['scope=root']);
  });

  it('a Secure cookie is stored and sent over http to localhost (a secure context)', async () => {
    const alice = contextFor('alice');
    const local = `http://localhost:${app.port}`;
    const set = await send(req(setting(local, 'sid=1; Secure; Path=/')), alice);
    expect(set.cookiesSet[0].outcome).toBe('stored');
    const res = await send(req(`${local}/cookies`), alice);
    expect(JSON.parse(res.body)).toEqual({ cookies: { sid: '1' } });
  });

  describe('with real host names (*.test resolved to 127.0.0.1)', () => {
    const at = (host: string) => `http://${host}:${app.port}`;
    const ctx = (name: string) => contextFor(name, {}, { resolveHost: loopbackResolver });

    it('a Domain cookie reaches subdomains; a host-only cookie does not', async () => {
      const alice = ctx('alice');
      const res = await send(
        req(setting(at('app.test'), 'wide=1; Domain=app.test; Path=/', 'narrow=1; Path=/')),
        alice,
      );
      expect(res.cookiesSet.map((r) => r.outcome)).toEqual(['stored', 'stored']);
      expect(res.cookiesSet[0].cookie).toMatchObject({ domain: 'app.test', hostOnly: false });
      expect(res.cookiesSet[1].cookie).toMatchObject({ domain: 'app.test', hostOnly: true });

      const api = await send(req(`${at('api.app.test')}/cookies`), alice);
      expect(JSON.parse(api.body)).toEqual({ cookies: { wide: '1' } });
      const same = await send(req(`${at('app.test')}/cookies`), alice);
      expect(JSON.parse(same.body)).toEqual({ cookies: { wide: '1', narrow: '1' } });
      const other = await send(req(`${at('other.test')}/cookies`), alice);
      expect(JSON.parse(other.body)).toEqual({ cookies: {} });
    });

    it('a Domain that is a public suffix or a foreign domain is rejected', async () => {
      const alice = ctx('alice');
      const res = await send(
        req(
          setting(
            at('shop.example.co.uk'),
            'psl=1; Domain=co.uk',
            'foreign=1; Domain=other.test',
            'ok=1; Domain=example.co.uk',
          ),
        ),
        alice,
      );
      expect(res.cookiesSet.map((r) => `${r.cookie?.name}:${r.outcome}`)).toEqual([
        'psl:rejected',
        'foreign:rejected',
        'ok:stored',
      ]);
      for (const r of res.cookiesSet.slice(0, 2)) expect(r.reason).toBeTruthy();
      const www = await send(req(`${at('www.example.co.uk')}/cookies`), alice);
      expect(JSON.parse(www.body)).toEqual({ cookies: { ok: '1' } });
    });

    it('a Secure cookie is not sent over plain http to a non-local host, and is not accepted from one', async () => {
      const alice = ctx('alice');
      alice.jar.set({ name: 'sec', value: '1', domain: 'app.test', secure: true });
      alice.jar.set({ name: 'plain', value: '1', domain: 'app.test' });
      const res = await send(req(`${at('app.test')}/cookies`), alice);
      expect(JSON.parse(res.body)).toEqual({ cookies: { plain: '1' } });
      expect(alice.jar.cookiesFor('https://app.test/').map((c) => c.key)).toEqual(['sec', 'plain']);
      const set = await send(req(setting(at('app.test'), 'sneaky=1; Secure')), alice);
      expect(set.cookiesSet[0].outcome).toBe('rejected');
    });

    it('a cookie set on a 302 hop is stored for that host and sent on to the Location', async () => {
      const alice = ctx('alice');
      const target = encodeURIComponent(`${at('api.app.test')}/cookies`);
      const first = setting(at('app.test'), 'sso=1; Domain=app.test; Path=/', 'local=1; Path=/');
      // app.test/redirect/302 → api.app.test/cookies; the cookie comes from a previous hop in the same jar
      await send(req(first), alice);
      const res = await send(req(`${at('app.test')}/redirect/302?to=${target}`), alice);
      expect(res.hops.map((h) => h.url)).toEqual([
        `${at('app.test')}/redirect/302?to=${target}`,
        `${at('api.app.test')}/cookies`,
      ]);
      expect(res.hops[0].cookieHeader).toBe('sso=1; local=1');
      expect(JSON.parse(res.body)).toEqual({ cookies: { sso: '1' } });
    });
  });
});
