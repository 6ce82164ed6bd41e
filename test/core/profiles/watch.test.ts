import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { EventMap, EventName } from '../../../main/shared/events';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';
import { unwrap } from '../../support/result';
import { until } from '../../support/until';

/**
 * The app and the CLI share a workspace. When the CLI creates, edits or deletes a profile, sends
 * as one (its jar and its history change), the open app core announces it as its own change
 * would have been: profiles.changed, cookies.changed and history.changed for that profile. The
 * app's own send is announced once, not again by the watcher.
 */

describe('profiles, jars and history changed by another process', { timeout: 60_000 }, () => {
  let dataDir: string;
  let server: LoopbackServer;
  const open: Tandem[] = [];
  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-profile-watch-'));
    server = await startLoopbackServer((req, res) => {
      res.setHeader('set-cookie', `seen=${encodeURIComponent(req.url ?? '')}; Path=/`);
      res.end('ok');
    });
  });
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });
  const start = async (host: 'web' | 'cli') => {
    const t = await createTandem({ dataDir, host });
    open.push(t);
    return t;
  };
  /** Every event of these names the core emits, in order. */
  function record(core: Tandem, names: EventName[]) {
    const seen: { name: EventName; payload: EventMap[EventName] }[] = [];
    for (const name of names) core.events.on(name, (payload) => seen.push({ name, payload }));
    return seen;
  }
  const send = (core: Tandem, profile: string, url: string) =>
    core['request.send']({
      profile,
      request: { method: 'GET', url, headers: [], body: { type: 'none' } },
    });

  it("the app hears the CLI's new profile, its send (jar and history), its rename and its delete", async () => {
    const app = await start('web');
    // bob is there first: a workspace's first profile replaces the implicit `default`, which is
    // announced as "read the list again".
    unwrap(await app['profiles.create']({ name: 'bob' }));
    const seen = record(app, ['profiles.changed', 'cookies.changed', 'history.changed']);
    const cli = await start('cli');

    unwrap(await cli['profiles.create']({ name: 'alice', color: '#7c5cff' }));
    await until(() => seen.some((e) => e.name === 'profiles.changed'), 'the new profile');
    expect(seen.find((e) => e.name === 'profiles.changed')?.payload).toMatchObject({
      profile: { name: 'alice' },
    });
    expect(unwrap(await app['profiles.list']({})).map((p) => p.name)).toContain('alice');

    unwrap(await send(cli, 'alice', `${server.url}/from-cli`));
    await until(
      () =>
        seen.some(
          (e) => e.name === 'cookies.changed' && 'profile' in e.payload && e.payload.profile === 'alice',
        ),
      "alice's jar",
    );
    await until(
      () =>
        seen.some(
          (e) => e.name === 'history.changed' && 'profile' in e.payload && e.payload.profile === 'alice',
        ),
      "alice's history",
    );
    const jar = unwrap(await app['cookies.list']({ profile: 'alice' }));
    expect(jar.map((c) => `${c.name}=${c.value}`)).toEqual(['seen=%2Ffrom-cli']);
    const history = unwrap(await app['history.list']({ profile: 'alice' }));
    expect(history.map((h) => h.request.url)).toEqual([`${server.url}/from-cli`]);

    seen.length = 0;
    unwrap(await cli['profiles.update']({ name: 'alice', patch: { color: '#00aa88' } }));
    await until(() => seen.some((e) => e.name === 'profiles.changed'), 'the edited profile');
    expect(unwrap(await app['profiles.list']({})).find((p) => p.name === 'alice')?.color).toBe('#00aa88');

    seen.length = 0;
    unwrap(await cli['profiles.rename']({ from: 'alice', to: 'alicia' }));
    await until(() => seen.some((e) => e.name === 'profiles.changed'), 'the renamed profile');
    // Announced as a rename, as the app's own would be: windows move tabs and columns along.
    const renamed = seen.find((e) => e.name === 'profiles.changed')?.payload;
    expect(renamed).toMatchObject({ profile: { name: 'alicia', color: '#00aa88' }, deleted: 'alice' });
    expect(unwrap(await app['cookies.list']({ profile: 'alicia' })).map((c) => c.name)).toEqual(['seen']);

    seen.length = 0;
    unwrap(await cli['profiles.delete']({ name: 'alicia' }));
    await until(() => seen.some((e) => e.name === 'profiles.changed'), 'the deleted profile');
    expect(seen.find((e) => e.name === 'profiles.changed')?.payload).toEqual({ deleted: 'alicia' });
    expect(unwrap(await app['profiles.list']({})).map((p) => p.name)).not.toContain('alicia');
  });

  it("the app's own send is announced once: the watcher knows its own writes", async () => {
    const app = await start('web');
    unwrap(await app['profiles.create']({ name: 'bob' }));
    unwrap(await send(app, 'bob', `${server.url}/warm-up`));
    await new Promise((r) => setTimeout(r, 400));
    const seen = record(app, ['profiles.changed', 'cookies.changed', 'history.changed']);
    unwrap(await send(app, 'bob', `${server.url}/own`));
    await new Promise((r) => setTimeout(r, 600));
    expect(seen.map((e) => e.name).sort()).toEqual(['cookies.changed', 'history.changed']);
  });
});
