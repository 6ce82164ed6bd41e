import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import type { CliIO } from '../../main/cli/session';
import { startLoopbackServer } from '../support/loopback';

/**
 * Workspace trouble exits 3 (its own code); a damaged file affects only what uses it; workspace
 * notices go to stderr once; cookies.txt field errors exit 2 with a precise line.
 */

let home: string;
let dataDir: string;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: false,
    env: { TANDEM_HOME: dataDir },
    cwd: home,
    untilStopped: () => Promise.resolve(),
    onInterrupt: () => () => {},
    openUrl: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-trouble-'));
  dataDir = path.join(home, 'data');
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('workspace trouble', () => {
  it('a corrupt collection file does not stop `tandem run` of another collection', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('ok'));
    try {
      expect((await cli('profiles', 'create', 'alice')).code).toBe(0);
      await fs.mkdir(path.join(dataDir, 'collections'), { recursive: true });
      await fs.writeFile(
        path.join(dataDir, 'collections', 'good.json'),
        JSON.stringify({
          id: 'good',
          name: 'Good',
          folders: [],
          requests: [
            {
              id: 'r1',
              name: 'Ping',
              folder: '',
              request: { method: 'GET', url: server.url, headers: [], body: { type: 'none' } },
            },
          ],
        }),
      );
      await fs.writeFile(path.join(dataDir, 'collections', 'bad.json'), '{"id":"bad", this is not json');
      const r = await cli('run', 'Good', '--profile', 'alice');
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(
        /^tandem: collections\/bad\.json is not valid JSON \(line 1\); it was kept as bad\.json\.corrupt-/,
      );
      expect(r.err.trim().split('\n')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('a damaged profile.json exits 3 with one line, and the file is kept aside', async () => {
    expect((await cli('profiles', 'create', 'alice')).code).toBe(0);
    await fs.writeFile(path.join(dataDir, 'profiles', 'alice', 'profile.json'), '{"color": ');
    const r = await cli('send', '--profile', 'alice', 'http://127.0.0.1:9/');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^tandem: profiles\/alice\/profile\.json is not valid JSON.*kept as profile\.json\.corrupt-.*\n$/,
    );
    expect(r.err.split('\n')).toHaveLength(2);
  });

  it('an old workspace readable by others is made private, and the CLI says so once on stderr', async () => {
    expect((await cli('profiles', 'create', 'alice')).code).toBe(0);
    await fs.chmod(dataDir, 0o755);
    await fs.chmod(path.join(dataDir, 'profiles', 'alice', 'profile.json'), 0o644);
    const r = await cli('profiles', 'list');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `tandem: Workspace ${dataDir} made private: 1 file could be read by other users of this machine (now 0600, folders 0700)\n`,
    );
    expect((await cli('profiles', 'list')).err).toBe('');
  });
});

describe('tandem cookies import (cookies.txt)', () => {
  it('an out-of-range expiry is exit 2 with the line and field; a BOM is fine', async () => {
    expect((await cli('profiles', 'create', 'alice')).code).toBe(0);
    const file = path.join(home, 'cookies.txt');
    await fs.writeFile(
      file,
      '# Netscape HTTP Cookie File\n\nlocalhost\tFALSE\t/\tFALSE\t10000000000000\ta\tb\n',
    );
    const bad = await cli('cookies', 'import', file, '--profile', 'alice');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'tandem: cookies.txt line 3: expiry 10000000000000 is out of range (0 to 8640000000000 seconds since 1970)\n',
    );
    await fs.writeFile(file, '\uFEFFlocalhost\tFALSE\t/\tFALSE\t0\ta\tb\n');
    const ok = await cli('cookies', 'import', file, '--profile', 'alice');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('Imported 1 cookie');
  });

  it('an export written to a file is readable by you only (it holds live sessions)', async () => {
    expect((await cli('profiles', 'create', 'alice')).code).toBe(0);
    expect((await cli('cookies', 'set', 'sid=1', '--domain', 'x.test', '--profile', 'alice')).code).toBe(0);
    const r = await cli('cookies', 'export', '--profile', 'alice', '-o', 'alice.txt');
    expect(r.code, r.err).toBe(0);
    if (process.platform !== 'win32')
      expect((await fs.stat(path.join(home, 'alice.txt'))).mode & 0o777).toBe(0o600);
  });
});
