import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlToRequest } from '../../../main/core/interop/curl';
import { TandemFailure } from '../../../main/shared/errors';

/** curl command → RequestSpec (the bytes themselves are checked against real curl in test/cli/send-curl.test.ts). */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-curl-'));
  await writeFile(path.join(dir, 'body.json'), '{"a":1}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('curlToRequest', () => {
  it("Chrome's copy: headers in order, -b as per-request cookies, JSON body typed, curl's no-redirect default", async () => {
    const { request, name, notes } = await curlToRequest(
      `curl 'https://api.example.com/v1/items?page=2' \\
  -H 'accept: application/json' \\
  -H 'content-type: application/json' \\
  -b 'sid=abc; theme=dark' \\
  --data-raw '{"name":"x"}' \\
  --compressed`,
      dir,
    );
    expect(name).toBe('POST /v1/items');
    expect(notes).toEqual([]);
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.example.com/v1/items?page=2',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'content-type', value: 'application/json' },
      ],
      body: { type: 'json', text: '{"name":"x"}' },
      cookies: [
        { name: 'sid', value: 'abc' },
        { name: 'theme', value: 'dark' },
      ],
      options: { followRedirects: false },
    });
  });

  it('-u, -k, -L, --max-redirs, -m, -x, -I, --json @file, -G, ignored options noted', async () => {
    const a = await curlToRequest(
      'curl -sS -u bob -k -L --max-redirs 3 -m 1.5 -x 127.0.0.1:3128 -I http://h/x -o out.txt',
      dir,
    );
    expect(a.request).toMatchObject({
      method: 'HEAD',
      auth: { type: 'basic', username: 'bob', password: '' },
      options: {
        followRedirects: true,
        maxRedirects: 3,
        insecure: true,
        timeoutMs: 1500,
        proxy: 'http://127.0.0.1:3128',
      },
    });
    expect(a.notes).toEqual([
      '-s has no effect in Tandem',
      '-S has no effect in Tandem',
      '-o has no effect in Tandem',
    ]);

    const b = await curlToRequest('curl http://h/j --json @body.json', dir);
    expect(b.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(b.request.body).toEqual({
      type: 'file',
      path: path.join(dir, 'body.json'),
      contentType: 'application/json',
    });

    const c = await curlToRequest("curl -G 'http://h/s?x=0#top' -d q=a --data-urlencode 'w=b c'", dir);
    expect(c.request).toMatchObject({
      method: 'GET',
      url: 'http://h/s?x=0&q=a&w=b+c',
      body: { type: 'none' },
    });
  });

  it('a missing @file and a bad command are one-line errors', async () => {
    await expect(curlToRequest('curl http://h -d @missing.txt', dir)).rejects.toThrow(
      `-d @missing.txt: cannot read the file ${path.join(dir, 'missing.txt')}`,
    );
    await expect(curlToRequest("curl 'http://h", dir)).rejects.toThrow(
      "Cannot read the curl command: line 1: a single quote (') is never closed",
    );
  });

  it('property: any command converts or fails with one TandemFailure line (10,000 cases)', async () => {
    const piece = fc.constantFrom(
      'curl ',
      'http://h/p?q=1 ',
      '-d a=1 ',
      '-d @body.json ',
      '--data-binary @nope ',
      '--data-urlencode x@body.json ',
      '-F f=@body.json ',
      '-F n=<body.json ',
      '-G ',
      '--json {} ',
      '-H "A: b" ',
      '-b a=1 ',
      '-u u:p ',
      '-X PUT ',
      '-k ',
      '-L ',
      '-m x ',
      "$'\\x41' ",
      "'",
      '\\\n',
    );
    const command = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
      fc.string({ maxLength: 60 }).map((s) => `curl http://h ${s}`),
    );
    await fc.assert(
      fc.asyncProperty(command, async (text) => {
        try {
          const out = await curlToRequest(text, dir);
          expect(typeof out.request.method).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(TandemFailure);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
