import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import type { Collection, HistoryEntry } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

/** Run jars against the real demo API and a real workspace on disk. */

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else
        out[path.relative(dir, full)] = createHash('sha256')
          .update(await fs.readFile(full))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

describe('run jars', { timeout: 60_000 }, () => {
  let demo: DemoServer;
  let dataDir: string;
  let core: Tandem;
  let demoApi: Collection;

  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo.close();
  });
  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-runjars-'));
    core = await createTandem({ dataDir, host: 'cli', seedSample: sampleWorkspace, demoUrl: demo.url });
    demoApi = unwrap(await core['collections.list']({})).find((c) => c.name === 'Demo API') as Collection;
    // alice has a real session in her own jar before any run.
    const login = demoApi.requests.find((r) => r.name === 'Log in');
    unwrap(await core['request.send']({ profile: 'alice', request: login!.request }));
    await core.close();
    core = await createTandem({ dataDir, host: 'cli' });
  });
  afterEach(async () => {
    await core.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('a matrix with copy jars leaves every profile file byte-for-byte unchanged and adds one history entry', async () => {
    const before = await hashTree(path.join(dataDir, 'profiles'));
    const historyBefore = unwrap(await core['history.list']({})).length;
    const m = unwrap(
      await core['matrix.run']({ collectionId: demoApi.id, profiles: ['alice', 'bob', 'anonymous'] }),
    );
    expect(Object.keys(m.cells)).toHaveLength(demoApi.requests.length * 3);
    await core.close();
    expect(await hashTree(path.join(dataDir, 'profiles'))).toEqual(before);
    core = await createTandem({ dataDir, host: 'cli' });
    const history = unwrap(await core['history.list']({}));
    expect(history.length).toBe(historyBefore + 1);
    const run = history[0] as HistoryEntry;
    expect(run.kind).toBe('run');
    expect(run.run?.jars).toBe('copy');
    expect(run.run?.kind).toBe('matrix');
    expect(run.run?.steps.length).toBeGreaterThanOrEqual(demoApi.requests.length * 3);
    // alice is still logged in with her own jar.
    const who = demoApi.requests.find((r) => r.name === 'Who am I');
    const me = unwrap(await core['request.send']({ profile: 'alice', request: who!.request }));
    expect(me.status).toBe(200);
  });

  it('collections.run: copy changes nothing, live changes the jar; both add one entry', async () => {
    const logout = demoApi.requests.find((r) => r.name === 'Log out');
    const who = demoApi.requests.find((r) => r.name === 'Who am I');
    const one: Collection = { ...demoApi, requests: [logout!, who!] };
    const before = await hashTree(path.join(dataDir, 'profiles'));
    const copy = unwrap(
      await core['collections.run']({ collection: one, profiles: ['alice'], jars: 'copy', relogin: false }),
    );
    expect(copy.summary).toMatchObject({ requests: 2, responses: 2 });
    expect(copy.summary.statusClasses['4xx']).toBe(1);
    await core.close();
    expect(await hashTree(path.join(dataDir, 'profiles'))).toEqual(before);
    core = await createTandem({ dataDir, host: 'cli' });
    expect(unwrap(await core['request.send']({ profile: 'alice', request: who!.request })).status).toBe(200);

    const live = unwrap(
      await core['collections.run']({ collection: one, profiles: ['alice'], jars: 'live', relogin: false }),
    );
    expect(live.jars).toBe('live');
    expect(
      unwrap(await core['request.send']({ profile: 'alice', request: who!.request, relogin: false })).status,
    ).toBe(401);
    const runs = unwrap(await core['history.list']({})).filter((e) => e.kind === 'run');
    expect(runs.map((r) => r.run?.jars)).toEqual(['live', 'copy']);
    expect(runs[0].run?.steps.map((s) => s.status)).toEqual([200, 401]);
  });

  it("a value extracted inside a run is used by the run's next requests (the merged variables are not stale)", async () => {
    const account = demoApi.requests.find((r) => r.name === 'My account');
    const change = demoApi.requests.find((r) => r.name === 'Change email');
    const r = unwrap(
      await core['collections.run']({
        // Refused without the token, then the token is extracted, then accepted; copy jars.
        collection: { ...demoApi, requests: [change!, account!, change!] },
        profiles: ['alice'],
        relogin: false,
      }),
    );
    const [entry] = unwrap(await core['history.list']({}));
    expect(entry.run?.steps.map((s) => [s.name, s.status])).toEqual([
      ['Change email', 403],
      ['My account', 200],
      ['Change email', 200],
    ]);
    expect(r.summary.statusClasses).toMatchObject({ '2xx': 2, '4xx': 1 });
    // A copy run keeps what it extracted to itself.
    const alice = unwrap(await core['profiles.list']({})).find((p) => p.name === 'alice');
    expect(alice?.variables.accountCsrf).toBe('');
  });

  it('fresh jars start empty: alice logs in with her recipe first, anonymous (no recipe) stays out', async () => {
    const who = demoApi.requests.find((r) => r.name === 'Who am I');
    const before = await hashTree(path.join(dataDir, 'profiles'));
    const r = unwrap(
      await core['collections.run']({
        collection: { ...demoApi, requests: [who!] },
        profiles: ['alice', 'anonymous'],
        jars: 'fresh',
        relogin: false,
      }),
    );
    expect(r.summary.statusClasses).toMatchObject({ '2xx': 1, '4xx': 1 });
    const [entry] = unwrap(await core['history.list']({}));
    expect(entry.run?.steps.map((s) => [s.profile, s.name, s.role ?? '', s.status])).toEqual([
      ['alice', 'Login page', 'login', 200],
      ['alice', 'Log in', 'login', 200],
      ['alice', 'Who am I', '', 200],
      ['anonymous', 'Who am I', '', 401],
    ]);
    await core.close();
    expect(await hashTree(path.join(dataDir, 'profiles'))).toEqual(before);
    core = await createTandem({ dataDir, host: 'cli' });
  });
});
