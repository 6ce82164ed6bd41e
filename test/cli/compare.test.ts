import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../main/demo/server';
import type { Comparison, MatrixResult } from '../../main/shared/types';
import { parseJson, seededWorkspace, type TempWorkspace, tandem } from './helpers';

/** `tandem compare` and `tandem matrix` as real processes against the demo API. */

describe('tandem compare and tandem matrix', { timeout: 60_000 }, () => {
  let ws: TempWorkspace;
  let demo: DemoServer;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

  beforeAll(async () => {
    // The workspace the app would seed: alice, bob, anonymous and the "Demo API" collection.
    ({ ws, demo } = await seededWorkspace());
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('alice logs in; compared on /profile she is 200 with her name, anonymous 401', async () => {
    const login = await run(
      'send',
      '--profile',
      'alice',
      '--form',
      'username=alice',
      '--form',
      'password=alice-pw',
      `${demo.url}/login`,
    );
    expect(login.code, login.stderr).toBe(0);
    const text = await run('compare', '--profile', 'alice', '--profile', 'anonymous', '{{baseUrl}}/profile');
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('GET {{baseUrl}}/profile');
    expect(lines[1]).toBe('status differs: alice 200 · anonymous 401 · body differs at 3 paths');
    expect(text.stdout).toMatch(/^status\s+200 OK\s+401 Unauthorized$/m);
    expect(text.stdout).toMatch(/^user\s+"alice"\s+\(absent\)$/m);

    const json = parseJson<Comparison>(
      await run('compare', '--profile', 'alice', '--profile', 'bob', '{{baseUrl}}/profile', '--json'),
    );
    expect(json.diff.statuses).toEqual({ alice: 200, bob: 401 });
  });

  it('the cookies each profile was given are shown per column', async () => {
    const r = await run(
      'compare',
      '--profile',
      'alice',
      '--profile',
      'bob',
      '--form',
      'username={{username}}',
      '--form',
      'password={{password}}',
      '{{baseUrl}}/login',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cookies set\s+session=alice\.\S+\s+session=bob\.\S+$/m);
  });

  it('bad input exits 2 with one line: one profile only, unknown profile', async () => {
    const one = await run('compare', '--profile', 'alice', '{{baseUrl}}/profile');
    expect(one).toMatchObject({
      code: 2,
      stderr: 'tandem: Give 2 to 10 --profile options to compare (got 1)\n',
    });
    const unknown = await run('compare', '--profile', 'alice', '--profile', 'carol', '{{baseUrl}}/profile');
    expect(unknown).toMatchObject({ code: 2, stderr: "tandem: Unknown profile 'carol'\n" });
  });

  it('the Session folder as a grid; expectations that hold exit 0, a wrong one exits 1', async () => {
    const good = join(ws.root, 'expect.json');
    await writeFile(
      good,
      JSON.stringify({
        'Log in': { alice: 'allow', bob: 'allow', anonymous: 'deny' },
        'Session/Who am I': { alice: 'allow', bob: 'allow', anonymous: 401 },
      }),
    );
    const args = ['matrix', 'Demo API', '--folder', 'Session', '--profile', 'alice', '--profile', 'bob'];
    const r = await run(...args, '--profile', 'anonymous', '--expect', 'expect.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+alice\s+bob\s+anonymous$/m);
    expect(r.stdout).toMatch(/^Session\/Who am I\s+200 allow ✓\s+200 allow ✓\s+401 deny ✓$/m);
    expect(r.stdout).toMatch(/^Session\/Log out\s+200 allow\s+200 allow\s+200 allow$/m);
    // An --expect file replaces the collection's saved expectations: only its 6 cells are checked.
    expect(r.stdout).toContain("12 cells in 'Demo API', 6 passed, 0 failed, 0 without response");

    const bad = join(ws.root, 'wrong.json');
    await writeFile(bad, JSON.stringify({ 'Who am I': { bob: 'deny' } }));
    const wrong = await run(...args, '--expect', bad, '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('tandem: 1 of 1 expectations failed\n');
    const m = parseJson<MatrixResult>(wrong);
    expect(m.summary).toMatchObject({ total: 8, passed: 0, failed: 1, errors: 0 });
  });

  it('matrix input errors exit 2: unknown collection, request missing from --expect, no profile', async () => {
    const none = await run('matrix', 'Nope', '--profile', 'alice');
    expect(none).toMatchObject({ code: 2, stderr: "tandem: No saved collection named 'Nope'\n" });
    await writeFile(join(ws.root, 'typo.json'), JSON.stringify({ 'Log inn': { alice: 'allow' } }));
    const typo = await run('matrix', 'Demo API', '--profile', 'alice', '--expect', 'typo.json');
    expect(typo).toMatchObject({
      code: 2,
      stderr: "tandem: typo.json names a request 'Log inn' that is not in 'Demo API'\n",
    });
    const noProfile = await run('matrix', 'Demo API');
    expect(noProfile.code).toBe(2);
  });
});
