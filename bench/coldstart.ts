/**
 * Figure 0 — cold start: what a user waits for when they type one command. Each contender is a
 * fresh process, rotated through the same rounds after a warm-up:
 *   - `tandem send URL` (bin/tandem.js, its own workspace; the jar keeps the cookie between
 *     processes, so from the second send on every request must carry it),
 *   - HTTPie `http URL` and `curl -s URL` on the same request (skipped, with the reason, when
 *     they are not installed),
 *   - `tandem --version` against `node -e 0` (Node's own start-up, the floor for any Node CLI).
 * Wall time and peak RSS (`/usr/bin/time -v`, else VmHWM) per process; the ratios are medians of
 * per-round ratios, so load that drifts during the run moves both sides alike.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverStats, tandemCli } from './collection';
import { findOnPath, measureProcess, type ProcessRun } from './proc';
import { median, ratio, rotate, round } from './stats';

export interface ColdStartFigure {
  rounds: number;
  tandem_send_ms: number;
  tandem_send_peak_rss_mb: number | null;
  /** The first send after a build: no code cache yet (it is written by this run). */
  tandem_send_first_run_ms: number;
  httpie_ms: number | null;
  httpie_peak_rss_mb: number | null;
  curl_ms: number | null;
  curl_peak_rss_mb: number | null;
  tandem_version_ms: number;
  tandem_version_peak_rss_mb: number | null;
  node_ms: number;
  node_peak_rss_mb: number | null;
  /** tandem send ÷ http, median of per-round ratios (goal ≤ 0.6). */
  send_cold_vs_httpie_ratio: number | null;
  send_vs_curl_ratio: number | null;
  /** tandem --version ÷ node -e 0 (goal ≤ 1.5). */
  version_vs_node_ratio: number;
  /** Every tandem send after the first carried the cookie the previous one was given. */
  cookies_round_tripped: boolean;
  /** Why a contender was not measured. */
  skipped: Record<string, string>;
}

type Who = 'tandem' | 'httpie' | 'curl' | 'version' | 'node';

export async function benchColdStart(base: string, opts: { quick: boolean }): Promise<ColdStartFigure> {
  const rounds = opts.quick ? 5 : 11;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-bench-cold-'));
  const home = path.join(dir, 'home');
  const cache = path.join(dir, 'code-cache');
  const cli = tandemCli();
  const http = findOnPath('http');
  const curl = findOnPath('curl');
  const skipped: Record<string, string> = {};
  if (!http) skipped.httpie = 'HTTPie (`http`) is not on PATH (Debian: apt-get install httpie)';
  if (!curl) skipped.curl = '`curl` is not on PATH';
  const env = { ...process.env, TANDEM_HOME: home, TANDEM_CODE_CACHE: cache, NO_COLOR: '1' };
  const timeoutMs = 30_000;
  const url = (i: number) => `${base}/json?i=${i}`;
  let sendNo = 0;
  let cookiesOk = true;

  const commands: Record<Who, (() => Promise<ProcessRun>) | null> = {
    tandem: async () => {
      sendNo++;
      await serverStats(base, true);
      const run = await measureProcess(process.execPath, [cli, '--data-dir', home, 'send', url(sendNo)], {
        env,
        timeoutMs,
      });
      const s = await serverStats(base, false);
      if (s.requests !== 1) throw new Error(`tandem send sent ${s.requests} requests, expected 1`);
      if (sendNo > 1 && s.withCookie !== 1) cookiesOk = false;
      return run;
    },
    httpie: http ? () => measureProcess(http, [url(0)], { env, timeoutMs }) : null,
    curl: curl ? () => measureProcess(curl, ['-s', url(0)], { env, timeoutMs }) : null,
    version: () => measureProcess(process.execPath, [cli, '--version'], { env, timeoutMs }),
    node: () => measureProcess(process.execPath, ['-e', '0'], { env, timeoutMs }),
  };
  const who = (Object.keys(commands) as Who[]).filter((w) => commands[w]);
  const runs: Record<Who, ProcessRun[]> = { tandem: [], httpie: [], curl: [], version: [], node: [] };
  let first: ProcessRun;
  try {
    // The first send after a build writes the code cache: measured once, as context.
    first = await commands.tandem!();
    check(first, 'tandem send');
    for (const w of who) check(await commands[w]!(), w); // warm-up (file cache, Python's .pyc)
    for (let r = 0; r < rounds; r++) {
      for (const w of rotate(who, r)) {
        const run = await commands[w]!();
        check(run, w);
        runs[w].push(run);
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const wall = (w: Who) => (runs[w].length ? round(median(runs[w].map((x) => x.wallMs)), 0) : null);
  const rss = (w: Who) => {
    const v = runs[w].map((x) => x.peakRssMb).filter((x): x is number => x !== null);
    return v.length ? round(median(v), 1) : null;
  };
  const perRound = (a: Who, b: Who) =>
    runs[a].length && runs[b].length
      ? ratio(median(runs[a].map((x, i) => x.wallMs / (runs[b][i]?.wallMs ?? Number.NaN))), 1)
      : null;
  return {
    rounds,
    tandem_send_ms: wall('tandem') ?? Number.NaN,
    tandem_send_peak_rss_mb: rss('tandem'),
    tandem_send_first_run_ms: round(first.wallMs, 0),
    httpie_ms: wall('httpie'),
    httpie_peak_rss_mb: rss('httpie'),
    curl_ms: wall('curl'),
    curl_peak_rss_mb: rss('curl'),
    tandem_version_ms: wall('version') ?? Number.NaN,
    tandem_version_peak_rss_mb: rss('version'),
    node_ms: wall('node') ?? Number.NaN,
    node_peak_rss_mb: rss('node'),
    send_cold_vs_httpie_ratio: perRound('tandem', 'httpie'),
    send_vs_curl_ratio: perRound('tandem', 'curl'),
    version_vs_node_ratio: perRound('version', 'node') ?? Number.NaN,
    cookies_round_tripped: cookiesOk,
    skipped,
  };
}

function check(run: ProcessRun, who: string): void {
  if (run.exitCode !== 0) {
    const why = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-1)[0] ?? '';
    throw new Error(`${who} exited with ${run.exitCode}: ${why}`);
  }
}
