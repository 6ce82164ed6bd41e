import { profileShortcutIndex } from '../features/profiles/accent';

/** What a key press means to the app as a whole. Pure: the App turns the action into store calls. */
export type ShortcutAction =
  | { type: 'switch-profile'; index: number }
  | { type: 'send' }
  | { type: 'cancel' }
  | { type: 'new-tab' }
  | { type: 'save' }
  | { type: 'close-tab' }
  | { type: 'next-tab'; step: 1 | -1 }
  | { type: 'shortcuts' }
  | { type: 'palette' }
  | { type: 'toggle-sidebar' }
  | null;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Every shortcut, as the shortcuts sheet (Ctrl+/) lists it. */
export const SHORTCUTS: Array<{ keys: string; what: string; group: string }> = [
  { group: 'Request', keys: 'Ctrl+Enter', what: 'Send as the active profile' },
  { group: 'Request', keys: 'Esc', what: 'Cancel the send under way' },
  { group: 'Request', keys: 'Ctrl+S', what: 'Save (asks where when not in a collection yet)' },
  { group: 'Tabs', keys: 'Ctrl+N', what: 'New request tab' },
  { group: 'Tabs', keys: 'Ctrl+W', what: 'Close the tab (asks when unsaved)' },
  { group: 'Tabs', keys: 'Ctrl+PageDown / Ctrl+PageUp', what: 'Next / previous tab' },
  { group: 'Tabs', keys: 'Ctrl+Shift+← / →', what: 'Move the focused tab' },
  { group: 'Tabs', keys: 'Middle-click', what: 'Close a tab' },
  { group: 'Profiles', keys: 'Ctrl+1 … Ctrl+9', what: 'Switch profile' },
  { group: 'App', keys: 'Ctrl+K', what: 'Command palette: open a request, switch profile, run the matrix…' },
  { group: 'App', keys: 'Ctrl+B', what: 'Show or hide the sidebar' },
  { group: 'App', keys: 'Ctrl+/', what: 'This list' },
];

export function shortcutFor(e: KeyLike, ctx: { inFlight: boolean; dialogOpen: boolean }): ShortcutAction {
  const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
  if (mod && !e.shiftKey && (e.key === 'k' || e.key === 'K')) return { type: 'palette' };
  if (ctx.dialogOpen) return null;
  const index = profileShortcutIndex(e);
  if (index !== null) return { type: 'switch-profile', index };
  if (e.key === 'Enter' && mod) return ctx.inFlight ? null : { type: 'send' };
  if (e.key === 'Escape' && ctx.inFlight && !e.ctrlKey && !e.metaKey) return { type: 'cancel' };
  if (!mod || e.shiftKey) return null;
  switch (e.key.toLowerCase()) {
    case 'n':
      return { type: 'new-tab' };
    case 's':
      return { type: 'save' };
    case 'w':
      return { type: 'close-tab' };
    case '/':
      return { type: 'shortcuts' };
    case 'b':
      return { type: 'toggle-sidebar' };
    case 'pagedown':
      return { type: 'next-tab', step: 1 };
    case 'pageup':
      return { type: 'next-tab', step: -1 };
    default:
      return null;
  }
}

/** Clamps the request/response split (fraction of the centre height given to the request). */
export function clampSplit(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0.34;
  return Math.min(0.8, Math.max(0.15, fraction));
}

/** Clamps the sidebar width (px). */
export function clampSidebar(width: number): number {
  if (!Number.isFinite(width)) return 280;
  return Math.min(640, Math.max(180, Math.round(width)));
}
