import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../main/demo/server';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ secret: 'test-secret' });
});
afterAll(async () => {
  await demo.close();
});

/** A tiny client that keeps one "session" cookie, like one browser profile. */
function user() {
  let cookie: string | null = null;
  return {
    get cookie() {
      return cookie;
    },
    set cookie(v: string | null) {
      cookie = v;
    },
    async call(method: string, path: string, body?: string, type = 'application/x-www-form-urlencoded') {
      const headers: Record<string, string> = {};
      if (cookie) headers.Cookie = cookie;
      if (body !== undefined) headers['Content-Type'] = type;
      const res = await fetch(`${demo.url}${path}`, { method, headers, body, redirect: 'manual' });
      for (const sc of res.headers.getSetCookie()) {
        const [pair] = sc.split(';');
        cookie = /Max-Age=0/.test(sc) ? null : pair;
      }
      return { status: res.status, setCookie: res.headers.getSetCookie(), json: await res.json() };
    },
  };
}

describe('the login app on the demo API', () => {
  it('alice logs in with a form, gets a signed HttpOnly session cookie and sees her profile', async () => {
    const alice = user();
    const login = await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    expect(login.status).toBe(200);
    expect(login.json).toEqual({ ok: true, user: 'alice', role: 'user' });
    expect(login.setCookie).toHaveLength(1);
    expect(login.setCookie[0]).toMatch(/^session=alice\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(await alice.call('GET', '/profile')).toMatchObject({
      status: 200,
      json: { user: 'alice', role: 'user' },
    });
  });

  it('bob logs in with JSON; alice and bob hold different sessions', async () => {
    const alice = user();
    const bob = user();
    await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    const login = await bob.call(
      'POST',
      '/login',
      '{"username":"bob","password":"bob-pw"}',
      'application/json',
    );
    expect(login.json).toEqual({ ok: true, user: 'bob', role: 'user' });
    expect(bob.cookie).not.toBe(alice.cookie);
    expect((await bob.call('GET', '/profile')).json).toEqual({ user: 'bob', role: 'user' });
    expect((await alice.call('GET', '/profile')).json).toEqual({ user: 'alice', role: 'user' });
  });

  it('a wrong password is 401 and sets no cookie', async () => {
    const eve = user();
    const res = await eve.call('POST', '/login', 'username=alice&password=nope');
    expect(res).toMatchObject({ status: 401, json: { detail: 'Invalid credentials' }, setCookie: [] });
    expect((await eve.call('POST', '/login', 'username=nobody&password=x')).status).toBe(401);
    expect((await eve.call('POST', '/login', 'username=&password=')).status).toBe(401);
  });

  it('without a session, /profile is 401 Not authenticated', async () => {
    expect(await user().call('GET', '/profile')).toMatchObject({
      status: 401,
      json: { detail: 'Not authenticated' },
    });
  });

  it('a tampered or forged session cookie is treated as logged out', async () => {
    const alice = user();
    await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    const forged = user();
    forged.cookie = alice.cookie!.replace('session=alice.', 'session=admin.');
    expect((await forged.call('GET', '/admin')).status).toBe(401);
    forged.cookie = `${alice.cookie!.slice(0, -2)}xx`;
    expect((await forged.call('GET', '/profile')).status).toBe(401);
    forged.cookie = 'session=alice';
    expect((await forged.call('GET', '/profile')).status).toBe(401);
  });

  it('a session signed by another server (another secret) is not accepted', async () => {
    const other = await startDemoServer();
    try {
      const res = await fetch(`${other.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'alice', password: 'alice-pw' }),
      });
      const foreign = user();
      foreign.cookie = res.headers.getSetCookie()[0].split(';')[0];
      expect((await foreign.call('GET', '/profile')).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('logout deletes the cookie; the client is logged out afterwards', async () => {
    const alice = user();
    await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    const out = await alice.call('POST', '/logout');
    expect(out.json).toEqual({ ok: true });
    expect(out.setCookie).toEqual(['session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(alice.cookie).toBeNull();
    expect((await alice.call('GET', '/profile')).status).toBe(401);
  });

  it('/admin: 401 logged out, 403 for users, 200 for admin', async () => {
    const [anon, bob, admin] = [user(), user(), user()];
    await bob.call('POST', '/login', 'username=bob&password=bob-pw');
    await admin.call('POST', '/login', 'username=admin&password=admin-pw');
    expect((await anon.call('GET', '/admin')).status).toBe(401);
    expect(await bob.call('GET', '/admin')).toMatchObject({ status: 403, json: { detail: 'Forbidden' } });
    expect(await admin.call('GET', '/admin')).toMatchObject({
      status: 200,
      json: { user: 'admin', role: 'admin' },
    });
  });

  it("notes: each user sees their own, another user's note is 403, admin reads all", async () => {
    const [anon, alice, bob, admin] = [user(), user(), user(), user()];
    await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    await bob.call('POST', '/login', 'username=bob&password=bob-pw');
    await admin.call('POST', '/login', 'username=admin&password=admin-pw');

    const created = await bob.call(
      'POST',
      '/notes',
      '{"title":"secret plan","body":"shh"}',
      'application/json',
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ owner: 'bob', title: 'secret plan', body: 'shh' });
    const id = created.json.id as number;

    const owners = async (u: ReturnType<typeof user>) =>
      ((await u.call('GET', '/notes')).json.notes as Array<{ owner: string }>).map((n) => n.owner);
    expect(new Set(await owners(alice))).toEqual(new Set(['alice']));
    expect(new Set(await owners(bob))).toEqual(new Set(['bob']));
    expect(new Set(await owners(admin))).toEqual(new Set(['alice', 'bob']));

    expect((await anon.call('GET', `/notes/${id}`)).status).toBe(401);
    // The planted bug: any logged-in user can read any note by its id (the list and DELETE check).
    expect((await alice.call('GET', `/notes/${id}`)).json).toMatchObject({ id, owner: 'bob' });
    expect((await bob.call('GET', `/notes/${id}`)).json).toMatchObject({ id, owner: 'bob' });
    expect((await admin.call('GET', `/notes/${id}`)).status).toBe(200);
    expect((await alice.call('GET', '/notes/1')).json).toMatchObject({ owner: 'alice' });
    expect((await bob.call('GET', '/notes/1')).json).toMatchObject({ owner: 'alice' });
    expect((await bob.call('GET', '/notes/9999')).status).toBe(404);
    expect((await alice.call('DELETE', `/notes/${id}`)).status).toBe(403);
    expect((await bob.call('DELETE', `/notes/${id}`)).status).toBe(200);
    expect((await bob.call('GET', `/notes/${id}`)).status).toBe(404);
  });

  it('bad input is a 400 with a detail, and the server keeps serving', async () => {
    const alice = user();
    const bad = await alice.call('POST', '/login', '{"username": "alice",', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.json.detail).toMatch(/^Malformed JSON body/);
    expect((await alice.call('POST', '/login', '["alice"]', 'application/json')).status).toBe(400);
    expect((await alice.call('POST', '/login', 'username=alice')).json).toEqual({
      detail: 'Both "username" and "password" are required',
    });
    await alice.call('POST', '/login', 'username=alice&password=alice-pw');
    expect((await alice.call('POST', '/notes', '{nope', 'application/json')).status).toBe(400);
    expect((await alice.call('POST', '/notes', 'title=')).status).toBe(400);
    expect((await alice.call('GET', '/profile')).status).toBe(200);
  });
});
