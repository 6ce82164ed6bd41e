import { meets } from '../../../../main/shared/matrix';
import type { Expectation, MatrixCell } from '../../../../main/shared/types';

/** Pure decisions for the access-matrix view. */

const same = (a: Expectation | undefined, b: Expectation | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the cell meets what the user expects now (undefined when nothing is expected or it has
 * not run). A check needs the response, so only the run judges it: a check set after the run is
 * undefined until the next run.
 */
export function passOf(cell: MatrixCell | undefined, expected: Expectation | undefined): boolean | undefined {
  if (!cell || expected === undefined) return undefined;
  if (cell.pass !== undefined && same(cell.expected, expected)) return cell.pass;
  if (typeof expected === 'object') return undefined;
  return meets(expected, cell);
}

/** The mark a cell shows: ✓, ✗, ? (a check set after the run), or none. */
export type Mark = 'pass' | 'fail' | 'stale' | undefined;

export function markOf(cell: MatrixCell | undefined, expected: Expectation | undefined): Mark {
  const pass = passOf(cell, expected);
  if (pass !== undefined) return pass ? 'pass' : 'fail';
  return cell && typeof expected === 'object' ? 'stale' : undefined;
}

const MARK_TEXT = { pass: '✓', fail: '✗', stale: '?' } as const;
const MARK_SAID = {
  pass: ', as expected',
  fail: ', not as expected',
  stale: ', check not judged until the next run',
} as const;
/** The mark's glyph and what a screen reader hears after the cell's status. */
export const markText = (m: Exclude<Mark, undefined>) => MARK_TEXT[m];
export const markSaid = (m: Mark) => (m ? MARK_SAID[m] : '');

/** A status code typed in the grid: a whole number 100–599, else a one-line reason. */
export function parseStatus(text: string): { status: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: `A status code is a number from 100 to 599, not '${t}'` };
  const status = Number(t);
  if (status < 100 || status > 599) return { error: `A status code is from 100 to 599, not ${status}` };
  return { status };
}

export interface Tally {
  done: number;
  total: number;
  allow: number;
  deny: number;
  error: number;
  passed: number;
  failed: number;
}

/** Counts for the summary line, from the cells so far and the expectations set now. */
export function tally(
  keys: ReadonlyArray<{ key: string; expected: Expectation | undefined }>,
  cells: Readonly<Record<string, MatrixCell>>,
): Tally {
  const t: Tally = { done: 0, total: keys.length, allow: 0, deny: 0, error: 0, passed: 0, failed: 0 };
  for (const { key, expected } of keys) {
    const cell = cells[key];
    if (!cell) continue;
    t.done++;
    t[cell.verdict]++;
    const pass = passOf(cell, expected);
    if (pass === true) t.passed++;
    if (pass === false) t.failed++;
  }
  return t;
}
