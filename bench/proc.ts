import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, promises as fs, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseTimeVerbose, parseVmHwm } from './stats';

/** The project root: out/main/bench.js lives two levels below it. */
export const ROOT = path.resolve(__dirname, '..', '..');

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/** Starts bench/server.mjs in its own process and waits for its port. */
export async function startBenchServer(): Promise<BenchServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'server.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('bench server did not start within 10 s')), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve((JSON.parse(buf.slice(0, nl)) as { port: number }).port);
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}

export interface ProcessRun {
  wallMs: number;
  peakRssMb: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** How peak RSS was measured. */
  rssSource: 'time -v' | 'VmHWM' | 'none';
}

const TIME = '/usr/bin/time';

/**
 * Runs a command to completion and measures its wall time and peak RSS: with
 * `/usr/bin/time -v` when present, else by polling /proc/<pid>/status VmHWM.
 * Killed after `timeoutMs`.
 */
export async function measureProcess(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcessRun> {
  const useTime = existsSync(TIME);
  const timeOut = path.join(os.tmpdir(), `tandem-bench-time-${process.pid}-${Date.now()}.txt`);
  const argv = useTime ? ['-v', '-o', timeOut, cmd, ...args] : args;
  const started = performance.now();
  const child = spawn(useTime ? TIME : cmd, argv, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let hwm: number | null = null;
  const poll = useTime
    ? null
    : setInterval(() => {
        fs.readFile(`/proc/${child.pid}/status`, 'utf8').then(
          (s) => {
            const v = parseVmHwm(s);
            if (v !== null) hwm = Math.max(hwm ?? 0, v);
          },
          () => {},
        );
      }, 20);
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - started;
  clearTimeout(killer);
  if (poll) clearInterval(poll);
  let peakRssMb: number | null = hwm as number | null;
  let code = exitCode;
  if (useTime) {
    const text = await fs.readFile(timeOut, 'utf8').catch(() => '');
    await fs.rm(timeOut, { force: true });
    const parsed = parseTimeVerbose(text);
    peakRssMb = parsed.peakRssMb;
    if (parsed.exitStatus !== null) code = parsed.exitStatus;
  }
  return {
    wallMs,
    peakRssMb,
    exitCode: code,
    stdout,
    stderr,
    rssSource: useTime ? 'time -v' : peakRssMb === null ? 'none' : 'VmHWM',
  };
}

/** The full path of an executable named `name` on `searchPath` (PATH by default), or null. */
export function findOnPath(name: string, searchPath = process.env.PATH ?? ''): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}
