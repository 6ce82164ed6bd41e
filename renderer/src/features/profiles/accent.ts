/** Pure helpers for the active profile's accent colour. */

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A palette offered when creating a profile; picked in order so neighbours differ. */
export const PROFILE_PALETTE = [
  '#7c5cff',
  '#e5484d',
  '#12a594',
  '#f76b15',
  '#0090ff',
  '#d6409f',
  '#8e7d00',
  '#3e63dd',
] as const;

/** The next palette colour not used yet (or cycling when all are used). */
export function nextProfileColor(used: string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return PROFILE_PALETTE.find((c) => !taken.has(c)) ?? PROFILE_PALETTE[used.length % PROFILE_PALETTE.length];
}

function channels(hex: string): [number, number, number] | null {
  if (!HEX.test(hex)) return null;
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Text colour for a profile-coloured fill: white unless white would fall under 3:1 contrast
 * (WCAG, bold UI text), as mid-tone accents look better with white.
 */
export function contrastText(color: string): '#ffffff' | '#111116' {
  const rgb = channels(color);
  if (!rgb) return '#ffffff';
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (lum + 0.05) >= 3 ? '#ffffff' : '#111116';
}

/** Sets --profile and --profile-contrast on <html> so every accent follows the active profile. */
export function applyProfileAccent(
  color: string | undefined,
  root: HTMLElement = document.documentElement,
): void {
  if (!color) {
    root.style.removeProperty('--profile');
    root.style.removeProperty('--profile-contrast');
    return;
  }
  root.style.setProperty('--profile', color);
  root.style.setProperty('--profile-contrast', contrastText(color));
}

/** Ctrl/Cmd + 1…9 → index 0…8 of the profile to switch to; null for any other key. */
export function profileShortcutIndex(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  if (!/^[1-9]$/.test(e.key)) return null;
  return Number(e.key) - 1;
}

/** Keeps the active profile if it still exists, else the stored one, else the first. */
export function pickActive(order: string[], current: string, stored: string): string {
  if (current && order.includes(current)) return current;
  if (stored && order.includes(stored)) return stored;
  return order[0] ?? '';
}
