/**
 * Pure helpers for the benchmarks: order statistics, ratios and the report table.
 * No I/O here, so they are tested on their own (test/bench/stats.test.ts).
 */

/** The q-quantile (0..1) of `values` by nearest rank; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function p95(values: readonly number[]): number {
  return quantile(values, 0.95);
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Per round, median(a) − median(b); then the median of those differences. */
export function pairedDifference(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number {
  const per: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const v = median(a[r]) - median(b[r]);
    if (Number.isFinite(v)) per.push(v);
  }
  return round(median(per), 2);
}

/** a / b rounded to 3 decimals; NaN when either side is missing or b is 0. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return round(a / b, 3);
}

export function round(v: number, digits = 2): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Order in which two contenders run in round `i`: alternate so neither always goes first. */
export function roundOrder<T>(i: number, a: T, b: T): [T, T] {
  return i % 2 === 0 ? [a, b] : [b, a];
}

/** The contenders rotated by `i` places, so each runs first, second… in turn. */
export function rotate<T>(items: readonly T[], i: number): T[] {
  const k = ((i % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * Paired ratio of two contenders measured in the same rounds: per round, median(a) ÷ median(b);
 * then the median of those and their interquartile range. Load that drifts during a run moves
 * both sides of a round alike, so this holds better than one ratio of two global medians.
 */
export function pairedRatio(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): { median: number; p25: number; p75: number } {
  const per: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const v = median(a[r]) / median(b[r]);
    if (Number.isFinite(v)) per.push(v);
  }
  return {
    median: round(median(per), 3),
    p25: round(quantile(per, 0.25), 3),
    p75: round(quantile(per, 0.75), 3),
  };
}

/** Whether a measured value meets its goal; null when there is no value. */
export function meets(value: number, goal: { max?: number; min?: number }): boolean | null {
  if (!Number.isFinite(value)) return null;
  if (goal.max !== undefined && value > goal.max) return false;
  if (goal.min !== undefined && value < goal.min) return false;
  return true;
}

/** Parses `/usr/bin/time -v` output: peak RSS in MB, or null when the line is missing. */
export function parseTimeVerbose(text: string): { peakRssMb: number | null; exitStatus: number | null } {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  const exit = /Exit status:\s*(\d+)/.exec(text);
  return {
    peakRssMb: rss ? round(Number(rss[1]) / 1024, 1) : null,
    exitStatus: exit ? Number(exit[1]) : null,
  };
}

/** Parses the VmHWM line of /proc/<pid>/status into MB. */
export function parseVmHwm(status: string): number | null {
  const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
  return m ? round(Number(m[1]) / 1024, 1) : null;
}

export interface Row {
  figure: string;
  metric: string;
  tandem: string;
  reference: string;
  ratio: string;
  goal: string;
}

/** A plain text table with aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  const head: Row = {
    figure: 'figure',
    metric: 'metric',
    tandem: 'tandem',
    reference: 'reference',
    ratio: 'ratio',
    goal: 'goal',
  };
  const cols: Array<keyof Row> = ['figure', 'metric', 'tandem', 'reference', 'ratio', 'goal'];
  const all = [head, ...rows];
  const width = (c: keyof Row) => Math.max(...all.map((r) => r[c].length));
  const line = (r: Row) =>
    cols
      .map((c) => r[c].padEnd(width(c)))
      .join('  ')
      .trimEnd();
  const rule = cols.map((c) => '-'.repeat(width(c))).join('  ');
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** Formats a number for the table: `12.3 µs`, `—` when missing. */
export function fmt(v: number | null | undefined, unit = '', digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${round(v, digits)}${unit ? ` ${unit}` : ''}`;
}

/** Command line options of `npm run bench`. */
export interface BenchArgs {
  json: boolean;
  quick: boolean;
  only: string[] | null;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: false, quick: false, only: null };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a.startsWith('--only=')) args.only = a.slice('--only='.length).split(',').filter(Boolean);
    else
      throw new Error(`Unknown option ${a}: use --json, --quick, --only=engine,collection,profiles,jar,ui`);
  }
  return args;
}
