import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../main/demo/server';
import { assertBuilt, CLI, cliEnv, snapshot, tandem, tempWorkspace } from './helpers';

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('tandem exit codes: 0 response, 1 failed request, 2 bad input (one stderr line, nothing changed)', {
  timeout: 60_000,
}, () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

  beforeAll(async () => {
    assertBuilt();
    demo = await startDemoServer({});
    ws = await tempWorkspace();
    // A workspace with something in it: a profile with a cookie.
    expect((await run('profiles', 'create', 'alice')).code).toBe(0);
    // A send without --profile goes as 'default', which says so in a note on stderr until the
    // profile is on disk (its jar's first cookie puts it there). Made so here, so the tests below
    // see only the one error line.
    const first = await run('send', `${demo.url}/cookies/set?seen=1`);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^tandem: no --profile given: .*default.*\n$/);
    expect((await run('cookies', 'set', 'a=1', '--domain', 'localhost', '--profile', 'alice')).code).toBe(0);
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('a 404 is still a response: exit 0', async () => {
    const r = await run('send', '--profile', 'alice', `${demo.url}/status/404`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^HTTP\/1\.1 404 Not Found/);
  });

  it('connection refused on a closed port and a timeout are failed requests: exit 1, one line', async () => {
    const port = await closedPort();
    const refused = await run('send', `http://127.0.0.1:${port}/`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(new RegExp(`^tandem: .*refused.*${port}.*\\n$`, 'i'));

    const slow = await run('send', '--timeout', '200', `${demo.url}/delay/5000`);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(/^tandem: .*(timed out|timeout).*\n$/i);
    expect(slow.stderr.split('\n')).toHaveLength(2);
  });

  it('Ctrl+C during a request cancels it: exit 1, one line, and the history entry is written', async () => {
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((r) => {
      arrived = r;
    });
    const hanging = createHttpServer(() => arrived()); // never answers
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const { port } = hanging.address() as { port: number };
    try {
      const child = spawn(
        process.execPath,
        [CLI, '--data-dir', ws.dataDir, 'send', `http://127.0.0.1:${port}/`],
        {
          env: cliEnv(join(ws.root, 'home')),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      await inFlight;
      child.kill('SIGINT');
      expect(await exited).toBe(1);
      expect(stderr).toMatch(/^tandem: .*cancel.*\n$/i);
      const history = await readFile(join(ws.dataDir, 'history', 'default.jsonl'), 'utf8');
      expect(history).toContain(`127.0.0.1:${port}`);
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['an unknown profile', ['send', '--profile', 'carol', 'URL/get'], /^tandem: Unknown profile 'carol'\n$/],
    [
      'a malformed URL',
      ['send', 'http://exa mple.com/'],
      /^tandem: Invalid URL 'http:\/\/exa mple\.com\/'\n$/,
    ],
    ['a bad header', ['send', '-H', 'NoColon', 'URL/get'], /^tandem: Invalid header 'NoColon'/],
    ['a bad cookie', ['send', '--cookie', 'bad;name=1', 'URL/get'], /^tandem: Invalid cookie name/],
    [
      'a missing -d @file',
      ['send', '-d', '@missing.json', 'URL/post'],
      /^tandem: Cannot read file 'missing\.json'/,
    ],
    ['a bad profile name', ['profiles', 'create', '../evil'], /^tandem: Invalid profile name '\.\.\/evil'/],
    ['an unknown option', ['send', '--jsonn', 'URL/get'], /^tandem: unknown option '--jsonn'/],
    ['an unknown profile for cookies', ['cookies', 'list', '--profile', 'carol'], /^tandem: Unknown profile/],
  ];
  it.each(usage)('%s: exit 2, exactly one stderr line, workspace unchanged', async (_what, args, message) => {
    const before = await snapshot(ws.dataDir);
    const r = await run(...args.map((a) => a.replace('URL', demo.url)));
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toEqual([expect.any(String), '']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(await snapshot(ws.dataDir)).toBe(before);
  });

  it('bin/tandem.js without a build says so in one line and exits 2', async () => {
    const bin = join(ws.root, 'pkg', 'bin');
    await mkdir(bin, { recursive: true });
    await copyFile(resolve(__dirname, '../../bin/tandem.js'), join(bin, 'tandem.js'));
    const r = await new Promise<{ code: number | null; stderr: string }>((done) =>
      execFile(process.execPath, [join(bin, 'tandem.js'), '--help'], (e, _out, stderr) =>
        done({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stderr: String(stderr) }),
      ),
    );
    expect(r).toEqual({ code: 2, stderr: 'Tandem is not built yet: run npm run build\n' });
  });
});
