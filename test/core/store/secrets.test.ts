import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import type { SecretBox } from '../../../main/core/store/secrets';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';
import { startServer, tempDir } from './helpers';

/** Secret variables, basic-auth passwords and bearer tokens are sealed at rest. */

let dir: string;
let cleanup: () => Promise<void>;
const open: Tandem[] = [];

async function start(secretBox?: SecretBox): Promise<Tandem> {
  const t = await createTandem({ dataDir: dir, host: 'cli', secretBox });
  open.push(t);
  return t;
}

/** Every byte the workspace holds, as one string (to look for a secret in). */
async function everything(): Promise<string> {
  let all = '';
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else all += await fs.readFile(p, 'latin1');
    }
  };
  await walk(dir);
  return all;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await cleanup();
});

describe('secrets at rest', () => {
  it('a secret variable is sealed in profile.json with the workspace key (0600), and used as its value', async () => {
    const seen: string[] = [];
    const server = await startServer((req, res) => {
      seen.push(String(req.headers['x-key']));
      res.end('ok');
    });
    try {
      const t = await start();
      unwrap(await t['profiles.create']({ name: 'alice' }));
      unwrap(
        await t['profiles.update']({
          name: 'alice',
          patch: { variables: { key: 'sk-LIVE-4242', base: server.url }, secrets: ['key'] },
        }),
      );
      await t.close();
      const file = JSON.parse(await fs.readFile(layout.profileFile(dir, 'alice'), 'utf8'));
      expect(file.variables).toEqual({ base: server.url });
      expect(file.secrets).toEqual(['key']);
      expect(file.sealed.key).toMatch(/^k1:/);
      expect((await fs.stat(path.join(dir, '.key'))).mode & 0o777).toBe(0o600);

      const again = await start();
      const [alice] = unwrap(await again['profiles.list']({}));
      expect(alice).toMatchObject({ variables: { key: 'sk-LIVE-4242' }, secrets: ['key'] });
      unwrap(
        await again['request.send']({
          profile: 'alice',
          request: {
            method: 'GET',
            url: '{{base}}/',
            headers: [{ name: 'X-Key', value: '{{key}}' }],
            body: { type: 'none' },
          },
        }),
      );
      expect(seen).toEqual(['sk-LIVE-4242']);
      await again.close();
      expect(await everything()).not.toContain('sk-LIVE-4242');
    } finally {
      await server.close();
    }
  });

  it('saved basic-auth passwords and bearer tokens are sealed in the collection file', async () => {
    const t = await start();
    const col = unwrap(await t['collections.create']({ name: 'Shop' }));
    const req = (auth: RequestSpec['auth']): RequestSpec => ({
      method: 'GET',
      url: 'http://x.test/',
      headers: [],
      body: { type: 'none' },
      auth,
    });
    unwrap(
      await t['collections.saveRequest']({
        collectionId: col.id,
        request: {
          name: 'basic',
          folder: '',
          request: req({ type: 'basic', username: 'u', password: 'pw-7788' }),
        },
      }),
    );
    unwrap(
      await t['collections.saveRequest']({
        collectionId: col.id,
        request: { name: 'bearer', folder: '', request: req({ type: 'bearer', token: 'tok-9911' }) },
      }),
    );
    await t.close();
    const disk = await everything();
    expect(disk).not.toContain('pw-7788');
    expect(disk).not.toContain('tok-9911');
    expect(disk).toContain('tandem:sealed:k1:');
    const [shop] = unwrap(await (await start())['collections.list']({}));
    expect(shop.requests.map((r) => r.request.auth)).toEqual([
      { type: 'basic', username: 'u', password: 'pw-7788' },
      { type: 'bearer', token: 'tok-9911' },
    ]);
  });

  it('the host may bring its own box (the app: safeStorage); what only it can open is reported elsewhere, never lost', async () => {
    const box: SecretBox = {
      scheme: 's1',
      seal: (p) => Buffer.from([...Buffer.from(p)].reverse()).toString('base64'),
      open: (p) => Buffer.from([...Buffer.from(p, 'base64')].reverse()).toString(),
    };
    const app = await start(box);
    unwrap(await app['profiles.create']({ name: 'alice' }));
    unwrap(
      await app['profiles.update']({
        name: 'alice',
        patch: { variables: { pin: '1234-5678' }, secrets: ['pin'] },
      }),
    );
    await app.close();
    expect(JSON.parse(await fs.readFile(layout.profileFile(dir, 'alice'), 'utf8')).sealed.pin).toMatch(
      /^s1:/,
    );

    // The CLI has no keychain: it says so, and editing the profile keeps the sealed value.
    const cli = await start();
    const [alice] = unwrap(await cli['profiles.list']({}));
    expect(alice.variables.pin).toBeUndefined();
    expect(unwrap(await cli['workspace.info']({})).notices).toEqual([
      "The secret variable 'pin' of alice was sealed by the desktop app with the OS keychain; open it in the app",
    ]);
    unwrap(await cli['profiles.update']({ name: 'alice', patch: { color: '#112233' } }));
    unwrap(await cli['profiles.duplicate']({ from: 'alice', to: 'alice2' }));
    await cli.close();
    const back = await start(box);
    const byName = Object.fromEntries(unwrap(await back['profiles.list']({})).map((p) => [p.name, p]));
    expect(byName.alice.variables.pin).toBe('1234-5678');
    expect(byName.alice2.variables.pin).toBe('1234-5678');
  });

  it('secret values are redacted in cookie exports', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    unwrap(
      await t['profiles.update']({
        name: 'alice',
        patch: { variables: { sid: 'abc-secret-1' }, secrets: ['sid'] },
      }),
    );
    unwrap(
      await t['cookies.set']({
        profile: 'alice',
        cookie: { name: 'sid', value: 'abc-secret-1', domain: 'x.test' },
      }),
    );
    unwrap(
      await t['cookies.set']({
        profile: 'alice',
        cookie: { name: 'theme', value: 'dark', domain: 'x.test' },
      }),
    );
    const { text } = unwrap(await t['cookies.export']({ profile: 'alice', format: 'netscape' }));
    expect(text).not.toContain('abc-secret-1');
    expect(text).toContain('dark');
  });
});

describe('a corrupt collection file', () => {
  it('is set aside and reported; the other collections are listed', async () => {
    const t = await start();
    unwrap(await t['collections.create']({ name: 'Good' }));
    await fs.writeFile(layout.collection(dir, 'broken'), '{"id": "broken", nope');
    const list = unwrap(await t['collections.list']({}));
    expect(list.map((c) => c.name)).toEqual(['Good']);
    expect(unwrap(await t['workspace.info']({})).notices[0]).toMatch(
      /^collections\/broken\.json is not valid JSON \(line 1\); it was kept as broken\.json\.corrupt-/,
    );
  });
});
