import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/helpers';
import { type PrivateNetwork, privateNetwork } from './netns';
import {
  expectedPairs,
  type LineRun,
  readmeCommands,
  readmeSession,
  readReadme,
  stripComment,
} from './readme';

/**
 * The README cannot rot: its shell blocks run verbatim, in order, in a fresh data directory,
 * and again after `npm start` (the app in web mode with the demo on 8787 and alice, bob and
 * anonymous seeded). Blocks other people add are picked up automatically; see ./readme.ts for
 * what is run and how.
 */

const PROJECT = resolve(__dirname, '../..');
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

type Wrap = NonNullable<PrivateNetwork['wrap']>;
const direct: Wrap = (command, args) => [command, args];

async function scenario(
  prepare?: (env: Record<string, string>, dataDir: string, wrap: Wrap) => Promise<() => Promise<void>>,
) {
  assertBuilt();
  const root = await mkdtemp(join(tmpdir(), 'tandem-readme-'));
  temps.push(root);
  const dataDir = join(root, 'data');
  const env = {
    HOME: join(root, 'home'),
    ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
  };
  // The README's demo port 8787 must be ours: another `npm start` or test run on this machine
  // may hold it. A private loopback where the OS allows one; the host's network otherwise.
  const net = await privateNetwork();
  const wrap = net?.wrap ?? direct;
  const runs: LineRun[] = [];
  try {
    const stop = prepare ? await prepare(env, dataDir, wrap) : async () => {};
    const session = await readmeSession({ projectDir: PROJECT, workDir: root, dataDir, env, wrap });
    try {
      for (const line of readmeCommands(await readReadme(PROJECT))) runs.push(await session.run(line));
    } finally {
      await session.close();
      await stop();
    }
  } finally {
    net?.close();
  }
  return runs;
}

const where = (r: LineRun) =>
  `README.md:${r.line.lineNo} \`${r.line.text}\` exited ${r.code}\n${r.stderr || r.stdout}`.slice(0, 1200);

function checkStory(runs: LineRun[]) {
  expect(runs.length).toBeGreaterThan(10);
  for (const r of runs) {
    expect(r.code, where(r)).toBe(0);
    // `# {"user": "alice", ...}` after a command is the output it promises.
    for (const [k, v] of expectedPairs(r.line.text))
      expect(r.stdout, where(r)).toMatch(new RegExp(`"${k}":\\s*"${v}"`));
  }
  // the headline: alice and bob differ
  const compare = runs.find((r) =>
    /tandem compare .*--profile alice .*--profile bob/.test(stripComment(r.line.text)),
  );
  expect(compare, 'the README compares alice and bob').toBeTruthy();
  if (compare) {
    expect(compare.stdout).not.toMatch(/same body/);
    expect(compare.stdout).not.toMatch(/401/);
  }
}

/** `npm start` without Electron: the app in web mode with the demo (what bin/start.js falls back to). */
async function npmStart(
  env: Record<string, string>,
  dataDir: string,
  wrap: Wrap,
): Promise<() => Promise<void>> {
  const [file, args] = wrap(process.execPath, [
    join(PROJECT, 'bin', 'tandem.js'),
    'web',
    '--demo',
    '--no-open',
  ]);
  const child = spawn(file, args, {
    env: { ...env, PATH: process.env.PATH ?? '', TANDEM_HOME: dataDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((ready, failed) => {
    const t = setTimeout(() => failed(new Error(`web mode did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Demo API')) {
        clearTimeout(t);
        ready();
      }
    });
    child.on('close', (code) => failed(new Error(`web mode exited ${code}: ${out}`)));
  });
  expect(out).toContain('Demo API: http://127.0.0.1:8787');
  return async () => {
    const gone = new Promise((r) => child.once('close', r));
    child.kill('SIGTERM');
    await gone;
  };
}

describe('README command blocks', () => {
  it('the lines are found: the demo runs in the background, comments are not commands', async () => {
    const lines = readmeCommands(await readReadme(PROJECT));
    expect(lines.some((l) => l.background && /tandem demo/.test(l.text))).toBe(true);
    expect(lines.every((l) => !l.text.startsWith('#'))).toBe(true);
    expect(expectedPairs('npx tandem send x   # {"user": "alice", ...}')).toEqual([['user', 'alice']]);
    expect(expectedPairs('npx tandem export har alice   # "_profile": "alice" on every entry')).toEqual([]);
    expect(readmeCommands('```sh\nnpx tandem a &   # x & y\nnpx tandem b && npx tandem c\n```\n')).toEqual([
      { lineNo: 2, text: 'npx tandem a &   # x & y', background: true },
      { lineNo: 3, text: 'npx tandem b && npx tandem c', background: false },
    ]);
  });

  it('run verbatim, in order, in a fresh data directory: alice and bob differ', async () => {
    checkStory(await scenario());
  }, 240_000);

  it('run verbatim after `npm start` (demo on 8787, alice/bob/anonymous seeded): the same story', async () => {
    checkStory(await scenario(npmStart));
  }, 240_000);
});
