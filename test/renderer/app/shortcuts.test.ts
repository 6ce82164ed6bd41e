import { describe, expect, it } from 'vitest';
import { clampSplit, shortcutFor } from '../../../renderer/src/app/shortcuts';

const key = (k: string, ctrlKey = false) => ({
  key: k,
  ctrlKey,
  metaKey: false,
  altKey: false,
  shiftKey: false,
});
const idle = { inFlight: false, dialogOpen: false };
const busy = { inFlight: true, dialogOpen: false };

describe('app shortcuts', () => {
  it('Ctrl+Enter sends unless a send is under way; Esc cancels only a send under way', () => {
    expect(shortcutFor(key('Enter', true), idle)).toEqual({ type: 'send' });
    expect(shortcutFor(key('Enter', true), busy)).toBeNull();
    expect(shortcutFor(key('Enter'), idle)).toBeNull();
    expect(shortcutFor(key('Escape'), busy)).toEqual({ type: 'cancel' });
    expect(shortcutFor(key('Escape'), idle)).toBeNull();
  });

  it('Ctrl+2 switches to the second profile, but not while a dialog is open', () => {
    expect(shortcutFor(key('2', true), idle)).toEqual({ type: 'switch-profile', index: 1 });
    expect(shortcutFor(key('2', true), { inFlight: false, dialogOpen: true })).toBeNull();
  });

  it('keeps the request/response split between 20% and 80%', () => {
    expect(clampSplit(0.05)).toBe(0.2);
    expect(clampSplit(0.95)).toBe(0.8);
    expect(clampSplit(0.5)).toBe(0.5);
    expect(clampSplit(Number.NaN)).toBe(0.45);
  });
});
