import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { unwrap } from '../../support/result';
import { disposeWriter, fixtureScript, type LoopbackServer, startServer, tempDir } from '../store/helpers';

/**
 * Renaming a profile carries everything in the workspace that names it, and a crash in the
 * middle of a rename loses none of it: the next open finishes it. Real files, a reopened workspace.
 */

let dir: string;
let cleanup: () => Promise<void>;
let api: LoopbackServer;
let core: Tandem;

const open = () => createTandem({ dataDir: dir, host: 'cli' });

async function reopen(): Promise<void> {
  await core.close();
  core = await open();
}

/** Files or folders named alice, and files outside profiles and history (the profile's own data: `username: "alice"`) holding `"alice"`. */
async function namingAlice(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (/(^|\/)alice(\.jsonl)?$/.test(r)) out.push(r);
      if (e.isDirectory()) await walk(path.join(d, e.name), r);
      else if (
        !/^(history|profiles)\//.test(r) &&
        (await fs.readFile(path.join(d, e.name), 'utf8')).includes('"alice"')
      )
        out.push(r);
    }
  };
  await walk(dir, '');
  return out;
}

/** alice with values on staging, the sample's matrix expectations, a saved matrix, a sent tab. */
async function aliceEverywhere(): Promise<{ historyId: string; collectionId: string }> {
  unwrap(
    await core['environments.save']({
      environment: {
        name: 'staging',
        variables: { host: 'staging.example' },
        profiles: { alice: { token: 'alice-on-staging' }, bob: { token: 'bob-on-staging' } },
      },
    }),
  );
  unwrap(await core['environments.use']({ name: 'staging' }));
  const [collection] = unwrap(await core['collections.list']({}));
  const request = collection.requests[0];
  expect(Object.keys(collection.expect ?? {}).length).toBeGreaterThan(0);
  expect(Object.values(collection.expect ?? {}).some((row) => 'alice' in row)).toBe(true);
  unwrap(
    await core['matrices.save']({
      matrix: {
        name: 'who sees what',
        collection: collection.name,
        profiles: ['alice', 'bob'],
        jars: 'copy',
        expect: { [request.name]: { alice: 'allow', bob: 'deny' } },
      },
    }),
  );
  const sent = unwrap(
    await core['request.send']({
      profile: 'alice',
      request: { ...request.request, url: `${api.url}/me` },
      sendId: 's1',
    }),
  );
  unwrap(
    await core['tabs.save']({
      state: {
        tabs: [
          {
            id: 't1',
            draft: request.request,
            origin: { collectionId: collection.id, requestId: request.id, name: request.name },
            baseline: request.request,
            lastSent: {
              alice: { historyId: sent.id, at: sent.startedAt },
              bob: { historyId: 'b', at: sent.startedAt },
            },
          },
        ],
        activeId: 't1',
      },
    }),
  );
  return { historyId: sent.id, collectionId: collection.id };
}

/** What alice2 must find after the rename (and after any reopen). */
async function expectCarried(historyId: string): Promise<void> {
  const profiles = unwrap(await core['profiles.list']({})).map((p) => p.name);
  expect(profiles).toContain('alice2');
  expect(profiles).not.toContain('alice');
  // alice2 on staging: the value alice had there, used as {{token}}.
  const layers = unwrap(await core['variables.layers']({ profile: 'alice2' }));
  expect(layers.find((l) => l.level === 'profileEnvironment')?.variables).toEqual({
    token: 'alice-on-staging',
  });
  const staging = unwrap(await core['environments.list']({})).environments.find((e) => e.name === 'staging');
  expect(staging?.profiles).toEqual({
    alice2: { token: 'alice-on-staging' },
    bob: { token: 'bob-on-staging' },
  });
  // The collection's matrix expectations and the saved matrix: alice's column is alice2's.
  const [collection] = unwrap(await core['collections.list']({}));
  const rows = Object.values(collection.expect ?? {});
  expect(rows.some((row) => 'alice2' in row)).toBe(true);
  expect(rows.some((row) => 'alice' in row)).toBe(false);
  const [matrix] = unwrap(await core['matrices.list']({}));
  expect(matrix.profiles).toEqual(['alice2', 'bob']);
  expect(Object.values(matrix.expect)).toEqual([{ alice2: 'allow', bob: 'deny' }]);
  // The tab's last response as alice2 is still there, and history finds it under the new name.
  const tab = unwrap(await core['tabs.get']({})).tabs[0];
  expect(Object.keys(tab.lastSent ?? {}).sort()).toEqual(['alice2', 'bob']);
  expect(tab.lastSent?.alice2?.historyId).toBe(historyId);
  const entry = unwrap(await core['history.get']({ profile: 'alice2', id: historyId }));
  expect(entry.profile).toBe('alice2');
  expect(entry.response?.status).toBe(200);
  expect(unwrap(await core['history.list']({ profile: 'alice2' })).map((e) => e.id)).toContain(historyId);
  // Nothing but history's records (who sent what, then) names alice any more, and no rename is left over.
  expect(await namingAlice()).toEqual([]);
  await expect(fs.stat(layout.profileRename(dir))).rejects.toThrow();
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  api = await startServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"me":"alice"}');
  });
  core = await createTandem({ dataDir: dir, host: 'cli', seedSample: sampleWorkspace, demoUrl: api.url });
});
afterEach(async () => {
  await core.close();
  await api.close();
  await cleanup();
});
afterAll(() => disposeWriter());

describe('renaming a profile carries what names it', () => {
  it('alice renamed to alice2 keeps her values on staging, matrix columns, tab responses and history, also after a reopen', async () => {
    const { historyId } = await aliceEverywhere();
    const changed: string[] = [];
    core.events.on('environments.changed', () => changed.push('environments'));
    core.events.on('collections.changed', (e) => changed.push(`collection ${e.id}`));
    const renamed = unwrap(await core['profiles.rename']({ from: 'alice', to: 'alice2' }));
    expect(renamed.name).toBe('alice2');
    expect(changed).toContain('environments');
    expect(changed.some((c) => c.startsWith('collection '))).toBe(true);
    await expectCarried(historyId);
    await reopen();
    await expectCarried(historyId);
    // The active environment stayed; sending as alice2 uses her staging value.
    expect(unwrap(await core['environments.list']({})).active).toBe('staging');
  });

  it('a send as alice under way when she is renamed: the rename waits for it, and its cookie and history go to alice2', async () => {
    let answered = false;
    const slow = await startServer((_req, res) => {
      setTimeout(() => {
        answered = true;
        res.setHeader('set-cookie', 'late=1; Path=/');
        res.end('slow');
      }, 400);
    });
    try {
      const sending = core['request.send']({
        profile: 'alice',
        request: { method: 'GET', url: `${slow.url}/slow`, headers: [], body: { type: 'none' } },
      });
      // The send is under way (the server holds its answer for 400 ms) when the rename is asked for.
      await new Promise((r) => setTimeout(r, 50));
      unwrap(await core['profiles.rename']({ from: 'alice', to: 'alice2' }));
      expect(answered).toBe(true);
      const sent = unwrap(await sending);
      expect(sent.status).toBe(200);
      await reopen();
      const jar = unwrap(await core['cookies.list']({ profile: 'alice2' }));
      expect(jar.map((c) => `${c.name}=${c.value}`)).toContain('late=1');
      const history = unwrap(await core['history.list']({ profile: 'alice2' }));
      expect(history.map((e) => e.id)).toContain(sent.id);
      expect(await namingAlice()).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('a refused rename (the name is taken) changes no file', async () => {
    await aliceEverywhere();
    await core.close();
    const before = await namingAlice();
    core = await open();
    const r = await core['profiles.rename']({ from: 'alice', to: 'bob' });
    expect(!r.ok && r.error.code).toBe('PROFILE_EXISTS');
    expect(await namingAlice()).toEqual(before);
  });

  it('values left under the new name by a deleted profile give way to the renamed one', async () => {
    unwrap(
      await core['environments.save']({
        environment: {
          name: 'staging',
          variables: {},
          profiles: { alice: { token: 'alice' }, alice2: { token: 'stale', other: 'stale' } },
        },
      }),
    );
    unwrap(await core['profiles.rename']({ from: 'alice', to: 'alice2' }));
    const staging = unwrap(await core['environments.list']({})).environments[0];
    expect(staging.profiles).toEqual({ alice2: { token: 'alice' } });
  });
});

describe('a rename a crash interrupted is finished on the next open', () => {
  /**
   * Puts the workspace in the state a crash leaves after `steps` of the rename (the note written
   * first, then the folder under its temporary name, in place, history moved, some files carried).
   */
  async function crashAfter(
    step: 'note' | 'folder aside' | 'folder moved' | 'half the files',
  ): Promise<void> {
    await core.close();
    const tmp = '.renaming-0badc0de';
    await fs.writeFile(layout.profileRename(dir), JSON.stringify({ from: 'alice', to: 'alice2', tmp }));
    if (step === 'note') return;
    await fs.rename(layout.profileDir(dir, 'alice'), layout.profileDir(dir, tmp));
    if (step === 'folder aside') return;
    await fs.rename(layout.profileDir(dir, tmp), layout.profileDir(dir, 'alice2'));
    await fs.rename(layout.history(dir, 'alice'), layout.history(dir, 'alice2'));
    if (step === 'folder moved') return;
    const file = path.join(layout.environmentsDir(dir), 'staging.json');
    const env = JSON.parse(await fs.readFile(file, 'utf8'));
    env.profiles = { alice2: env.profiles.alice, bob: env.profiles.bob };
    await fs.writeFile(file, JSON.stringify(env));
  }

  it('a note naming something no rename writes (a path) is set aside with one notice; nothing moves', async () => {
    await aliceEverywhere();
    await core.close();
    await fs.writeFile(
      layout.profileRename(dir),
      JSON.stringify({ from: 'alice', to: '../../elsewhere', tmp: '.renaming-0badc0de' }),
    );
    core = await open();
    expect(core.notices.all().join('\n')).toMatch(/profiles\/\.rename\.json is not a valid rename note/);
    expect(unwrap(await core['profiles.list']({})).map((p) => p.name)).toContain('alice');
    await expect(fs.stat(path.join(dir, '..', 'elsewhere'))).rejects.toThrow();
    await expect(fs.stat(layout.profileRename(dir))).rejects.toThrow();
  });

  for (const step of ['note', 'folder aside', 'folder moved', 'half the files'] as const)
    it(`after ${step}: everything follows alice2 and one notice says so`, async () => {
      const { historyId } = await aliceEverywhere();
      await crashAfter(step);
      core = await open();
      expect(core.notices.all().join('\n')).toContain(
        "The rename of profile 'alice' to 'alice2' was interrupted",
      );
      await expectCarried(historyId);
      await reopen();
      expect(core.notices.all().join('\n')).not.toContain('interrupted');
      await expectCarried(historyId);
    });
});

describe('a renaming process killed again and again', () => {
  const KILLS = Number(process.env.KILLS ?? 12);
  let renames = 0;
  let interrupted = 0;

  /** Starts the renamer (test/core/store/fixtures/renamer.ts); SIGKILLs it `ms` after its first rename. */
  async function killAfter(script: string, ms: number): Promise<void> {
    const child = spawn(process.execPath, [script, dir, 'alice', 'alice2'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let started = false;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        renames += d.toString().split('\n').filter(Boolean).length;
        if (started) return;
        started = true;
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, ms);
      });
      child.once('exit', () => resolve());
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
  }

  it(`${KILLS} SIGKILLs mid-rename: every time, one name holds all of it`, { timeout: 600_000 }, async () => {
    const { historyId } = await aliceEverywhere();
    await core.close();
    const script = await fixtureScript('renamer');
    for (let k = 0; k < KILLS; k++) {
      await killAfter(script, (k * 7) % 40);
      core = await open();
      if (core.notices.all().some((n) => n.includes('was interrupted'))) interrupted++;
      const names = unwrap(await core['profiles.list']({})).map((p) => p.name);
      const now = names.includes('alice2') ? 'alice2' : 'alice';
      expect(names.filter((n) => n === 'alice' || n === 'alice2')).toEqual([now]);
      const staging = unwrap(await core['environments.list']({})).environments.find(
        (e) => e.name === 'staging',
      );
      expect(staging?.profiles?.[now]).toEqual({ token: 'alice-on-staging' });
      expect(Object.keys(staging?.profiles ?? {}).sort()).toEqual([now, 'bob'].sort());
      const [matrix] = unwrap(await core['matrices.list']({}));
      expect(matrix.profiles).toEqual([now, 'bob']);
      expect(
        Object.values(unwrap(await core['tabs.get']({})).tabs[0].lastSent ?? {}).map((s) => s.historyId),
      ).toContain(historyId);
      expect(unwrap(await core['history.get']({ profile: now, id: historyId })).id).toBe(historyId);
      await core.close();
    }
    core = await open();
    // The kills did land in the middle of renames (not only between them or before the first).
    expect(renames).toBeGreaterThan(KILLS);
    expect(interrupted).toBeGreaterThan(0);
  });
});
