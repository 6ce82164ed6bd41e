/**
 * Run-path cost harness (not a figure, not a test): the same N-request collection (a cookie set
 * on every response and sent on the next) through (a) the engine's warm `send()` loop and (b) the
 * core's `collections.run` (through the contract, as the CLI calls it), in ONE process, alternating
 * rounds. Reports CPU time per request (`process.cpuUsage()`, user + sys: load-independent) and
 * the ratio run ÷ engine. Built and started by bench/runcost.mjs; `--n=1000 --rounds=5 [--only=engine|run]`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localBridge } from '../main/contract/local';
import { ProfileJar } from '../main/core/cookies/jar';
import { closeDispatchers, send } from '../main/core/http/send';
import { createTandem } from '../main/core/tandem';
import { tandemCollection } from './collection';
import { defaultSettings, makeProfile } from './fixtures';
import { startBenchServer } from './proc';
import { median, round } from './stats';

function arg(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

const SETTLE_MS = 150;

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

export async function main(): Promise<void> {
  const n = arg('n', 1000);
  const rounds = arg('rounds', 5);
  const only = process.argv.find((x) => x.startsWith('--only='))?.slice(7);
  const server = await startBenchServer();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-runcost-'));
  const core = await createTandem({ dataDir, host: 'cli' });
  const bridge = localBridge(core);
  const collection = tandemCollection(server.url, n);
  const profile = makeProfile('bench');
  const settings = defaultSettings();
  const jar = new ProfileJar();
  let k = 0;
  const engine = async () => {
    for (let i = 0; i < n; i++) {
      const res = await send(
        { method: 'GET', url: `${server.url}/json?i=${++k}`, headers: [], body: { type: 'none' } },
        { profile, jar, settings },
      );
      if (res.status !== 200) throw new Error(`engine got ${res.status}`);
    }
  };
  // A fresh copy for each run (as the CLI parses one from the file), made outside the measurement.
  let copy = JSON.parse(JSON.stringify(collection));
  const run = async () => {
    const c = copy;
    const r = await bridge.invoke('collections.run', { collection: c, profiles: ['default'] });
    if (!r.ok) throw new Error(r.error.message);
    if (r.value.summary.responses !== n) throw new Error(`run got ${r.value.summary.responses} responses`);
  };
  // CPU is counted until SETTLE_MS after the call returns, so work done behind (the run's history
  // entry, redacted and written through the write queue) is counted too; the engine gets the same.
  const measure = async (fn: () => Promise<void>) => {
    const c0 = cpuUs();
    const t0 = performance.now();
    await fn();
    const wall = ((performance.now() - t0) * 1000) / n;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const cpu = (cpuUs() - c0) / n;
    copy = JSON.parse(JSON.stringify(collection));
    return { cpu, wall };
  };
  const cold: { engine?: { cpu: number; wall: number }; run?: { cpu: number; wall: number } } = {};
  const res = { engine: [] as { cpu: number; wall: number }[], run: [] as { cpu: number; wall: number }[] };
  try {
    // The first call of each (in a fresh process: cold code, as in a CLI process) is reported apart.
    if (only !== 'run') cold.engine = await measure(engine);
    if (only !== 'engine') cold.run = await measure(run);
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? (['run', 'engine'] as const) : (['engine', 'run'] as const);
      for (const w of order) {
        if (only && only !== w) continue;
        res[w].push(await measure(w === 'engine' ? engine : run));
      }
    }
  } finally {
    await core.close();
    await closeDispatchers();
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  const m = (v: { cpu: number; wall: number }[], key: 'cpu' | 'wall') =>
    v.length ? round(median(v.map((x) => x[key])), 1) : null;
  const out = {
    n,
    rounds,
    engine_cpu_us_per_request: m(res.engine, 'cpu'),
    run_cpu_us_per_request: m(res.run, 'cpu'),
    engine_wall_us_per_request: m(res.engine, 'wall'),
    run_wall_us_per_request: m(res.run, 'wall'),
    run_vs_engine_cpu_ratio:
      res.engine.length && res.run.length
        ? round((m(res.run, 'cpu') ?? 0) / (m(res.engine, 'cpu') ?? 1), 2)
        : null,
    cold_engine_cpu_us_per_request: cold.engine ? round(cold.engine.cpu, 1) : null,
    cold_run_cpu_us_per_request: cold.run ? round(cold.run.cpu, 1) : null,
    rounds_cpu: { engine: res.engine.map((x) => round(x.cpu, 0)), run: res.run.map((x) => round(x.cpu, 0)) },
    load: os.loadavg().map((x) => round(x, 1)),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
