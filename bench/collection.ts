/**
 * Figure 2 — a collection run as a whole CLI process: the same N-request collection (every
 * response sets a cookie, every next request must send it) through `tandem run` and through
 * `newman run`, each a fresh process, in the same run. Wall time and peak RSS of each process.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collection } from '../main/shared/types';
import { findOnPath, measureProcess, type ProcessRun, ROOT } from './proc';
import { median, ratio, rotate, round } from './stats';

export interface CollectionFigure {
  requests: number;
  rounds: number;
  tandem_wall_ms: number;
  tandem_peak_rss_mb: number | null;
  /** What `tandem run --json` reports as its own duration (the requests); the rest of the wall time is start-up and exit. */
  tandem_in_run_ms: number | null;
  newman_wall_ms: number;
  newman_peak_rss_mb: number | null;
  /** newman wall time ÷ tandem wall time (goal ≥ 10). */
  newman_vs_tandem_ratio: number;
  newman_vs_tandem_rss_ratio: number;
  /** Requests the server saw carrying a Cookie header, per process (should be N − 1). */
  tandem_requests_with_cookie: number;
  newman_requests_with_cookie: number;
  /** Bruno's CLI (`bru run`) on the same requests as a .bru collection; null when bru is not installed. */
  bru_wall_ms: number | null;
  bru_peak_rss_mb: number | null;
  /** bru wall time ÷ tandem wall time (goal ≥ 15). */
  bru_vs_tandem_ratio: number | null;
  bru_requests_with_cookie: number | null;
  /** Why bru was not measured. */
  bru_skipped?: string;
  /** Peak RSS of `tandem run` (goal ≤ 80 MB). */
  tandem_run_peak_rss_mb: number | null;
  rss_source: string;
}

export function tandemCollection(base: string, n: number): Collection {
  return {
    id: 'bench-collection',
    name: 'bench collection',
    folders: [],
    requests: Array.from({ length: n }, (_, k) => ({
      id: `r${k + 1}`,
      name: `request ${k + 1}`,
      folder: '',
      request: {
        method: 'GET',
        url: `${base}/json?i=${k + 1}`,
        headers: [],
        body: { type: 'none' as const },
      },
    })),
  };
}

/** The same collection as Postman v2.1, for newman. */
export function postmanCollection(base: string, n: number): unknown {
  return {
    info: {
      name: 'bench collection',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: Array.from({ length: n }, (_, k) => ({
      name: `request ${k + 1}`,
      request: { method: 'GET', header: [], url: `${base}/json?i=${k + 1}` },
    })),
  };
}

/**
 * The same collection for Bruno: `bruno.json` and one `.bru` file per request, in order (`seq`).
 * Returns file name → content.
 */
export function brunoCollection(base: string, n: number): Record<string, string> {
  const files: Record<string, string> = {
    'bruno.json': `${JSON.stringify({ version: '1', name: 'bench collection', type: 'collection' }, null, 2)}\n`,
  };
  for (let k = 1; k <= n; k++) {
    files[`request-${String(k).padStart(5, '0')}.bru`] = [
      'meta {',
      `  name: request ${k}`,
      '  type: http',
      `  seq: ${k}`,
      '}',
      '',
      'get {',
      `  url: ${base}/json?i=${k}`,
      '  body: none',
      '  auth: none',
      '}',
      '',
    ].join('\n');
  }
  return files;
}

/** Bruno's CLI: TANDEM_BENCH_BRU, else `bru` in node_modules/.bin, else on PATH; null when none. */
export function bruCli(): string | null {
  if (process.env.TANDEM_BENCH_BRU) return path.resolve(process.env.TANDEM_BENCH_BRU);
  const local = path.join(ROOT, 'node_modules', '.bin', 'bru');
  return existsSync(local) ? local : findOnPath('bru');
}

export async function serverStats(
  base: string,
  reset: boolean,
): Promise<{ requests: number; withCookie: number }> {
  const res = await fetch(`${base}/stats${reset ? '?reset=1' : ''}`);
  return (await res.json()) as { requests: number; withCookie: number };
}

/** The `tandem` command the figures run: TANDEM_BENCH_CLI when set (to compare two builds), else bin/tandem.js. */
export function tandemCli(): string {
  if (process.env.TANDEM_BENCH_CLI) return path.resolve(process.env.TANDEM_BENCH_CLI);
  const bin = path.join(ROOT, 'bin', 'tandem.js');
  return existsSync(bin) ? bin : path.join(ROOT, 'out', 'cli', 'cli.js');
}

function check(run: ProcessRun, who: string): void {
  if (run.exitCode !== 0) {
    const why = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-1)[0] ?? '';
    throw new Error(`${who} exited with ${run.exitCode}: ${why}`);
  }
}

/** Median of the `durationMs` that `tandem run --json` printed, when it printed one. */
function inRun(runs: ProcessRun[]): number | null {
  const v: number[] = [];
  for (const r of runs) {
    try {
      const d = (JSON.parse(r.stdout) as { durationMs?: unknown }).durationMs;
      if (typeof d === 'number') v.push(d);
    } catch {
      // not JSON: nothing to add
    }
  }
  return v.length ? round(median(v), 0) : null;
}

export async function benchCollection(base: string, opts: { quick: boolean }): Promise<CollectionFigure> {
  const n = opts.quick ? 200 : 1000;
  const rounds = opts.quick ? 1 : 2;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-bench-collection-'));
  const tandemFile = path.join(dir, 'collection.tandem.json');
  const postmanFile = path.join(dir, 'collection.postman.json');
  await fs.writeFile(tandemFile, JSON.stringify(tandemCollection(base, n)));
  await fs.writeFile(postmanFile, JSON.stringify(postmanCollection(base, n)));
  const bru = bruCli();
  const brunoDir = path.join(dir, 'bruno');
  if (bru) {
    await fs.mkdir(brunoDir);
    for (const [name, text] of Object.entries(brunoCollection(base, n)))
      await fs.writeFile(path.join(brunoDir, name), text);
  }
  const newman = path.join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js');
  const timeoutMs = opts.quick ? 60_000 : 120_000;
  const tandem: ProcessRun[] = [];
  const newmans: ProcessRun[] = [];
  let tandemCookies = 0;
  let newmanCookies = 0;
  const brus: ProcessRun[] = [];
  let bruCookies: number | null = null;
  try {
    for (let r = 0; r < rounds; r++) {
      const order = rotate(bru ? ['tandem', 'newman', 'bru'] : ['tandem', 'newman'], r);
      for (const who of order) {
        await serverStats(base, true);
        if (who === 'tandem') {
          const home = await fs.mkdtemp(path.join(dir, 'home-'));
          const run = await measureProcess(
            process.execPath,
            [tandemCli(), '--data-dir', home, 'run', tandemFile, '--json'],
            { env: { ...process.env, TANDEM_HOME: home, NO_COLOR: '1' }, timeoutMs },
          );
          check(run, 'tandem run');
          tandem.push(run);
        } else if (who === 'bru' && bru) {
          const run = await measureProcess(bru, ['run'], {
            cwd: brunoDir,
            env: { ...process.env, NO_COLOR: '1' },
            timeoutMs: timeoutMs * 2,
          });
          check(run, 'bru run');
          brus.push(run);
        } else {
          const run = await measureProcess(process.execPath, [newman, 'run', postmanFile], {
            env: { ...process.env, NO_COLOR: '1' },
            timeoutMs,
          });
          check(run, 'newman run');
          newmans.push(run);
        }
        const s = await serverStats(base, false);
        if (s.requests !== n) throw new Error(`${who} sent ${s.requests} requests, expected ${n}`);
        if (who === 'tandem') tandemCookies = s.withCookie;
        else if (who === 'bru') bruCookies = s.withCookie;
        else newmanCookies = s.withCookie;
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const wall = (runs: ProcessRun[]) => median(runs.map((x) => x.wallMs));
  const rss = (runs: ProcessRun[]) => {
    const v = runs.map((x) => x.peakRssMb).filter((x): x is number => x !== null);
    return v.length ? round(median(v), 1) : null;
  };
  const tRss = rss(tandem);
  const nRss = rss(newmans);
  const bRss = rss(brus);
  return {
    requests: n,
    rounds,
    tandem_wall_ms: round(wall(tandem), 0),
    tandem_peak_rss_mb: tRss,
    tandem_in_run_ms: inRun(tandem),
    newman_wall_ms: round(wall(newmans), 0),
    newman_peak_rss_mb: nRss,
    newman_vs_tandem_ratio: ratio(wall(newmans), wall(tandem)),
    newman_vs_tandem_rss_ratio: tRss && nRss ? ratio(nRss, tRss) : Number.NaN,
    tandem_requests_with_cookie: tandemCookies,
    newman_requests_with_cookie: newmanCookies,
    bru_wall_ms: brus.length ? round(wall(brus), 0) : null,
    bru_peak_rss_mb: bRss,
    bru_vs_tandem_ratio: brus.length ? ratio(wall(brus), wall(tandem)) : null,
    bru_requests_with_cookie: bruCookies,
    ...(bru
      ? {}
      : {
          bru_skipped: 'Bruno CLI (`bru`) not found: npm install -g @usebruno/cli, or set TANDEM_BENCH_BRU',
        }),
    tandem_run_peak_rss_mb: tRss,
    rss_source: tandem[0]?.rssSource ?? 'none',
  };
}
