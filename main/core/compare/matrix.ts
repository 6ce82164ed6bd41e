import { judgeCheck } from '../../shared/checks';
import { fail, toTandemError } from '../../shared/errors';
import { cellKey, type MatrixRequest, meets, summarizeMatrix, verdictOf } from '../../shared/matrix';
import { refuseRedacted } from '../../shared/redaction';
import type {
  Expectation,
  MatrixCell,
  MatrixExpectations,
  MatrixResult,
  MatrixRow,
  ResponseRecord,
} from '../../shared/types';
import { checkProfiles, type SendAs } from './compare';

export type { MatrixRequest };

export interface MatrixInput {
  requests: MatrixRequest[];
  profiles: string[];
  expect?: MatrixExpectations;
  /** Profiles run at the same time (default 4). Requests of one profile always run in order. */
  concurrency?: number;
  /** Count 404 as deny (default false: 404 is an error verdict). */
  notFoundIsDeny?: boolean;
}

export type MatrixProgress = (p: { requestId: string; profile: string; cell: MatrixCell }) => void;

function detailOf(r: ResponseRecord): MatrixCell['detail'] {
  return {
    statusText: r.statusText,
    contentType: r.contentType,
    size: r.size,
    bodyPreview: r.bodyEncoding === 'utf8' ? r.body.slice(0, 500) : `(${r.size} bytes of binary)`,
    cookiesSet: r.cookiesSet.map((c) => c.raw.split(';')[0] ?? c.raw),
  };
}

/** Builds one cell from a response (or the error), with its expectation judged. */
export function makeCell(
  outcome: { response: ResponseRecord } | { error: unknown },
  ms: number,
  expected: Expectation | undefined,
  notFoundIsDeny = false,
): MatrixCell {
  const response = 'response' in outcome ? outcome.response : null;
  const status = response?.status ?? null;
  const cell: MatrixCell = {
    status,
    error: 'error' in outcome ? toTandemError(outcome.error) : null,
    verdict: verdictOf(status, notFoundIsDeny),
    ms: Math.round(ms),
  };
  if (response) cell.detail = detailOf(response);
  if (expected !== undefined) {
    cell.expected = expected;
    cell.pass = meets(expected, cell, response);
    if (typeof expected === 'object' && response) cell.actual = judgeCheck(expected, response).actual;
  }
  return cell;
}

/**
 * Sends every request as every profile: rows in order within a profile (a "Log in" row changes
 * that profile's jar for the rows after it), profiles side by side up to `concurrency`.
 * Cancelling stops it: the running sends are aborted, the rest are not started, and the
 * result says `cancelled` with the cells that did run.
 */
export async function runMatrix(
  input: MatrixInput,
  sendAs: SendAs,
  onProgress: MatrixProgress = () => {},
  signal?: AbortSignal,
): Promise<MatrixResult> {
  checkProfiles(input.profiles, 1, 20);
  // A row that came from history may still hold its [redacted] placeholders: nothing is sent.
  for (const row of input.requests) {
    const refused = refuseRedacted(row.request);
    if (refused) fail('INVALID_ARGUMENT', `"${row.name || row.request.url}": ${refused.message}`);
  }
  const concurrency = Math.max(1, Math.min(input.concurrency ?? 4, 20));
  const cells: Record<string, MatrixCell> = {};
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });

  const runProfile = async (profile: string) => {
    for (const row of input.requests) {
      if (controller.signal.aborted) return;
      const expected = input.expect?.[row.id]?.[profile];
      const started = performance.now();
      let outcome: { response: ResponseRecord } | { error: unknown };
      try {
        outcome = { response: await sendAs(profile, row.request, controller.signal, row) };
      } catch (error) {
        outcome = { error };
      }
      // A send cut short by Cancel is not a result: leave the cell empty.
      if (controller.signal.aborted && 'error' in outcome) return;
      const cell = makeCell(outcome, performance.now() - started, expected, input.notFoundIsDeny);
      cells[cellKey(row.id, profile)] = cell;
      onProgress({ requestId: row.id, profile, cell });
    }
  };

  try {
    const queue = [...input.profiles];
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) await runProfile(p);
    });
    await Promise.all(workers);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  const rows: MatrixRow[] = input.requests.map((r) =>
    r.folder === undefined ? { id: r.id, name: r.name } : { id: r.id, name: r.name, folder: r.folder },
  );
  return {
    rows,
    profiles: [...input.profiles],
    cells,
    summary: summarizeMatrix(cells),
    cancelled: controller.signal.aborted,
  };
}
