import { profileShortcutIndex } from '../features/profiles/accent';

/** What a key press means to the app as a whole. Pure: the App turns the action into store calls. */
export type ShortcutAction =
  | { type: 'switch-profile'; index: number }
  | { type: 'send' }
  | { type: 'cancel' }
  | null;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function shortcutFor(e: KeyLike, ctx: { inFlight: boolean; dialogOpen: boolean }): ShortcutAction {
  if (ctx.dialogOpen) return null;
  const index = profileShortcutIndex(e);
  if (index !== null) return { type: 'switch-profile', index };
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey)
    return ctx.inFlight ? null : { type: 'send' };
  if (e.key === 'Escape' && ctx.inFlight && !e.ctrlKey && !e.metaKey) return { type: 'cancel' };
  return null;
}

/** Clamps the request/response split (fraction of the centre height given to the request). */
export function clampSplit(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0.45;
  return Math.min(0.8, Math.max(0.2, fraction));
}
