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

  it('keeps the request/response split between 15% and 80%, a third by default', () => {
    expect(clampSplit(0.05)).toBe(0.15);
    expect(clampSplit(0.95)).toBe(0.8);
    expect(clampSplit(0.5)).toBe(0.5);
    expect(clampSplit(Number.NaN)).toBe(0.34);
  });

  it('tabs: Ctrl+N, Ctrl+S, Ctrl+W, Ctrl+PageDown; Ctrl+K and Ctrl+/ for the palette and the sheet', () => {
    expect(shortcutFor(key('n', true), idle)).toEqual({ type: 'new-tab' });
    expect(shortcutFor(key('s', true), idle)).toEqual({ type: 'save' });
    expect(shortcutFor(key('w', true), idle)).toEqual({ type: 'close-tab' });
    expect(shortcutFor(key('PageDown', true), idle)).toEqual({ type: 'next-tab', step: 1 });
    expect(shortcutFor(key('/', true), idle)).toEqual({ type: 'shortcuts' });
    expect(shortcutFor(key('k', true), idle)).toEqual({ type: 'palette' });
    // the palette toggles even over a dialog (itself); nothing else does
    expect(shortcutFor(key('k', true), { inFlight: false, dialogOpen: true })).toEqual({ type: 'palette' });
    expect(shortcutFor(key('s', true), { inFlight: false, dialogOpen: true })).toBeNull();
    expect(shortcutFor(key('s'), idle)).toBeNull();
  });
});
