import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, cliEnv, tempWorkspace } from './helpers';

/** Starts a long-running `tandem` command and resolves with everything it printed up to "Press Ctrl+C". */
function start(dataDir: string, args: string[]): Promise<{ child: ChildProcess; out: string }> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args], {
    cwd: join(dataDir, '..'),
    env: cliEnv(join(dataDir, '..', 'home')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('Press Ctrl+C')) resolve({ child, out });
    });
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before it was ready: ${err}${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('tandem demo and tandem web run until Ctrl+C', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
  });
  afterAll(() => ws?.remove());

  it('demo prints its URL and the alice/bob story; the API answers; Ctrl+C ends it with 0', async () => {
    const { child, out } = await start(ws.dataDir, ['demo', '--port', '0']);
    const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect(out).toContain(
      `tandem send --profile alice -X POST --form username=alice --form password=alice-pw ${url}/login`,
    );
    const res = await fetch(`${url}/profile`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: 'Not authenticated' });
    expect(await stop(child)).toBe(0);
  });

  it('web (--no-open) prints a tokened URL; the contract answers with the token, not without', async () => {
    const { child, out } = await start(ws.dataDir, ['web', '--no-open']);
    const url = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/.exec(out);
    expect(url).not.toBeNull();
    const origin = new URL(url![1]).origin;
    const call = (token?: string) =>
      fetch(`${origin}/api/profiles.list`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: '{}',
      });
    expect((await call()).status).toBe(401);
    const listed = (await (await call(url![2])).json()) as { ok: boolean; value: Array<{ name: string }> };
    expect(listed.ok).toBe(true);
    // the demo above seeded this new workspace with the sample (alice, bob, …), as the app's first run does
    expect(listed.value.map((p) => p.name)).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(await stop(child)).toBe(0);
  });
});
