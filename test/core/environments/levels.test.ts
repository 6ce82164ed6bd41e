import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { layerFor } from '../../../main/shared/environments';
import type { Collection } from '../../../main/shared/types';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';
import { unwrap } from '../../support/result';

/**
 * Variable levels, least specific first: global, collection, environment, profile, profile on
 * environment. Each level defines the names from its own level down, so the one that answers
 * each name shows which level won. Both a single send and a collection run see the same values.
 */

const postman = JSON.stringify({
  info: { name: 'Levels', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  variable: [
    { key: 'c', value: 'collection' },
    { key: 'e', value: 'collection' },
    { key: 'p', value: 'collection' },
    { key: 'pe', value: 'collection' },
  ],
  item: [
    {
      name: 'echo',
      request: { method: 'GET', url: '{{base}}/echo?g={{g}}&c={{c}}&e={{e}}&p={{p}}&pe={{pe}}' },
    },
  ],
});

describe('variable levels', { timeout: 30_000 }, () => {
  let server: LoopbackServer;
  let dataDir: string;
  let core: Tandem;
  let collection: Collection;
  const seen: string[] = [];

  beforeAll(async () => {
    server = await startLoopbackServer((req, res) => {
      seen.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: req.url }));
    });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-levels-'));
    core = await createTandem({ dataDir, host: 'cli' });
    unwrap(
      await core['environments.setGlobals']({
        variables: { base: server.url, g: 'global', c: 'global', e: 'global', p: 'global', pe: 'global' },
      }),
    );
    const imported = unwrap(await core['interop.import']({ format: 'postman', text: postman }));
    collection = unwrap(await core['collections.list']({})).find(
      (c) => c.id === imported.collectionId,
    ) as Collection;
    unwrap(
      await core['environments.save']({
        environment: {
          name: 'staging',
          variables: { e: 'environment', p: 'environment', pe: 'environment' },
          profiles: { alice: { pe: 'alice-on-staging' } },
        },
      }),
    );
    unwrap(
      await core['environments.save']({
        environment: { name: 'production', production: true, variables: {} },
      }),
    );
    unwrap(await core['profiles.create']({ name: 'alice' }));
    unwrap(await core['profiles.create']({ name: 'bob' }));
    unwrap(
      await core['profiles.update']({ name: 'alice', patch: { variables: { p: 'profile', pe: 'profile' } } }),
    );
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const sendAs = async (profile: string) => {
    const saved = collection.requests[0];
    const r = unwrap(await core['request.send']({ profile, request: saved.request, requestId: saved.id }));
    return Object.fromEntries(new URL(r.request.url).searchParams);
  };

  it('with no environment active: global < collection < profile', async () => {
    expect(unwrap(await core['environments.list']({})).active).toBeNull();
    expect(await sendAs('alice')).toEqual({
      g: 'global',
      c: 'collection',
      e: 'collection',
      p: 'profile',
      pe: 'profile',
    });
    expect(await sendAs('bob')).toEqual({
      g: 'global',
      c: 'collection',
      e: 'collection',
      p: 'collection',
      pe: 'collection',
    });
  });

  it('with staging active: environment beats collection, profile beats environment, alice-on-staging beats all', async () => {
    unwrap(await core['environments.use']({ name: 'staging' }));
    expect(await sendAs('alice')).toEqual({
      g: 'global',
      c: 'collection',
      e: 'environment',
      p: 'profile',
      pe: 'alice-on-staging',
    });
    expect(await sendAs('bob')).toEqual({
      g: 'global',
      c: 'collection',
      e: 'environment',
      p: 'environment',
      pe: 'environment',
    });
  });

  it('variables.layers says which level answers each name (the hover)', async () => {
    const layers = unwrap(
      await core['variables.layers']({ profile: 'alice', requestId: collection.requests[0].id }),
    );
    expect(layers.map((l) => l.level)).toEqual([
      'global',
      'collection',
      'environment',
      'profile',
      'profileEnvironment',
    ]);
    expect(layerFor(layers, 'g')?.label).toBe('global variables');
    expect(layerFor(layers, 'c')?.label).toBe('collection Levels');
    expect(layerFor(layers, 'e')?.label).toBe('environment staging');
    expect(layerFor(layers, 'p')?.label).toBe("alice's variables");
    expect(layerFor(layers, 'pe')?.label).toBe('alice on staging');
    expect(layerFor(layers, 'nothing')).toBeNull();
  });

  it('a collection run resolves the same levels for every profile', async () => {
    seen.length = 0;
    const r = unwrap(
      await core['collections.run']({ collectionId: collection.id, profiles: ['alice', 'bob'] }),
    );
    expect(r.summary.responses).toBe(2);
    expect(seen).toEqual([
      '/echo?g=global&c=collection&e=environment&p=profile&pe=alice-on-staging',
      '/echo?g=global&c=collection&e=environment&p=environment&pe=environment',
    ]);
  });

  it('the files are readable JSON; bad names and unknown environments change nothing', async () => {
    const file = JSON.parse(await fs.readFile(path.join(dataDir, 'environments', 'production.json'), 'utf8'));
    expect(file).toEqual({ name: 'production', production: true, variables: {} });
    const state = JSON.parse(await fs.readFile(path.join(dataDir, 'variables.json'), 'utf8'));
    expect(state.active).toBe('staging');
    const bad = await core['environments.use']({ name: 'nowhere' });
    expect(bad.ok ? null : bad.error.message).toBe("No environment named 'nowhere'");
    const badName = await core['environments.save']({ environment: { name: '../x', variables: {} } });
    expect(badName.ok).toBe(false);
    expect(unwrap(await core['environments.list']({})).active).toBe('staging');
  });

  it('deleting the active environment leaves none active', async () => {
    unwrap(await core['environments.delete']({ name: 'staging' }));
    const view = unwrap(await core['environments.list']({}));
    expect(view.active).toBeNull();
    expect(view.environments.map((e) => e.name)).toEqual(['production']);
    expect(await sendAs('bob')).toMatchObject({ e: 'collection' });
  });
});
