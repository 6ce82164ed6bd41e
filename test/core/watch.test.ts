import { describe, expect, it } from 'vitest';
import { profilesChangeOf } from '../../main/core/watch';
import type { Profile } from '../../main/shared/types';

/** How the watcher names another process's change to the profiles (a pure decision). */

const profile = (name: string, createdAt: string): Profile => ({
  name,
  color: '#7c5cff',
  variables: {},
  headers: [],
  cookieStore: true,
  createdAt,
});
const seen = (...p: Profile[]) => new Map(p.map((x) => [x.name, x.createdAt]));
const alice = profile('alice', '2026-11-01T10:00:00.000Z');
const bob = profile('bob', '2026-11-02T10:00:00.000Z');

describe('profilesChangeOf', () => {
  it('one profile gone and one new with the same creation time is a rename', () => {
    const alicia = { ...alice, name: 'alicia' };
    expect(profilesChangeOf(seen(alice, bob), [alicia, bob])).toEqual({ profile: alicia, deleted: 'alice' });
  });

  it('a new profile is a create, a profile gone is a delete', () => {
    const carol = profile('carol', '2026-11-03T10:00:00.000Z');
    expect(profilesChangeOf(seen(alice), [alice, carol])).toEqual({ profile: carol });
    expect(profilesChangeOf(seen(alice, bob), [alice])).toEqual({ deleted: 'bob' });
  });

  it('anything else says "read the list again": an edit, a delete and a create, several at once', () => {
    expect(profilesChangeOf(seen(alice, bob), [{ ...alice, color: '#000000' }, bob])).toEqual({});
    const carol = profile('carol', '2026-11-03T10:00:00.000Z');
    expect(profilesChangeOf(seen(alice, bob), [carol, bob])).toEqual({});
    expect(profilesChangeOf(seen(alice), [alice, bob, carol])).toEqual({});
  });
});
