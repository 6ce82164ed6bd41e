import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import type { Collection, SavedRequest } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

/** Login recipes, re-login on an expired session, and extraction chains: real demo API, real files. */

describe('sessions that keep themselves alive', { timeout: 60_000 }, () => {
  let demo: DemoServer;
  let dataDir: string;
  let core: Tandem;
  let c: Collection;
  const req = (name: string) => c.requests.find((r) => r.name === name) as SavedRequest;
  const send = (profile: string, name: string, extra: { relogin?: boolean } = {}) =>
    core['request.send']({
      profile,
      request: req(name).request,
      requestId: req(name).id,
      extract: req(name).extract,
      ...extra,
    });

  beforeAll(async () => {
    demo = await startDemoServer();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-sessions-'));
    core = await createTandem({ dataDir, host: 'web', seedSample: sampleWorkspace, demoUrl: demo.url });
    c = unwrap(await core['collections.list']({})).find((x) => x.name === 'Demo API') as Collection;
  });
  afterAll(async () => {
    await core.close();
    await demo.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('"Log in again" runs the recipe: GET the form, its CSRF token extracted, POST the credentials with it', async () => {
    const login = unwrap(await core['profiles.login']({ profile: 'alice' }));
    expect(login).toMatchObject({ profile: 'alice', status: 200, steps: 2 });
    const alice = unwrap(await core['profiles.list']({})).find((p) => p.name === 'alice');
    expect(alice?.variables.csrf).toMatch(/^[0-9a-f]{32}$/);
    const me = unwrap(await send('alice', 'Who am I'));
    expect(JSON.parse(me.body)).toMatchObject({ user: 'alice' });
    expect(me.relogged).toBeUndefined();
    // A profile without a recipe is refused with one line.
    const anon = await core['profiles.login']({ profile: 'anonymous' });
    expect(anon.ok ? '' : anon.error.message).toBe(
      "Profile 'anonymous' has no login recipe (set one in its menu or with the CLI)",
    );
  });

  it('an expired session triggers the recipe once and one retry; history records both; the response says so', async () => {
    unwrap(await core['profiles.login']({ profile: 'bob' }));
    unwrap(await send('bob', 'Log out'));
    const before = unwrap(await core['history.list']({ profile: 'bob' })).length;
    const me = unwrap(await send('bob', 'Who am I'));
    expect(me.status).toBe(200);
    expect(me.relogged).toBe(true);
    expect(JSON.parse(me.body)).toMatchObject({ user: 'bob' });
    const hist = unwrap(await core['history.list']({ profile: 'bob' }))
      .slice(0, 4)
      .reverse();
    expect(unwrap(await core['history.list']({ profile: 'bob' })).length).toBe(before + 4);
    expect(hist.map((h) => [new URL(h.url).pathname, h.status, h.relogged ?? false])).toEqual([
      ['/profile', 401, false],
      ['/login', 200, false],
      ['/login', 200, false],
      ['/profile', 200, true],
    ]);
  });

  it('a wrong password: the recipe fails, no loop, the first answer stands', async () => {
    const bob = unwrap(await core['profiles.list']({})).find((p) => p.name === 'bob');
    unwrap(
      await core['profiles.update']({
        name: 'bob',
        patch: { variables: { ...bob?.variables, password: 'wrong' } },
      }),
    );
    unwrap(await send('bob', 'Log out'));
    const before = unwrap(await core['history.list']({ profile: 'bob' })).length;
    const me = unwrap(await send('bob', 'Who am I'));
    expect(me).toMatchObject({ status: 401 });
    expect(me.relogged).toBeUndefined();
    // The 401, then the recipe's two steps (the second answered 401): nothing more.
    expect(unwrap(await core['history.list']({ profile: 'bob' })).length).toBe(before + 3);
    const login = await core['profiles.login']({ profile: 'bob' });
    expect(login.ok ? '' : login.error).toMatchObject({ code: 'UNAUTHORIZED' });
    unwrap(await core['profiles.update']({ name: 'bob', patch: { variables: { ...bob?.variables } } }));
  });

  it('re-login can be switched off per send and per profile', async () => {
    unwrap(await send('alice', 'Log out'));
    expect(unwrap(await send('alice', 'Who am I', { relogin: false })).status).toBe(401);
    const alice = unwrap(await core['profiles.list']({})).find((p) => p.name === 'alice');
    unwrap(
      await core['profiles.update']({
        name: 'alice',
        patch: { login: { ...alice!.login!, relogin: false } },
      }),
    );
    expect(unwrap(await send('alice', 'Who am I')).status).toBe(401);
    unwrap(
      await core['profiles.update']({ name: 'alice', patch: { login: { ...alice!.login!, relogin: true } } }),
    );
    expect(unwrap(await send('alice', 'Who am I'))).toMatchObject({ status: 200, relogged: true });
  });

  it('an expected cookie missing from the jar counts as expired', async () => {
    const alice = unwrap(await core['profiles.list']({})).find((p) => p.name === 'alice');
    unwrap(
      await core['profiles.update']({
        name: 'alice',
        patch: { login: { ...alice!.login!, expiry: { statuses: [], cookie: 'session' } } },
      }),
    );
    unwrap(await send('alice', 'Log out'));
    // /headers answers 200 whoever asks; only the missing "session" cookie tells.
    const r = unwrap(await send('alice', 'Headers'));
    expect(r).toMatchObject({ status: 200, relogged: true });
    unwrap(await core['profiles.update']({ name: 'alice', patch: { login: alice!.login! } }));
  });

  it('a CSRF token is extracted from one response and used by the next request of the same profile only', async () => {
    unwrap(await core['profiles.login']({ profile: 'alice' }));
    unwrap(await core['profiles.login']({ profile: 'bob' }));
    // Without the token the change is refused.
    expect(unwrap(await send('alice', 'Change email')).status).toBe(403);
    const account = unwrap(await send('alice', 'My account'));
    expect(account.extracted).toEqual([
      { name: 'accountCsrf', source: 'json', value: JSON.parse(account.body).csrf, profile: 'alice' },
    ]);
    const changed = unwrap(await send('alice', 'Change email'));
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.body)).toMatchObject({ user: 'alice', email: 'alice@tandem.test' });
    // bob's variables were not touched: his change is still refused.
    expect(unwrap(await send('bob', 'Change email')).status).toBe(403);
    const [entry] = unwrap(await core['history.list']({ profile: 'alice' }));
    expect(entry.status).toBe(200);
    const [withExtract] = unwrap(await core['history.list']({ profile: 'alice' })).filter((h) => h.extracted);
    expect(withExtract.extracted?.[0]).toMatchObject({ name: 'accountCsrf', profile: 'alice' });
  });
});
