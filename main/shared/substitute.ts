import { fail } from './errors';

/**
 * `{{name}}` substitution from a profile's variables. Pure functions: no I/O, no state.
 * A reference is `{{`, optional spaces, a name of [A-Za-z0-9_.$-], optional spaces, `}}`.
 * Anything else between braces (`{{}}`, `{{a b}}`) is left as literal text.
 * Substitution is a single pass: a value that itself contains `{{x}}` is not expanded again.
 */

export interface VariableRef {
  name: string;
  /** Index of the first `{` of the reference. */
  start: number;
  /** Index just past the last `}`. */
  end: number;
}

const REFERENCE = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

/** Every `{{name}}` reference in `text`, in order, with its position (for the UI to highlight). */
export function findVariables(text: string): VariableRef[] {
  if (!text.includes('{{')) return [];
  const out: VariableRef[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    out.push({ name: m[1], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Replaces every `{{name}}` in `text` with `variables[name]`.
 * `where` names the place for the error message: an unknown variable throws
 * UNKNOWN_VARIABLE "Unknown variable {{name}} in <where>".
 */
export function substitute(text: string, variables: Readonly<Record<string, string>>, where: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(REFERENCE, (_whole, name: string) => {
    if (!Object.hasOwn(variables, name)) fail('UNKNOWN_VARIABLE', `Unknown variable {{${name}}} in ${where}`);
    return String(variables[name]);
  });
}

/** Names referenced in `text` that `variables` does not define (no duplicates, in order). */
export function missingVariables(text: string, variables: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const ref of findVariables(text)) {
    if (!Object.hasOwn(variables, ref.name) && !out.includes(ref.name)) out.push(ref.name);
  }
  return out;
}
