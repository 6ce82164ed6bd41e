import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * `tandem env rename OLD NEW` as users run it: the variables and the active flag follow the new
 * name; a bad, taken or unknown name is one line on stderr, exit 2, and changes no file.
 */
describe('tandem env rename', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args);
  const files = async () => {
    const dir = path.join(ws.dataDir, 'environments');
    const out: Record<string, string> = {};
    for (const f of (await fs.readdir(dir)).sort()) out[f] = await fs.readFile(path.join(dir, f), 'utf8');
    out['variables.json'] = await fs.readFile(path.join(ws.dataDir, 'variables.json'), 'utf8');
    return out;
  };

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
    expect((await run('env', 'create', 'staging', 'base=https://staging.example', 'tenant=acme')).code).toBe(
      0,
    );
    expect((await run('env', 'set', 'staging', 'user=alice-staging', '--profile', 'alice')).code).toBe(0);
    expect((await run('env', 'create', 'dev', 'base=http://dev')).code).toBe(0);
    expect((await run('env', 'use', 'staging')).code).toBe(0);
  });
  afterAll(() => ws?.remove());

  it('renames the active environment; it stays active with its variables', async () => {
    const r = await run('env', 'rename', 'staging', 'qa');
    expect(r).toMatchObject({ code: 0, stdout: "Renamed environment 'staging' to 'qa'\n", stderr: '' });
    const view = JSON.parse((await run('env', 'list', '--json')).stdout);
    expect(view.active).toBe('qa');
    expect(view.environments).toEqual([
      { name: 'dev', variables: { base: 'http://dev' } },
      {
        name: 'qa',
        variables: { base: 'https://staging.example', tenant: 'acme' },
        profiles: { alice: { user: 'alice-staging' } },
      },
    ]);
    expect((await run('env', 'list')).stdout).toMatch(/^\*\s+qa\s+2\s+alice/m);
  });

  it('a bad, taken or unknown name is one line, exit 2, and changes nothing', async () => {
    const before = await files();
    const cases: Array<[string[], RegExp]> = [
      [['qa', 'bad name'], /^tandem: .*an environment name: letters, digits/],
      [['qa', 'dev'], /^tandem: An environment named 'dev' already exists$/],
      [['nowhere', 'x'], /^tandem: No environment named 'nowhere'$/],
    ];
    for (const [args, message] of cases) {
      const r = await run('env', 'rename', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    }
    const missing = await run('env', 'rename', 'qa');
    expect(missing.code).toBe(2);
    expect(await files()).toEqual(before);
  });
});
