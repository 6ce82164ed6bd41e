import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../main/contract';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import type { Collection, MatrixExpectations, RequestSpec, Result } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

/** Compare and matrix over the demo API, through a real core on a temp workspace. */

let dir: string;
let demo: DemoServer;
let core: Tandem;

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-compare-'));
  demo = await startDemoServer();
  core = await createTandem({ dataDir: dir, host: 'cli', seedSample: sampleWorkspace, demoUrl: demo.url });
});

afterEach(async () => {
  await core.close();
  await demo.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function demoCollection(): Promise<Collection> {
  const all = unwrap(await core['collections.list']({}));
  const c = all.find((x) => x.name === 'Demo API');
  if (!c) throw new Error('no Demo API collection');
  return c;
}

async function logIn(profile: string, password: string) {
  unwrap(
    await core['request.send']({
      profile,
      request: {
        method: 'POST',
        url: `${demo.url}/login`,
        headers: [],
        body: {
          type: 'form',
          fields: [
            { name: 'username', value: profile },
            { name: 'password', value: password },
          ],
        },
      },
    }),
  );
}

describe('compare profiles side by side', () => {
  it('alice and bob are logged in, anonymous is not: /profile differs in status and in `user`', async () => {
    await logIn('alice', 'alice-pw');
    await logIn('bob', 'bob-pw');
    const cmp = unwrap(
      await core['request.compare']({
        profiles: ['alice', 'bob', 'anonymous'],
        request: get('{{baseUrl}}/profile'),
      }),
    );
    expect(cmp.results.map((r) => [r.profile, r.response?.status])).toEqual([
      ['alice', 200],
      ['bob', 200],
      ['anonymous', 401],
    ]);
    expect(cmp.diff.sameStatus).toBe(false);
    expect(cmp.diff.statuses).toEqual({ alice: 200, bob: 200, anonymous: 401 });
    const user = cmp.diff.paths.find((p) => p.path === 'user');
    expect(user?.values).toEqual({ alice: '"alice"', bob: '"bob"', anonymous: '(absent)' });
    // A comparison is one run (copy jars by default): one history entry holding each profile's send.
    const [entry] = unwrap(await core['history.list']({}));
    expect(entry?.kind).toBe('run');
    expect(entry?.run?.steps.map((s) => [s.profile, s.status])).toEqual([
      ['alice', 200],
      ['bob', 200],
      ['anonymous', 401],
    ]);
  });

  it('logging in as both shows the session cookie each one was given', async () => {
    const cmp = unwrap(
      await core['request.compare']({
        profiles: ['alice', 'bob'],
        request: {
          method: 'POST',
          url: '{{baseUrl}}/login',
          headers: [],
          body: {
            type: 'form',
            fields: [
              { name: 'username', value: '{{username}}' },
              { name: 'password', value: '{{password}}' },
            ],
          },
        },
      }),
    );
    expect(cmp.diff.sameStatus).toBe(true);
    expect(cmp.diff.cookiesSet.alice.map((c) => c.name)).toEqual(['session']);
    expect(cmp.diff.cookiesSet.alice[0].value).toMatch(/^alice\./);
    expect(cmp.diff.cookiesSet.bob[0].value).toMatch(/^bob\./);
  });

  it('an unknown profile is an error for that column only; one profile is refused', async () => {
    const cmp = unwrap(
      await core['request.compare']({ profiles: ['alice', 'carol'], request: get('{{baseUrl}}/profile') }),
    );
    expect(cmp.results[1]).toMatchObject({
      profile: 'carol',
      response: null,
      error: { code: 'UNKNOWN_PROFILE' },
    });
    const one = await core['request.compare']({ profiles: ['alice'], request: get('{{baseUrl}}/profile') });
    expect(one.ok ? null : one.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('access-control matrix', () => {
  const expectations = (c: Collection): MatrixExpectations => {
    const id = (name: string) => c.requests.find((r) => r.name === name)?.id ?? name;
    return {
      [id('Login page')]: { alice: 'allow', bob: 'allow', anonymous: 'allow' },
      [id('Log in')]: { alice: 'allow', bob: 'allow', anonymous: 'deny' },
      [id('Who am I')]: { alice: 'allow', bob: 'allow', anonymous: 401 },
      [id('Log out')]: { alice: 'allow', bob: 'allow', anonymous: 'allow' },
    };
  };

  it('logs in first in each profile, then checks access; progress arrives per cell and expectations pass', async () => {
    const c = await demoCollection();
    const progress: Array<EventMap['matrix.progress']> = [];
    const off = core.events.on('matrix.progress', (p) => progress.push(p));
    const result = unwrap(
      await core['matrix.run']({
        collectionId: c.id,
        folder: 'Session',
        profiles: ['alice', 'bob', 'anonymous'],
        expect: expectations(c),
        runId: 'run-1',
      }),
    );
    off();
    expect(result.rows.map((r) => r.name)).toEqual(['Login page', 'Log in', 'Who am I', 'Log out']);
    expect(result.summary).toEqual({ total: 12, passed: 12, failed: 0, errors: 0 });
    const who = c.requests.find((r) => r.name === 'Who am I')?.id;
    expect(result.cells[`${who}|alice`]).toMatchObject({ status: 200, verdict: 'allow', pass: true });
    expect(result.cells[`${who}|anonymous`]).toMatchObject({ status: 401, verdict: 'deny', pass: true });
    expect(progress).toHaveLength(12);
    expect(progress.every((p) => p.runId === 'run-1')).toBe(true);
    // Within one profile, rows ran in order.
    expect(progress.filter((p) => p.profile === 'alice').map((p) => p.requestId)).toEqual(
      result.rows.map((r) => r.id),
    );
  });

  it('a wrong expectation fails its cell and only that cell', async () => {
    const c = await demoCollection();
    const exp = expectations(c);
    const who = c.requests.find((r) => r.name === 'Who am I')?.id ?? '';
    exp[who].bob = 'deny';
    const result = unwrap(
      await core['matrix.run']({
        collectionId: c.id,
        folder: 'Session',
        profiles: ['alice', 'bob', 'anonymous'],
        expect: exp,
      }),
    );
    expect(result.summary).toMatchObject({ passed: 11, failed: 1 });
    expect(result.cells[`${who}|bob`]).toMatchObject({ status: 200, expected: 'deny', pass: false });
  });

  it('the Access folder: admin page is denied to users, bob can read alice’s note (the demo’s planted bug)', async () => {
    await logIn('alice', 'alice-pw');
    await logIn('bob', 'bob-pw');
    const c = await demoCollection();
    const result = unwrap(
      await core['matrix.run']({ collectionId: c.id, folder: 'Access', profiles: ['alice', 'bob'] }),
    );
    const note = c.requests.find((r) => r.name === "Alice's note")?.id;
    const admin = c.requests.find((r) => r.name === 'Admin page')?.id;
    expect(result.cells[`${note}|alice`]?.verdict).toBe('allow');
    expect(result.cells[`${note}|bob`]).toMatchObject({ status: 200, verdict: 'allow' });
    expect(result.cells[`${admin}|alice`]?.status).toBe(403);
  });

  it('a comparison is cancelled by its own id (request.cancelCompare), not by matrix.cancel', async () => {
    const pending = core['request.compare']({
      profiles: ['alice', 'bob'],
      request: get(`${demo.url}/delay/20000`),
      compareId: 'cmp-1',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unwrap(await core['matrix.cancel']({ runId: 'cmp-1' }))).toEqual({ cancelled: false });
    expect(unwrap(await core['request.cancelCompare']({ compareId: 'cmp-1' }))).toEqual({ cancelled: true });
    const cmp = unwrap(await pending);
    expect(cmp.results.map((r) => r.error?.code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(unwrap(await core['request.cancelCompare']({ compareId: 'cmp-1' }))).toEqual({ cancelled: false });
  });

  it('cancel stops the run: the result says cancelled and holds only the cells that ran', async () => {
    const c = await demoCollection();
    let cancelled: Promise<Result<{ cancelled: boolean }>> | null = null;
    const off = core.events.on('matrix.progress', () => {
      cancelled ??= core['matrix.cancel']({ runId: 'stop-me' });
    });
    const result = unwrap(
      await core['matrix.run']({ collectionId: c.id, profiles: ['alice'], runId: 'stop-me', concurrency: 1 }),
    );
    off();
    expect(unwrap(await (cancelled as unknown as Promise<Result<{ cancelled: boolean }>>))).toEqual({
      cancelled: true,
    });
    expect(result.cancelled).toBe(true);
    expect(Object.keys(result.cells).length).toBeLessThan(c.requests.length);
    expect(unwrap(await core['matrix.cancel']({ runId: 'stop-me' }))).toEqual({ cancelled: false });
  });

  it('an unknown collection or folder is refused with a clear message', async () => {
    const r = await core['matrix.run']({ collectionId: 'nope', profiles: ['alice'] });
    expect(r.ok ? '' : r.error.message).toBe("No collection with id 'nope'");
    const c = await demoCollection();
    const f = await core['matrix.run']({ collectionId: c.id, folder: 'Nowhere', profiles: ['alice'] });
    expect(f.ok ? '' : f.error.code).toBe('NOT_FOUND');
  });
});
