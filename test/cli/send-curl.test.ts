import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, cliEnv, tandem, tempWorkspace } from './helpers';

/**
 * `tandem send --curl FILE` against real curl (/usr/bin/curl): the same command, run by bash + curl
 * and by Tandem, must reach a raw loopback server with the same method, path, query, headers and
 * body bytes. Only what curl adds on its own (User-Agent: curl/…, Accept-Encoding) and the
 * connection headers are left out; a multipart boundary is random in both and compared as BOUNDARY.
 */

interface Captured {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

function captureServer() {
  const seen: Captured[] = [];
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method, target] = (head[0] ?? '').split(' ');
      const headers = head.slice(1).map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()] as [string, string];
      });
      const length = Number(headers.find(([n]) => n === 'content-length')?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      seen.push({
        method: method ?? '',
        target: target ?? '',
        headers,
        body: buf.subarray(end + 4, end + 4 + length),
      });
      socket.end(
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok',
      );
    });
  });
  return {
    seen,
    listen: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () =>
          r(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const IGNORED = new Set(['host', 'connection', 'accept-encoding', 'user-agent', 'keep-alive']);

function normalize(c: Captured, commandSetsUserAgent: boolean) {
  const type = c.headers.find(([n]) => n === 'content-type')?.[1] ?? '';
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  let body = c.body.toString('latin1');
  const fix = (s: string) => (boundary ? s.split(boundary).join('BOUNDARY') : s);
  body = fix(body);
  const headers = c.headers
    .filter(([n]) => !IGNORED.has(n) || (n === 'user-agent' && commandSetsUserAgent))
    .map(([n, v]) => [n, n === 'content-length' && boundary ? 'N' : fix(v)])
    .sort(
      (a, b) =>
        (a[0] as string).localeCompare(b[0] as string) || (a[1] as string).localeCompare(b[1] as string),
    );
  return { method: c.method, target: c.target, headers, body };
}

function runBash(file: string, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    execFile('bash', [file], { cwd, timeout: 15_000 }, (error) => resolve(error ? 1 : 0));
  });
}

const CASES: Array<[string, (url: string) => string]> = [
  [
    "Chrome's Copy as cURL (bash): $'…' quoting, many -H, -b, --data-raw, --compressed",
    (url) => `curl '${url}/api/items?page=2&q=a%20b' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-US,en;q=0.9,fr;q=0.8' \\
  -H 'content-type: application/json' \\
  -b 'sid=abc123; theme=dark' \\
  -H 'origin: http://127.0.0.1:3000' \\
  -H 'referer: http://127.0.0.1:3000/items' \\
  -H 'sec-ch-ua: "Chromium";v="120", "Not?A_Brand";v="24"' \\
  -H 'sec-fetch-mode: cors' \\
  -H $'x-note: it\\'s caf\\u00e9 \\x41' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' \\
  --data-raw $'{"name":"O\\'Brien","note":"line1\\nline2","tags":["a","b"]}' \\
  --compressed
`,
  ],
  [
    "Firefox's Copy as cURL: -X POST, Cookie header, form body",
    (
      url,
    ) => `curl '${url}/form?x=1' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'Connection: keep-alive' -H 'Cookie: a=1; b=2' --data-raw 'x=1&y=two+words&z=%C3%A9'
`,
  ],
  [
    '-d, --data-urlencode (all forms), --data-binary @file, -u',
    (
      url,
    ) => `curl ${url}/data -d a=1 -d 'b=2 3' --data-urlencode 'c=d e&f/é' --data-urlencode '=only value' --data-urlencode name@enc.txt --data-binary @body.txt -u 'user:p@ss:word'
`,
  ],
  [
    '-d @file drops CR and LF; -X PUT',
    (url) => `curl -X PUT "${url}/put" -d @lines.txt -H "X-Quoted: \\"double\\" \\$HOME"\n`,
  ],
  [
    '-G puts the data in the query',
    (url) => `curl -G ${url}/search?x=0 -d q=hello -d lang=en --data-urlencode 's=a b'\n`,
  ],
  ['--json', (url) => `curl ${url}/json --json '{"a":1,"b":[true,null]}'\n`],
  [
    'multipart: -F field, -F file with type, -F <file',
    (url) =>
      `curl ${url}/upload -F 'a=1' -F 'file=@upload.txt;type=text/plain' -F 'note=<note.txt' -F 'data=@data.json'\n`,
  ],
  [
    '-X DELETE, bearer header, -L, -k, -sS, bundled flags',
    (url) => `curl -sSL -k -X DELETE '${url}/items/7' -H 'Authorization: Bearer abc.def' -A 'my-agent/1.0'\n`,
  ],
  [
    '--data-binary @file alone (bytes as they are)',
    (url) => `curl ${url}/bin --data-binary @crlf.txt -H 'Content-Type: text/plain'\n`,
  ],
];

describe('tandem send --curl sends what curl sends', { timeout: 120_000 }, () => {
  const server = captureServer();
  let url = '';
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;

  beforeAll(async () => {
    assertBuilt();
    url = await server.listen();
    ws = await tempWorkspace();
    await writeFile(join(ws.root, 'body.txt'), 'raw\nbody & more');
    await writeFile(join(ws.root, 'enc.txt'), 'x y&z');
    await writeFile(join(ws.root, 'lines.txt'), 'a=1\r\n&b=2\n');
    await writeFile(join(ws.root, 'upload.txt'), 'hello file\n');
    await writeFile(join(ws.root, 'note.txt'), 'from a file');
    await writeFile(join(ws.root, 'data.json'), '{"k":"v"}');
    await writeFile(join(ws.root, 'crlf.txt'), 'one\r\ntwo\r\n\u00e9');
    expect((await tandem(ws.dataDir, ['profiles', 'create', 'alice'])).code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    await ws?.remove();
  });

  for (const [title, make] of CASES) {
    it(title, async () => {
      const file = join(ws.root, 'cmd.sh');
      const command = make(url);
      await writeFile(file, command);
      server.seen.length = 0;
      expect(await runBash(file, ws.root)).toBe(0);
      const viaCurl = server.seen.shift();
      const sent = await tandem(ws.dataDir, ['send', '--profile', 'alice', '--curl', 'cmd.sh'], {
        cwd: ws.root,
      });
      expect(sent.stderr.replace(/^tandem: note: .*\n/gm, '')).toBe('');
      expect(sent.code).toBe(0);
      const viaTandem = server.seen.shift();
      expect(viaCurl).toBeDefined();
      expect(viaTandem).toBeDefined();
      const agent = /user-agent|-A /i.test(command);
      expect(normalize(viaTandem as Captured, agent)).toEqual(normalize(viaCurl as Captured, agent));
    });
  }

  it('a missing file, a broken command, a URL with --curl: one line, exit 2', async () => {
    const bad = await tandem(ws.dataDir, ['send', '--curl', 'missing.sh'], { cwd: ws.root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tandem: Cannot read the curl command file missing.sh\n');
    await writeFile(
      join(ws.root, 'broken.sh'),
      `curl '${url}/x' \\\n  -H 'a: b' \\\n  --data-raw 'unclosed\n`,
    );
    const broken = await tandem(ws.dataDir, ['send', '--profile', 'alice', '--curl', 'broken.sh'], {
      cwd: ws.root,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(
      "tandem: Cannot read the curl command: line 3: a single quote (') is never closed\n",
    );
    const both = await tandem(ws.dataDir, ['send', `${url}/x`, '--curl', 'cmd.sh'], { cwd: ws.root });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^tandem: give either a URL or --curl, not both/);
    const mixed = await tandem(ws.dataDir, ['send', '--curl', 'cmd.sh', '-H', 'X-A: 1'], { cwd: ws.root });
    expect(mixed).toMatchObject({
      code: 2,
      stderr: 'tandem: -H cannot be used with --curl: put it in the curl command\n',
    });
  });

  it('--curl - reads standard input; --curl-cookies jar puts -b cookies in the jar; --print shows them', async () => {
    server.seen.length = 0;
    expect((await tandem(ws.dataDir, ['profiles', 'create', 'bob'])).code).toBe(0);
    const piped = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [CLI, '--data-dir', ws.dataDir, 'send', '--profile', 'bob', '--curl', '-', '--curl-cookies', 'jar'],
        { cwd: ws.root, env: cliEnv(join(ws.root, 'home')) },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stderr }));
      child.stdin.end(`curl '${url}/me' -b 'session=bob-s3cret'\n`);
    });
    expect(piped.stderr).toBe("tandem: 1 cookie put into bob's jar\n");
    expect(piped.code).toBe(0);
    expect(server.seen.shift()?.headers).toContainEqual(['cookie', 'session=bob-s3cret']);

    const printed = await tandem(ws.dataDir, ['send', '--profile', 'bob', '--print', 'curl', `${url}/me`]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`curl --request GET \\\n  --url ${url}/me`);
    expect(printed.stdout).toContain('--cookie session=bob-s3cret');
    expect(printed.stderr).toBe("tandem: the code carries bob's cookies (session): treat it as a secret\n");
    expect(server.seen).toEqual([]); // --print sends nothing

    for (const [target, needle] of [
      ['httpie', 'http GET'],
      ['fetch', "fetch('"],
      ['python', 'requests.get('],
    ] as const) {
      const out = await tandem(ws.dataDir, [
        'send',
        '--profile',
        'bob',
        '--print',
        target,
        `${url}/me`,
        '-H',
        'X-A: 1',
      ]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(needle);
      expect(out.stdout).toMatch(/session=bob-s3cret/);
    }
    const wrong = await tandem(ws.dataDir, ['send', '--print', 'cobol', `${url}/me`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe("tandem: --print takes curl, httpie, fetch, python, not 'cobol'\n");
  });
});
