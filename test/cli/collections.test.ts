import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem } from '../../main/core/tandem';
import type { Collection } from '../../main/shared/types';
import { assertBuilt, parseJson, tandem, tempWorkspace } from './helpers';

describe('tandem collections: list and duplicate', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args);
  let shopId = '';

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
    const core = await createTandem({ dataDir: ws.dataDir, host: 'cli' });
    const made = await core['collections.create']({ name: 'Shop' });
    if (!made.ok) throw new Error(made.error.message);
    shopId = made.value.id;
    for (const [folder, name] of [
      ['Orders', 'List orders'],
      ['Orders/Admin', 'Refund'],
    ])
      await core['collections.saveRequest']({
        collectionId: shopId,
        request: {
          name,
          folder,
          request: { method: 'GET', url: 'http://x/', headers: [], body: { type: 'none' } },
        },
      });
    await core.close();
  });
  afterAll(() => ws?.remove());

  it('lists the collections as a table and as JSON', async () => {
    const text = await run('collections', 'list');
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+FOLDERS\s+REQUESTS$/);
    expect(lines[1]).toMatch(new RegExp(`^${shopId}\\s+Shop\\s+2\\s+2$`));
    const json = parseJson<Collection[]>(await run('collections', 'list', '--json'));
    expect(json.map((c) => c.name)).toEqual(['Shop']);
  });

  it('copies a folder inside the collection, then the whole collection', async () => {
    const folder = await run('collections', 'duplicate', 'Shop', '--folder', 'Orders');
    expect(folder).toMatchObject({ code: 0, stderr: '' });
    expect(folder.stdout).toBe("Copied folder 'Orders' of 'Shop' to 'Orders copy' (2 requests)\n");
    const whole = parseJson<Collection>(await run('collections', 'duplicate', 'Shop', '--json'));
    expect(whole.name).toBe('Shop copy');
    expect(whole.folders).toEqual(['Orders', 'Orders/Admin', 'Orders copy', 'Orders copy/Admin']);
    expect(whole.requests).toHaveLength(4);
    const names = parseJson<Collection[]>(await run('collections', 'list', '--json')).map((c) => c.name);
    expect(names).toEqual(['Shop', 'Shop copy']);
  });

  it('an unknown collection or folder is one line on stderr, exit 2, nothing written', async () => {
    for (const args of [
      ['collections', 'duplicate', 'Nope'],
      ['collections', 'duplicate', 'Shop', '--folder', 'Nope'],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^tandem: .*Nope/), '']);
    }
    const names = parseJson<Collection[]>(await run('collections', 'list', '--json')).map((c) => c.name);
    expect(names).toEqual(['Shop', 'Shop copy']);
  });
});
