import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../main/demo/server';
import type { MatrixResult } from '../../main/shared/types';
import { parseJson, seededWorkspace, snapshot, type TempWorkspace, tandem } from './helpers';

/** `tandem login`, `send --extract` and `--jars` as real processes against the demo API and the first-run workspace. */

describe('sessions from the CLI', { timeout: 90_000 }, () => {
  let ws: TempWorkspace;
  let demo: DemoServer;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });
  const profiles = () => snapshot(join(ws.dataDir, 'profiles'));

  beforeAll(async () => {
    ({ ws, demo } = await seededWorkspace());
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('tandem login runs the recipe (GET the form, POST with its token); without a recipe it exits 2', async () => {
    const r = await run('login', '--profile', 'alice');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Logged in as alice: 2 steps, last answered 200 OK, csrf = [0-9a-f]{12}… → alice\n$/,
    );
    const me = await run('send', '--profile', 'alice', '{{baseUrl}}/profile', '--json');
    expect(parseJson<{ body: unknown }>(me).body).toMatchObject({ user: 'alice' });

    const anon = await run('login', '--profile', 'anonymous');
    expect(anon.code).toBe(2);
    expect(anon.stderr).toBe(
      "tandem: Profile 'anonymous' has no login recipe (set one in its menu or with the CLI)\n",
    );
    expect((await run('login')).stderr).toBe('tandem: Give --profile NAME: the profile to log in\n');
  });

  it('tandem login --recipe sets a one-step recipe; an unknown request exits 2 with one line', async () => {
    const set = await run('login', '--profile', 'bob', '--recipe', 'Demo API/Session/Log in', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(parseJson(set)).toMatchObject({ profile: 'bob', status: 200, steps: 1 });
    const missing = await run('login', '--profile', 'bob', '--recipe', 'Demo API/Nope');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/^tandem: No saved request 'Demo API\/Nope'/);
  });

  it('send --extract stores the CSRF token in the profile; the next request uses it', async () => {
    await run('login', '--profile', 'alice');
    const refused = await run(
      'send',
      '--profile',
      'alice',
      '-H',
      'X-CSRF-Token: {{accountCsrf}}',
      '--form',
      'email=a@x.test',
      '{{baseUrl}}/account/email',
    );
    expect(refused.stdout).toMatch(/^HTTP\/1\.1 403|403 Forbidden/m);
    const got = await run(
      'send',
      '--profile',
      'alice',
      '--extract',
      'accountCsrf=json:$.csrf',
      '--extract',
      'who=header:Content-Type',
      '{{baseUrl}}/account',
    );
    expect(got.code, got.stderr).toBe(0);
    expect(got.stderr).toMatch(/^tandem: extracted accountCsrf = [0-9a-f]{12}… → alice$/m);
    expect(got.stderr).toMatch(/^tandem: extracted who = application/m);
    const ok = await run(
      'send',
      '--profile',
      'alice',
      '--json',
      '-H',
      'X-CSRF-Token: {{accountCsrf}}',
      '--form',
      'email=a@x.test',
      '{{baseUrl}}/account/email',
    );
    expect(parseJson<{ status: number }>(ok).status).toBe(200);
    const bad = await run('send', '--profile', 'alice', '--extract', 'x=xpath://a', '{{baseUrl}}/account');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "tandem: --extract 'x=xpath://a': unknown source 'xpath' (use json, header, cookie, regex or url)\n",
    );
  });

  it('matrix --jars copy (the default) leaves every profile file unchanged; the saved expectations find the one bug', async () => {
    const before = await profiles();
    const m = await run(
      'matrix',
      'Demo API',
      '--profile',
      'alice',
      '--profile',
      'bob',
      '--profile',
      'anonymous',
      '--json',
    );
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/^tandem: 1 of \d+ expectations failed\n$/);
    const result = parseJson<MatrixResult>(m);
    const red = Object.entries(result.cells).filter(([, c]) => c.pass === false);
    expect(red).toHaveLength(1);
    expect(await profiles()).toBe(before);
    const bogus = await run('matrix', 'Demo API', '--profile', 'alice', '--jars', 'borrowed');
    expect(bogus).toMatchObject({
      code: 2,
      stderr: "tandem: Invalid --jars 'borrowed': use copy, fresh or live\n",
    });
  });

  it('run --jars live changes the jar; copy and fresh do not', async () => {
    const before = await profiles();
    for (const jars of ['copy', 'fresh']) {
      const r = await run('run', 'Demo API', '--profile', 'alice', '--jars', jars, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(parseJson(r)).toMatchObject({ jars, failed: 0 });
      expect(await profiles()).toBe(before);
    }
    const live = await run('run', 'Demo API', '--profile', 'alice', '--jars', 'live');
    expect(live.code, live.stderr).toBe(0);
    expect(await profiles()).not.toBe(before);
    const cmp = await run(
      'compare',
      '--profile',
      'alice',
      '--profile',
      'bob',
      '--jars',
      'fresh',
      '{{baseUrl}}/profile',
      '--json',
    );
    expect(cmp.code, cmp.stderr).toBe(0);
    // Fresh jars: each logged in with its recipe first.
    expect(parseJson<{ diff: { statuses: Record<string, number> } }>(cmp).diff.statuses).toEqual({
      alice: 200,
      bob: 200,
    });
  });

  it('tandem login changes the expiry rules and re-login per profile; a send meeting an expired session re-logs in', async () => {
    const set = await run(
      'login',
      '--profile',
      'alice',
      '--expiry-status',
      'none',
      '--expiry-cookie',
      'session',
    );
    expect(set.code, set.stderr).toBe(0);
    await run('send', '--profile', 'alice', '-X', 'POST', '{{baseUrl}}/logout');
    // /headers answers anyone; only the missing "session" cookie says the session is gone.
    const again = await run('send', '--profile', 'alice', '{{baseUrl}}/headers');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('tandem: session had expired: re-logged in as alice and sent again');
    expect((await run('login', '--profile', 'alice', '--relogin', 'off')).code).toBe(0);
    await run('send', '--profile', 'alice', '-X', 'POST', '{{baseUrl}}/logout');
    const off = await run('send', '--profile', 'alice', '{{baseUrl}}/headers');
    expect(off.stderr).not.toContain('re-logged in');
    const bad = await run('login', '--profile', 'alice', '--relogin', 'maybe');
    expect(bad).toMatchObject({ code: 2, stderr: "tandem: --relogin takes on or off (got 'maybe')\n" });
    const badStatus = await run('login', '--profile', 'alice', '--expiry-status', '4o1');
    expect(badStatus.code).toBe(2);
    await run(
      'login',
      '--profile',
      'alice',
      '--relogin',
      'on',
      '--expiry-status',
      '401,419',
      '--expiry-cookie',
      '',
    );
  });
});
