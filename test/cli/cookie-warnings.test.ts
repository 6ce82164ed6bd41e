import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * `tandem cookies list` as text shows what `--json` gives: each cookie's source, and its lint
 * warnings as a `!` before the row and one line per warning under the table.
 */
const BIG = 'x'.repeat(5000);
let server: LoopbackServer;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;
const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

beforeAll(async () => {
  assertBuilt();
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/login')
      res.setHeader('set-cookie', [
        'sessionid=abc123; Path=/',
        'pref=1; SameSite=None; Path=/',
        `big=${BIG}; Path=/`,
        'theme=dark; Path=/; HttpOnly',
      ]);
    if (req.url === '/theme') res.setHeader('set-cookie', 'theme=light; Path=/');
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  ws = await tempWorkspace();
  // Browsers drop a cookie past 4096 bytes, and so does the jar by default: raise the cap so the
  // size warning has a cookie to warn about.
  await mkdir(ws.dataDir, { recursive: true });
  await writeFile(join(ws.dataDir, 'settings.json'), JSON.stringify({ maxCookieBytes: 8192 }));
  for (const name of ['alice', 'bob']) expect((await run('profiles', 'create', name)).code).toBe(0);
});

afterAll(async () => {
  await server.close();
  await ws.remove();
});

describe('tandem cookies list: warnings and sources in the text table', { timeout: 60_000 }, () => {
  it('marks each warned cookie, lists why under the table, and says where each value came from', async () => {
    expect((await run('send', `${server.url}/login`, '--profile', 'alice')).code).toBe(0);
    // The jar refuses a broken __Host-/__Secure- cookie from a response, as browsers do; typed by
    // hand or imported it is kept, and warned about.
    const typed = ['cookies', 'set', '__Host-id=1', '--domain', '127.0.0.1', '--path', '/app', '--secure'];
    expect((await run(...typed, '--profile', 'alice')).code).toBe(0);
    await writeFile(join(ws.root, 'imp.txt'), '127.0.0.1\tFALSE\t/\tFALSE\t0\t__Secure-imp\t3\n');
    expect((await run('cookies', 'import', 'imp.txt', '--profile', 'alice')).code).toBe(0);

    const list = await run('cookies', 'list', '--profile', 'alice');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    const [table, warnings] = list.stdout.split('\n\n');
    const rows = table.split('\n');
    expect(rows[0]).toMatch(/^ {3}NAME\s+VALUE\s+DOMAIN\s+PATH\s+EXPIRES\s+FLAGS\s+SOURCE$/);
    const row = (name: string) => rows.find((r) => r.slice(3).startsWith(`${name} `)) ?? '';
    const fromLogin = `response [0-9a-f]{8} hop 0 \\(${server.url}/login\\)$`;
    expect(row('sessionid')).toMatch(
      new RegExp(`^! {2}sessionid\\s+abc123\\s+127\\.0\\.0\\.1\\s+/\\s+session\\s+${fromLogin}`),
    );
    expect(row('pref')).toMatch(new RegExp(`^! {2}pref\\s+1\\s.*SameSite=None\\s+${fromLogin}`));
    expect(row('big')).toMatch(new RegExp(`^! {2}big\\s+x{47}…\\s.*${fromLogin}`));
    expect(row('theme')).toMatch(new RegExp(`^ {3}theme\\s+dark\\s.*HttpOnly\\s+${fromLogin}`));
    expect(row('__Host-id')).toMatch(
      /^! {2}__Host-id\s+1\s+127\.0\.0\.1\s+\/app\s+session\s+Secure\s+edited by hand$/,
    );
    expect(row('__Secure-imp')).toMatch(/^! {2}__Secure-imp\s+3\s.*\simported$/);
    expect(rows).toHaveLength(7);

    // One line per warning, in the table's order.
    expect(warnings.split('\n')).toEqual([
      'Warnings',
      '  ! __Secure-imp (127.0.0.1/): __Secure- prefix without Secure: browsers refuse it; the prefix promises it only travels over https',
      '  ! big (127.0.0.1/): 5003 bytes, over the 4096-byte limit: browsers drop it silently',
      '  ! pref (127.0.0.1/): SameSite=None without Secure: browsers reject it, so the cookie never arrives',
      '  ! sessionid (127.0.0.1/): Session-like cookie without HttpOnly: any script on the page (an XSS) can read and steal it',
      '  ! sessionid (127.0.0.1/): Session-like cookie without Secure: it is also sent over plain http, where anyone on the network can read it',
      '  ! __Host-id (127.0.0.1/app): __Host- prefix broken (Path is /app, not /): browsers refuse it; the prefix promises a Secure, host-only cookie on Path=/',
      '',
    ]);
  });

  it('a jar without warnings prints the plain table: no marker column, no Warnings section', async () => {
    expect((await run('send', `${server.url}/theme`, '--profile', 'bob')).code).toBe(0);
    const list = await run('cookies', 'list', '--profile', 'bob');
    expect(list.code).toBe(0);
    const lines = list.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+VALUE\s+DOMAIN\s+PATH\s+EXPIRES\s+FLAGS\s+SOURCE$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^theme\\s+light\\s+127\\.0\\.0\\.1\\s+/\\s+session\\s+response [0-9a-f]{8} hop 0 \\(${server.url}/theme\\)$`,
      ),
    );
    expect(lines.slice(2)).toEqual(['']);
  });
});
