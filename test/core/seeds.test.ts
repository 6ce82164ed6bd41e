import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileJar } from '../../main/core/cookies/jar';
import { closeDispatchers, send } from '../../main/core/http/send';
import { type DemoServer, startDemoServer } from '../../main/demo/server';
import { signSession } from '../../main/demo/session';
import type { KeyValue, Profile, RequestSpec, ResponseRecord, Settings } from '../../main/shared/types';

/**
 * The seeds, replayed with Tandem's engine: every scenario from the httpr cookie guide, the
 * itty3 cookies tutorial and the FastAPI cookie/session tutorials, sent with `send()` and real
 * ProfileJars against the demo API on loopback.
 */

const SECRET = 'seeds-secret';
const SETTINGS: Settings = {
  theme: 'system',
  proxy: null,
  insecure: false,
  timeoutMs: 10_000,
  maxRedirects: 10,
};

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ secret: SECRET });
});
afterAll(async () => {
  await closeDispatchers();
  await demo.close();
});

/** A profile with its own jar, like one httpr Client. */
function client(name: string, over: Partial<Profile> = {}) {
  const profile: Profile = {
    name,
    color: '#7c5cff',
    variables: { base: demo.url },
    headers: [],
    cookieStore: true,
    createdAt: new Date(0).toISOString(),
    ...over,
  };
  const jar = new ProfileJar();
  return {
    profile,
    jar,
    send: (spec: RequestSpec) => send(spec, { profile, jar, settings: SETTINGS }),
    get: (path: string, extra: Partial<RequestSpec> = {}) =>
      send(
        { method: 'GET', url: `{{base}}${path}`, headers: [], body: { type: 'none' }, ...extra },
        {
          profile,
          jar,
          settings: SETTINGS,
        },
      ),
    post: (path: string, fields: Record<string, string> = {}) =>
      send(
        {
          method: 'POST',
          url: `{{base}}${path}`,
          headers: [],
          body: {
            type: 'form',
            fields: Object.entries(fields).map(([k, v]) => ({ name: k, value: v })),
          },
        },
        { profile, jar, settings: SETTINGS },
      ),
    /** The jar as httpr's client.cookies shows it: name → value. */
    cookies: () => Object.fromEntries(jar.list().map((c) => [c.name, c.value])),
  };
}

const body = (res: ResponseRecord) => JSON.parse(res.body);
const kv = (o: Record<string, string>): KeyValue[] =>
  Object.entries(o).map(([name, value]) => ({ name, value }));
const host = () => new URL(demo.url).hostname;

describe('httpr cookie guide', () => {
  it('cookie store on (default): a cookie set via redirect is sent on the next request', async () => {
    const c = client('alice');
    const set = await c.get('/cookies/set?session=abc123');
    expect(set.hops.map((h) => h.status)).toEqual([302, 200]);
    expect(set.hops[0].cookiesSet).toMatchObject([{ outcome: 'stored', cookie: { name: 'session' } }]);
    expect(set.hops[1].cookieHeader).toBe('session=abc123');
    expect(body(set)).toEqual({ cookies: { session: 'abc123' } });
    expect(body(await c.get('/cookies'))).toEqual({ cookies: { session: 'abc123' } });
  });

  it('cookie store off: the cookie is set but not kept, and nothing is sent', async () => {
    const c = client('stateless', { cookieStore: false });
    const set = await c.get('/cookies/set?session=abc123');
    expect(set.cookiesSet).toMatchObject([
      { outcome: 'ignored', cookie: { name: 'session', value: 'abc123' } },
    ]);
    expect(set.hops[1].cookieHeader).toBeNull();
    expect(body(set)).toEqual({ cookies: {} });
    expect(body(await c.get('/cookies'))).toEqual({ cookies: {} });
    expect(c.jar.size).toBe(0);
  });

  it('the store can be switched off for one request only', async () => {
    const c = client('alice');
    await c.get('/cookies/set?kept=1');
    const once = await c.get('/cookies/set?dropped=1', { options: { cookieStore: false } });
    expect(once.cookiesSet[0].outcome).toBe('ignored');
    expect(body(once)).toEqual({ cookies: {} });
    expect(body(await c.get('/cookies'))).toEqual({ cookies: { kept: '1' } });
  });

  it('initial cookies (put in the jar up front) go out with the first request', async () => {
    const c = client('alice');
    c.jar.set({ name: 'session', value: 'abc123', domain: host() });
    c.jar.set({ name: 'user_id', value: '456', domain: host() });
    expect(body(await c.get('/cookies'))).toEqual({ cookies: { session: 'abc123', user_id: '456' } });
  });

  it('per-request cookies are sent, merged with the jar, win on a clash and are not stored', async () => {
    const c = client('alice');
    expect(body(await c.get('/cookies', { cookies: kv({ temporary: 'cookie-value' }) }))).toEqual({
      cookies: { temporary: 'cookie-value' },
    });
    c.jar.set({ name: 'persistent', value: 'value1', domain: host() });
    const merged = await c.get('/cookies', { cookies: kv({ temporary: 'value2' }) });
    expect(body(merged)).toEqual({ cookies: { persistent: 'value1', temporary: 'value2' } });
    expect(merged.cookiesSent).toEqual([
      { name: 'persistent', value: 'value1', source: 'jar' },
      { name: 'temporary', value: 'value2', source: 'request' },
    ]);
    const clash = await c.get('/cookies', { cookies: kv({ persistent: 'override' }) });
    expect(body(clash)).toEqual({ cookies: { persistent: 'override' } });
    expect(c.cookies()).toEqual({ persistent: 'value1' });
  });

  it('cookies go out as ONE Cookie header, as /headers shows', async () => {
    const c = client('alice');
    c.jar.set({ name: 'name1', value: 'value1', domain: host() });
    const res = await c.get('/headers', { cookies: kv({ name2: 'value2' }) });
    expect(body(res).headers.Cookie).toBe('name1=value1; name2=value2');
    expect(res.request.headers.filter(([n]) => n.toLowerCase() === 'cookie')).toHaveLength(1);
  });

  it('reads what the response set, hop by hop, and what the jar holds afterwards', async () => {
    const c = client('alice');
    c.jar.set({ name: 'initial', value: 'cookie', domain: host() });
    const one = await c.get('/cookies/set?name=value', { options: { followRedirects: false } });
    expect(one.status).toBe(302);
    expect(one.hops).toHaveLength(1);
    expect(one.hops[0].location).toBe(`${demo.url}/cookies`);
    expect(one.cookiesSet).toMatchObject([
      { raw: 'name=value; Path=/', outcome: 'stored', cookie: { name: 'name', value: 'value', path: '/' } },
    ]);
    await c.get('/cookies/set?new=cookie');
    expect(c.cookies()).toEqual({ initial: 'cookie', name: 'value', new: 'cookie' });
  });

  it('updating and clearing the jar changes what is sent', async () => {
    const c = client('alice');
    c.jar.set({ name: 'old', value: 'cookie', domain: host() });
    c.jar.clear();
    c.jar.set({ name: 'session', value: 'new-session-id', domain: host() });
    expect(body(await c.get('/cookies'))).toEqual({ cookies: { session: 'new-session-id' } });
    c.jar.clear();
    expect(body(await c.get('/cookies'))).toEqual({ cookies: {} });
  });

  it('profile headers and cookies stay separate: X-Custom from the profile, Cookie from the jar', async () => {
    const c = client('alice', { headers: [{ name: 'X-Custom', value: 'header' }] });
    c.jar.set({ name: 'session', value: 'abc', domain: host() });
    expect(c.profile.headers.map((h) => h.name.toLowerCase())).not.toContain('cookie');
    const { headers } = body(await c.get('/headers'));
    expect(headers['X-Custom']).toBe('header');
    expect(headers.Cookie).toBe('session=abc');
  });

  it('session management: log in, read the profile, log out', async () => {
    const c = client('alice');
    const login = await c.post('/login', { username: 'alice', password: 'alice-pw' });
    expect(login.status).toBe(200);
    expect(body(await c.get('/profile'))).toEqual({ user: 'alice', role: 'user' });
    const out = await c.post('/logout');
    expect(out.cookiesSet).toMatchObject([{ outcome: 'deleted', cookie: { name: 'session' } }]);
    expect(c.cookies()).toEqual({});
    expect((await c.get('/profile')).status).toBe(401);
  });

  it('testing with specific cookies: a given session token, store off, nothing persisted', async () => {
    const c = client('tester', { cookieStore: false });
    const token = signSession(Buffer.from(SECRET), 'bob');
    const res = await c.get('/profile', { cookies: kv({ session: token }) });
    expect(res.status).toBe(200);
    expect(body(res)).toEqual({ user: 'bob', role: 'user' });
    expect(c.jar.size).toBe(0);
    expect((await c.get('/profile', { cookies: kv({ session: 'test-session-token' }) })).status).toBe(401);
  });

  it('multiple sessions: alice and bob, at the same time, each in their own jar', async () => {
    const alice = client('alice');
    const bob = client('bob', { variables: { base: demo.url, user: 'bob', pw: 'bob-pw' } });
    await Promise.all([
      alice.post('/login', { username: 'alice', password: 'alice-pw' }),
      bob.post('/login', { username: '{{user}}', password: '{{pw}}' }),
    ]);
    const [a, b] = await Promise.all([alice.get('/profile'), bob.get('/profile')]);
    expect([body(a).user, body(b).user]).toEqual(['alice', 'bob']);
    expect(a.profile).toBe('alice');
    expect(alice.cookies().session).not.toBe(bob.cookies().session);
    // Each session sees its own notes. (GET /notes/:id is the demo's planted bug: any logged-in
    // user reads any note by id, so the list is where ownership shows.)
    const owners = (r: Awaited<ReturnType<typeof alice.get>>) =>
      (body(r) as { notes: { owner: string }[] }).notes.map((n) => n.owner);
    expect(owners(await alice.get('/notes'))).toEqual(['alice']);
    expect(owners(await bob.get('/notes'))).toEqual(['bob']);
    expect(
      (
        await alice.send({
          method: 'DELETE',
          url: `${demo.url}/notes/2`,
          headers: [],
          body: { type: 'none' },
        })
      ).status,
    ).toBe(403);
    expect((await bob.get('/notes/2')).status).toBe(200);
  });

  it('debugging a cookie flow: before, what the response set, after', async () => {
    const c = client('alice');
    expect(c.cookies()).toEqual({});
    const res = await c.get('/cookies/set?debug=true');
    expect(res.cookiesSet.map((r) => [r.cookie?.name, r.cookie?.value, r.outcome])).toEqual([
      ['debug', 'true', 'stored'],
    ]);
    expect(c.cookies()).toEqual({ debug: 'true' });
  });
});

describe('itty3 cookies tutorial', () => {
  it('daniel sets his username, is greeted by name, logs out and is unknown again', async () => {
    const c = client('daniel');
    expect((await c.get('/')).body).toBe('Hello, unknown!');
    const set = await c.get('/set/?username=daniel');
    expect(set.hops.map((h) => [h.status, new URL(h.url).pathname])).toEqual([
      [302, '/set/'],
      [200, '/'],
    ]);
    expect(set.hops[0].cookiesSet[0].raw).toBe('username=daniel; Path=/');
    expect(set.hops[1].cookieHeader).toBe('username=daniel');
    expect(set.body).toBe('Hello, daniel!');
    expect((await c.get('/')).body).toBe('Hello, daniel!');
    const out = await c.get('/logout/');
    expect(out.hops[0].cookiesSet[0].outcome).toBe('deleted');
    expect(out.body).toBe('Hello, unknown!');
    expect(c.jar.size).toBe(0);
  });
});

describe('FastAPI cookie and session tutorials', () => {
  it('set_cookie with max_age and httponly, read back with Cookie()', async () => {
    const c = client('alice');
    expect(body(await c.get('/get-cookie'))).toEqual({ mycookie: null });
    const set = await c.get('/set-cookie');
    expect(body(set)).toEqual({ message: 'Cookie set' });
    const [cookie] = c.jar.list();
    expect(cookie).toMatchObject({ name: 'mycookie', value: 'cookievalue', httpOnly: true, path: '/' });
    const left = Date.parse(cookie.expires!) - Date.now();
    expect(left).toBeGreaterThan(1700_000);
    expect(left).toBeLessThanOrEqual(1800_000);
    expect(body(await c.get('/get-cookie'))).toEqual({ mycookie: 'cookievalue' });
  });

  it('login sets an HttpOnly, SameSite=Lax session; logout (delete_cookie) removes it', async () => {
    const c = client('john');
    const login = await c.send({
      method: 'POST',
      url: '{{base}}/login',
      headers: [],
      body: { type: 'json', text: '{"username": "admin", "password": "admin-pw"}' },
    });
    expect(body(login)).toEqual({ ok: true, user: 'admin', role: 'admin' });
    expect(login.cookiesSet[0].cookie).toMatchObject({ name: 'session', httpOnly: true, sameSite: 'Lax' });
    expect((await c.get('/admin')).status).toBe(200);
    await c.post('/logout');
    expect((await c.get('/admin')).status).toBe(401);
  });

  it('a wrong password is 401 and the jar stays empty', async () => {
    const c = client('eve');
    const res = await c.post('/login', { username: 'alice', password: 'guess' });
    expect(res.status).toBe(401);
    expect(body(res)).toEqual({ detail: 'Invalid credentials' });
    expect(c.jar.size).toBe(0);
  });

  it('set_cookie attributes arrive in the jar: Max-Age, HttpOnly, Secure, SameSite, Path', async () => {
    const c = client('alice');
    const q =
      'name=session_token&value=tok&max_age=86400&httponly=1&secure=1&samesite=strict&path=/cookie-lab';
    const res = await c.get(`/cookie-lab/set?${q}`);
    expect(res.cookiesSet[0].outcome).toBe('stored');
    expect(c.jar.list()[0]).toMatchObject({
      name: 'session_token',
      path: '/cookie-lab',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      hostOnly: true,
    });
    expect(Date.parse(c.jar.list()[0].expires!)).toBeGreaterThan(Date.now() + 86_000_000);
  });

  it('a Path cookie is sent below its path only', async () => {
    const c = client('alice');
    await c.get('/cookie-lab/path');
    expect(body(await c.get('/cookie-lab/inner/echo')).cookies).toEqual({ lab_path: 'inner' });
    expect(body(await c.get('/cookies')).cookies).toEqual({});
  });

  it('a Domain for another site is rejected, with the reason', async () => {
    const c = client('alice');
    const res = await c.get('/cookie-lab/set?name=d&value=1&domain=example.com');
    expect(res.cookiesSet[0]).toMatchObject({ outcome: 'rejected', cookie: { name: 'd' } });
    expect(res.cookiesSet[0].reason).toBeTruthy();
    expect(c.jar.size).toBe(0);
  });

  it('a Domain cookie is shared with sub-domains (FastAPI domain=...)', async () => {
    const profile: Profile = { ...client('alice').profile, variables: {} };
    const jar = new ProfileJar();
    const ctx = {
      profile,
      jar,
      settings: SETTINGS,
      resolveHost: (h: string) => (h.endsWith('.test') ? '127.0.0.1' : null),
    };
    const at = (h: string, path: string): RequestSpec => ({
      method: 'GET',
      url: `http://${h}:${demo.port}${path}`,
      headers: [],
      body: { type: 'none' },
    });
    const set = await send(at('api.demo.test', '/cookie-lab/set?name=shared&value=1&domain=demo.test'), ctx);
    expect(set.cookiesSet[0]).toMatchObject({
      outcome: 'stored',
      cookie: { domain: 'demo.test', hostOnly: false },
    });
    await send(at('api.demo.test', '/cookie-lab/set?name=hostonly&value=1'), ctx);
    expect(body(await send(at('www.demo.test', '/cookies'), ctx))).toEqual({ cookies: { shared: '1' } });
    expect(body(await send(at('api.demo.test', '/cookies'), ctx))).toEqual({
      cookies: { shared: '1', hostonly: '1' },
    });
    expect(body(await send(at('elsewhere.test', '/cookies'), ctx))).toEqual({ cookies: {} });
  });

  it('a past Expires deletes; several Set-Cookie headers in one response are all kept', async () => {
    const c = client('alice');
    c.jar.set({ name: 'lab_expired', value: 'old', domain: host() });
    const expired = await c.get('/cookie-lab/expired');
    expect(expired.cookiesSet[0].outcome).toBe('deleted');
    const multi = await c.get('/cookie-lab/multi');
    expect(multi.cookiesSet.map((r) => [r.cookie?.name, r.outcome])).toEqual([
      ['multi_a', 'stored'],
      ['multi_b', 'stored'],
      ['multi_c', 'stored'],
    ]);
    expect(Object.keys(c.cookies()).sort()).toEqual(['multi_a', 'multi_b', 'multi_c']);
  });

  it('httpbin-style delete (/cookies/delete) removes a cookie from the jar', async () => {
    const c = client('alice');
    await c.get('/cookies/set?session_id=abc123def456&keep=1');
    const res = await c.get('/cookies/delete?session_id');
    expect(res.hops[0].cookiesSet[0].outcome).toBe('deleted');
    expect(body(res)).toEqual({ cookies: { keep: '1' } });
  });
});
