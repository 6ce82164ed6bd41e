import { fail } from '../../shared/errors';
import { PROFILE_NAME } from '../../shared/text';

/** Pure rules about profile names and colours. */

export const DEFAULT_PROFILE = 'default';

export const PROFILE_NAME_RULE =
  "1–64 characters of letters, digits, '.', '_' or '-', not starting with '.' or '-'";

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

/** Throws INVALID_PROFILE_NAME with the rule when `name` cannot be a profile name. */
export function checkProfileName(name: string): string {
  if (!isValidProfileName(name))
    fail('INVALID_PROFILE_NAME', `Invalid profile name "${name}": use ${PROFILE_NAME_RULE}`);
  return name;
}

/** Pleasant, distinguishable colours for profiles, in the order they are handed out. */
export const PALETTE = [
  '#7c5cff',
  '#22a06b',
  '#e5484d',
  '#f5a524',
  '#0ea5e9',
  '#d946ef',
  '#14b8a6',
  '#f97316',
  '#64748b',
  '#84cc16',
];

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** Returns the colour lower-cased, or throws INVALID_ARGUMENT naming it. */
export function checkColor(color: string): string {
  if (!HEX.test(color.trim()))
    fail('INVALID_ARGUMENT', `Invalid colour "${color}": use a CSS hex colour such as #7c5cff`);
  return color.trim().toLowerCase();
}

/** The first palette colour nobody uses yet; when all are taken, cycles by how many there are. */
export function pickColor(used: string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[used.length % PALETTE.length];
}

/** A stable colour for a name (profiles whose file carries none). */
export function colorForName(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return name === DEFAULT_PROFILE ? PALETTE[8] : PALETTE[h % PALETTE.length];
}
