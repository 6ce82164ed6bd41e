import { type CheckedResponse, describeCheck, judgeCheck } from './checks';
import { fail } from './errors';
import { isInside } from './folders';
import type { ExtractRule } from './sessions';
import type { Collection, Expectation, MatrixCell, MatrixResult, RequestSpec, Verdict } from './types';

/** The access matrix's pure model, shared by the core, the CLI and the renderer (no Node here). */

export interface MatrixRequest {
  id: string;
  name: string;
  folder?: string;
  request: RequestSpec;
  /** The saved request's extraction rules, applied to the sending profile's variables. */
  extract?: ExtractRule[];
}

export const cellKey = (requestId: string, profile: string): string => `${requestId}|${profile}`;

/** 2xx/3xx → allow; 401/403 (404 when asked) → deny; anything else, or no response → error. */
export function verdictOf(status: number | null, notFoundIsDeny = false): Verdict {
  if (status === null) return 'error';
  if (status >= 200 && status < 400) return 'allow';
  if (status === 401 || status === 403 || (notFoundIsDeny && status === 404)) return 'deny';
  return 'error';
}

/** Whether a cell meets its expectation: a verdict must match, a number must equal the status. */
export function meets(
  expected: Expectation,
  cell: Pick<MatrixCell, 'status' | 'verdict'>,
  response?: CheckedResponse | null,
): boolean {
  if (typeof expected === 'object') return response ? judgeCheck(expected, response).pass : false;
  return typeof expected === 'number' ? cell.status === expected : cell.verdict === expected;
}

/** How an expectation reads: "allow", "200", "header x-role equals admin". */
export function describeExpectation(expected: Expectation): string {
  return typeof expected === 'object' ? describeCheck(expected) : String(expected);
}

export function summarizeMatrix(cells: Record<string, MatrixCell>): MatrixResult['summary'] {
  const summary = { total: 0, passed: 0, failed: 0, errors: 0 };
  for (const c of Object.values(cells)) {
    summary.total++;
    if (c.pass === true) summary.passed++;
    if (c.pass === false) summary.failed++;
    if (c.status === null) summary.errors++;
  }
  return summary;
}

export { isInside };

/**
 * A collection's requests in tree order: top-level requests first, then each folder in the
 * collection's folder order (subfolders right after their parent), requests in saved order.
 */
export function matrixRows(c: Collection, folder?: string): MatrixRequest[] {
  const order = ['', ...c.folders];
  for (const r of c.requests) if (!order.includes(r.folder)) order.push(r.folder);
  const rank = (f: string) => {
    let best = order.indexOf(f);
    // A subfolder goes right after its parent's own requests.
    for (let i = 0; i < order.length; i++) if (order[i] && isInside(f, order[i]) && i < best) best = i + 0.5;
    return best;
  };
  const picked = c.requests
    .map((r, i) => ({ r, i, rank: rank(r.folder) }))
    .filter(({ r }) => folder === undefined || folder === '' || isInside(r.folder, folder))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  if (folder && picked.length === 0) fail('NOT_FOUND', `No requests in folder "${folder}" of "${c.name}"`);
  return picked.map(({ r }) => ({
    id: r.id,
    name: r.name,
    folder: r.folder,
    request: r.request,
    ...(r.extract ? { extract: r.extract } : {}),
  }));
}
