import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../main/demo/server';
import type { Hop, SentCookie, SetCookieRecord } from '../../main/shared/types';
import { assertBuilt, parseJson, tandem, tempWorkspace } from './helpers';

interface SendJson {
  status: number;
  body: unknown;
  headers: Array<[string, string]>;
  cookiesSent: SentCookie[];
  cookiesSet: SetCookieRecord[];
  hops: Hop[];
  profile: string;
  size: number;
}

describe('tandem send: several users, one API', { timeout: 60_000 }, () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args);

  beforeAll(async () => {
    assertBuilt();
    demo = await startDemoServer({});
    ws = await tempWorkspace();
    for (const name of ['alice', 'bob']) {
      const created = await run('profiles', 'create', name);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
    }
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('alice and bob log in; each sees their own /profile (sessions apart)', async () => {
    for (const user of ['alice', 'bob']) {
      const login = await run(
        'send',
        '--profile',
        user,
        '--form',
        `username=${user}`,
        '--form',
        `password=${user}-pw`,
        '-X',
        'POST',
        `${demo.url}/login`,
      );
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      expect(login.stdout).toMatch(/^HTTP\/1\.1 200 OK\n/);
      expect(login.stdout).toMatch(/← session=\S+ {2}Path=\/; HttpOnly; SameSite=Lax {2}\[stored\]/);
    }
    const alice = parseJson<SendJson>(
      await run('send', '--profile', 'alice', `${demo.url}/profile`, '--json'),
    );
    const bob = parseJson<SendJson>(await run('send', '--profile', 'bob', `${demo.url}/profile`, '--json'));
    expect(alice).toMatchObject({ status: 200, profile: 'alice', body: { user: 'alice', role: 'user' } });
    expect(bob).toMatchObject({ status: 200, profile: 'bob', body: { user: 'bob', role: 'user' } });
    expect(alice.cookiesSent.map((c) => [c.name, c.source])).toEqual([['session', 'jar']]);
    expect(alice.cookiesSent[0].value).not.toBe(bob.cookiesSent[0].value);

    // The default profile has no session at all: 401 is still a response, so exit 0.
    const anonymous = await run('send', `${demo.url}/profile`);
    expect(anonymous.code).toBe(0);
    expect(anonymous.stdout).toMatch(/^HTTP\/1\.1 401 Unauthorized/);
    expect(anonymous.stdout).toContain('"detail": "Not authenticated"');
    expect(anonymous.stdout).toContain('Cookies (profile default): none sent, none set');
  });

  it('a cookie set on a redirect hop is stored and sent to the Location; the hops are listed', async () => {
    const set = await run('send', '--profile', 'alice', `${demo.url}/cookies/set?theme=dark`);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('← theme=dark  Path=/  [stored]');
    expect(set.stdout).toContain(`1. 302 GET ${demo.url}/cookies/set?theme=dark → /cookies`);
    expect(set.stdout).toContain(`2. 200 GET ${demo.url}/cookies`);
    expect(set.stdout).toMatch(/"theme": "dark"/);

    const cookies = parseJson<SendJson>(
      await run('send', '--profile', 'alice', `${demo.url}/cookies`, '--json'),
    );
    expect(cookies.body).toEqual({ cookies: { session: expect.any(String), theme: 'dark' } });
    expect(cookies.hops).toHaveLength(1);
  });

  it('--no-cookie-store sends nothing stored and stores nothing; --cookie wins over the jar', async () => {
    const off = parseJson<SendJson>(
      await run(
        'send',
        '--profile',
        'alice',
        '--no-cookie-store',
        `${demo.url}/cookies/set?other=1`,
        '--json',
      ),
    );
    expect(off.body).toEqual({ cookies: {} });
    expect(off.cookiesSet.map((c) => c.outcome)).toEqual(['ignored']);
    expect(off.hops.map((h) => h.status)).toEqual([302, 200]);

    const over = parseJson<SendJson>(
      await run('send', '--profile', 'alice', '--cookie', 'theme=light', `${demo.url}/cookies`, '--json'),
    );
    expect(over.body).toEqual({ cookies: { session: expect.any(String), theme: 'light' } });
    expect(over.cookiesSent.find((c) => c.name === 'theme')).toEqual({
      name: 'theme',
      value: 'light',
      source: 'request',
    });
  });
});
