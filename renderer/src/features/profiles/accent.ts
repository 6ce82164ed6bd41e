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

type Rgb = [number, number, number];

function luminance([r, g, b]: Rgb): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

/** WCAG contrast ratio of two colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const ca = channels(a);
  const cb = channels(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;

/** `color` moved toward `toward` just enough to reach `ratio` against `against` (AA text: 4.5). */
export function adjustForContrast(color: string, against: string, toward: string, ratio = 4.5): string {
  const c = channels(color);
  const t = channels(toward);
  if (!c || !t) return color;
  for (let step = 0; step <= 20; step++) {
    const candidate = hex(mix(c, t, step / 20));
    if (contrastRatio(candidate, against) >= ratio) return candidate;
  }
  return toward;
}

const LIGHT_BG = '#ffffff';
const DARK_BG = '#1e1e26';
const DARK_TEXT = '#111116';

/**
 * What the theme needs from a profile colour so text stays readable (WCAG AA, 4.5:1):
 * - fill + fillText: a button or chip filled with the colour and its label (the colour itself
 *   when white or near-black text reads on it, else a little darker);
 * - inkLight / inkDark: the colour as text (names, links, focus rings) on the light and the dark
 *   background.
 */
export function profileAccent(color: string): {
  fill: string;
  fillText: string;
  inkLight: string;
  inkDark: string;
} {
  let fill = color;
  let fillText = '#ffffff';
  if (contrastRatio('#ffffff', color) < 4.5) {
    if (contrastRatio(DARK_TEXT, color) >= 4.5) fillText = DARK_TEXT;
    else fill = adjustForContrast(color, '#ffffff', '#000000');
  }
  return {
    fill,
    fillText,
    inkLight: adjustForContrast(color, LIGHT_BG, '#000000', 4.8),
    inkDark: adjustForContrast(color, DARK_BG, '#ffffff', 4.8),
  };
}

/**
 * Sets --profile and its readable variants on <html> so every accent follows the active profile:
 * --profile-fill / --profile-contrast for filled controls, --profile-ink-light / --profile-ink-dark
 * for the colour as text (theme.css picks one as --profile-strong).
 */
export function applyProfileAccent(
  color: string | undefined,
  root: HTMLElement = document.documentElement,
): void {
  const names = [
    '--profile',
    '--profile-contrast',
    '--profile-fill',
    '--profile-ink-light',
    '--profile-ink-dark',
  ];
  if (!color || !channels(color)) {
    for (const n of names) root.style.removeProperty(n);
    return;
  }
  const a = profileAccent(color);
  root.style.setProperty('--profile', color);
  root.style.setProperty('--profile-contrast', a.fillText);
  root.style.setProperty('--profile-fill', a.fill);
  root.style.setProperty('--profile-ink-light', a.inkLight);
  root.style.setProperty('--profile-ink-dark', a.inkDark);
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
