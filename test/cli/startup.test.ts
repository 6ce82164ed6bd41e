import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

/** Every cache file under `dir` (one folder per V8 tuning), as "tuning/file" → its modification time. */
async function cacheFiles(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const tuning of await readdir(dir))
    for (const f of await readdir(join(dir, tuning)))
      if (f.endsWith('.bin')) out.set(`${tuning}/${f}`, (await stat(join(dir, tuning, f))).mtimeMs);
  return out;
}

describe('the code cache', () => {
  it('is written on the first run, used on the next, and changes no output', async () => {
    const cache = join(home, 'code-cache');
    const noCache = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: 'off' });
    expect(noCache.code).toBe(0);
    const first = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    const written = await cacheFiles(cache);
    expect(written.size).toBeGreaterThan(0);
    expect([...written.keys()].some((f) => f.includes('/cli-'))).toBe(true);
    const second = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    // Used, not rebuilt: V8 accepted every file, so none was written again.
    expect(await cacheFiles(cache)).toEqual(written);
    expect(first).toEqual(noCache);
    expect(second).toEqual(noCache);
  });

  it('keeps one cache per V8 tuning: a command run with other flags does not throw the last one away', async () => {
    const cache = join(home, 'tuned-cache');
    const har = join(home, 'one.har');
    const entry = {
      startedDateTime: '2026-01-01T00:00:00.000Z',
      time: 1,
      request: {
        method: 'GET',
        url: 'http://127.0.0.1:9/',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        content: { size: 0, mimeType: 'text/plain' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    };
    await writeFile(
      har,
      JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [entry] } }),
    );
    const env = { TANDEM_CODE_CACHE: cache };
    expect((await node([BIN, 'profiles', 'list'], env)).code).toBe(0);
    const few = await cacheFiles(cache);
    // An import loops over a file's items, so it keeps V8's optimising compiler: other flags.
    const imported = await node([BIN, 'import', 'har', har, '--collection', 'empty'], env);
    expect(imported.stderr).toBe('');
    const both = await cacheFiles(cache);
    expect([...both.keys()].filter((f) => !few.has(f)).length).toBeGreaterThan(0);
    // Back to a short command: its cache was neither rejected nor rewritten.
    expect((await node([BIN, 'profiles', 'list'], env)).code).toBe(0);
    expect(await cacheFiles(cache)).toEqual(both);
  });

  it('survives a damaged cache file: V8 rejects it and the command still works', async () => {
    const cache = join(home, 'damaged-cache');
    await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    const files = [...(await cacheFiles(cache)).keys()];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) await writeFile(join(cache, f), 'not a code cache');
    const run = await node([BIN, 'profiles', 'list'], { TANDEM_CODE_CACHE: cache });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('default');
  });
});
