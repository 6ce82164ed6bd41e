import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { assertBuilt, cliEnv, type Run } from './helpers';

// How the `tandem` command starts: bin/tandem.js answers --version and --help itself, the CLI is
// one bundle (plus the chunks it loads on demand) with no package resolved at run time, and the
// code cache is written, reused and never changes what a command prints.

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'tandem.js');
const BUNDLE = join(ROOT, 'out', 'cli', 'cli.js');

let home = '';

beforeAll(async () => {
  assertBuilt();
  home = await mkdtemp(join(tmpdir(), 'tandem-startup-'));
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

function node(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: home, env: { ...cliEnv(home), ...env }, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

describe('tandem --version and --help (answered before the CLI loads)', () => {
  it('prints the package version, as the CLI itself does', async () => {
    const fast = await node([BIN, '--version']);
    const short = await node([BIN, '-V']);
    const full = await node([BUNDLE, '--version']);
    expect(fast).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    expect(short.stdout).toBe(fast.stdout);
    expect(full.stdout).toBe(fast.stdout);
  });

  it('prints the same help as the CLI, with or without --help', async () => {
    const full = await node([BUNDLE, '--help']);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain('Usage: tandem');
    for (const args of [['--help'], ['-h'], []]) {
      const fast = await node([BIN, ...args]);
      expect(fast).toEqual({ code: 0, stdout: full.stdout, stderr: '' });
    }
  });

  it('leaves everything else to the CLI: a subcommand help, an unknown option', async () => {
    const sendHelp = await node([BIN, 'send', '--help']);
    expect(sendHelp.code).toBe(0);
    expect(sendHelp.stdout).toContain('Usage: tandem send');
    const bad = await node([BIN, '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the CLI bundle', () => {
  it('runs from a folder with no node_modules anywhere above it: no package is resolved at run time', async () => {
    const dir = join(ROOT, 'out', 'cli');
    const files = readdirSync(dir).filter(
      (f) => f === 'cli.js' || (f.startsWith('cli-') && f.endsWith('.js')),
    );
    expect(files).toContain('cli.js');
    const alone = join(home, 'alone');
    await mkdir(alone);
    for (const f of files) await copyFile(join(dir, f), join(alone, f));
    const data = join(home, 'alone-data');
    const added = await node([join(alone, 'cli.js'), '--data-dir', data, 'profiles', 'create', 'alice']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const listed = await node([join(alone, 'cli.js'), '--data-dir', data, 'profiles', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('alice');
  });
});

describe('the CLI bundle is ASCII', () => {
  it('every file escapes its non-ASCII text, so V8 keeps its source at one byte per character', () => {
    const dir = join(ROOT, 'out', 'cli');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const at = text.search(/[\u0080-\u{10ffff}]/u);
      expect(at === -1 ? f : `${f}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe(f);
    }
  });
});

describe('the code cache', () => {
  it('is written on the first run, used on the next, and changes no output', async () => {
    const cache = join(home, 'code-cache');
    const noCache = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: 'off' });
    expect(noCache.code).toBe(0);
    const first = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    const written = (await readdir(cache)).filter((f) => f.endsWith('.bin'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.some((f) => f.startsWith('cli-'))).toBe(true);
    const second = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    expect((await readdir(cache)).filter((f) => f.endsWith('.bin')).sort()).toEqual(written.sort());
    expect(first).toEqual(noCache);
    expect(second).toEqual(noCache);
  });

  it('survives a damaged cache file: V8 rejects it and the command still works', async () => {
    const cache = join(home, 'damaged-cache');
    await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    for (const f of await readdir(cache)) await writeFile(join(cache, f), 'not a code cache');
    const run = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('default');
  });
});
