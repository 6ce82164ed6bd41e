import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../main/shared/types';
import { assertBuilt, parseJson, tandem, tempWorkspace } from './helpers';

type Listed = Profile & { cookies: number };

describe('tandem profiles: create, duplicate, rename, delete', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args);

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
  });
  afterAll(() => ws?.remove());

  it('alice is created with her colour; bob gets one picked for him; both are listed', async () => {
    const alice = parseJson<Profile>(
      await run('profiles', 'create', 'alice', '--color', '#7c5cff', '--json'),
    );
    expect(alice).toMatchObject({ name: 'alice', color: '#7c5cff', cookieStore: true });
    const bob = await run('profiles', 'create', 'bob');
    expect(bob.stdout).toMatch(/^Created profile 'bob' \(#[0-9a-fA-F]{3,8}\)\n$/);
    const taken = await run('profiles', 'create', 'alice');
    expect(taken.code).toBe(2);
    expect(taken.stderr.split('\n')).toEqual([expect.stringMatching(/^tandem: .*alice/), '']);

    const text = await run('profiles', 'list');
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME\s+COLOR\s+COOKIES\s+COOKIE STORE$/);
    expect(text.stdout).toMatch(/alice\s+#7c5cff\s+0\s+on/);
  });

  it('a duplicate carries the jar; renaming keeps it; deleting removes the profile', async () => {
    expect(
      (await run('cookies', 'set', 'session=bob-1', '--domain', 'localhost', '--profile', 'bob')).code,
    ).toBe(0);
    expect((await run('profiles', 'duplicate', 'bob', 'bob2')).stdout).toBe(
      "Duplicated profile 'bob' as 'bob2'\n",
    );
    expect((await run('profiles', 'rename', 'bob2', 'carol')).stdout).toBe(
      "Renamed profile 'bob2' to 'carol'\n",
    );

    let list = parseJson<Listed[]>(await run('profiles', 'list', '--json'));
    const names = list.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['alice', 'bob', 'carol']));
    expect(names).not.toContain('bob2');
    expect(list.find((p) => p.name === 'carol')?.cookies).toBe(1);

    expect((await run('profiles', 'delete', 'carol')).stdout).toBe("Deleted profile 'carol'\n");
    list = parseJson<Listed[]>(await run('profiles', 'list', '--json'));
    expect(list.map((p) => p.name)).not.toContain('carol');
    expect(list.find((p) => p.name === 'bob')?.cookies).toBe(1);
  });

  it("renaming alice carries her values on staging: alice2's now, none left under alice", async () => {
    expect((await run('env', 'create', 'staging', 'baseUrl=http://127.0.0.1:1')).code).toBe(0);
    expect((await run('env', 'set', 'staging', 'token=alice-on-staging', '--profile', 'alice')).code).toBe(0);
    expect((await run('profiles', 'rename', 'alice', 'alice2')).stdout).toBe(
      "Renamed profile 'alice' to 'alice2'\n",
    );
    const { environments } = parseJson<{ environments: Array<{ name: string; profiles?: object }> }>(
      await run('env', 'list', '--json'),
    );
    expect(environments.find((e) => e.name === 'staging')?.profiles).toEqual({
      alice2: { token: 'alice-on-staging' },
    });
  });
});
