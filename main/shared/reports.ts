import { describeExpectation } from './matrix';
import type { ReportAssertion, ReportCase } from './reportCase';
import type { MatrixResult } from './types';

export type { ReportAssertion, ReportCase } from './reportCase';

/**
 * CI reports of a run or a matrix: one case per (profile, request), each with what was expected
 * and what came back. Written as JUnit XML (one testsuite per profile, one testcase per request,
 * a <failure> carrying expected and actual), JSON, or one self-contained HTML page (no network:
 * inline CSS, no scripts) showing the grid. Pure: the CLI writes the file.
 */

export const REPORT_FORMATS = ['junit', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RunReport {
  kind: 'run' | 'matrix';
  title: string;
  profiles: string[];
  /** Request names in grid order. */
  requests: string[];
  cases: ReportCase[];
  durationMs: number;
  /** Environment the run used, if any. */
  environment?: string | null;
}

export const casePassed = (c: ReportCase): boolean => !c.error && c.assertions.every((a) => a.pass);

export function reportTotals(r: RunReport): {
  cases: number;
  failed: number;
  errors: number;
  assertions: number;
} {
  let failed = 0;
  let errors = 0;
  let assertions = 0;
  for (const c of r.cases) {
    assertions += c.assertions.length;
    if (c.error) errors++;
    else if (!casePassed(c)) failed++;
  }
  return { cases: r.cases.length, failed, errors, assertions };
}

const rowName = (row: { name: string; folder?: string }) =>
  row.folder ? `${row.folder}/${row.name}` : row.name;

/** A matrix result as a report: each cell is a case, its expectation (if any) its one assertion. */
export function matrixReport(m: MatrixResult, title: string, durationMs = 0): RunReport {
  const cases: ReportCase[] = [];
  for (const profile of m.profiles)
    for (const row of m.rows) {
      const cell = m.cells[`${row.id}|${profile}`];
      if (!cell) continue;
      const assertions: ReportAssertion[] = [];
      if (cell.expected !== undefined)
        assertions.push({
          label: `expect ${describeExpectation(cell.expected)}`,
          pass: cell.pass === true,
          expected: describeExpectation(cell.expected),
          actual: cell.actual ?? (cell.status === null ? 'no response' : `${cell.verdict} (${cell.status})`),
        });
      cases.push({
        profile,
        request: rowName(row),
        requestId: row.id,
        status: cell.status,
        ...(cell.error ? { error: cell.error.message } : {}),
        durationMs: cell.ms,
        assertions,
      });
    }
  return { kind: 'matrix', title, profiles: m.profiles, requests: m.rows.map(rowName), cases, durationMs };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML and HTML; drops characters XML 1.0 cannot carry. */
export function escapeMarkup(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c])
  );
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

/** JUnit XML: <testsuites> → one <testsuite name=profile> → one <testcase name=request> each. */
export function toJUnit(r: RunReport): string {
  const t = reportTotals(r);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeMarkup(r.title)}" tests="${t.cases}" failures="${t.failed}" errors="${t.errors}" time="${secs(r.durationMs)}">`,
  ];
  for (const profile of r.profiles) {
    const cases = r.cases.filter((c) => c.profile === profile);
    const failures = cases.filter((c) => !c.error && !casePassed(c)).length;
    const errors = cases.filter((c) => c.error).length;
    const time = cases.reduce((n, c) => n + c.durationMs, 0);
    out.push(
      `  <testsuite name="${escapeMarkup(profile)}" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${secs(time)}">`,
    );
    for (const c of cases) {
      const head = `    <testcase name="${escapeMarkup(c.request)}" classname="${escapeMarkup(`${r.title}.${profile}`)}" time="${secs(c.durationMs)}"`;
      const failed = c.assertions.filter((a) => !a.pass);
      if (!c.error && failed.length === 0) {
        out.push(`${head}/>`);
        continue;
      }
      out.push(`${head}>`);
      if (c.error) out.push(`      <error message="${escapeMarkup(c.error)}" type="no response"/>`);
      for (const a of failed)
        out.push(
          `      <failure message="${escapeMarkup(`${a.label}: expected ${a.expected}, got ${a.actual}`)}" type="${escapeMarkup(a.label)}">expected: ${escapeMarkup(a.expected)}\nactual: ${escapeMarkup(a.actual)}</failure>`,
        );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export function toJsonReport(r: RunReport): string {
  return `${JSON.stringify({ ...r, totals: reportTotals(r) }, null, 2)}\n`;
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--ok:#12805c;--okbg:#e7f6ef;--bad:#c0362c;--badbg:#fdecea;--err:#9a6700;--errbg:#fff4d6}
@media (prefers-color-scheme:dark){:root{--bg:#15181e;--fg:#e6e8ec;--muted:#98a2b3;--line:#2b313b;--ok:#4cc38a;--okbg:#143325;--bad:#ff7b72;--badbg:#3a1714;--err:#e3b341;--errbg:#33280c}}
body{margin:24px;background:var(--bg);color:var(--fg);font:13px/1.45 system-ui,-apple-system,Segoe UI,sans-serif}
h1{font-size:18px;margin:0 0 4px}p.meta{color:var(--muted);margin:0 0 16px}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
th{font-weight:600;background:color-mix(in srgb,var(--line) 40%,transparent)}
td.pass{background:var(--okbg);color:var(--ok)}td.fail{background:var(--badbg);color:var(--bad)}td.error{background:var(--errbg);color:var(--err)}
.status{font:600 13px ui-monospace,SFMono-Regular,Menlo,monospace}.why{display:block;font-size:12px;color:var(--fg);opacity:.85}
`;

/** One HTML file, no scripts and no external resources: the grid of requests × profiles. */
export function toHtmlReport(r: RunReport): string {
  const t = reportTotals(r);
  const cell = (request: string, profile: string): string => {
    const c = r.cases.find((x) => x.request === request && x.profile === profile);
    if (!c) return '<td>—</td>';
    const cls = c.error ? 'error' : casePassed(c) ? 'pass' : 'fail';
    const why = c.error
      ? [escapeMarkup(c.error)]
      : c.assertions.map(
          (a) =>
            `${a.pass ? '✓' : '✗'} ${escapeMarkup(a.label)}${a.pass ? '' : ` — got ${escapeMarkup(a.actual)}`}`,
        );
    return `<td class="${cls}"><span class="status">${c.status ?? 'no response'}</span>${why.map((w) => `<span class="why">${w}</span>`).join('')}</td>`;
  };
  const rows = r.requests
    .map((q) => `<tr><th>${escapeMarkup(q)}</th>${r.profiles.map((p) => cell(q, p)).join('')}</tr>`)
    .join('\n');
  const env = r.environment ? ` · environment ${escapeMarkup(r.environment)}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeMarkup(r.title)} — Tandem report</title><style>${CSS}</style></head>
<body><h1>${escapeMarkup(r.title)}</h1>
<p class="meta">${r.kind === 'matrix' ? 'Access matrix' : 'Collection run'}${env} · ${t.cases} cases, ${t.failed} failed, ${t.errors} without a response</p>
<table><thead><tr><th>Request</th>${r.profiles.map((p) => `<th>${escapeMarkup(p)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

export function renderReport(format: ReportFormat, r: RunReport): string {
  return format === 'junit' ? toJUnit(r) : format === 'json' ? toJsonReport(r) : toHtmlReport(r);
}
