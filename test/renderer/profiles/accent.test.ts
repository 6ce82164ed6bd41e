import { describe, expect, it } from 'vitest';
import {
  contrastText,
  nextProfileColor,
  PROFILE_PALETTE,
  pickActive,
  profileShortcutIndex,
} from '../../../renderer/src/features/profiles/accent';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('profile accent and shortcuts', () => {
  it('reads dark text on a pale profile colour and white text on a deep one', () => {
    expect(contrastText('#ffe066')).toBe('#111116');
    expect(contrastText('#7c5cff')).toBe('#ffffff');
    expect(contrastText('#123')).toBe('#ffffff');
    expect(contrastText('not-a-colour')).toBe('#ffffff');
  });

  it('gives a new profile a colour no other profile uses yet', () => {
    expect(nextProfileColor([])).toBe(PROFILE_PALETTE[0]);
    expect(nextProfileColor([PROFILE_PALETTE[0].toUpperCase()])).toBe(PROFILE_PALETTE[1]);
    expect(PROFILE_PALETTE).toContain(nextProfileColor([...PROFILE_PALETTE]));
  });

  it('maps Ctrl+1…9 (or Cmd) to the profile at that position and ignores everything else', () => {
    expect(profileShortcutIndex(key('1', { ctrlKey: true }))).toBe(0);
    expect(profileShortcutIndex(key('9', { metaKey: true }))).toBe(8);
    expect(profileShortcutIndex(key('0', { ctrlKey: true }))).toBeNull();
    expect(profileShortcutIndex(key('1'))).toBeNull();
    expect(profileShortcutIndex(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(profileShortcutIndex(key('a', { ctrlKey: true }))).toBeNull();
  });

  it('keeps the active profile across reloads, falls back to the stored one, then to the first', () => {
    expect(pickActive(['alice', 'bob'], 'bob', 'alice')).toBe('bob');
    expect(pickActive(['alice', 'bob'], 'carol', 'bob')).toBe('bob');
    expect(pickActive(['alice', 'bob'], '', 'zed')).toBe('alice');
    expect(pickActive([], 'alice', 'alice')).toBe('');
  });
});
