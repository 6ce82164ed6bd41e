import { describe, expect, it } from 'vitest';
import { errorLine, exitCodeFor } from '../../main/cli/exit';
import {
  formatCookieTable,
  formatResponse,
  parseJsonBody,
  responseJson,
  setLine,
} from '../../main/cli/format';
import {
  buildRequestSpec,
  detectCookieFormat,
  normalizeUrl,
  parseHeaderArg,
  type SendFlags,
  validateProfileName,
} from '../../main/cli/parse';
import { TandemFailure } from '../../main/shared/errors';
import type { ErrorCode, ResponseRecord } from '../../main/shared/types';

const flags = (over: Partial<SendFlags> = {}): SendFlags => ({
  header: [],
  form: [],
  multipart: [],
  cookie: [],
  cookieStore: true,
  follow: true,
  ...over,
});
const files = { cwd: '/work', isFile: (p: string) => p === '/work/body.json' };

function codeOf(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (e) {
    if (e instanceof TandemFailure) return e.code;
    throw e;
  }
}

describe('exit codes', () => {
  it('a refused connection or a timeout is a failed request (1); a typo is bad usage (2)', () => {
    expect(exitCodeFor('CONNECTION_REFUSED')).toBe(1);
    expect(exitCodeFor('TIMEOUT')).toBe(1);
    expect(exitCodeFor('TOO_MANY_REDIRECTS')).toBe(1);
    expect(exitCodeFor('TLS_FAILURE')).toBe(1);
    expect(exitCodeFor('UNKNOWN_PROFILE')).toBe(2);
    expect(exitCodeFor('INVALID_URL')).toBe(2);
    expect(exitCodeFor('INVALID_HEADER')).toBe(2);
    expect(exitCodeFor('INVALID_FILE')).toBe(2);
  });

  it('workspace trouble (a damaged or unreadable file) has its own code, 3', () => {
    expect(exitCodeFor('STORE_CORRUPT')).toBe(3);
    expect(exitCodeFor('STORE_IO')).toBe(3);
  });

  it('every error message becomes one stderr line without commander\'s "error:" prefix', () => {
    expect(errorLine("error: unknown option '--jsn'\n(Did you mean --json?)")).toBe(
      "tandem: unknown option '--jsn' (Did you mean --json?)",
    );
    expect(errorLine("Unknown profile 'carol'")).toBe("tandem: Unknown profile 'carol'");
  });
});

describe('what the user typed becomes a request', () => {
  it('a URL without a scheme gets http://, like HTTPie', () => {
    expect(normalizeUrl('localhost:8000/x')).toBe('http://localhost:8000/x');
    expect(normalizeUrl(':3000/a')).toBe('http://localhost:3000/a');
    expect(normalizeUrl('https://example.com')).toBe('https://example.com');
    expect(normalizeUrl('{{baseUrl}}/profile')).toBe('{{baseUrl}}/profile');
  });

  it('malformed URLs, headers, cookies and profile names are refused with the right code', () => {
    expect(codeOf(() => normalizeUrl('http://exa mple.com'))).toBe('INVALID_URL');
    expect(codeOf(() => normalizeUrl('ftp://example.com'))).toBe('INVALID_URL');
    expect(codeOf(() => normalizeUrl('http://'))).toBe('INVALID_URL');
    expect(codeOf(() => parseHeaderArg('NoColonHere'))).toBe('INVALID_HEADER');
    expect(codeOf(() => parseHeaderArg('Bad Name: x'))).toBe('INVALID_HEADER');
    expect(parseHeaderArg('X-Trace:  a: b ')).toEqual({ name: 'X-Trace', value: 'a: b' });
    expect(codeOf(() => buildRequestSpec('http://h', flags({ cookie: ['a;b=1'] }), files))).toBe(
      'INVALID_COOKIE',
    );
    expect(codeOf(() => buildRequestSpec('http://h', flags({ cookie: ['novalue'] }), files))).toBe(
      'INVALID_COOKIE',
    );
    expect(codeOf(() => validateProfileName('../etc'))).toBe('INVALID_PROFILE_NAME');
    expect(codeOf(() => validateProfileName('-x'))).toBe('INVALID_PROFILE_NAME');
    expect(validateProfileName('alice.v2_test-1')).toBe('alice.v2_test-1');
  });

  it('GET by default, POST once there is a body; -d @file sends the file; a missing file is refused', () => {
    expect(buildRequestSpec('http://h/x', flags(), files)).toEqual({
      method: 'GET',
      url: 'http://h/x',
      headers: [],
      body: { type: 'none' },
    });
    const form = buildRequestSpec(
      'http://h/login',
      flags({ form: ['username=alice', 'password=a=b'] }),
      files,
    );
    expect(form.method).toBe('POST');
    expect(form.body).toEqual({
      type: 'form',
      fields: [
        { name: 'username', value: 'alice' },
        { name: 'password', value: 'a=b' },
      ],
    });
    expect(buildRequestSpec('http://h', flags({ data: '@body.json', method: 'put' }), files)).toMatchObject({
      method: 'PUT',
      body: { type: 'file', path: '/work/body.json' },
    });
    expect(codeOf(() => buildRequestSpec('http://h', flags({ data: '@nope.json' }), files))).toBe(
      'INVALID_FILE',
    );
    expect(codeOf(() => buildRequestSpec('http://h', flags({ data: '{', jsonBody: true }), files))).toBe(
      'INVALID_BODY',
    );
    expect(codeOf(() => buildRequestSpec('http://h', flags({ data: 'x', form: ['a=1'] }), files))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('--no-cookie-store, --no-follow and --cookie land in the spec; nothing else is added', () => {
    const spec = buildRequestSpec(
      'http://h',
      flags({ cookieStore: false, follow: false, cookie: ['session=override'], timeout: 500 }),
      files,
    );
    expect(spec.options).toEqual({ cookieStore: false, followRedirects: false, timeoutMs: 500 });
    expect(spec.cookies).toEqual([{ name: 'session', value: 'override' }]);
  });

  it('cookie files: a JSON array is JSON, anything else is Netscape cookies.txt', () => {
    expect(detectCookieFormat('  [{"name":"a"}]')).toBe('json');
    expect(detectCookieFormat('# Netscape HTTP Cookie File\n')).toBe('netscape');
    expect(detectCookieFormat('#HttpOnly_localhost\tFALSE\t/\tFALSE\t0\ta\tb\n')).toBe('netscape');
  });
});

function record(over: Partial<ResponseRecord> = {}): ResponseRecord {
  const timings = { connect: 1, ttfb: 2, total: 3 };
  return {
    id: 'r1',
    profile: 'alice',
    request: { method: 'GET', url: 'http://127.0.0.1:9/cookies/set?session=abc123', headers: [] },
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: '{"cookies":{"session":"abc123"}}',
    bodyEncoding: 'utf8',
    contentType: 'application/json',
    size: 32,
    cookiesSent: [],
    cookiesSet: [],
    hops: [],
    timings,
    startedAt: '2026-11-23T14:00:00.000Z',
    ...over,
  };
}

describe('what the user reads', () => {
  it('a redirect shows the status line, pretty JSON, the cookie set on the hop and where it went', () => {
    const set = {
      raw: 'session=abc123; Path=/; HttpOnly',
      cookie: null,
      outcome: 'stored' as const,
    };
    const hop = (status: number, url: string, extra: object) => ({
      method: 'GET',
      url,
      status,
      statusText: '',
      headers: [] as Array<[string, string]>,
      cookieHeader: null,
      cookiesSent: [],
      cookiesSet: [],
      timings: { connect: 0, ttfb: 0, total: 0 },
      ...extra,
    });
    const text = formatResponse(
      record({
        cookiesSet: [set],
        hops: [
          hop(302, 'http://127.0.0.1:9/cookies/set?session=abc123', {
            headers: [['location', '/cookies']],
            cookiesSet: [set],
          }),
          hop(200, 'http://127.0.0.1:9/cookies', {
            cookiesSent: [{ name: 'session', value: 'abc123', source: 'jar' }],
          }),
        ],
      }),
      { color: false },
    );
    expect(text).toContain('HTTP/1.1 200 OK\ncontent-type: application/json\n\n{\n  "cookies": {');
    expect(text).toContain('← session=abc123  Path=/; HttpOnly  [stored]');
    expect(text).toContain('1. 302 GET http://127.0.0.1:9/cookies/set?session=abc123 → /cookies');
    expect(text).toContain('→ session=abc123 (jar)');
    expect(text).not.toContain('\u001b[');
  });

  it('a rejected cookie says why; --json parses a JSON body and keeps text as text', () => {
    expect(
      setLine(
        { color: false },
        { raw: 'a=1; Domain=com', cookie: null, outcome: 'rejected', reason: 'public suffix' },
      ),
    ).toBe('  ← a=1  Domain=com  [rejected: public suffix]');
    expect(responseJson(record()).body).toEqual({ cookies: { session: 'abc123' } });
    expect(parseJsonBody(record({ body: 'Hello, unknown!', contentType: 'text/plain' }))).toEqual({
      json: false,
    });
  });

  it('the cookie table shows domain cookies with a leading dot and session cookies as session', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const base = {
      path: '/',
      secure: false,
      sameSite: null,
      size: 0,
      source: { kind: 'edit' as const, at },
      values: [],
      warnings: [],
    };
    const table = formatCookieTable(
      [
        {
          ...base,
          name: 'session',
          value: 'x',
          domain: 'localhost',
          expires: null,
          hostOnly: true,
          httpOnly: true,
        },
        {
          ...base,
          name: 'theme',
          value: 'dark',
          domain: 'example.com',
          expires: '2030-01-01T00:00:00.000Z',
          hostOnly: false,
          httpOnly: false,
          sameSite: 'Lax',
        },
      ],
      'alice',
    );
    expect(table.split('\n')[0]).toMatch(/^NAME\s+VALUE\s+DOMAIN\s+PATH\s+EXPIRES\s+FLAGS\s+SOURCE$/);
    expect(table).toMatch(/session\s+x\s+localhost\s+\/\s+session\s+HttpOnly\s+edited by hand/);
    expect(table).toMatch(/theme\s+dark\s+\.example\.com\s+\/\s+2030-01-01T00:00:00.000Z\s+SameSite=Lax/);
    expect(formatCookieTable([], 'bob')).toBe("No cookies in profile 'bob'\n");
  });

  it('the cookie table marks a warned cookie with a yellow ! (colour on) and explains it under the table', () => {
    const warning = { code: 'session-secure' as const, message: 'Session-like cookie without Secure: why' };
    const cookie = {
      name: 'sid',
      value: 'x',
      domain: 'example.com',
      path: '/app',
      expires: null,
      hostOnly: false,
      secure: false,
      httpOnly: true,
      sameSite: null,
      size: 4,
      source: { kind: 'import' as const, at: '2026-01-01T00:00:00.000Z' },
      values: [],
      warnings: [warning],
    };
    const mark = '\u001b[33m!\u001b[39m';
    expect(formatCookieTable([cookie], 'alice', { color: true }).split('\n')).toEqual([
      '   NAME  VALUE  DOMAIN        PATH  EXPIRES  FLAGS     SOURCE',
      `${mark}  sid   x      .example.com  /app  session  HttpOnly  imported`,
      '',
      '\u001b[1mWarnings\u001b[22m',
      `  ${mark} sid (.example.com/app): Session-like cookie without Secure: why`,
      '',
    ]);
  });
});
