import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';
import { until } from '../../support/until';

/**
 * The app and the CLI may share a workspace: when the CLI renames (or otherwise changes) an
 * environment, the app core announces environments.changed, so the switcher follows; the app's
 * own changes are announced once, not again by the watcher.
 */

describe('environments changed by another process', { timeout: 30_000 }, () => {
  let dataDir: string;
  const open: Tandem[] = [];
  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-env-watch-'));
  });
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  const start = async (host: 'web' | 'cli') => {
    const t = await createTandem({ dataDir, host });
    open.push(t);
    return t;
  };

  it("the app announces the CLI's rename and its change of the active environment", async () => {
    const app = await start('web');
    let seen = 0;
    app.events.on('environments.changed', () => seen++);
    const cli = await start('cli');
    unwrap(await cli['environments.save']({ environment: { name: 'staging', variables: { a: '1' } } }));
    await until(() => seen > 0, 'the new environment');

    seen = 0;
    unwrap(await cli['environments.rename']({ from: 'staging', to: 'qa' }));
    await until(() => seen > 0, 'the rename');
    expect(unwrap(await app['environments.list']({})).environments.map((e) => e.name)).toEqual(['qa']);

    seen = 0;
    unwrap(await cli['environments.use']({ name: 'qa' }));
    await until(() => seen > 0, 'the active environment');
    expect(unwrap(await app['environments.list']({})).active).toBe('qa');
  });

  it("the app's own rename is announced once", async () => {
    const app = await start('web');
    unwrap(await app['environments.save']({ environment: { name: 'staging', variables: {} } }));
    await new Promise((r) => setTimeout(r, 300));
    let seen = 0;
    app.events.on('environments.changed', () => seen++);
    unwrap(await app['environments.rename']({ from: 'staging', to: 'qa' }));
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toBe(1);
  });
});
