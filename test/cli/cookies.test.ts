import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JarCookie } from '../../main/shared/cookieInfo';
import type { CookieView } from '../../main/shared/types';
import { assertBuilt, parseJson, tandem, tempWorkspace } from './helpers';

/** The attributes alone (provenance, values and lint are checked on their own). */
const strip = (cookies: CookieView[]) =>
  (cookies as JarCookie[]).map(({ creation: _c, source: _s, values: _v, warnings: _w, ...rest }) => rest);

describe('tandem cookies: edit a jar by hand, move it between profiles', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
    for (const name of ['alice', 'bob', 'eve']) expect((await run('profiles', 'create', name)).code).toBe(0);
  });
  afterAll(() => ws?.remove());

  it('alice sets a host-only session cookie and a domain cookie with every attribute, and lists them', async () => {
    const session = await run(
      'cookies',
      'set',
      'session=abc',
      '--domain',
      'localhost',
      '--http-only',
      '--profile',
      'alice',
    );
    expect(session).toMatchObject({ code: 0, stderr: '' });
    const theme = await run(
      'cookies',
      'set',
      'theme=dark',
      '--domain',
      '.example.com',
      '--path',
      '/app',
      '--expires',
      '2030-01-01T00:00:00Z',
      '--secure',
      '--same-site',
      'Lax',
      '--profile',
      'alice',
    );
    expect(theme).toMatchObject({ code: 0, stderr: '' });

    const list = parseJson<JarCookie[]>(await run('cookies', 'list', '--profile', 'alice', '--json'));
    // Typed by hand: the source says so; the session cookie without Secure gets a warning saying why.
    expect(list.map((c) => c.source.kind)).toEqual(['edit', 'edit']);
    expect(Date.parse(list[0].source.at)).not.toBeNaN();
    expect(list.find((c) => c.name === 'session')?.warnings.map((w) => w.code)).toEqual(['session-secure']);
    expect(strip(list)).toEqual([
      {
        name: 'theme',
        value: 'dark',
        domain: 'example.com',
        path: '/app',
        expires: '2030-01-01T00:00:00.000Z',
        hostOnly: false,
        secure: true,
        httpOnly: false,
        sameSite: 'Lax',
        size: 9,
      },
      {
        name: 'session',
        value: 'abc',
        domain: 'localhost',
        path: '/',
        expires: null,
        hostOnly: true,
        secure: false,
        httpOnly: true,
        sameSite: null,
        size: 10,
      },
    ]);
    const table = (await run('cookies', 'list', '--profile', 'alice')).stdout;
    expect(table).toMatch(
      /theme\s+dark\s+\.example\.com\s+\/app\s+2030-01-01T00:00:00\.000Z\s+Secure SameSite=Lax/,
    );
    expect(table).toMatch(/session\s+abc\s+localhost\s+\/\s+session\s+HttpOnly/);
    // bob's jar is his own
    expect((await run('cookies', 'list', '--profile', 'bob')).stdout).toBe("No cookies in profile 'bob'\n");
  });

  it('export writes cookies.txt as curl does (#HttpOnly_ lines), and bob imports it into an identical jar', async () => {
    const out = await run('cookies', 'export', '--profile', 'alice');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^# Netscape HTTP Cookie File/);
    expect(out.stdout).toContain('#HttpOnly_localhost\tFALSE\t/\tFALSE\t0\tsession\tabc\n');
    expect(out.stdout).toContain('.example.com\tTRUE\t/app\tTRUE\t1893456000\ttheme\tdark\n');

    expect((await run('cookies', 'export', '--profile', 'alice', '-o', 'alice.txt')).stdout).toBe(
      "Exported the cookies of 'alice' to alice.txt (netscape)\n",
    );
    expect(await readFile(join(ws.root, 'alice.txt'), 'utf8')).toBe(out.stdout);
    const imported = await run('cookies', 'import', 'alice.txt', '--profile', 'bob');
    expect(imported).toMatchObject({ code: 0, stderr: '', stdout: "Imported 2 cookies into 'bob'\n" });
    const bob = parseJson<CookieView[]>(await run('cookies', 'list', '--profile', 'bob', '--json'));
    const alice = parseJson<CookieView[]>(await run('cookies', 'list', '--profile', 'alice', '--json'));
    expect(strip(bob).map(({ sameSite: _s, ...c }) => c)).toEqual(
      strip(alice).map(({ sameSite: _s, ...c }) => c),
    );
  });

  it('a JSON export imports without --format (detected), and a bad cookies.txt imports nothing', async () => {
    expect(
      (await run('cookies', 'export', '--profile', 'alice', '--format', 'json', '-o', 'a.json')).code,
    ).toBe(0);
    const json = JSON.parse(await readFile(join(ws.root, 'a.json'), 'utf8')) as CookieView[];
    expect(json.map((c) => c.name).sort()).toEqual(['session', 'theme']);
    expect((await run('cookies', 'import', 'a.json', '--profile', 'eve')).stdout).toBe(
      "Imported 2 cookies into 'eve'\n",
    );

    await writeFile(join(ws.root, 'bad.txt'), 'localhost\tFALSE\t/\tFALSE\t0\tok\t1\nnot a cookie line\n');
    const bad = await run('cookies', 'import', 'bad.txt', '--profile', 'bob', '--format', 'netscape');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^tandem: /);
    expect(parseJson<CookieView[]>(await run('cookies', 'list', '--profile', 'bob', '--json'))).toHaveLength(
      2,
    );
  });

  it('--skip-invalid imports the valid lines, lists the rejected ones on stderr and exits 0', async () => {
    await writeFile(
      join(ws.root, 'mixed.txt'),
      'localhost\tFALSE\t/\tFALSE\t0\tkept\t1\nnot a cookie line\nlocalhost\tFALSE\t/\tFALSE\tsoon\tx\t2\n',
    );
    expect((await run('profiles', 'create', 'zed')).code).toBe(0);
    const strict = await run('cookies', 'import', 'mixed.txt', '--profile', 'zed');
    expect(strict.code).toBe(2);
    const lenient = await run('cookies', 'import', 'mixed.txt', '--profile', 'zed', '--skip-invalid');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe("Imported 1 cookie into 'zed' (2 lines skipped)\n");
    const lines = lenient.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Skipped mixed\.txt line 2: /);
    expect(lines[1]).toMatch(/^Skipped mixed\.txt line 3: .*soon/);
    const zed = parseJson<CookieView[]>(await run('cookies', 'list', '--profile', 'zed', '--json'));
    expect(zed.map((c) => c.name)).toEqual(['kept']);
  });

  it('delete removes one cookie (a second delete is an error), clear empties the jar', async () => {
    const del = await run('cookies', 'delete', 'session', '--domain', 'localhost', '--profile', 'alice');
    expect(del).toMatchObject({ code: 0, stderr: '' });
    const again = await run('cookies', 'delete', 'session', '--domain', 'localhost', '--profile', 'alice');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("tandem: No cookie 'session' for localhost/ in profile 'alice'\n");

    const clear = await run('cookies', 'clear', '--profile', 'alice');
    expect(clear.stdout).toBe("Removed 1 cookie from 'alice'\n");
    expect(parseJson<CookieView[]>(await run('cookies', 'list', '--profile', 'alice', '--json'))).toEqual([]);
  });
});
