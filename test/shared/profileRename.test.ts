import { describe, expect, it } from 'vitest';
import { renameColumn, renameInList, renameKey, renameOf } from '../../main/shared/profileRename';

describe('following a renamed profile', () => {
  it('a profiles.changed event with the profile and the name it had is a rename; others are not', () => {
    expect(renameOf({ profile: { name: 'alice2' }, deleted: 'alice' })).toEqual({
      from: 'alice',
      to: 'alice2',
    });
    expect(renameOf({ profile: { name: 'alice' } })).toBeNull();
    expect(renameOf({ deleted: 'alice' })).toBeNull();
    expect(renameOf(undefined)).toBeNull();
  });

  it("moves from's entry to to (replacing a stale one), leaves a record without it as it is", () => {
    const r = { alice: 1, bob: 2, alice2: 9 };
    expect(renameKey(r, 'alice', 'alice2')).toEqual({ bob: 2, alice2: 1 });
    expect(renameKey(r, 'carol', 'dave')).toBe(r);
    expect(renameColumn({ req1: { alice: 'allow' }, req2: { bob: 'deny' } }, 'alice', 'alice2')).toEqual({
      req1: { alice2: 'allow' },
      req2: { bob: 'deny' },
    });
    expect(renameInList(['alice', 'bob', 'alice2'], 'alice', 'alice2')).toEqual(['alice2', 'bob']);
  });
});
