import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileJar } from '../../../main/core/cookies/jar';
import { parseJsonCookies, parseNetscape, toJson, toNetscape } from '../../../main/core/cookies/transfer';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { TandemFailure } from '../../../main/shared/errors';
import { startServer, tempDir } from '../store/helpers';

const run = promisify(execFile);
const curl = await run('curl', ['--version']).then(
  () => true,
  () => false,
);

function jarWithCookies(): ProfileJar {
  const jar = new ProfileJar();
  jar.storeSetCookie('sid=abc123; Path=/; HttpOnly', 'http://localhost/login');
  jar.storeSetCookie('theme=dark; Max-Age=3600; Path=/app; Secure', 'https://localhost/');
  jar.set({ name: 'wide', value: 'x y', domain: '.example.com', path: '/' });
  return jar;
}

function failureOf(fn: () => unknown): TandemFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof TandemFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('cookies.txt (Netscape) as curl writes it', () => {
  it('writes the header, #HttpOnly_ prefix, leading dots for domain cookies and epoch expiry', () => {
    const text = toNetscape(jarWithCookies().list());
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Netscape HTTP Cookie File');
    expect(text).toContain('#HttpOnly_localhost\tFALSE\t/\tFALSE\t0\tsid\tabc123\n');
    expect(text).toContain('.example.com\tTRUE\t/\tFALSE\t0\twide\tx y\n');
    const theme = lines.find((l) => l.includes('\ttheme\t'))!.split('\t');
    expect(theme.slice(0, 4)).toEqual(['localhost', 'FALSE', '/app', 'TRUE']);
    expect(Math.abs(Number(theme[4]) - (Date.now() / 1000 + 3600))).toBeLessThan(120);
  });

  it('round-trips every attribute it can carry', () => {
    const original = jarWithCookies().list();
    const back = new ProfileJar();
    for (const c of parseNetscape(toNetscape(original))) back.set(c);
    const strip = (l: typeof original) =>
      l.map(({ creation: _c, sameSite: _s, expires, ...rest }) => ({
        ...rest,
        expires: expires ? Math.floor(Date.parse(expires) / 1000) : null,
      }));
    expect(strip(back.list())).toEqual(strip(original));
  });

  it('round-trips through JSON too, SameSite included', () => {
    const jar = jarWithCookies();
    jar.set({ name: 'strict', value: '1', domain: 'localhost', sameSite: 'Strict' });
    const back = new ProfileJar();
    for (const c of parseJsonCookies(toJson(jar.list()))) back.set(c);
    const strip = (l: ReturnType<ProfileJar['list']>) => l.map(({ creation: _c, ...rest }) => rest);
    expect(strip(back.list())).toEqual(strip(jar.list()));
  });

  it('a bad line names itself and nothing is imported', () => {
    const text = [
      '# Netscape HTTP Cookie File',
      '',
      'localhost\tFALSE\t/\tFALSE\t0\tok\t1',
      'localhost\tFALSE\t/\tFALSE\t0\tbroken',
    ].join('\n');
    const f = failureOf(() => parseNetscape(text));
    expect(f.code).toBe('INVALID_FILE');
    expect(f.message).toBe('cookies.txt line 4: expected 7 tab-separated fields, found 6');
    expect(failureOf(() => parseNetscape('localhost\tYES\t/\tFALSE\t0\ta\tb')).message).toBe(
      'cookies.txt line 1: the second field (include subdomains) must be TRUE or FALSE, not "YES"',
    );
    expect(failureOf(() => parseNetscape('localhost\tFALSE\t/\tFALSE\tsoon\ta\tb')).message).toMatch(
      /line 1: expiry/,
    );
    expect(failureOf(() => parseNetscape('localhost\tFALSE\t/\tFALSE\t0\ta;b\tc')).message).toMatch(
      /^cookies.txt line 1: Invalid cookie name "a;b"/,
    );
    expect(failureOf(() => parseJsonCookies('[{"name":"a","value":"b"}]')).message).toMatch(
      /^cookies.json item 1 at domain: /,
    );
    expect(failureOf(() => parseJsonCookies('{')).code).toBe('INVALID_FILE');
  });

  it('leaves out cookies that have already expired', () => {
    expect(parseNetscape('localhost\tFALSE\t/\tFALSE\t1000\told\tx\n')).toEqual([]);
  });
});

describe('import and export through a profile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let tandem: Tandem;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    tandem = await createTandem({ dataDir: dir, host: 'cli' });
    await tandem['profiles.create']({ name: 'alice' });
  });
  afterEach(async () => {
    await tandem.close();
    await cleanup();
  });

  it('a file with one bad line leaves alice’s jar exactly as it was', async () => {
    await tandem['cookies.set']({
      profile: 'alice',
      cookie: { name: 'keep', value: '1', domain: 'localhost' },
    });
    const r = await tandem['cookies.import']({
      profile: 'alice',
      format: 'netscape',
      text: 'localhost\tFALSE\t/\tFALSE\t0\tnew\t1\nlocalhost\tFALSE\t/\tMAYBE\t0\tbad\t1\n',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_FILE',
        message: 'cookies.txt line 2: the fourth field (secure) must be TRUE or FALSE, not "MAYBE"',
      },
    });
    const list = await tandem['cookies.list']({ profile: 'alice' });
    expect(list.ok && list.value.map((c) => c.name)).toEqual(['keep']);
  });

  const curlTitle = "imports curl's own -c output, and curl reads Tandem's export back";
  it.skipIf(!curl)(curl ? curlTitle : `${curlTitle} (skipped: curl is not installed)`, async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/login') {
        res.setHeader('Set-Cookie', [
          'sid=abc123; Path=/; HttpOnly',
          'theme=dark; Max-Age=3600; Path=/',
          'lang=en; Path=/docs',
        ]);
        res.end('ok');
      } else res.end(req.headers.cookie ?? '');
    });
    try {
      const port = new URL(server.url).port;
      const curlJar = path.join(dir, 'curl-cookies.txt');
      await run('curl', ['-s', '-c', curlJar, `http://127.0.0.1:${port}/login`]);
      const text = await fs.readFile(curlJar, 'utf8');
      expect(text).toContain('#HttpOnly_127.0.0.1');

      const imported = await tandem['cookies.import']({ profile: 'alice', format: 'netscape', text });
      expect(imported).toEqual({ ok: true, value: { imported: 3, rejected: [] } });
      const list = await tandem['cookies.list']({ profile: 'alice' });
      if (!list.ok) throw new Error(list.error.message);
      const byName = Object.fromEntries(list.value.map((c) => [c.name, c]));
      expect(byName.sid).toMatchObject({
        value: 'abc123',
        domain: '127.0.0.1',
        httpOnly: true,
        hostOnly: true,
        expires: null,
      });
      expect(byName.lang).toMatchObject({ path: '/docs', httpOnly: false });
      expect(byName.theme.expires).not.toBeNull();

      const exported = await tandem['cookies.export']({ profile: 'alice', format: 'netscape' });
      if (!exported.ok) throw new Error(exported.error.message);
      const ours = path.join(dir, 'tandem-cookies.txt');
      await fs.writeFile(ours, exported.value.text);
      const { stdout } = await run('curl', ['-s', '-b', ours, `http://127.0.0.1:${port}/docs/page`]);
      expect(stdout.split('; ').sort()).toEqual(['lang=en', 'sid=abc123', 'theme=dark']);
    } finally {
      await server.close();
    }
  });
});
