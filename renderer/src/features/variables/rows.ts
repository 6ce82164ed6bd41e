import { HTTP_TOKEN } from '../../../../main/shared/text';
import type { KeyValue } from '../../../../main/shared/types';

/** Pure helpers for the profile settings panel: editable rows ⇄ what profiles.update takes. */

export interface EditRow {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

let next = 0;
export function rowId(): string {
  next += 1;
  return `row-${next}`;
}

export function blankRow(): EditRow {
  return { id: rowId(), name: '', value: '', enabled: true };
}

export function rowsFromVariables(vars: Record<string, string>): EditRow[] {
  return Object.entries(vars).map(([name, value]) => ({ id: rowId(), name, value, enabled: true }));
}

export function rowsFromHeaders(headers: KeyValue[]): EditRow[] {
  return headers.map((h) => ({ id: rowId(), name: h.name, value: h.value, enabled: h.enabled !== false }));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; rowId: string };

const VARIABLE_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Rows → variables. Rows with no name and no value are ignored (a row being typed); a value
 * without a name, a name with spaces or braces, or a repeated name is refused with a one-line reason.
 */
export function variablesFromRows(rows: EditRow[]): Checked<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const name = r.name.trim();
    if (!name && !r.value) continue;
    if (!name) return { ok: false, message: 'A variable needs a name', rowId: r.id };
    if (!VARIABLE_NAME.test(name))
      return {
        ok: false,
        message: `Invalid variable name "${name}": use letters, digits, _ . and -`,
        rowId: r.id,
      };
    if (Object.hasOwn(out, name))
      return { ok: false, message: `Variable "${name}" is defined twice`, rowId: r.id };
    out[name] = r.value;
  }
  return { ok: true, value: out };
}

/** Rows → default headers (order kept, repeats allowed, disabled rows kept but marked). */
export function headersFromRows(rows: EditRow[]): Checked<KeyValue[]> {
  const out: KeyValue[] = [];
  for (const r of rows) {
    const name = r.name.trim();
    if (!name && !r.value) continue;
    if (!name) return { ok: false, message: 'A header needs a name', rowId: r.id };
    if (!HTTP_TOKEN.test(name)) return { ok: false, message: `Invalid header name "${name}"`, rowId: r.id };
    out.push({ name, value: r.value, enabled: r.enabled });
  }
  return { ok: true, value: out };
}

export function sameVariables(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export function sameHeaders(a: KeyValue[], b: KeyValue[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (h, i) =>
        h.name === b[i].name && h.value === b[i].value && (h.enabled !== false) === (b[i].enabled !== false),
    )
  );
}

/** Ten colours that read well on light and dark backgrounds, with names for screen readers. */
export const COLOR_PALETTE: ReadonlyArray<{ name: string; hex: string }> = [
  { name: 'Violet', hex: '#7c5cff' },
  { name: 'Red', hex: '#e5484d' },
  { name: 'Teal', hex: '#12a594' },
  { name: 'Orange', hex: '#f76b15' },
  { name: 'Blue', hex: '#0090ff' },
  { name: 'Pink', hex: '#d6409f' },
  { name: 'Olive', hex: '#8e7d00' },
  { name: 'Indigo', hex: '#3e63dd' },
  { name: 'Green', hex: '#30a46c' },
  { name: 'Slate', hex: '#687076' },
];

/** '#abc' or '#aabbcc' (a leading # is added when missing), lower-cased; null when not a hex colour. */
export function normalizeHex(text: string): string | null {
  const t = text.trim().replace(/^#?/, '#').toLowerCase();
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/.test(t) ? t : null;
}
