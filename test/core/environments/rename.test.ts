import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { layerFor } from '../../../main/shared/environments';
import { unwrap } from '../../support/result';

/**
 * Renaming an environment: the file moves to the new name with its variables and profile values,
 * the active environment follows it, a reopened workspace sees the same, and a bad or taken name
 * is one line that changes no file.
 */

const staging = {
  name: 'staging',
  variables: { baseUrl: 'https://staging.example', tenant: 'acme' },
  profiles: { alice: { password: 's3cret' } },
};

/** Every file of the workspace's environments and variables.json, with its bytes. */
async function snapshot(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const dir = path.join(dataDir, 'environments');
  for (const f of (await fs.readdir(dir)).sort()) out[f] = await fs.readFile(path.join(dir, f), 'utf8');
  out['variables.json'] = await fs.readFile(path.join(dataDir, 'variables.json'), 'utf8');
  return out;
}

const readJson = async (...p: string[]) => JSON.parse(await fs.readFile(path.join(...p), 'utf8'));

describe('renaming an environment', { timeout: 30_000 }, () => {
  let dataDir: string;
  let core: Tandem;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-env-rename-'));
    core = await createTandem({ dataDir, host: 'cli' });
    unwrap(await core['profiles.create']({ name: 'alice' }));
    unwrap(await core['environments.save']({ environment: staging }));
    unwrap(
      await core['environments.save']({ environment: { name: 'dev', variables: { baseUrl: 'http://dev' } } }),
    );
    unwrap(await core['environments.use']({ name: 'staging' }));
  });
  afterEach(async () => {
    await core.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('moves the file with its variables, keeps it active, and announces the change', async () => {
    let events = 0;
    const off = core.events.on('environments.changed', () => events++);
    const renamed = unwrap(await dispatch(core, 'environments.rename', { from: 'staging', to: 'qa' }));
    off();
    expect(renamed).toEqual({ ...staging, name: 'qa' });
    expect(events).toBe(1);

    expect((await fs.readdir(path.join(dataDir, 'environments'))).sort()).toEqual(['dev.json', 'qa.json']);
    expect(await readJson(dataDir, 'environments', 'qa.json')).toEqual({ ...staging, name: 'qa' });
    expect((await readJson(dataDir, 'variables.json')).active).toBe('qa');

    const view = unwrap(await core['environments.list']({}));
    expect(view.active).toBe('qa');
    expect(view.environments.map((e) => e.name)).toEqual(['dev', 'qa']);
    // Requests read the renamed environment (and alice's own value on it) as the active one.
    const layers = unwrap(await core['variables.layers']({ profile: 'alice' }));
    expect(layerFor(layers, 'baseUrl')?.label).toBe('environment qa');
    expect(layerFor(layers, 'password')?.label).toBe('alice on qa');
  });

  it('renaming one that is not active leaves the active one alone', async () => {
    unwrap(await core['environments.rename']({ from: 'dev', to: 'local' }));
    const view = unwrap(await core['environments.list']({}));
    expect(view.active).toBe('staging');
    expect(view.environments).toEqual([{ name: 'local', variables: { baseUrl: 'http://dev' } }, staging]);
  });

  it('a reopened workspace sees the new name, the same variables and the same active one', async () => {
    unwrap(await core['environments.rename']({ from: 'staging', to: 'qa' }));
    await core.close();
    core = await createTandem({ dataDir, host: 'cli' });
    const view = unwrap(await core['environments.list']({}));
    expect(view.active).toBe('qa');
    expect(view.environments.find((e) => e.name === 'qa')).toEqual({ ...staging, name: 'qa' });
    expect(view.environments.some((e) => e.name === 'staging')).toBe(false);
  });

  it('a bad, taken or unknown name is one line and changes no file', async () => {
    const before = await snapshot(dataDir);
    let events = 0;
    const off = core.events.on('environments.changed', () => events++);
    const refusals: Array<[unknown, string, RegExp]> = [
      [{ from: 'staging', to: '../x' }, 'INVALID_ARGUMENT', /an environment name: letters, digits/],
      [{ from: 'staging', to: 'has space' }, 'INVALID_ARGUMENT', /an environment name: letters, digits/],
      [{ from: 'staging', to: 'dev' }, 'INVALID_ARGUMENT', /^An environment named 'dev' already exists$/],
      [{ from: 'staging', to: 'DEV' }, 'INVALID_ARGUMENT', /^An environment named 'DEV' already exists$/],
      [{ from: 'nowhere', to: 'qa' }, 'NOT_FOUND', /^No environment named 'nowhere'$/],
    ];
    for (const [args, code, message] of refusals) {
      const r = await dispatch(core, 'environments.rename', args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
      expect(r.error.message).not.toContain('\n');
    }
    // The core checks the name itself too (callers that skip the contract).
    const direct = await core['environments.rename']({ from: 'staging', to: '../x' });
    expect(direct.ok ? null : direct.error.code).toBe('INVALID_ARGUMENT');
    off();
    expect(events).toBe(0);
    expect(await snapshot(dataDir)).toEqual(before);
  });

  it('a name taken by a file that is not a valid environment is refused too', async () => {
    await fs.writeFile(path.join(dataDir, 'environments', 'qa.json'), '{"variables": 42}\n');
    const r = await core['environments.rename']({ from: 'staging', to: 'qa' });
    expect(r.ok ? null : r.error.message).toBe("An environment named 'qa' already exists");
    expect(await readJson(dataDir, 'environments', 'staging.json')).toEqual(staging);
    expect((await readJson(dataDir, 'variables.json')).active).toBe('staging');
  });

  it('saving with create refuses a taken name (also in another case) and replaces nothing', async () => {
    const before = await snapshot(dataDir);
    for (const name of ['staging', 'STAGING']) {
      const r = await dispatch(core, 'environments.save', {
        environment: { name, variables: {} },
        create: true,
      });
      expect(r.ok ? null : r.error).toEqual({
        code: 'INVALID_ARGUMENT',
        message: `An environment named '${name}' already exists`,
      });
    }
    expect(await snapshot(dataDir)).toEqual(before);
    const made = unwrap(
      await core['environments.save']({ environment: { name: 'qa', variables: { a: '1' } }, create: true }),
    );
    expect(made).toEqual({ name: 'qa', variables: { a: '1' } });
    expect(await readJson(dataDir, 'environments', 'qa.json')).toEqual(made);
  });

  it('changes only the case of a name', async () => {
    unwrap(await core['environments.rename']({ from: 'staging', to: 'Staging' }));
    const view = unwrap(await core['environments.list']({}));
    expect(view.active).toBe('Staging');
    expect(view.environments.map((e) => e.name)).toEqual(['Staging', 'dev']);
    expect(await readJson(dataDir, 'environments', 'Staging.json')).toEqual({ ...staging, name: 'Staging' });
  });

  it("a core pinned to the environment (the CLI's --env) follows the rename", async () => {
    unwrap(await core['environments.use']({ name: null }));
    const pinned = await createTandem({ dataDir, host: 'cli', environment: 'staging' });
    try {
      unwrap(await pinned['environments.rename']({ from: 'staging', to: 'qa' }));
      const layers = unwrap(await pinned['variables.layers']({ profile: 'alice' }));
      expect(layerFor(layers, 'baseUrl')?.label).toBe('environment qa');
    } finally {
      await pinned.close();
    }
  });
});
