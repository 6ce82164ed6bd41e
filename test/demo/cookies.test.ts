import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileJar } from '../../main/core/cookies/jar';
import { type DemoServer, startDemoServer } from '../../main/demo/server';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
});

/** One visit with a real jar: sends its cookies, stores what each hop sets, follows redirects. */
async function visit(jar: ProfileJar, path: string) {
  let url = `${demo.url}${path}`;
  const hops: Array<{ url: string; status: number; setCookie: string[] }> = [];
  for (let i = 0; i < 5; i++) {
    const cookie = jar
      .cookiesFor(url)
      .map((c) => c.cookieString())
      .join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
    const setCookie = res.headers.getSetCookie();
    for (const sc of setCookie) jar.storeSetCookie(sc, url);
    hops.push({ url, status: res.status, setCookie });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { hops, res, text: await res.text() };
    await res.body?.cancel();
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

describe('itty3 greeting app', () => {
  it('daniel sets his username, is greeted, then logs out and is unknown again', async () => {
    const jar = new ProfileJar();
    expect((await visit(jar, '/')).text).toBe('Hello, unknown!');
    const set = await visit(jar, '/set/?username=daniel');
    expect(set.hops[0]).toMatchObject({ status: 302, setCookie: ['username=daniel; Path=/'] });
    expect(set.text).toBe('Hello, daniel!');
    expect(set.res.headers.get('content-type')).toContain('text/plain');
    const out = await visit(jar, '/logout/');
    expect(out.hops[0].status).toBe(302);
    expect(out.hops[0].setCookie[0]).toMatch(/^username=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(out.text).toBe('Hello, unknown!');
    expect(jar.size).toBe(0);
  });

  it('a username with spaces survives the round trip', async () => {
    const jar = new ProfileJar();
    expect((await visit(jar, '/set/?username=Daniel%20Lindsley')).text).toBe('Hello, Daniel Lindsley!');
  });
});

describe('FastAPI set-cookie / get-cookie', () => {
  it('sets mycookie with Max-Age and HttpOnly, then reads it back', async () => {
    const jar = new ProfileJar();
    expect((await visit(jar, '/get-cookie')).text).toContain('"mycookie": null');
    const set = await visit(jar, '/set-cookie');
    expect(set.hops[0].setCookie).toEqual(['mycookie=cookievalue; Max-Age=1800; Path=/; HttpOnly']);
    expect(JSON.parse((await visit(jar, '/get-cookie')).text)).toEqual({ mycookie: 'cookievalue' });
  });
});

describe('cookie lab: every Set-Cookie attribute', () => {
  it('a Path cookie is only sent below its path', async () => {
    const jar = new ProfileJar();
    const set = await visit(jar, '/cookie-lab/path');
    expect(JSON.parse(set.text)).toEqual({ set: ['lab_path=inner; Path=/cookie-lab/inner'] });
    expect(JSON.parse((await visit(jar, '/cookie-lab/inner/echo')).text)).toEqual({
      path: '/cookie-lab/inner/echo',
      cookie: 'lab_path=inner',
      cookies: { lab_path: 'inner' },
    });
    expect(JSON.parse((await visit(jar, '/cookie-lab/echo')).text).cookie).toBeNull();
  });

  it('Max-Age and Expires give persistent cookies; a past Expires deletes', async () => {
    const jar = new ProfileJar();
    await visit(jar, '/cookie-lab/max-age');
    await visit(jar, '/cookie-lab/expires');
    const byName = Object.fromEntries(jar.list().map((c) => [c.name, c]));
    const hour = Date.parse(byName.lab_max_age.expires!) - Date.now();
    expect(hour).toBeGreaterThan(3500_000);
    expect(hour).toBeLessThanOrEqual(3600_000);
    expect(Date.parse(byName.lab_expires.expires!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    jar.set({ name: 'lab_expired', value: 'still here', domain: '127.0.0.1' });
    const expired = await visit(jar, '/cookie-lab/expired');
    expect(expired.hops[0].setCookie[0]).toMatch(/^lab_expired=gone; Expires=.* GMT; Path=\/$/);
    expect(jar.list().map((c) => c.name)).not.toContain('lab_expired');
  });

  it('Secure, HttpOnly and SameSite arrive as flags', async () => {
    const jar = new ProfileJar();
    for (const p of ['secure', 'httponly', 'samesite-strict', 'samesite-lax', 'samesite-none'])
      await visit(jar, `/cookie-lab/${p}`);
    const byName = Object.fromEntries(jar.list().map((c) => [c.name, c]));
    expect(byName.lab_secure.secure).toBe(true);
    expect(byName.lab_httponly.httpOnly).toBe(true);
    expect(byName.lab_strict.sameSite).toBe('Strict');
    expect(byName.lab_lax.sameSite).toBe('Lax');
    expect(byName.lab_none).toMatchObject({ sameSite: 'None', secure: true });
  });

  it('/cookie-lab/multi sends three Set-Cookie headers in one response', async () => {
    const res = await fetch(`${demo.url}/cookie-lab/multi`);
    expect(res.headers.getSetCookie()).toEqual([
      'multi_a=1; Path=/',
      'multi_b=2; Path=/; HttpOnly',
      'multi_c=3; Max-Age=600; Path=/cookie-lab',
    ]);
  });

  it('/cookie-lab/set sets exactly the cookie asked for', async () => {
    const q = 'name=pref&value=dark&path=/cookie-lab&max_age=120&httponly=1&samesite=strict';
    const res = await fetch(`${demo.url}/cookie-lab/set?${q}`);
    const expected = 'pref=dark; Max-Age=120; Path=/cookie-lab; HttpOnly; SameSite=Strict';
    expect(res.headers.getSetCookie()).toEqual([expected]);
    expect(await res.json()).toEqual({ set: [expected] });
    const domain = await fetch(`${demo.url}/cookie-lab/set?name=d&value=1&domain=example.com`);
    expect(domain.headers.getSetCookie()).toEqual(['d=1; Domain=example.com; Path=/']);
    const jar = new ProfileJar();
    const rejected = jar.storeSetCookie(domain.headers.getSetCookie()[0], `${demo.url}/cookie-lab/set`);
    expect(rejected.outcome).toBe('rejected');
  });

  it('/cookie-lab/set refuses a bad name or attribute with a 400 detail', async () => {
    const res = await fetch(`${demo.url}/cookie-lab/set?name=bad;name&value=1`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Invalid cookie name "bad;name"' });
    expect((await fetch(`${demo.url}/cookie-lab/set?name=a&samesite=sometimes`)).status).toBe(400);
  });
});
