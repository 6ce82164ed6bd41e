import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurlSyntaxError, curlEscape, looksLikeCurl, parseCurl, shellWords } from '../../main/shared/curl';

const words = (s: string) => shellWords(s).map((w) => w.text);

describe('shellWords: bash quoting as browsers write it', () => {
  it("reads '…', \"…\", $'…', backslashes and line continuations", () => {
    expect(words(`curl 'a b' "c \\"d\\" \\$e" $'f\\'g\\n\\t\\x41\\u00e9\\101' h\\ i`)).toEqual([
      'curl',
      'a b',
      'c "d" $e',
      "f'g\n\tAéA",
      'h i',
    ]);
    expect(words("curl \\\n  -H 'a: b' \\\r\n  'u'")).toEqual(['curl', '-H', 'a: b', 'u']);
    expect(words(`curl ''  ""`)).toEqual(['curl', '', '']);
    expect(words(`curl x # a comment\n -k`)).toEqual(['curl', 'x', '-k']);
  });

  it("$'\\xc3\\xa9' is UTF-8 bytes (é); adjacent quoted parts join one word", () => {
    expect(words(`curl $'\\xc3\\xa9'"x"'y'z`)).toEqual(['curl', 'éxyz']);
  });

  it('says on which line a quote is left open, and refuses pipes and substitutions', () => {
    expect(() => shellWords("curl \\\n -d 'x")).toThrow("line 2: a single quote (') is never closed");
    expect(() => shellWords('curl x | jq')).toThrow(
      "line 1: '|' outside quotes: paste one curl command only",
    );
    expect(() => shellWords('curl $(cat f)')).toThrow(/not supported/);
    expect(() => shellWords('curl "x')).toThrow('line 1: a double quote (") is never closed');
  });
});

describe('parseCurl', () => {
  it("reads Chrome's Copy as cURL (bash)", () => {
    const p = parseCurl(`curl 'https://api.example.com/v1/items?page=2' \\
  -H 'accept: application/json' \\
  -H 'content-type: application/json' \\
  -b 'sid=abc; theme=dark' \\
  -H $'x-note: it\\'s' \\
  --data-raw $'{"name":"O\\'Brien"}' \\
  --compressed`);
    expect(p.url).toBe('https://api.example.com/v1/items?page=2');
    expect(p.headers).toEqual([
      { name: 'accept', value: 'application/json' },
      { name: 'content-type', value: 'application/json' },
      { name: 'x-note', value: "it's" },
    ]);
    expect(p.cookies).toEqual([
      { name: 'sid', value: 'abc' },
      { name: 'theme', value: 'dark' },
    ]);
    expect(p.data).toEqual([{ kind: 'raw', value: '{"name":"O\'Brien"}' }]);
    expect(p.compressed).toBe(true);
    expect(p.method).toBeNull();
  });

  it('bundled and attached short options, --opt=value, -u, -k, -L, -m, -x, -F forms', () => {
    const p = parseCurl(
      `curl -sSLk -XPATCH -H'X-A: 1' --header=X-B:2 -u bob:s3cret -m 2.5 --max-redirs 3 -x 127.0.0.1:3128 http://h/x -F 'f=@a.txt;type=text/csv;filename=b.csv' -F 'n=<note.txt' -F 'k=v'`,
    );
    expect(p).toMatchObject({
      method: 'PATCH',
      url: 'http://h/x',
      user: 'bob:s3cret',
      insecure: true,
      location: true,
      maxTimeSeconds: 2.5,
      maxRedirects: 3,
      proxy: '127.0.0.1:3128',
    });
    expect(p.headers).toEqual([
      { name: 'X-A', value: '1' },
      { name: 'X-B', value: '2' },
    ]);
    expect(p.form).toEqual([
      { kind: 'file', name: 'f', path: 'a.txt', filename: 'b.csv', contentType: 'text/csv' },
      { kind: 'fieldFromFile', name: 'n', path: 'note.txt' },
      { kind: 'field', name: 'k', value: 'v' },
    ]);
    expect(p.ignored).toEqual(['-s', '-S']);
  });

  it('clear one-line errors', () => {
    expect(() => parseCurl('wget http://x')).toThrow("the command must start with curl, not 'wget'");
    expect(() => parseCurl('curl -H')).toThrow('line 1: -H needs a value');
    expect(() => parseCurl('curl http://x \\\n --frobnicate')).toThrow(
      'line 2: unsupported curl option --frobnicate',
    );
    expect(() => parseCurl('curl -k')).toThrow('the curl command has no URL');
    expect(() => parseCurl('curl a b')).toThrow("more than one URL ('a' and 'b')");
    expect(() => parseCurl('curl x -b cookies.txt')).toThrow(/reading a cookie file is not supported/);
    expect(() => parseCurl('curl x -d a -F b=c')).toThrow('-d and -F cannot be used together');
  });

  it('looksLikeCurl and curlEscape', () => {
    expect(looksLikeCurl("curl 'http://x'")).toBe(true);
    expect(looksLikeCurl('  curl\thttp://x')).toBe(true);
    expect(looksLikeCurl('http://curl.se')).toBe(false);
    expect(curlEscape('a b&é~')).toBe('a+b%26%C3%A9~');
  });

  it('property: any input either parses or throws one CurlSyntaxError line (10,000 cases)', () => {
    const alphabet = fc.constantFrom(
      'curl ',
      ' ',
      '-H ',
      '-d ',
      '-F ',
      '-b ',
      '-X ',
      '--data-raw ',
      '--json ',
      '-u ',
      '-sSL',
      "'",
      '"',
      "$'",
      '\\',
      '\\\n',
      '\n',
      'a',
      '=',
      ':',
      ';',
      '@',
      '<',
      '|',
      '\\x4',
      '\\u00',
      'http://h/p?q=1',
      '#',
      '$(',
      '`',
      'é',
      '\u0000',
    );
    const command = fc.oneof(
      fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ maxLength: 80 }),
      fc.string({ maxLength: 60 }).map((s) => `curl ${s}`),
    );
    fc.assert(
      fc.property(command, (text) => {
        try {
          const p = parseCurl(text);
          expect(typeof p.url).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(CurlSyntaxError);
          const message = (e as Error).message;
          expect(message.length).toBeGreaterThan(0);
          expect(message.includes('\n')).toBe(false);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
