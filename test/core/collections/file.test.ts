import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { collectionSchema } from '../../../main/shared/collection';
import type { Collection } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

let dir: string;
let core: Tandem;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-coll-file-'));
  core = await createTandem({ dataDir: dir, host: 'cli' });
});
afterEach(async () => {
  await core.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every field a collection can have, each one set. */
const full: Omit<Collection, 'id'> = {
  name: 'Everything',
  folders: ['Auth', 'Auth/Admin'],
  requests: [
    {
      id: 'r1',
      name: 'Log in',
      folder: 'Auth',
      request: {
        method: 'POST',
        url: '{{baseUrl}}/login',
        headers: [{ name: 'X-A', value: '1', enabled: false }],
        body: { type: 'form', fields: [{ name: 'user', value: '{{username}}' }] },
        auth: { type: 'none' },
        cookies: [{ name: 'c', value: 'v' }],
        options: {
          followRedirects: false,
          maxRedirects: 3,
          timeoutMs: 1000,
          insecure: true,
          cookieStore: false,
        },
      },
      extract: [{ name: 'csrf', source: 'json', expr: '$.csrf' }],
    },
  ],
  expect: { r1: { alice: 'allow', bob: 403 } },
  variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:1' }],
};

describe('a collection file holds every field of the Collection type', () => {
  it('a collection with every field set is read back exactly as written', async () => {
    const id = 'all-fields';
    await fs.mkdir(layout.collectionsDir(dir), { recursive: true });
    await fs.writeFile(layout.collection(dir, id), JSON.stringify({ ...full, id }));
    const read = unwrap(await core['collections.list']({})).find((c) => c.id === id);
    expect(read).toEqual({ ...full, id });
    // And it survives an edit (read, change, write) with nothing dropped.
    unwrap(await core['collections.rename']({ id, name: 'Renamed' }));
    const again = unwrap(await core['collections.list']({})).find((c) => c.id === id);
    expect(again).toEqual({ ...full, id, name: 'Renamed' });
  });

  it('the schema knows every key the type has (a key it does not know would be dropped on read)', () => {
    const parsed = collectionSchema.parse({ ...full, id: 'x' });
    expect(parsed).toEqual({ ...full, id: 'x' });
    expect(Object.keys(collectionSchema.shape).sort()).toEqual(
      ['expect', 'folders', 'id', 'name', 'requests', 'variables'].sort(),
    );
  });
});
