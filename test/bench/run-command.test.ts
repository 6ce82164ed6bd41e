import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCollection,
  formatRunSummary,
  parseCollectionFile,
  registerRunCommand,
  summarizeRun,
} from '../../main/cli/collection-run';
import { exitCodeFor } from '../../main/cli/exit';
import type { CliIO } from '../../main/cli/session';
import { createTandem } from '../../main/core/tandem';
import { TandemFailure } from '../../main/shared/errors';
import type { Collection } from '../../main/shared/types';

// A tiny API with sessions: /login?user=X sets sid, /whoami answers with the sid's user.
let server: Server;
let base = '';
const seen: Array<string | null> = [];

beforeAll(async () => {
  const sessions = new Map<string, string>();
  let n = 0;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/login') {
      const id = `s${++n}`;
      sessions.set(id, url.searchParams.get('user') ?? '');
      res.setHeader('set-cookie', `sid=${id}; Path=/; HttpOnly`);
      res.end('{}');
    } else if (url.pathname === '/whoami') {
      const user = sid ? (sessions.get(sid) ?? null) : null;
      seen.push(user);
      res.end(JSON.stringify({ user }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

function sessionCollection(url: string): Collection {
  const get = (u: string) => ({ method: 'GET', url: u, headers: [], body: { type: 'none' as const } });
  return {
    id: 'c1',
    name: 'Sessions',
    folders: [],
    requests: [
      { id: 'r1', name: 'log in', folder: '', request: get(`${url}/login?user={{user}}`) },
      { id: 'r2', name: 'who am I', folder: '', request: get(`${url}/whoami`) },
      { id: 'r3', name: 'missing', folder: '', request: get(`${url}/nope`) },
    ],
  };
}

/** Runs `tandem run …` in-process the way the CLI does; returns its exit code and output. */
async function tandemRun(
  dataDir: string,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
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
    cwd: dataDir,
    untilStopped: async () => {},
    onInterrupt: () => () => {},
    openUrl: () => {},
  };
  const program = new Command('tandem').option('--data-dir <dir>').exitOverride();
  registerRunCommand(program, io);
  try {
    await program.parseAsync(['--data-dir', dataDir, 'run', ...args], { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (e instanceof TandemFailure) return { code: exitCodeFor(e.code), out, err: e.message };
    throw e;
  }
}

async function withWorkspace(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-run-'));
  try {
    await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('tandem run: a collection as several profiles', () => {
  it('alice and bob each log in and each sees their own session; a 404 still counts as a response', async () => {
    await withWorkspace(async (dir) => {
      const t = await createTandem({ dataDir: dir, host: 'cli' });
      for (const user of ['alice', 'bob']) {
        expect((await t['profiles.create']({ name: user })).ok).toBe(true);
        await t['profiles.update']({ name: user, patch: { variables: { user } } });
      }
      await t.close();
      await fs.writeFile(path.join(dir, 'sessions.json'), JSON.stringify(sessionCollection(base)));
      seen.length = 0;

      const run = await tandemRun(dir, ['sessions.json', '--profile', 'alice', '--profile', 'bob']);

      expect(run.code).toBe(0);
      expect(seen).toEqual(['alice', 'bob']);
      expect(run.out).toMatch(
        /^6 requests as alice, bob in [\d.]+ s: 6 responses \(2xx 4, 4xx 2\), 0 failed\n$/,
      );
    });
  });

  it('runs a saved collection by name, several iterations, and reports JSON', async () => {
    await withWorkspace(async (dir) => {
      const t = await createTandem({ dataDir: dir, host: 'cli' });
      const created = await t['collections.create']({ name: 'Sessions' });
      if (!created.ok) throw new Error(created.error.message);
      const [, whoami] = sessionCollection(base).requests;
      await t['collections.saveRequest']({ collectionId: created.value.id, request: whoami });
      await t.close();

      const run = await tandemRun(dir, ['Sessions', '--iterations', '3', '--json']);

      expect(run.code).toBe(0);
      const report = JSON.parse(run.out) as { requests: number; responses: number; profiles: string[] };
      expect(report).toMatchObject({ requests: 3, responses: 3, failed: 0, profiles: ['default'] });
    });
  });

  it('exits 1 naming the first request that got no response', async () => {
    await withWorkspace(async (dir) => {
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      await fs.writeFile(
        path.join(dir, 'down.json'),
        JSON.stringify(sessionCollection(`http://127.0.0.1:${port}`)),
      );

      const run = await tandemRun(dir, ['down.json']);

      expect(run.code).toBe(1);
      expect(run.out).toMatch(/3 requests as default .*: 0 responses, 3 failed/);
      expect(run.err).toMatch(/^3 of 3 requests got no response \(first: log in as default: /);
    });
  });

  it('refuses an unknown profile, an unknown collection and a file that is not a collection (exit 2)', async () => {
    await withWorkspace(async (dir) => {
      await fs.writeFile(path.join(dir, 'c.json'), JSON.stringify(sessionCollection(base)));
      await fs.writeFile(path.join(dir, 'bad.json'), JSON.stringify({ requests: [{ request: { url: 1 } }] }));
      seen.length = 0;

      expect(await tandemRun(dir, ['c.json', '--profile', 'carol'])).toMatchObject({
        code: 2,
        err: "Unknown profile 'carol'",
      });
      expect(await tandemRun(dir, ['nothing-like-this'])).toMatchObject({
        code: 2,
        err: "No collection file or saved collection named 'nothing-like-this'",
      });
      const bad = await tandemRun(dir, ['bad.json']);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^bad\.json is not a Tandem collection at requests\.0\.request/);
      expect(seen).toEqual([]);
    });
  });
});

describe('run summaries', () => {
  it('counts responses per status class and keeps the failures', () => {
    const s = summarizeRun([
      { profile: 'a', request: 'x', status: 200 },
      { profile: 'a', request: 'y', status: 302 },
      { profile: 'b', request: 'x', status: 503 },
      { profile: 'b', request: 'y', error: { code: 'TIMEOUT', message: 'Timed out after 500 ms' } },
    ]);
    expect(s).toMatchObject({ requests: 4, responses: 3, failed: 1 });
    expect(s.statusClasses).toEqual({ '1xx': 0, '2xx': 1, '3xx': 1, '4xx': 0, '5xx': 1 });
    expect(s.failures).toEqual([
      { profile: 'b', request: 'y', code: 'TIMEOUT', message: 'Timed out after 500 ms' },
    ]);
    expect(formatRunSummary(s, ['a', 'b'], 1234)).toBe(
      '4 requests as a, b in 1.23 s: 3 responses (2xx 1, 3xx 1, 5xx 1), 1 failed',
    );
  });

  it('reads a collection file and finds saved collections by name or id', () => {
    const c = parseCollectionFile(JSON.stringify(sessionCollection('http://h')), 'c.json');
    expect(c.requests.map((r) => r.name)).toEqual(['log in', 'who am I', 'missing']);
    expect(() => parseCollectionFile('{', 'c.json')).toThrow(/^c\.json is not valid JSON/);
    expect(findCollection([c], 'sessions')?.id).toBe('c1');
    expect(findCollection([c], 'c1')?.name).toBe('Sessions');
    expect(findCollection([c], 'other')).toBeUndefined();
  });
});
