import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createTandem } from '../../main/core/tandem';
import { sampleWorkspace } from '../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../main/demo/server';

/**
 * The `tandem` command as users run it: bin/tandem.js, which loads the built bundle
 * (`npm run build`) through its code cache. TANDEM_CLI may point at another build of main/cli/index.ts.
 */
export const CLI = process.env.TANDEM_CLI ?? resolve(__dirname, '../../bin/tandem.js');

export function assertBuilt(): void {
  const built = process.env.TANDEM_CLI ?? resolve(__dirname, '../../out/cli/cli.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build before the CLI tests`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment for a CLI child: HOME and TANDEM_HOME inside `home` (a temp dir), no colours. */
export function cliEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TANDEM_HOME: join(home, 'tandem-home'),
    NO_COLOR: '1',
    ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
  };
}

/** One real `tandem` process on its own workspace; HOME and TANDEM_HOME point into temp dirs, never the real home. */
export function tandem(
  dataDir: string,
  args: string[],
  opts: { cwd?: string; home?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const home = opts.home ?? join(dataDir, '..', 'home');
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, '--data-dir', dataDir, ...args],
      {
        cwd: opts.cwd ?? join(dataDir, '..'),
        env: { ...cliEnv(home), ...opts.env },
        timeout: 15_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** A temp folder holding `data/` (the workspace) and `home/`; remove() deletes it all. */
export async function tempWorkspace(): Promise<{ root: string; dataDir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
  return {
    root,
    dataDir: join(root, 'data'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export type TempWorkspace = Awaited<ReturnType<typeof tempWorkspace>>;

/**
 * A temp workspace seeded as the app's first run (alice, bob, anonymous, the "Demo API"
 * collection) against a demo API started for it. Close the demo and remove the workspace after.
 */
export async function seededWorkspace(): Promise<{ ws: TempWorkspace; demo: DemoServer }> {
  assertBuilt();
  const ws = await tempWorkspace();
  const demo = await startDemoServer();
  const core = await createTandem({
    dataDir: ws.dataDir,
    host: 'cli',
    seedSample: sampleWorkspace,
    demoUrl: demo.url,
  });
  await core.close();
  return { ws, demo };
}

/** Hash of every path (files and folders) and file content under `dir`: equal hashes = nothing changed. */
export async function snapshot(dir: string): Promise<string> {
  const hash = createHash('sha256');
  async function walk(d: string): Promise<void> {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(d, e.name);
      hash.update(`${relative(dir, p)}\0${e.isDirectory() ? 'd' : 'f'}\0`);
      if (e.isDirectory()) await walk(p);
      else hash.update(await readFile(p));
    }
  }
  if (existsSync(dir) && (await stat(dir)).isDirectory()) await walk(dir);
  else hash.update('<absent>');
  return hash.digest('hex');
}

export function parseJson<T = unknown>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}, stderr ${run.stderr.trim()}): ${run.stdout}`);
  }
}
