import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Runs the README's shell blocks the way a reader would: every line verbatim, in order, in one
 * working directory and one data directory. `npx tandem …` and `tandem …` run this checkout's
 * CLI (a two-line shim on PATH, so nothing is fetched from a registry and files like alice.txt
 * land in the temp directory, not the checkout). Lines ending in `&` start real background
 * processes, which are stopped (by their own process group) at the end.
 */

export interface ReadmeLine {
  /** 1-based line number in README.md. */
  lineNo: number;
  text: string;
  background: boolean;
}

export interface LineRun {
  line: ReadmeLine;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The lines of every ```sh / ```bash block. Comments and blank lines are dropped; `npm …` lines
 * (install, start, test, run web) are the project's own lifecycle, which CI runs itself, so they
 * are left out here; everything else is run.
 */
export function readmeCommands(markdown: string): ReadmeLine[] {
  const out: ReadmeLine[] = [];
  let inBlock = false;
  markdown.split('\n').forEach((raw, i) => {
    const fence = raw.match(/^```\s*(\w*)/);
    if (fence) {
      inBlock = !inBlock && ['sh', 'bash', 'shell', 'console'].includes(fence[1]);
      return;
    }
    if (!inBlock) return;
    const text = raw.trim();
    if (text === '' || text.startsWith('#') || /^npm\s/.test(text)) return;
    const code = stripComment(text);
    out.push({ lineNo: i + 1, text, background: /&\s*$/.test(code) && !/&&\s*$/.test(code) });
  });
  return out;
}

/** The command without its trailing `# comment` (quotes respected). */
export function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line;
}

/**
 * Expected output written as a trailing comment that is itself JSON-like, `# {"user": "alice", ...}`
 * → `"user": "alice"`. Other comments (prose that happens to quote a field) promise nothing.
 */
export function expectedPairs(line: string): Array<[string, string]> {
  const comment = line.slice(stripComment(line).length).replace(/^\s*#\s*/, '');
  if (!comment.startsWith('{')) return [];
  return [...comment.matchAll(/"(\w+)":\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

export interface ReadmeSession {
  run(line: ReadmeLine): Promise<LineRun>;
  /** Stops every background process started by a line. */
  close(): Promise<void>;
}

export async function readmeSession(opts: {
  projectDir: string;
  workDir: string;
  dataDir: string;
  /** Extra environment (HOME etc.). */
  env: Record<string, string>;
  /** Runs each line through this (e.g. inside a private network namespace, see ./netns.ts). */
  wrap?: (command: string, args: string[]) => [string, string[]];
}): Promise<ReadmeSession> {
  const bin = join(opts.workDir, '.shim');
  await mkdir(bin, { recursive: true });
  const cli = join(opts.projectDir, 'bin', 'tandem.js');
  await writeFile(
    join(bin, 'npx'),
    `#!/bin/sh\nif [ "$1" = tandem ]; then shift; exec "${process.execPath}" "${cli}" "$@"; fi\necho "README test: only 'npx tandem' runs here" >&2\nexit 97\n`,
  );
  await writeFile(join(bin, 'tandem'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  await chmod(join(bin, 'npx'), 0o755);
  await chmod(join(bin, 'tandem'), 0o755);
  const env = {
    ...opts.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    TANDEM_HOME: opts.dataDir,
    NO_COLOR: '1',
  };
  const background: ChildProcess[] = [];

  const run = (line: ReadmeLine): Promise<LineRun> =>
    new Promise((done) => {
      const command = line.background ? stripComment(line.text).replace(/&\s*$/, '') : line.text;
      const [file, args] = opts.wrap ? opts.wrap('bash', ['-c', command]) : ['bash', ['-c', command]];
      const child = spawn(file, args, {
        cwd: opts.workDir,
        env,
        detached: line.background,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d) => {
        stdout += d;
        // A background line is ready once it has said something (the demo prints its URL).
        if (line.background) done({ line, code: 0, stdout, stderr });
      });
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      if (line.background) background.push(child);
      child.on('close', (code) => done({ line, code, stdout, stderr }));
    });

  return {
    run,
    async close() {
      for (const child of background) {
        if (child.exitCode !== null || child.pid === undefined) continue;
        const gone = new Promise((r) => child.once('close', r));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          continue;
        }
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      }
    },
  };
}

export const readReadme = (projectDir: string) => readFile(join(projectDir, 'README.md'), 'utf8');
