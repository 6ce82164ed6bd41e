import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../support/until';

/**
 * `npm start` (bin/start.js) runs the app or the web server as a child. Ending start.js with
 * SIGTERM, SIGHUP or SIGINT, or ending its own parent, stops that child and frees its port.
 * Real processes, a real listening port.
 */

const START = resolve(__dirname, '../../bin/start.js');
let dir: string;
const spawned: ChildProcess[] = [];
const pids: number[] = [];

/** A server like `tandem web`: listens on a port and prints its pid and port. */
const SERVER = `
const http = require('node:http');
const s = http.createServer((q, r) => r.end('ok')).listen(0, '127.0.0.1', () => {
  console.log('SERVER ' + process.pid + ' ' + s.address().port);
});
`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-start-sig-'));
  await writeFile(join(dir, 'server.js'), SERVER);
});
afterEach(async () => {
  for (const p of spawned.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await rm(dir, { recursive: true, force: true });
});

const starter = (server: string) =>
  `require(${JSON.stringify(START)}).runForeground(process.execPath, [${JSON.stringify(server)}], { cwd: ${JSON.stringify(dir)} });`;

/** Spawns `node -e code` and resolves with the server's pid and port once it listens. */
async function launch(code: string): Promise<{ proc: ChildProcess; pid: number; port: number }> {
  const proc = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  spawned.push(proc);
  const { pid, port } = await new Promise<{ pid: number; port: number }>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`no server line: ${out}`)), 15_000);
    proc.stdout?.on('data', (d) => {
      out += d;
      const m = /SERVER (\d+) (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ pid: Number(m[1]), port: Number(m[2]) });
      }
    });
  });
  pids.push(pid);
  return { proc, pid, port };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      done(true);
    });
    sock.once('error', () => done(false));
  });
}

describe.skipIf(process.platform === 'win32')('stopping npm start stops what it started', () => {
  for (const sig of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
    it(`${sig} to start.js alone: the server stops and its port is free`, async () => {
      const { proc, pid, port } = await launch(starter(join(dir, 'server.js')));
      expect(await listening(port)).toBe(true);
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(sig);
      await until(() => !alive(pid), `server ${pid} is gone`);
      await until(async () => !(await listening(port)), `port ${port} is free`);
      await exited;
    });
  }

  for (const sig of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${sig} to \`npm start\` (npm runs start.js through sh -c): the server stops and its port is free`, async () => {
      await writeFile(join(dir, 'st.js'), starter(join(dir, 'server.js')));
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'start-signals', version: '1.0.0', scripts: { start: 'node st.js' } }),
      );
      const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      spawned.push(npm);
      const { pid, port } = await new Promise<{ pid: number; port: number }>((done, fail) => {
        let out = '';
        const timer = setTimeout(() => fail(new Error(`no server line: ${out}`)), 30_000);
        npm.stdout?.on('data', (d) => {
          out += d;
          const m = /SERVER (\d+) (\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            done({ pid: Number(m[1]), port: Number(m[2]) });
          }
        });
      });
      pids.push(pid);
      npm.kill(sig);
      await until(() => !alive(pid), `server ${pid} is gone`);
      await until(async () => !(await listening(port)), `port ${port} is free`);
    }, 60_000);
  }

  it('when start.js’s own parent dies (npm killed outright), start.js and the server stop too', async () => {
    const middle = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ['-e', ${JSON.stringify(starter(join(dir, 'server.js')))}], { stdio: 'inherit' });
      console.log('STARTER ' + c.pid);
      setInterval(() => {}, 1000);
    `;
    const { proc, pid, port } = await launch(middle);
    proc.kill('SIGKILL');
    await until(() => !alive(pid), `server ${pid} is gone`);
    await until(async () => !(await listening(port)), `port ${port} is free`);
  });
});
