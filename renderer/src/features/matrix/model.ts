import { meets } from '../../../../main/shared/matrix';
import type { MatrixCell } from '../../../../main/shared/types';

/** Pure decisions for the access-matrix view. */

export type UiExpectation = 'allow' | 'deny';

/** Click cycle of a cell's expectation: — → allow → deny → —. */
export function cycleExpectation(e: UiExpectation | undefined): UiExpectation | undefined {
  return e === undefined ? 'allow' : e === 'allow' ? 'deny' : undefined;
}

/** Whether the cell meets what the user expects now (undefined when nothing is expected or it has not run). */
export function passOf(
  cell: MatrixCell | undefined,
  expected: UiExpectation | undefined,
): boolean | undefined {
  if (!cell || expected === undefined) return undefined;
  return meets(expected, cell);
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
  keys: ReadonlyArray<{ key: string; expected: UiExpectation | undefined }>,
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
