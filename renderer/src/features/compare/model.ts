import type { Comparison } from '../../../../main/shared/types';

/** Pure decisions for the compare view. */

export const MAX_COMPARE = 10;

/** The profiles offered first: everyone but the built-in "default", the active one first, at most 3. */
export function defaultSelection(order: readonly string[], active: string): string[] {
  const named = order.filter((n) => n !== 'default');
  const pool = named.length >= 2 ? named : [...order];
  const first = pool.includes(active) ? [active, ...pool.filter((n) => n !== active)] : pool;
  return first.slice(0, 3);
}

/** Adds or removes a profile, keeping the order the profiles are listed in and the 10-profile cap. */
export function toggleSelection(
  selected: readonly string[],
  name: string,
  order: readonly string[],
): string[] {
  const set = new Set(selected);
  if (set.has(name)) set.delete(name);
  else if (set.size < MAX_COMPARE) set.add(name);
  return order.filter((n) => set.has(n));
}

/** The top-level JSON keys whose values differ: the body lines to highlight in each column. */
export function differingKeys(cmp: Comparison): Set<string> {
  const keys = new Set<string>();
  for (const p of cmp.diff.paths) {
    const quoted = /^\$\["((?:[^"\\]|\\.)*)"\]/.exec(p.path);
    const plain = /^([A-Za-z_$][\w$]*)(?=$|[.[])/.exec(p.path);
    if (quoted) keys.add(JSON.parse(`"${quoted[1]}"`) as string);
    else if (plain && p.path !== '$' && !p.path.startsWith('$[')) keys.add(plain[1]);
  }
  return keys;
}

/** Pretty body lines, each marked when it starts a top-level key that differs between profiles. */
export function bodyLines(
  body: string,
  keys: ReadonlySet<string>,
): Array<{ text: string; differs: boolean }> {
  let text = body;
  try {
    text = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body.split('\n').map((t) => ({ text: t, differs: false }));
  }
  return text.split('\n').map((line) => {
    const m = /^ {2}"((?:[^"\\]|\\.)*)":/.exec(line);
    return { text: line, differs: m ? keys.has(JSON.parse(`"${m[1]}"`)) : false };
  });
}
