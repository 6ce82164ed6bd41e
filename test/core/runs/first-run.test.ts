import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import { cellKey } from '../../../main/shared/matrix';
import type { Collection } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

/** The first-run workspace against the real demo API: the matrix finds the demo's one planted bug. */

describe('the first-run matrix', { timeout: 60_000 }, () => {
  let demo: DemoServer;
  let dataDir: string;
  let core: Tandem;

  beforeAll(async () => {
    demo = await startDemoServer();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-firstrun-'));
    core = await createTandem({ dataDir, host: 'web', seedSample: sampleWorkspace, demoUrl: demo.url });
  });
  afterAll(async () => {
    await core.close();
    await demo.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('all requests as alice, bob and anonymous with copy jars: exactly one red cell, bob reading alice’s note', async () => {
    const c = unwrap(await core['collections.list']({})).find((x) => x.name === 'Demo API') as Collection;
    expect(Object.keys(c.expect ?? {})).toHaveLength(c.requests.length);
    const m = unwrap(
      // No `expect` given: the collection's saved expectations apply.
      await core['matrix.run']({ collectionId: c.id, profiles: ['alice', 'bob', 'anonymous'] }),
    );
    const red = Object.entries(m.cells)
      .filter(([, cell]) => cell.pass === false)
      .map(([key, cell]) => {
        const [id, profile] = key.split('|');
        return `${c.requests.find((r) => r.id === id)?.name} as ${profile}: ${cell.status}`;
      });
    expect(red).toEqual(["Alice's note as bob: 200"]);
    expect(m.summary).toMatchObject({ total: c.requests.length * 3, failed: 1, errors: 0 });
    // Rows keep the collection's order: the Session folder comes first, Log in before Log out.
    expect(m.rows.slice(0, 4).map((r) => r.name)).toEqual(['Login page', 'Log in', 'Who am I', 'Log out']);
    // After "Log out", alice's session is gone; the admin page meets 401, re-logs in, and is 403.
    const admin = c.requests.find((r) => r.name === 'Admin page')?.id ?? '';
    expect(m.cells[cellKey(admin, 'alice')]).toMatchObject({ status: 403, verdict: 'deny', pass: true });
  });
});
