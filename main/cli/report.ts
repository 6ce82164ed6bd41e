import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../shared/errors';
import { REPORT_FORMATS, type ReportFormat, type RunReport, renderReport } from '../shared/reports';
import type { CliIO } from './session';

/** `--report junit|json|html`: checked before anything runs. */
export function parseReportFormat(value: string | undefined): ReportFormat | undefined {
  if (value === undefined) return undefined;
  if (!(REPORT_FORMATS as readonly string[]).includes(value))
    fail('INVALID_ARGUMENT', `--report must be one of ${REPORT_FORMATS.join(', ')} (got '${value}')`);
  return value as ReportFormat;
}

/** Writes the report to `--out PATH` (and says so on stderr), or prints it when no path is given. */
export function writeReport(
  io: CliIO,
  format: ReportFormat,
  report: RunReport,
  out: string | undefined,
): void {
  const text = renderReport(format, report);
  if (!out) {
    io.out(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  try {
    writeFileSync(file, text, 'utf8');
  } catch (e) {
    fail(
      'INVALID_ARGUMENT',
      `Cannot write the report to ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  io.err(`Wrote the ${format} report to ${out}\n`);
}

/** Request names in the order they first ran. */
export function requestOrder(cases: ReadonlyArray<{ request: string }>): string[] {
  return [...new Set(cases.map((c) => c.request))];
}
