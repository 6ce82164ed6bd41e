import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkColor, isValidProfileName, PALETTE, pickColor } from '../../../main/core/profiles/names';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';
import { tempDir } from '../store/helpers';

let dir: string;
let cleanup: () => Promise<void>;
let tandem: Tandem;

async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(`${d}/${e.name}`, r);
      else out.push(`${r}:${(await fs.readFile(`${d}/${e.name}`, 'utf8')).length}`);
    }
  };
  await walk(root, '');
  return out.sort();
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  tandem = await createTandem({ dataDir: dir, host: 'cli' });
});
afterEach(async () => {
  await tandem.close();
  await cleanup();
});

describe('profile names and colours', () => {
  it('accepts what the rule says and nothing else', () => {
    for (const ok of ['alice', 'Bob_2', 'a', 'x.y-z', '0admin', 'a'.repeat(64)])
      expect(isValidProfileName(ok)).toBe(true);
    for (const bad of ['', '.hidden', '-flag', 'a b', 'a/b', 'ä', 'a'.repeat(65), '..'])
      expect(isValidProfileName(bad)).toBe(false);
  });

  it('hands out unused palette colours and checks hex colours', () => {
    expect(pickColor([])).toBe(PALETTE[0]);
    expect(pickColor([PALETTE[0].toUpperCase()])).toBe(PALETTE[1]);
    expect(checkColor('#ABC')).toBe('#abc');
    expect(() => checkColor('red')).toThrow(/Invalid colour "red"/);
  });
});

describe('profiles', () => {
  it('a fresh workspace has the default profile without creating anything', async () => {
    const list = unwrap(await tandem['profiles.list']({}));
    expect(list.map((p) => p.name)).toEqual(['default']);
    expect(await tree(dir)).toEqual([]);
    expect(unwrap(await tandem['cookies.list']({ profile: 'default' }))).toEqual([]);
  });

  it('the default profile is written on its first change', async () => {
    unwrap(
      await tandem['cookies.set']({
        profile: 'default',
        cookie: { name: 'a', value: '1', domain: 'localhost' },
      }),
    );
    await expect(fs.stat(layout.profileFile(dir, 'default'))).resolves.toBeTruthy();
    expect(unwrap(await tandem['profiles.list']({})).map((p) => p.name)).toEqual(['default']);
  });

  it('alice and bob are created with their own colours; a taken name is refused', async () => {
    const events: string[] = [];
    tandem.events.on('profiles.changed', () => events.push('changed'));
    const alice = unwrap(await tandem['profiles.create']({ name: 'alice' }));
    const bob = unwrap(await tandem['profiles.create']({ name: 'bob', color: '#123456' }));
    expect(alice.color).toBe(PALETTE[0]);
    expect(bob.color).toBe('#123456');
    expect(alice.cookieStore).toBe(true);
    expect(events).toEqual(['changed', 'changed']);

    const again = await tandem['profiles.create']({ name: 'alice' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'PROFILE_EXISTS', message: "Profile 'alice' already exists" },
    });
    const shouting = await tandem['profiles.create']({ name: 'ALICE' });
    expect(!shouting.ok && shouting.error.code).toBe('PROFILE_EXISTS');
    // `default` stays usable but is no longer listed once the user has profiles of their own
    expect(unwrap(await tandem['profiles.list']({})).map((p) => p.name)).toEqual(['alice', 'bob']);
    expect(unwrap(await tandem['cookies.list']({ profile: 'default' }))).toEqual([]);
  });

  it('bad names and unknown profiles fail clearly and change nothing on disk', async () => {
    unwrap(await tandem['profiles.create']({ name: 'alice' }));
    const before = await tree(dir);
    const bad = await tandem['profiles.create']({ name: '.secret' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_PROFILE_NAME');
      expect(bad.error.message).toContain("not starting with '.' or '-'");
    }
    const badColor = await tandem['profiles.create']({ name: 'carol', color: 'blue' });
    expect(!badColor.ok && badColor.error.code).toBe('INVALID_ARGUMENT');
    for (const r of [
      await tandem['profiles.update']({ name: 'carol', patch: { color: '#000' } }),
      await tandem['profiles.rename']({ from: 'carol', to: 'dave' }),
      await tandem['profiles.delete']({ name: 'carol' }),
      await tandem['cookies.list']({ profile: 'carol' }),
      await tandem['request.send']({
        profile: 'carol',
        request: { method: 'GET', url: 'http://127.0.0.1:1/', headers: [], body: { type: 'none' } },
      }),
    ])
      expect(r).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_PROFILE', message: "Unknown profile 'carol'" },
      });
    const renameOnto = await tandem['profiles.rename']({ from: 'alice', to: 'default' });
    expect(!renameOnto.ok && renameOnto.error.code).toBe('PROFILE_EXISTS');
    expect(await tree(dir)).toEqual(before);
  });

  it('alice updates her variables and headers, then renames to admin keeping her jar and history', async () => {
    unwrap(await tandem['profiles.create']({ name: 'alice' }));
    const updated = unwrap(
      await tandem['profiles.update']({
        name: 'alice',
        patch: { variables: { baseUrl: 'http://localhost' }, headers: [{ name: 'X-Team', value: 'red' }] },
      }),
    );
    expect(updated.variables).toEqual({ baseUrl: 'http://localhost' });
    unwrap(
      await tandem['cookies.set']({
        profile: 'alice',
        cookie: { name: 'sid', value: 's1', domain: 'localhost' },
      }),
    );
    await tandem['request.send']({
      profile: 'alice',
      request: { method: 'GET', url: 'http://127.0.0.1:1/', headers: [], body: { type: 'none' } },
    });

    const admin = unwrap(await tandem['profiles.rename']({ from: 'alice', to: 'admin' }));
    expect(admin.name).toBe('admin');
    expect(admin.variables).toEqual({ baseUrl: 'http://localhost' });
    expect(unwrap(await tandem['cookies.list']({ profile: 'admin' })).map((c) => c.name)).toEqual(['sid']);
    expect((await tandem['cookies.list']({ profile: 'alice' })).ok).toBe(false);
    expect(unwrap(await tandem['history.list']({})).map((h) => h.profile)).toEqual(['admin']);
    // the old name is free again, with an empty jar
    unwrap(await tandem['profiles.create']({ name: 'alice' }));
    expect(unwrap(await tandem['cookies.list']({ profile: 'alice' }))).toEqual([]);
  });

  it('duplicating bob copies his jar, variables and headers; the copy then lives its own life', async () => {
    unwrap(await tandem['profiles.create']({ name: 'bob' }));
    unwrap(await tandem['profiles.update']({ name: 'bob', patch: { variables: { user: 'bob' } } }));
    unwrap(
      await tandem['cookies.set']({
        profile: 'bob',
        cookie: { name: 'sid', value: 'b', domain: 'localhost' },
      }),
    );
    const copy = unwrap(await tandem['profiles.duplicate']({ from: 'bob', to: 'bob2' }));
    expect(copy.variables).toEqual({ user: 'bob' });
    expect(copy.color).not.toBe(
      unwrap(await tandem['profiles.list']({})).find((p) => p.name === 'bob')?.color,
    );
    unwrap(
      await tandem['cookies.set']({
        profile: 'bob2',
        cookie: { name: 'extra', value: 'x', domain: 'localhost' },
      }),
    );
    expect(unwrap(await tandem['cookies.list']({ profile: 'bob' })).map((c) => c.name)).toEqual(['sid']);
    expect(unwrap(await tandem['cookies.list']({ profile: 'bob2' })).map((c) => c.name)).toEqual([
      'extra',
      'sid',
    ]);
  });

  it('deleting a profile removes its files; the others are untouched', async () => {
    unwrap(await tandem['profiles.create']({ name: 'alice' }));
    unwrap(await tandem['profiles.create']({ name: 'bob' }));
    unwrap(
      await tandem['cookies.set']({ profile: 'bob', cookie: { name: 'k', value: 'v', domain: 'localhost' } }),
    );
    expect(unwrap(await tandem['profiles.delete']({ name: 'bob' }))).toEqual({ deleted: 'bob' });
    await expect(fs.stat(layout.profileDir(dir, 'bob'))).rejects.toThrow();
    expect(unwrap(await tandem['profiles.list']({})).map((p) => p.name)).toEqual(['alice']);
  });
});
