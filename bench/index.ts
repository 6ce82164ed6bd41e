/**
 * `npm run bench [-- --json] [-- --quick] [-- --only=engine,collection,profiles,jar,ui]`:
 * measures Tandem against the tools people would use instead, side by side in one run, and
 * reports every figure with its ratio. Built with the core into out/main/bench.js (see
 * electron.vite.config.ts) and started by bench/run.mjs. Talks only to loopback servers it
 * starts itself; every figure is bounded in count and time.
 */
import os from 'node:os';
import { type BigJarFigure, benchBigJar } from './bigjar';
import { benchColdStart, type ColdStartFigure } from './coldstart';
import { benchCollection, type CollectionFigure } from './collection';
import { benchEngine, type EngineFigure } from './engine';
import { startBenchServer } from './proc';
import { benchProfiles, type ProfilesFigure } from './profiles';
import { type BenchArgs, fmt, formatTable, meets, parseBenchArgs, type Row, ratio, round } from './stats';
import { benchUi, type UiFigure } from './ui';

type NotMeasured = { measured: false; reason: string };
type Figure<T> = (T & { measured: true }) | NotMeasured;

export interface BenchReport {
  cold_start: Figure<ColdStartFigure>;
  engine: Figure<EngineFigure>;
  collection: Figure<CollectionFigure>;
  profiles: Figure<ProfilesFigure>;
  big_jar: Figure<BigJarFigure>;
  ui: Figure<UiFigure>;
  /** The ratios the speed goals name, gathered from the figures (null when not measured). */
  send_cold_vs_httpie_ratio: number | null;
  version_vs_node_ratio: number | null;
  newman_vs_tandem_ratio: number | null;
  bru_vs_tandem_ratio: number | null;
  /** A request inside `tandem run` (its own duration ÷ requests) ÷ the engine's warm per-request median. */
  run_vs_engine_per_request_ratio: number | null;
  run_per_request_us: number | null;
  tandem_run_peak_rss_mb: number | null;
  ui_big_shown_ms: number | null;
  ui_longest_block_ms: number | null;
  quick: boolean;
  cpu: string;
  cores: number;
  node: string;
  date: string;
}

const FIGURES = ['cold', 'engine', 'collection', 'profiles', 'jar', 'ui'] as const;

async function measure<T extends object>(
  name: string,
  args: BenchArgs,
  log: (s: string) => void,
  fn: () => Promise<T>,
): Promise<Figure<T>> {
  if (args.only && !args.only.includes(name)) return { measured: false, reason: 'skipped (--only)' };
  log(`… ${name}`);
  const t0 = Date.now();
  try {
    const value = await fn();
    log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { ...value, measured: true };
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    log(`  not measured: ${reason}`);
    if (process.env.BENCH_DEBUG && e instanceof Error) log(e.stack ?? '');
    return { measured: false, reason };
  }
}

const goalText = (ok: boolean | null, text: string) => `${text}${ok === null ? '' : ok ? ' ✓' : ' ✗ MISSED'}`;

type Summary = Pick<
  BenchReport,
  | 'send_cold_vs_httpie_ratio'
  | 'version_vs_node_ratio'
  | 'newman_vs_tandem_ratio'
  | 'bru_vs_tandem_ratio'
  | 'run_vs_engine_per_request_ratio'
  | 'run_per_request_us'
  | 'tandem_run_peak_rss_mb'
  | 'ui_big_shown_ms'
  | 'ui_longest_block_ms'
>;

const NO_SUMMARY: Summary = {
  send_cold_vs_httpie_ratio: null,
  version_vs_node_ratio: null,
  newman_vs_tandem_ratio: null,
  bru_vs_tandem_ratio: null,
  run_vs_engine_per_request_ratio: null,
  run_per_request_us: null,
  tandem_run_peak_rss_mb: null,
  ui_big_shown_ms: null,
  ui_longest_block_ms: null,
};

/** The goal ratios at the top level of the JSON line, taken from the figures that measured them. */
export function summarize(r: Pick<BenchReport, 'cold_start' | 'engine' | 'collection' | 'ui'>): Summary {
  const out: Summary = { ...NO_SUMMARY };
  const finite = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  if (r.cold_start.measured) {
    out.send_cold_vs_httpie_ratio = finite(r.cold_start.send_cold_vs_httpie_ratio);
    out.version_vs_node_ratio = finite(r.cold_start.version_vs_node_ratio);
  }
  if (r.collection.measured) {
    const c = r.collection;
    out.newman_vs_tandem_ratio = finite(c.newman_vs_tandem_ratio);
    out.bru_vs_tandem_ratio = finite(c.bru_vs_tandem_ratio);
    out.tandem_run_peak_rss_mb = finite(c.tandem_run_peak_rss_mb);
    if (c.tandem_in_run_ms !== null)
      out.run_per_request_us = round((c.tandem_in_run_ms * 1000) / c.requests, 0);
    if (out.run_per_request_us !== null && r.engine.measured)
      out.run_vs_engine_per_request_ratio = finite(ratio(out.run_per_request_us, r.engine.tandem_median_us));
  }
  if (r.ui.measured) {
    out.ui_big_shown_ms = finite(r.ui.big_shown_after_response_ms);
    out.ui_longest_block_ms = finite(r.ui.big_longest_block_ms);
  }
  return out;
}

export function reportRows(r: BenchReport): Row[] {
  const rows: Row[] = [];
  const none = (figure: string, f: NotMeasured) =>
    rows.push({
      figure,
      metric: `not measured: ${f.reason}`,
      tandem: '',
      reference: '',
      ratio: '',
      goal: '',
    });
  const s = r.cold_start;
  if (s.measured) {
    const skippedWhy = (k: string) => (s.skipped[k] ? `not measured: ${s.skipped[k]}` : '');
    rows.push({
      figure: '0 cold start',
      metric: `tandem send vs HTTPie http (${s.rounds} rounds)`,
      tandem: fmt(s.tandem_send_ms, 'ms', 0),
      reference: s.httpie_ms === null ? '—' : `${fmt(s.httpie_ms, 'ms', 0)} http`,
      ratio: fmt(s.send_cold_vs_httpie_ratio, '×', 2),
      goal:
        skippedWhy('httpie') ||
        goalText(meets(s.send_cold_vs_httpie_ratio ?? Number.NaN, { max: 0.6 }), '≤ 0.6×'),
    });
    rows.push({
      figure: '',
      metric: 'peak RSS, one send',
      tandem: fmt(s.tandem_send_peak_rss_mb, 'MB', 1),
      reference: s.httpie_peak_rss_mb === null ? '—' : `${fmt(s.httpie_peak_rss_mb, 'MB', 1)} http`,
      ratio: '',
      goal: goalText(meets(s.tandem_send_peak_rss_mb ?? Number.NaN, { max: 60 }), '≤ 60 MB'),
    });
    rows.push({
      figure: '',
      metric: 'tandem send vs curl',
      tandem: fmt(s.tandem_send_ms, 'ms', 0),
      reference:
        s.curl_ms === null ? '—' : `${fmt(s.curl_ms, 'ms', 0)} curl, ${fmt(s.curl_peak_rss_mb, 'MB', 1)}`,
      ratio: fmt(s.send_vs_curl_ratio, '×', 2),
      goal:
        skippedWhy('curl') || (s.cookies_round_tripped ? 'cookies round-tripped' : 'COOKIES NOT SENT BACK'),
    });
    rows.push({
      figure: '',
      metric: 'first send after a build (no code cache)',
      tandem: fmt(s.tandem_send_first_run_ms, 'ms', 0),
      reference: '',
      ratio: '',
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'tandem --version vs node -e 0',
      tandem: `${fmt(s.tandem_version_ms, 'ms', 0)}, ${fmt(s.tandem_version_peak_rss_mb, 'MB', 1)}`,
      reference: `${fmt(s.node_ms, 'ms', 0)}, ${fmt(s.node_peak_rss_mb, 'MB', 1)}`,
      ratio: fmt(s.version_vs_node_ratio, '×', 2),
      goal: goalText(meets(s.version_vs_node_ratio, { max: 1.5 }), '≤ 1.5×'),
    });
  } else none('0 cold start', s);
  const e = r.engine;
  if (e.measured) {
    rows.push({
      figure: '1 engine',
      metric: `median per request (IQR ${e.engine_vs_undici_ratio_iqr.join('–')})`,
      tandem: fmt(e.tandem_median_us, 'µs', 1),
      reference: `${fmt(e.undici_median_us, 'µs', 1)} undici`,
      ratio: fmt(e.engine_vs_undici_ratio, '×', 3),
      goal: goalText(meets(e.engine_vs_undici_ratio, { max: 1.1 }), '≤ 1.10×'),
    });
    rows.push({
      figure: '',
      metric: 'overhead per request (Tandem − undici)',
      tandem: fmt(e.engine_overhead_us, 'µs', 1),
      reference: '',
      ratio: '',
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'p95 per request',
      tandem: fmt(e.tandem_p95_us, 'µs', 1),
      reference: `${fmt(e.undici_p95_us, 'µs', 1)} undici`,
      ratio: fmt(ratio(e.tandem_p95_us, e.undici_p95_us), '×', 3),
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'median vs undici + tough-cookie',
      tandem: fmt(e.tandem_median_us, 'µs', 1),
      reference: `${fmt(e.undici_toughcookie_median_us, 'µs', 1)} u+tc`,
      ratio: fmt(e.engine_vs_undici_toughcookie_ratio, '×', 3),
      goal: e.cookies_round_tripped ? 'cookies round-tripped' : 'COOKIES NOT SENT BACK',
    });
    rows.push({
      figure: '',
      metric: 'median, cookie store off',
      tandem: fmt(e.tandem_nojar_median_us, 'µs', 1),
      reference: `${fmt(e.undici_median_us, 'µs', 1)} undici`,
      ratio: fmt(e.engine_nojar_vs_undici_ratio, '×', 3),
      goal: '',
    });
  } else none('1 engine', e);
  const c = r.collection;
  if (c.measured) {
    rows.push({
      figure: '2 collection',
      metric: `${c.requests} requests, wall`,
      tandem: fmt(c.tandem_wall_ms, 'ms', 0),
      reference: `${fmt(c.newman_wall_ms, 'ms', 0)} newman`,
      ratio: fmt(c.newman_vs_tandem_ratio, '×', 2),
      goal: goalText(meets(c.newman_vs_tandem_ratio, { min: 20 }), 'newman/tandem ≥ 20×'),
    });
    rows.push({
      figure: '',
      metric: `${c.requests} requests, wall`,
      tandem: fmt(c.tandem_wall_ms, 'ms', 0),
      reference: c.bru_wall_ms === null ? '—' : `${fmt(c.bru_wall_ms, 'ms', 0)} bru`,
      ratio: fmt(c.bru_vs_tandem_ratio, '×', 2),
      goal: c.bru_skipped
        ? `not measured: ${c.bru_skipped}`
        : goalText(meets(c.bru_vs_tandem_ratio ?? Number.NaN, { min: 15 }), 'bru/tandem ≥ 15×'),
    });
    rows.push({
      figure: '',
      metric: 'peak RSS',
      tandem: fmt(c.tandem_peak_rss_mb, 'MB', 0),
      reference: `${fmt(c.newman_peak_rss_mb, 'MB', 0)} newman`,
      ratio: fmt(c.newman_vs_tandem_rss_ratio, '×', 2),
      goal: `cookies sent: ${c.tandem_requests_with_cookie} / ${c.newman_requests_with_cookie}${c.bru_requests_with_cookie === null ? '' : ` / ${c.bru_requests_with_cookie} bru`}`,
    });
    rows.push({
      figure: '',
      metric: 'tandem run peak RSS',
      tandem: fmt(c.tandem_run_peak_rss_mb, 'MB', 1),
      reference: c.bru_peak_rss_mb === null ? '' : `${fmt(c.bru_peak_rss_mb, 'MB', 0)} bru`,
      ratio: '',
      goal: goalText(meets(c.tandem_run_peak_rss_mb ?? Number.NaN, { max: 80 }), '≤ 80 MB'),
    });
    rows.push({
      figure: '',
      metric: 'a request in the run vs the engine loop',
      tandem: fmt(r.run_per_request_us, 'µs', 0),
      reference: r.engine.measured ? `${fmt(r.engine.tandem_median_us, 'µs', 0)} engine` : '—',
      ratio: fmt(r.run_vs_engine_per_request_ratio, '×', 2),
      goal: goalText(meets(r.run_vs_engine_per_request_ratio ?? Number.NaN, { max: 1.5 }), '≤ 1.5×'),
    });
    rows.push({
      figure: '',
      metric: 'tandem: requests / start-up+exit',
      tandem: fmt(c.tandem_in_run_ms, 'ms', 0),
      reference: fmt(c.tandem_in_run_ms === null ? null : c.tandem_wall_ms - c.tandem_in_run_ms, 'ms', 0),
      ratio: '',
      goal: '',
    });
  } else none('2 collection', c);
  const p = r.profiles;
  if (p.measured) {
    rows.push({
      figure: '3 profiles',
      metric: `${p.profiles}×${p.requests_per_profile} at c=${p.concurrency}`,
      tandem: fmt(p.multi_requests_per_s, 'req/s', 0),
      reference: `${fmt(p.single_requests_per_s, 'req/s', 0)} 1 profile`,
      ratio: fmt(p.multi_vs_single_profile_ratio, '×', 3),
      goal: `isolation failures ${p.isolation_failures}, errors ${p.errors}`,
    });
  } else none('3 profiles', p);
  const j = r.big_jar;
  if (j.measured) {
    rows.push({
      figure: '4 big jar',
      metric: `Cookie header (${j.cookies} cookies)`,
      tandem: fmt(j.header_median_us, 'µs', 1),
      reference: `${fmt(j.toughcookie_header_median_us, 'µs', 1)} tough-cookie`,
      ratio: fmt(j.header_vs_toughcookie_ratio, '×', 2),
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'store a Set-Cookie',
      tandem: fmt(j.store_median_us, 'µs', 1),
      reference: `${fmt(j.toughcookie_store_median_us, 'µs', 1)} tough-cookie`,
      ratio: fmt(j.store_vs_toughcookie_ratio, '×', 2),
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'save, 1 changed',
      tandem: fmt(j.save_1_changed_ms, 'ms', 2),
      reference: `${fmt(j.serialize_ms, 'ms', 1)} serializeSync`,
      ratio: fmt(j.save_vs_serialize_ratio, '×', 3),
      goal: goalText(meets(j.save_1_changed_ms ?? Number.NaN, { max: 1 }), '≤ 1 ms'),
    });
    rows.push({
      figure: '',
      metric: 'save, 100 changed',
      tandem: fmt(j.save_100_changed_ms, 'ms', 2),
      reference: `${fmt(j.save_1_changed_bytes, 'B', 0)} vs ${fmt(j.save_100_changed_bytes, 'B', 0)} written`,
      ratio: '',
      goal: j.save_note ?? '',
    });
    rows.push({
      figure: '',
      metric: 'load workspace',
      tandem: fmt(j.load_ms, 'ms', 1),
      reference: `${fmt(j.deserialize_ms, 'ms', 1)} tough-cookie rebuild`,
      ratio: fmt(j.load_vs_deserialize_ratio, '×', 2),
      goal: '',
    });
  } else none('4 big jar', j);
  const u = r.ui;
  if (u.measured) {
    rows.push({
      figure: '5 UI',
      metric: `${u.big_mb} MB response shown`,
      tandem: fmt(u.big_shown_ms, 'ms', 0),
      reference: `${fmt(u.small_shown_ms, 'ms', 0)} (${u.small_kb} KB)`,
      ratio: fmt(u.big_vs_small_ratio, '×', 2),
      goal: '',
    });
    rows.push({
      figure: '',
      metric: `${u.big_mb} MB shown after the answer arrived`,
      tandem: fmt(u.big_shown_after_response_ms, 'ms', 0),
      reference: `${fmt(u.small_shown_after_response_ms, 'ms', 0)} (${u.small_kb} KB)`,
      ratio: '',
      goal: goalText(meets(u.big_shown_after_response_ms, { max: 500 }), '≤ 500 ms'),
    });
    rows.push({
      figure: '',
      metric: 'longest main-thread block',
      tandem: fmt(u.big_longest_block_ms, 'ms', 0),
      reference: `${fmt(u.small_longest_block_ms, 'ms', 0)}`,
      ratio: '',
      goal: goalText(meets(u.big_longest_block_ms, { max: 100 }), '≤ 100 ms'),
    });
    if (u.huge_mb !== null)
      rows.push({
        figure: '',
        metric: `${u.huge_mb} MB: shown after click / after answer`,
        tandem: `${fmt(u.huge_shown_ms, 'ms', 0)} / ${fmt(u.huge_shown_after_response_ms, 'ms', 0)}`,
        reference: `page heap ${fmt(u.huge_page_heap_mb, 'MB', 0)}, block ${fmt(u.huge_longest_block_ms, 'ms', 0)}`,
        ratio: '',
        goal: `${goalText(meets(u.huge_shown_after_response_ms ?? Number.NaN, { max: 1000 }), 'first screen ≤ 1 s')}; save ${u.huge_save_offered ? 'offered ✓' : 'NOT offered ✗'}`,
      });
    rows.push({
      figure: '',
      metric: 'longest frame gap (cross-check)',
      tandem: fmt(u.big_max_frame_gap_ms, 'ms', 0),
      reference: `${fmt(u.small_max_frame_gap_ms, 'ms', 0)}`,
      ratio: '',
      goal: '',
    });
    rows.push({
      figure: '',
      metric: 'of which: API answered',
      tandem: fmt(u.big_api_ms, 'ms', 0),
      reference: `${fmt(u.small_api_ms, 'ms', 0)}`,
      ratio: '',
      goal: '',
    });
  } else none('5 UI', u);
  return rows;
}

export async function runBench(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.only) {
    const bad = args.only.filter((o) => !(FIGURES as readonly string[]).includes(o));
    if (bad.length) {
      process.stderr.write(`bench: unknown figure ${bad.join(', ')}: use ${FIGURES.join(', ')}\n`);
      return 2;
    }
  }
  // Benchmarks only talk to loopback: never route them through a proxy from the environment.
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy'])
    delete process.env[k];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const opts = { quick: args.quick };
  const server = await startBenchServer();
  let report: BenchReport;
  try {
    report = {
      cold_start: await measure('cold', args, log, () => benchColdStart(server.url, opts)),
      engine: await measure('engine', args, log, () => benchEngine(server.url, opts)),
      collection: await measure('collection', args, log, () => benchCollection(server.url, opts)),
      profiles: await measure('profiles', args, log, () => benchProfiles(server.url, opts)),
      big_jar: await measure('jar', args, log, () => benchBigJar(opts)),
      ui: await measure('ui', args, log, () => benchUi(server.url, opts)),
      ...NO_SUMMARY,
      quick: args.quick,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      node: process.version,
      date: new Date().toISOString(),
    };
  } finally {
    await server.close();
  }
  Object.assign(report, summarize(report));
  process.stdout.write(
    `\nTandem benchmarks${args.quick ? ' (quick)' : ''} — ${report.cpu}, ${report.cores} cores, Node ${report.node}\n`,
  );
  process.stdout.write(`${formatTable(reportRows(report))}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}
