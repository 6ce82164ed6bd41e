import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import type { CliIO } from '../../main/cli/session';
import { createTandem } from '../../main/core/tandem';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';

/**
 * The CLI's environments (`tandem env …`, `--env NAME` on send/run/matrix), checks failing a run
 * (exit 1), and CI reports (`--report junit|json|html --out PATH`) read back as CI would read them.
 */

let dir: string;
let dataDir: string;
let server: LoopbackServer;
const seen: string[] = [];

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
    env: {},
    cwd: dir,
    untilStopped: () => Promise.resolve(),
    onInterrupt: () => () => {},
    openUrl: () => {},
  };
  const code = await runCli(['--data-dir', dataDir, ...argv], io);
  return { code, out, err };
}

function xml(text: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-env-cli-'));
  dataDir = path.join(dir, 'data');
  server = await startLoopbackServer((req, res) => {
    seen.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const who = url.searchParams.get('u') ?? 'nobody';
    if (url.pathname === '/admin') {
      res.statusCode = who.startsWith('alice') ? 200 : 403;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ role: who.startsWith('alice') ? 'admin' : 'user' }));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-who', who);
    res.end(JSON.stringify({ user: who, role: who.startsWith('alice') ? 'admin' : 'user' }));
  });
  // A saved collection with checks, made through the core as the app would.
  const core = await createTandem({ dataDir, host: 'cli' });
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  ok(await core['profiles.create']({ name: 'alice' }));
  ok(await core['profiles.create']({ name: 'bob' }));
  ok(await core['profiles.update']({ name: 'alice', patch: { variables: { user: 'alice' } } }));
  ok(await core['profiles.update']({ name: 'bob', patch: { variables: { user: 'bob' } } }));
  const c = ok(await core['collections.create']({ name: 'Checked' }));
  const me = ok(
    await core['collections.saveRequest']({
      collectionId: c.id,
      request: {
        name: 'me',
        folder: '',
        request: { method: 'GET', url: '{{base}}/me?u={{user}}', headers: [], body: { type: 'none' } },
      },
    }),
  );
  ok(
    await core['collections.setChecks']({
      collectionId: c.id,
      requestId: me.id,
      checks: [
        { kind: 'status', op: 'range', target: '', value: '2xx' },
        { kind: 'header', op: 'exists', target: 'x-who', value: '' },
        { kind: 'json', op: 'equals', target: '$.role', value: 'admin' },
        { kind: 'time', op: 'below', target: '', value: '60000' },
      ],
    }),
  );
  ok(
    await core['collections.saveRequest']({
      collectionId: c.id,
      request: {
        name: 'admin',
        folder: 'area',
        request: { method: 'GET', url: '{{base}}/admin?u={{user}}', headers: [], body: { type: 'none' } },
      },
    }),
  );
  await core.close();
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('tandem env', { timeout: 60_000 }, () => {
  it('create, set (also for one profile), use, list', async () => {
    expect((await cli('env', 'create', 'staging', `base=${server.url}`)).code).toBe(0);
    expect((await cli('env', 'create', 'production', 'base=http://127.0.0.1:9', '--production')).code).toBe(
      0,
    );
    expect((await cli('env', 'set', 'staging', 'user=alice-staging', '--profile', 'alice')).code).toBe(0);
    const use = await cli('env', 'use', 'staging');
    expect(use).toMatchObject({ code: 0, out: 'Active environment: staging\n' });
    const list = await cli('env', 'list');
    expect(list.out).toMatch(/^\*\s+staging\s+1\s+alice/m);
    expect(list.out).toMatch(/production\s+1\s+-\s+production/);
    const file = JSON.parse(await fs.readFile(path.join(dataDir, 'environments', 'staging.json'), 'utf8'));
    expect(file).toEqual({
      name: 'staging',
      variables: { base: server.url },
      profiles: { alice: { user: 'alice-staging' } },
    });
  });

  it('send --env: the named environment, alice-on-staging beating her own value; a missing one is exit 2', async () => {
    seen.length = 0;
    const r = await cli('send', '{{base}}/me?u={{user}}', '--profile', 'alice', '--env', 'staging');
    expect(r.code).toBe(0);
    expect(seen).toEqual(['/me?u=alice-staging']);
    const bad = await cli('send', '{{base}}/me', '--env', 'nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("tandem: No environment named 'nowhere'\n");
  });

  it('mistakes are one line, exit 2, and change nothing', async () => {
    const dup = await cli('env', 'create', 'staging');
    expect(dup).toMatchObject({ code: 2, err: "tandem: An environment named 'staging' already exists\n" });
    const bad = await cli('env', 'set', 'staging', 'novalue');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^tandem: 'novalue' must look like NAME=VALUE/);
    expect((await cli('env', 'list', '--json')).out).toContain('"active": "staging"');
  });
});

describe('Postman environments', { timeout: 60_000 }, () => {
  const file = () => path.join(dir, 'qa.postman_environment.json');
  const postmanEnv = {
    id: '5f1c',
    name: 'QA server',
    values: [
      { key: 'base', value: 'http://127.0.0.1:1', type: 'default', enabled: true },
      { key: 'token', value: 's3cret', type: 'secret', enabled: true },
      { key: 'old', value: 'x', type: 'default', enabled: false },
    ],
    _postman_variable_scope: 'environment',
    _postman_exported_using: 'Postman/11.2.0',
  };

  it('tandem import postman-env FILE creates one environment and names what it skipped', async () => {
    await fs.writeFile(file(), JSON.stringify(postmanEnv));
    const r = await cli('import', 'postman-env', file());
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      "Created environment 'QA-server': 2 variables\n  + base\n  + token (secret in Postman: stored as plain text)\nSkipped 1:\n  - values[2] (old): disabled in Postman: left out\nNote: 1 secret-typed value is stored as plain text in environments/QA-server.json, like every environment value (only a profile's secret variables are sealed)\n",
    );
    const saved = JSON.parse(await fs.readFile(path.join(dataDir, 'environments', 'QA-server.json'), 'utf8'));
    expect(saved.variables).toEqual({ base: 'http://127.0.0.1:1', token: 's3cret' });
  });

  it('tandem import postman FILE recognises an environment; never replaces one', async () => {
    const again = await cli('import', 'postman', file());
    expect(again).toMatchObject({
      code: 2,
      err: expect.stringContaining("An environment named 'QA-server' already exists"),
    });
    const named = await cli('import', 'postman', file(), '--collection', 'qa2');
    expect(named.code).toBe(0);
    expect(named.out).toMatch(/^Created environment 'qa2'/);
  });

  it('--dry-run shows what it would create and writes nothing; a file of another kind is one line', async () => {
    const before = (await fs.readdir(path.join(dataDir, 'environments'))).sort();
    const dry = await cli('import', 'postman-env', file(), '--collection', 'qa3', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^Would create environment 'qa3': 2 variables\n {2}\+ base\n/);
    const collection = path.join(dir, 'c.postman_collection.json');
    await fs.writeFile(collection, JSON.stringify({ info: { name: 'c' }, item: [] }));
    const wrong = await cli('import', 'postman-env', collection);
    expect(wrong).toMatchObject({
      code: 2,
      err: 'tandem: This file is a Postman collection, not an environment: import it as a collection\n',
    });
    expect((await fs.readdir(path.join(dataDir, 'environments'))).sort()).toEqual(before);
  });
});

describe('checks and CI reports', { timeout: 60_000 }, () => {
  it('tandem run: a failed check is exit 1 with the first failure named; the summary counts checks', async () => {
    const r = await cli('run', 'Checked', '--profile', 'alice', '--profile', 'bob');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/checks: 7 passed, 1 failed/);
    expect(r.err).toBe('tandem: 1 of 8 checks failed (first: me as bob: $.role equals admin, got user)\n');
    const good = await cli('run', 'Checked', '--profile', 'alice');
    expect(good.code).toBe(0);
  });

  it('tandem run --report junit: one testsuite per profile, one testcase per request, a failure with expected and actual', async () => {
    const out = path.join(dir, 'run.xml');
    const r = await cli(
      'run',
      'Checked',
      '--profile',
      'alice',
      '--profile',
      'bob',
      '--report',
      'junit',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    const doc = xml(await fs.readFile(out, 'utf8'));
    const suites = [...doc.querySelectorAll('testsuite')];
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(['alice', 'bob']);
    expect(suites.map((s) => s.querySelectorAll('testcase').length)).toEqual([2, 2]);
    expect([...suites[1].querySelectorAll('testcase')].map((t) => t.getAttribute('name'))).toEqual([
      'me',
      'area/admin',
    ]);
    expect(suites.map((s) => s.getAttribute('failures'))).toEqual(['0', '1']);
    const failure = suites[1].querySelector('testcase failure');
    expect(failure?.getAttribute('message')).toBe('$.role equals admin: expected admin, got user');
    expect(failure?.textContent).toBe('expected: admin\nactual: user');
  });

  it('tandem run --env production: no response is an <error>; --report json carries the environment', async () => {
    const out = path.join(dir, 'run.json');
    const r = await cli(
      'run',
      'Checked',
      '--profile',
      'bob',
      '--env',
      'production',
      '--report',
      'json',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(await fs.readFile(out, 'utf8'));
    expect(json.environment).toBe('production');
    expect(json.totals).toMatchObject({ cases: 2, errors: 2 });
  });

  it('tandem matrix run FILE --report junit|html: expectations of any kind, per profile', async () => {
    const file = path.join(dir, 'access.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        name: 'access',
        collection: 'Checked',
        profiles: ['alice', 'bob'],
        jars: 'copy',
        expect: {
          'area/admin': {
            alice: 'allow',
            bob: { kind: 'json', op: 'equals', target: '$.role', value: 'admin' },
          },
          me: { bob: 200 },
        },
      }),
    );
    const junit = path.join(dir, 'matrix.xml');
    const r = await cli('matrix', 'run', file, '--report', 'junit', '--out', junit);
    expect(r.code).toBe(1);
    expect(r.err).toContain('1 of 3 expectations failed');
    const doc = xml(await fs.readFile(junit, 'utf8'));
    const suites = [...doc.querySelectorAll('testsuite')];
    expect(
      suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures')]),
    ).toEqual([
      ['alice', '2', '0'],
      ['bob', '2', '1'],
    ]);
    const failure = suites[1].querySelector('failure');
    expect(failure?.textContent).toBe('expected: $.role equals admin\nactual: user');

    const html = path.join(dir, 'matrix.html');
    expect((await cli('matrix', 'run', file, '--report', 'html', '--out', html)).code).toBe(1);
    const page = await fs.readFile(html, 'utf8');
    expect(page).not.toMatch(/<script|<link|https?:\/\/(?!127\.0\.0\.1)/);
    const dom = new Window();
    dom.document.write(page);
    const cells = [...dom.document.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map(
        (td) => `${td.className}:${td.querySelector('.status')?.textContent}`,
      ),
    );
    expect(cells).toEqual([
      ['pass:200', 'pass:200'],
      ['pass:200', 'fail:403'],
    ]);
  });

  it('the existing form still works, and a saved matrix runs by name', async () => {
    expect((await cli('matrix', 'Checked', '--profile', 'alice')).code).toBe(0);
    const bad = await cli('matrix', 'run', 'nothing-here');
    expect(bad).toMatchObject({
      code: 2,
      err: "tandem: No matrix file or saved matrix named 'nothing-here'\n",
    });
    const badReport = await cli('run', 'Checked', '--report', 'xml');
    expect(badReport).toMatchObject({
      code: 2,
      err: "tandem: --report must be one of junit, json, html (got 'xml')\n",
    });
  });
});
