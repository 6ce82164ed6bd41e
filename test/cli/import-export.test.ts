import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../main/demo/server';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/** `tandem import …` and `tandem export …` as a user types them, on the files in test/core/interop/fixtures. */

const FIXTURES = resolve(__dirname, '../core/interop/fixtures');

describe('tandem import / export', { timeout: 120_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: FIXTURES });

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
    demo = await startDemoServer({});
    expect((await run('profiles', 'create', 'alice')).code).toBe(0);
  });
  afterAll(async () => {
    await demo?.close();
    await ws?.remove();
  });

  it('--dry-run shows what would be created and creates nothing', async () => {
    const dry = await run('import', 'openapi', 'petstore-openapi3.yaml', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Would create collection 'Petstore': 6 requests in 2 folders, 3 variables\n/);
    expect(dry.stdout).toContain('  + pets/List pets  (GET {{baseUrl}}/pets?limit=20&status=available)');
    expect(dry.stdout).toContain(
      '  - paths./pets/{petId}/photo.post: a file part has no file yet: choose it before sending',
    );
    const listed = await run('collections', 'list');
    expect(listed.stdout).not.toContain('Petstore');
  });

  it('insomnia and HAR imports; --cookies-to puts the browser cookies in a jar', async () => {
    const ins = await run('import', 'insomnia', 'insomnia-v4.json', '--collection', 'Team');
    expect(ins.code).toBe(0);
    expect(ins.stdout).toMatch(/^Created collection 'Team': 4 requests in 1 folder, 3 variables/);
    expect(ins.stdout).toContain(
      "  - resources[6].data.nested: variable 'nested' holds an object; Tandem variables are text",
    );

    const har = await run('import', 'har', 'chrome-devtools.har', '--cookies-to', 'alice', '--json');
    expect(har.code).toBe(0);
    const out = JSON.parse(har.stdout);
    expect(out).toMatchObject({ created: true, format: 'har', cookiesImported: 3 });
    const jar = await run('cookies', 'list', '--profile', 'alice');
    expect(jar.stdout).toContain('csrftoken');
  });

  it('bad input: one line, exit 2, nothing created', async () => {
    const wrong = await run('import', 'bruno', 'x.json');
    expect(wrong).toMatchObject({
      code: 2,
      stderr: "tandem: Unknown import format 'bruno': use postman, insomnia, har, openapi\n",
    });
    const missing = await run('import', 'postman', 'nope.json');
    expect(missing).toMatchObject({ code: 2, stderr: 'tandem: Cannot read nope.json\n' });
    const notPostman = await run('import', 'postman', 'insomnia-v4.json');
    expect(notPostman).toMatchObject({
      code: 2,
      stderr: 'tandem: Not a Postman collection: expected "info" and "item" at the top level\n',
    });
  });

  it('export postman writes v2.1 that imports back; export har carries the profile in _profile', async () => {
    const out = join(ws.root, 'team.postman_collection.json');
    const exported = await run('export', 'postman', 'Team', '--out', out);
    expect(exported).toMatchObject({ code: 0, stderr: `tandem: wrote ${out}\n` });
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(json.variable.map((v: { key: string }) => v.key)).toEqual(['base_url', 'token', 'admin_password']);
    const back = await run('import', 'postman', out, '--collection', 'Team again');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^Created collection 'Team again': 4 requests in 1 folder, 3 variables\n/);

    expect((await run('send', '--profile', 'alice', `${demo.url}/cookies/set?theme=dark`)).code).toBe(0);
    const har = await run('export', 'har', 'alice');
    expect(har.code).toBe(0);
    const log = JSON.parse(har.stdout).log;
    expect(log.version).toBe('1.2');
    expect(log.entries.at(-1)).toMatchObject({
      _profile: 'alice',
      request: { method: 'GET', url: `${demo.url}/cookies/set?theme=dark` },
      response: { status: 200 },
    });
    const unknown = await run('export', 'postman', 'Nope');
    expect(unknown).toMatchObject({ code: 2, stderr: "tandem: Unknown collection 'Nope'\n" });
  });

  it('a run exports as HAR: one entry per step, each with its profile and the run', async () => {
    const file = join(ws.root, 'two.postman_collection.json');
    await writeFile(
      file,
      JSON.stringify({
        info: { name: 'Two', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [
          { name: 'get', request: { method: 'GET', url: `${demo.url}/get?n=1` } },
          { name: 'headers', request: { method: 'GET', url: `${demo.url}/headers` } },
        ],
      }),
    );
    expect((await run('import', 'postman', file)).code).toBe(0);
    expect((await run('profiles', 'create', 'bob')).code).toBe(0);
    const ran = await run('run', 'Two', '--profile', 'alice', '--profile', 'bob');
    expect(ran.code).toBe(0);
    const all = JSON.parse((await run('export', 'har', 'all')).stdout).log.entries as Array<
      Record<string, unknown>
    >;
    const steps = all.filter((e) => e._run === 'Two');
    expect(steps.map((e) => [e._profile, (e.request as { url: string }).url])).toEqual([
      ['alice', `${demo.url}/get?n=1`],
      ['alice', `${demo.url}/headers`],
      ['bob', `${demo.url}/get?n=1`],
      ['bob', `${demo.url}/headers`],
    ]);
    const bobs = JSON.parse((await run('export', 'har', 'bob')).stdout).log.entries as Array<
      Record<string, unknown>
    >;
    expect(bobs.every((e) => e._profile === 'bob')).toBe(true);
    expect(bobs).toHaveLength(2);
  });
});
