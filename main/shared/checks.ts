import { z } from 'zod';
import { jsonPathValues } from './jsonpath';

/**
 * Declarative checks a saved request carries, judged against a response: shown pass/fail in the
 * response viewer, counted by `tandem run` (exit 1 when one fails), written into CI reports.
 * One flat shape (kind, target, op, value) so a table can edit every kind:
 *
 *   status  equals 200 · range 200-299 (or 2xx)
 *   header  <name> equals V · contains V · exists
 *   json    <JSONPath> equals V · exists · matches REGEX
 *   body    contains V
 *   time    below N (ms)
 *
 * Pure (zod and jsonpath-plus): the core, the CLI and the renderer judge alike.
 */

export const checkKindSchema = z.enum(['status', 'header', 'json', 'body', 'time']);
export type CheckKind = z.infer<typeof checkKindSchema>;
export const checkOpSchema = z.enum(['equals', 'range', 'contains', 'exists', 'matches', 'below']);
export type CheckOp = z.infer<typeof checkOpSchema>;

/** The operators each kind takes, the first being the default. */
export const CHECK_OPS: Record<CheckKind, readonly CheckOp[]> = {
  status: ['equals', 'range'],
  header: ['equals', 'contains', 'exists'],
  json: ['equals', 'exists', 'matches'],
  body: ['contains'],
  time: ['below'],
};

/** The kinds that name a target (a header name, a JSONPath). */
export const CHECK_TARGET: Partial<Record<CheckKind, string>> = { header: 'Header name', json: '$.path' };

const RANGE = /^\s*(\d{3})\s*-\s*(\d{3})\s*$|^\s*([1-5])xx\s*$/i;

export const checkSchema = z
  .object({
    kind: checkKindSchema,
    op: checkOpSchema,
    /** Header name or JSONPath; '' for the other kinds. */
    target: z.string().max(2000).default(''),
    value: z.string().max(10_000).default(''),
    /** Disabled checks are kept but not judged. */
    enabled: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const problem = checkProblem(c);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type Check = z.infer<typeof checkSchema>;

/** Why a check cannot be judged (one line), or null when it is well formed. */
export function checkProblem(c: Pick<Check, 'kind' | 'op' | 'target' | 'value'>): string | null {
  if (!CHECK_OPS[c.kind].includes(c.op))
    return `a ${c.kind} check takes ${CHECK_OPS[c.kind].join(', ')}, not ${c.op}`;
  if (CHECK_TARGET[c.kind] && !c.target.trim())
    return `a ${c.kind} check needs a ${c.kind === 'json' ? 'JSONPath' : 'header name'}`;
  if (c.kind === 'status' && c.op === 'equals' && !/^\s*\d{3}\s*$/.test(c.value))
    return `status equals needs a status such as 200, not '${c.value}'`;
  if (c.kind === 'status' && c.op === 'range' && !RANGE.test(c.value))
    return `status range needs 200-299 or 2xx, not '${c.value}'`;
  if (c.kind === 'time' && !/^\s*\d+\s*$/.test(c.value))
    return `time below needs milliseconds, not '${c.value}'`;
  if (c.op === 'matches') {
    try {
      new RegExp(c.value);
    } catch (e) {
      return `bad pattern '${c.value}' (${(e as Error).message})`;
    }
  }
  return null;
}

/** What a check needs of a response (a ResponseRecord has all of it). */
export interface CheckedResponse {
  status: number;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
  bodyEncoding?: string;
  timings: { total: number };
}

export interface CheckResult {
  check: Check;
  pass: boolean;
  /** "status 200", "header content-type contains json", "$.id exists". */
  label: string;
  expected: string;
  actual: string;
}

/** "status in 200-299", "header x-a contains b", "$.role equals admin", "time below 500 ms". */
export function describeCheck(c: Pick<Check, 'kind' | 'op' | 'target' | 'value'>): string {
  const subject = c.kind === 'header' ? `header ${c.target}` : c.kind === 'json' ? c.target : c.kind;
  if (c.op === 'exists') return `${subject} exists`;
  if (c.kind === 'time') return `time below ${c.value.trim()} ms`;
  if (c.op === 'range') return `status in ${c.value.trim()}`;
  return `${subject} ${c.op} ${c.value}`;
}

function statusRange(value: string): [number, number] {
  const m = RANGE.exec(value) as RegExpExecArray;
  if (m[3]) return [Number(m[3]) * 100, Number(m[3]) * 100 + 99];
  return [Number(m[1]), Number(m[2])];
}

function headerValue(r: CheckedResponse, name: string): string | null {
  const lower = name.trim().toLowerCase();
  const values = r.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  return values.length ? values.join(', ') : null;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Judges one check. Never throws. */
export function judgeCheck(c: Check, r: CheckedResponse): CheckResult {
  const label = describeCheck(c);
  const problem = checkProblem(c);
  if (problem) return { check: c, pass: false, label, expected: label, actual: problem };
  const result = (pass: boolean, expected: string, actual: string): CheckResult => ({
    check: c,
    pass,
    label,
    expected,
    actual,
  });
  switch (c.kind) {
    case 'status': {
      if (c.op === 'equals') return result(r.status === Number(c.value), c.value.trim(), String(r.status));
      const [lo, hi] = statusRange(c.value);
      return result(r.status >= lo && r.status <= hi, `${lo}-${hi}`, String(r.status));
    }
    case 'header': {
      const v = headerValue(r, c.target);
      const actual = v ?? '(no such header)';
      if (c.op === 'exists') return result(v !== null, `header ${c.target}`, actual);
      if (c.op === 'equals') return result(v === c.value, c.value, actual);
      return result(v?.includes(c.value) ?? false, `contains ${c.value}`, actual);
    }
    case 'json': {
      const found = jsonPathValues(r, c.target);
      if (found === null) return result(false, label, 'the body is not JSON');
      const actual = found.length ? asText(found[0]) : '(nothing at this path)';
      if (c.op === 'exists') return result(found.length > 0, `${c.target} exists`, actual);
      if (!found.length) return result(false, c.op === 'equals' ? c.value : `matches ${c.value}`, actual);
      if (c.op === 'equals') return result(actual === c.value, c.value, actual);
      return result(new RegExp(c.value).test(actual), `matches ${c.value}`, actual);
    }
    case 'body': {
      const text = r.bodyEncoding && r.bodyEncoding !== 'utf8' ? '' : r.body;
      const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      return result(text.includes(c.value), `contains ${c.value}`, shown || '(empty body)');
    }
    case 'time': {
      const ms = Math.round(r.timings.total);
      return result(ms < Number(c.value), `below ${c.value.trim()} ms`, `${ms} ms`);
    }
  }
}

/** Judges every enabled check, in order. */
export function judgeChecks(checks: readonly Check[] | undefined, r: CheckedResponse): CheckResult[] {
  return (checks ?? []).filter((c) => c.enabled !== false).map((c) => judgeCheck(c, r));
}

/**
 * Parses the CLI's `--check` text: `status=200`, `status=2xx`, `status=200-299`,
 * `header:Name=V`, `header:Name~V` (contains), `header:Name?` (exists), `json:$.a=V`,
 * `json:$.a?`, `json:$.a~REGEX` (matches), `body~TEXT`, `time<500`.
 */
export function parseCheckSpec(spec: string): { ok: true; check: Check } | { ok: false; message: string } {
  const m =
    /^(status|time|body)\s*(=|~|<)\s*(.*)$/s.exec(spec) ?? /^(header|json):(.+?)(=|~|\?)(.*)$/s.exec(spec);
  const bad = {
    ok: false as const,
    message: `--check '${spec}' must look like status=200, status=2xx, header:Name=V, header:Name?, json:$.path=V, json:$.path~REGEX, body~TEXT or time<500`,
  };
  if (!m) return bad;
  let c: { kind: CheckKind; op: CheckOp; target: string; value: string };
  if (m.length === 4) {
    const [, kind, sign, value] = m;
    if (kind === 'status' && sign === '=')
      c = { kind, op: RANGE.test(value) ? 'range' : 'equals', target: '', value };
    else if (kind === 'time' && sign === '<') c = { kind, op: 'below', target: '', value };
    else if (kind === 'body' && sign === '~') c = { kind, op: 'contains', target: '', value };
    else return bad;
  } else {
    const [, kind, target, sign, value] = m;
    const op: CheckOp =
      sign === '?' ? 'exists' : sign === '=' ? 'equals' : kind === 'json' ? 'matches' : 'contains';
    if (sign === '?' && value) return bad;
    c = { kind: kind as CheckKind, op, target, value };
  }
  const problem = checkProblem(c);
  return problem ? { ok: false, message: `--check '${spec}': ${problem}` } : { ok: true, check: c };
}
