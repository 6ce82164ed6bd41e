import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';
import { startServer, tempDir } from './helpers';

/** Workspace files hold live session cookies: only their owner may read them (files 0600, folders 0700). */

let dir: string;
let cleanup: () => Promise<void>;
const open: Tandem[] = [];

async function modes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out[path.relative(root, p)] = ((await fs.stat(p)).mode & 0o777).toString(8);
      if (e.isDirectory()) await walk(p);
    }
  };
  out['.'] = ((await fs.stat(root)).mode & 0o777).toString(8);
  await walk(root);
  return out;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await cleanup();
});

describe.skipIf(process.platform === 'win32')('workspace permissions', () => {
  it('every file the workspace writes is 0600 and every folder 0700, even under a lax umask', async () => {
    const old = process.umask(0o022);
    const server = await startServer((_req, res) => {
      res.setHeader('set-cookie', 'session=s3cr3t; Path=/');
      res.end('ok');
    });
    try {
      const ws = path.join(dir, 'fresh');
      const t = await createTandem({ dataDir: ws, host: 'cli' });
      open.push(t);
      unwrap(await t['profiles.create']({ name: 'alice' }));
      unwrap(
        await t['request.send']({
          profile: 'alice',
          request: { method: 'GET', url: server.url, headers: [], body: { type: 'none' } },
        }),
      );
      unwrap(await t['collections.create']({ name: 'Mine' }));
      unwrap(await t['settings.update']({ patch: { theme: 'dark' } }));
      await t.close();
      const seen = await modes(ws);
      expect(Object.keys(seen)).toEqual(
        expect.arrayContaining(['profiles/alice/cookies.jsonl', 'history/alice.jsonl', 'settings.json']),
      );
      for (const [p, mode] of Object.entries(seen)) {
        const isDir = (await fs.stat(path.join(ws, p))).isDirectory();
        expect(`${p} ${mode}`).toBe(`${p} ${isDir ? '700' : '600'}`);
      }
    } finally {
      process.umask(old);
      await server.close();
    }
  });

  it('an existing workspace left readable (0755/0644) is made private when opened, with one notice', async () => {
    const ws = path.join(dir, 'old');
    await fs.mkdir(path.join(ws, 'profiles', 'alice'), { recursive: true, mode: 0o755 });
    await fs.mkdir(path.join(ws, 'history'), { mode: 0o755 });
    await fs.writeFile(path.join(ws, 'profiles', 'alice', 'profile.json'), '{}\n', { mode: 0o644 });
    await fs.writeFile(path.join(ws, 'profiles', 'alice', 'cookies.jsonl'), '', { mode: 0o644 });
    await fs.writeFile(path.join(ws, 'history', 'alice.jsonl'), '', { mode: 0o644 });
    await fs.chmod(ws, 0o755);
    await fs.chmod(path.join(ws, 'profiles'), 0o755);
    await fs.chmod(path.join(ws, 'profiles', 'alice'), 0o755);
    for (const f of ['profiles/alice/profile.json', 'profiles/alice/cookies.jsonl', 'history/alice.jsonl'])
      await fs.chmod(path.join(ws, f), 0o644);

    const t = await createTandem({ dataDir: ws, host: 'web' });
    open.push(t);
    const info = unwrap(await t['workspace.info']({}));
    expect(info.notices).toEqual([
      `Workspace ${ws} made private: 3 files could be read by other users of this machine (now 0600, folders 0700)`,
    ]);
    const seen = await modes(ws);
    expect(seen).toMatchObject({
      '.': '700',
      profiles: '700',
      'profiles/alice': '700',
      'profiles/alice/profile.json': '600',
      'profiles/alice/cookies.jsonl': '600',
      history: '700',
      'history/alice.jsonl': '600',
    });
    for (const [p, mode] of Object.entries(seen)) expect(`${p} ${mode}`).toMatch(/ (600|700)$/);
    await t.close();
    // Opened again: nothing to fix, nothing said.
    const again = await createTandem({ dataDir: ws, host: 'web' });
    open.push(again);
    expect(unwrap(await again['workspace.info']({})).notices).toEqual([]);
  });

  it('a fresh, empty workspace folder made by a host with a lax mode is fixed without a notice', async () => {
    const ws = path.join(dir, 'fresh-host');
    await fs.mkdir(ws, { mode: 0o755 });
    await fs.chmod(ws, 0o755);
    const t = await createTandem({ dataDir: ws, host: 'electron' });
    open.push(t);
    expect(unwrap(await t['workspace.info']({})).notices).toEqual([]);
    expect((await fs.stat(ws)).mode & 0o777).toBe(0o700);
  });
});
