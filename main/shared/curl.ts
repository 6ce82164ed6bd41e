/**
 * A curl command line, as people paste it (Chrome's and Firefox's "Copy as cURL (bash)", a
 * README, a bug report), read the way bash and curl read it. Pure: no Node, no files. Files named
 * with `@file`/`<file` are kept as references; the core reads them (`main/core/interop/curl.ts`).
 *
 * Why not curlconverter: its public API only emits generated code/JSON/HAR, which lose what
 * `tandem send --curl` must keep byte for byte (`-d @file`, `-F type=`, `<file`, repeated
 * headers, `-k`), and it needs native tree-sitter builds with install scripts.
 */

export interface CurlWord {
  text: string;
  /** 1-based line of the command where the word starts. */
  line: number;
}

/** How a `-d`-family argument is turned into body bytes (curl's rules). */
export type CurlDataKind = 'ascii' | 'raw' | 'binary' | 'urlencode' | 'json';

export interface CurlData {
  kind: CurlDataKind;
  value: string;
}

export type CurlFormPart =
  | { kind: 'field'; name: string; value: string; contentType?: string }
  /** `name=<file`: the file's content as the field's value. */
  | { kind: 'fieldFromFile'; name: string; path: string; contentType?: string }
  | { kind: 'file'; name: string; path: string; filename?: string; contentType?: string };

export interface ParsedCurl {
  url: string;
  /** -X; null when curl would pick it (GET, POST with a body, HEAD with -I). */
  method: string | null;
  headers: Array<{ name: string; value: string }>;
  data: CurlData[];
  form: CurlFormPart[];
  /** -G: the data goes into the query string. */
  get: boolean;
  head: boolean;
  /** -u user[:password] */
  user: string | null;
  /** -b values that are cookie strings ('a=1; b=2'). */
  cookies: Array<{ name: string; value: string }>;
  compressed: boolean;
  insecure: boolean;
  location: boolean;
  maxRedirects: number | null;
  /** -m / --max-time, in seconds. */
  maxTimeSeconds: number | null;
  proxy: string | null;
  /** Options read but with no effect on the request (`--silent`, `-o FILE`…), named once each. */
  ignored: string[];
}

export class CurlSyntaxError extends Error {
  constructor(message: string) {
    // One line, whatever the command held: control characters are shown escaped.
    super(
      Array.from(message, (c) => {
        const code = c.charCodeAt(0);
        if (code >= 0x20 && code !== 0x7f) return c;
        return c === '\n' ? '\\n' : `\\x${code.toString(16).padStart(2, '0')}`;
      }).join(''),
    );
    this.name = 'CurlSyntaxError';
  }
}

const ANSI_SIMPLE: Record<string, number> = {
  a: 7,
  b: 8,
  e: 27,
  E: 27,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Splits a shell command into words: quotes, `$'…'`, backslashes and line continuations as bash does. */
export function shellWords(input: string): CurlWord[] {
  const words: CurlWord[] = [];
  let line = 1;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i] as string;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && (input[i + 1] === '\n' || (input[i + 1] === '\r' && input[i + 2] === '\n'))) {
      i += input[i + 1] === '\r' ? 3 : 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < n && input[i] !== '\n') i++;
      continue;
    }
    if (c === '|' || c === ';' || c === '&' || c === '<' || c === '>' || c === '(' || c === ')' || c === '`')
      throw new CurlSyntaxError(`line ${line}: '${c}' outside quotes: paste one curl command only`);
    const start = line;
    let text = '';
    let quoted = false;
    while (i < n) {
      const ch = input[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
      if (ch === '|' || ch === ';' || ch === '&' || ch === '<' || ch === '>' || ch === '(' || ch === ')')
        throw new CurlSyntaxError(`line ${line}: '${ch}' outside quotes: paste one curl command only`);
      if (ch === '`') throw new CurlSyntaxError(`line ${line}: command substitution is not supported`);
      if (ch === '\\') {
        const next = input[i + 1];
        if (next === undefined) throw new CurlSyntaxError(`line ${line}: the command ends with a backslash`);
        if (next === '\n') {
          line++;
          i += 2;
          continue;
        }
        text += next;
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = input.indexOf("'", i + 1);
        if (end === -1) throw new CurlSyntaxError(`line ${line}: a single quote (') is never closed`);
        const part = input.slice(i + 1, end);
        line += countNewlines(part);
        text += part;
        quoted = true;
        i = end + 1;
        continue;
      }
      if (ch === '$' && input[i + 1] === "'") {
        const read = ansiC(input, i + 2, line);
        text += read.text;
        line = read.line;
        quoted = true;
        i = read.end;
        continue;
      }
      if (ch === '$' && (input[i + 1] === '(' || input[i + 1] === '{'))
        throw new CurlSyntaxError(`line ${line}: shell expansion '$${input[i + 1]}' is not supported`);
      if (ch === '"') {
        const read = doubleQuoted(input, i + 1, line);
        text += read.text;
        line = read.line;
        quoted = true;
        i = read.end;
        continue;
      }
      text += ch;
      i++;
    }
    if (text !== '' || quoted) words.push({ text, line: start });
  }
  return words;
}

function countNewlines(s: string): number {
  let k = 0;
  for (const ch of s) if (ch === '\n') k++;
  return k;
}

function doubleQuoted(
  input: string,
  from: number,
  line0: number,
): { text: string; end: number; line: number } {
  let line = line0;
  let text = '';
  let i = from;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '"') return { text, end: i + 1, line };
    if (ch === '\n') line++;
    if (ch === '\\') {
      const next = input[i + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        i += 2;
        continue;
      }
      if (next === '\n') {
        line++;
        i += 2;
        continue;
      }
    }
    if (ch === '`' || (ch === '$' && (input[i + 1] === '(' || input[i + 1] === '{')))
      throw new CurlSyntaxError(`line ${line}: shell expansion inside double quotes is not supported`);
    text += ch;
    i++;
  }
  throw new CurlSyntaxError(`line ${line0}: a double quote (") is never closed`);
}

/** bash's `$'…'`: C escapes; \x and octal give bytes, read back as UTF-8. */
function ansiC(input: string, from: number, line0: number): { text: string; end: number; line: number } {
  let line = line0;
  const bytes: number[] = [];
  const pushText = (s: string) => {
    for (const b of encoder.encode(s)) bytes.push(b);
  };
  let i = from;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === "'") return { text: decoder.decode(new Uint8Array(bytes)), end: i + 1, line };
    if (ch === '\n') line++;
    if (ch !== '\\') {
      const cp = input.codePointAt(i) as number;
      const s = String.fromCodePoint(cp);
      pushText(s);
      i += s.length;
      continue;
    }
    const e = input[i + 1];
    if (e === undefined) break;
    if (e in ANSI_SIMPLE) {
      bytes.push(ANSI_SIMPLE[e] as number);
      i += 2;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(input.slice(i + 2, i + 4));
      if (!m) {
        pushText('\\x');
        i += 2;
      } else {
        bytes.push(Number.parseInt(m[0], 16));
        i += 2 + m[0].length;
      }
    } else if (e === 'u' || e === 'U') {
      const m = (e === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(input.slice(i + 2, i + 10));
      if (!m) {
        pushText(`\\${e}`);
        i += 2;
      } else {
        const cp = Number.parseInt(m[0], 16);
        pushText(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD');
        i += 2 + m[0].length;
      }
    } else if (e >= '0' && e <= '7') {
      const m = /^[0-7]{1,3}/.exec(input.slice(i + 1, i + 4)) as RegExpExecArray;
      bytes.push(Number.parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
    } else if (e === 'c' && input[i + 2] !== undefined) {
      bytes.push((input.charCodeAt(i + 2) & 0x1f) >>> 0);
      i += 3;
    } else {
      pushText(`\\${e}`);
      i += 2;
    }
  }
  throw new CurlSyntaxError(`line ${line0}: a $'…' string is never closed`);
}

type Handler = (p: ParsedCurl, value: string) => void;

/** Options that take a value, by every name curl accepts. */
const WITH_VALUE: Record<string, Handler> = {};
/** Options that take no value. */
const FLAGS: Record<string, (p: ParsedCurl) => void> = {};

function opt(names: string[], handler: Handler): void {
  for (const n of names) WITH_VALUE[n] = handler;
}
function flag(names: string[], handler: (p: ParsedCurl) => void): void {
  for (const n of names) FLAGS[n] = handler;
}

const data =
  (kind: CurlDataKind): Handler =>
  (p, v) => {
    p.data.push({ kind, value: v });
  };

opt(['-X', '--request'], (p, v) => {
  p.method = v;
});
opt(['-H', '--header'], (p, v) => {
  if (v.startsWith('@')) throw new CurlSyntaxError(`-H ${v}: reading headers from a file is not supported`);
  const semi = /^([^:;\s]+);\s*$/.exec(v);
  if (semi) {
    p.headers.push({ name: semi[1] as string, value: '' });
    return;
  }
  const colon = v.indexOf(':');
  if (colon <= 0) throw new CurlSyntaxError(`-H '${v}': a header is 'Name: value'`);
  const name = v.slice(0, colon).trim();
  const value = v.slice(colon + 1).trim();
  // curl: "Name:" with no value removes the header curl would add; there is nothing to send.
  if (value === '') return;
  p.headers.push({ name, value });
});
opt(['-A', '--user-agent'], (p, v) => {
  p.headers.push({ name: 'User-Agent', value: v });
});
opt(['-e', '--referer'], (p, v) => {
  p.headers.push({ name: 'Referer', value: v.replace(/;auto$/, '') });
});
opt(['-d', '--data', '--data-ascii'], data('ascii'));
opt(['--data-raw'], data('raw'));
opt(['--data-binary'], data('binary'));
opt(['--data-urlencode'], data('urlencode'));
opt(['--json'], data('json'));
opt(['-F', '--form'], (p, v) => {
  p.form.push(parseFormArg(v, false));
});
opt(['--form-string'], (p, v) => {
  p.form.push(parseFormArg(v, true));
});
opt(['-u', '--user'], (p, v) => {
  p.user = v;
});
opt(['-b', '--cookie'], (p, v) => {
  if (!v.includes('='))
    throw new CurlSyntaxError(
      `-b ${v}: reading a cookie file is not supported; import it into a profile's jar`,
    );
  for (const pair of v.split(';')) {
    const t = pair.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) throw new CurlSyntaxError(`-b: '${t}' is not name=value`);
    p.cookies.push({ name: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim() });
  }
});
opt(['--url'], (p, v) => {
  setUrl(p, v);
});
opt(['--max-redirs'], (p, v) => {
  p.maxRedirects = count(v, '--max-redirs');
});
opt(['-m', '--max-time'], (p, v) => {
  const s = Number(v);
  if (!Number.isFinite(s) || s < 0) throw new CurlSyntaxError(`--max-time '${v}' is not a number of seconds`);
  p.maxTimeSeconds = s;
});
opt(['-x', '--proxy'], (p, v) => {
  p.proxy = v;
});
for (const name of [
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-c',
  '--cookie-jar',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-D',
  '--dump-header',
  '--trace',
  '--trace-ascii',
  '--limit-rate',
  '--output-dir',
  '--stderr',
  '--resolve',
  '--connect-to',
  '--interface',
  '--cacert',
  '--capath',
])
  opt([name], (p) => {
    if (!p.ignored.includes(name)) p.ignored.push(name);
  });

flag(['--compressed'], (p) => {
  p.compressed = true;
});
flag(['-k', '--insecure'], (p) => {
  p.insecure = true;
});
flag(['-L', '--location', '--location-trusted'], (p) => {
  p.location = true;
});
flag(['-G', '--get'], (p) => {
  p.get = true;
});
flag(['-I', '--head'], (p) => {
  p.head = true;
});
for (const name of [
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '-f',
  '--fail',
  '--fail-with-body',
  '-g',
  '--globoff',
  '-N',
  '--no-buffer',
  '--http1.1',
  '--http1.0',
  '--http2',
  '--http2-prior-knowledge',
  '--tlsv1.2',
  '--tlsv1.3',
  '-#',
  '--progress-bar',
  '-O',
  '--remote-name',
  '--path-as-is',
  '--no-keepalive',
  '--tcp-nodelay',
  '-n',
  '--netrc',
])
  flag([name], (p) => {
    if (!p.ignored.includes(name)) p.ignored.push(name);
  });

function count(v: string, what: string): number {
  if (!/^-?\d+$/.test(v)) throw new CurlSyntaxError(`${what} '${v}' is not a whole number`);
  const n = Number(v);
  return n < 0 ? 100 : Math.min(n, 100);
}

function setUrl(p: ParsedCurl, v: string): void {
  if (p.url) throw new CurlSyntaxError(`more than one URL ('${p.url}' and '${v}'): paste one request`);
  if (v === '') throw new CurlSyntaxError('the URL is empty');
  p.url = v;
}

/** `-F name=value`, `name=@file;type=…;filename=…`, `name=<file`. */
export function parseFormArg(arg: string, literal: boolean): CurlFormPart {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new CurlSyntaxError(`-F '${arg}': a form part is 'name=value' or 'name=@file'`);
  const name = arg.slice(0, eq);
  const rest = arg.slice(eq + 1);
  if (literal) return { kind: 'field', name, value: rest };
  const first = rest[0];
  if (first === '@' || first === '<') {
    const [pathPart, ...params] = splitParams(rest.slice(1));
    const path = unquote(pathPart as string);
    if (!path) throw new CurlSyntaxError(`-F '${arg}': no file name after '${first}'`);
    let contentType: string | undefined;
    let filename: string | undefined;
    for (const prm of params) {
      const [k, ...vs] = prm.split('=');
      const val = unquote(vs.join('='));
      if (k?.trim() === 'type') contentType = val;
      else if (k?.trim() === 'filename') filename = val;
    }
    if (first === '<') return { kind: 'fieldFromFile', name, path, ...(contentType ? { contentType } : {}) };
    return {
      kind: 'file',
      name,
      path,
      ...(filename !== undefined ? { filename } : {}),
      ...(contentType ? { contentType } : {}),
    };
  }
  const [value, ...params] = splitParams(rest);
  let contentType: string | undefined;
  for (const prm of params) {
    const [k, ...vs] = prm.split('=');
    if (k?.trim() === 'type') contentType = unquote(vs.join('='));
  }
  // A ';' that is not followed by a known parameter belongs to the value (curl does the same).
  const known = params.every((prm) => /^\s*(type|filename|headers|encoder)=/.test(prm));
  if (!known) return { kind: 'field', name, value: rest };
  return { kind: 'field', name, value: unquote(value as string), ...(contentType ? { contentType } : {}) };
}

function splitParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '"') inQuote = !inQuote;
    if (ch === ';' && !inQuote) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

/** Reads a curl command. Throws CurlSyntaxError with a one-line, line-precise message. */
export function parseCurl(command: string): ParsedCurl {
  const words = shellWords(command.replace(/^\uFEFF/, ''));
  let k = 0;
  while (k < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test((words[k] as CurlWord).text)) k++; // VAR=x curl …
  const first = words[k];
  if (!first) throw new CurlSyntaxError('the command is empty');
  if (!/^(.*\/)?curl(\.exe)?$/.test(first.text))
    throw new CurlSyntaxError(
      `line ${first.line}: the command must start with curl, not '${first.text.slice(0, 40)}'`,
    );
  const p: ParsedCurl = {
    url: '',
    method: null,
    headers: [],
    data: [],
    form: [],
    get: false,
    head: false,
    user: null,
    cookies: [],
    compressed: false,
    insecure: false,
    location: false,
    maxRedirects: null,
    maxTimeSeconds: null,
    proxy: null,
    ignored: [],
  };
  let onlyUrls = false;
  for (let i = k + 1; i < words.length; i++) {
    const w = words[i] as CurlWord;
    const t = w.text;
    const at = `line ${w.line}`;
    try {
      if (onlyUrls || !t.startsWith('-') || t === '-') {
        setUrl(p, t);
        continue;
      }
      if (t === '--') {
        onlyUrls = true;
        continue;
      }
      if (t.startsWith('--')) {
        const eq = t.indexOf('=');
        const name = eq > 0 && WITH_VALUE[t.slice(0, eq)] ? t.slice(0, eq) : t;
        const withValue = WITH_VALUE[name];
        if (withValue) {
          let value: string;
          if (name !== t) value = t.slice(eq + 1);
          else {
            const next = words[++i];
            if (!next) throw new CurlSyntaxError(`${name} needs a value`);
            value = next.text;
          }
          withValue(p, value);
          continue;
        }
        const f = FLAGS[t];
        if (f) {
          f(p);
          continue;
        }
        if (t.startsWith('--no-') && FLAGS[`--${t.slice(5)}`]) continue;
        throw new CurlSyntaxError(`unsupported curl option ${t}`);
      }
      // Short options, possibly bundled (-sSL) or with the value attached (-XPOST, -H'a: b').
      for (let j = 1; j < t.length; j++) {
        const name = `-${t[j]}`;
        const withValue = WITH_VALUE[name];
        if (withValue) {
          let value = t.slice(j + 1);
          if (value === '') {
            const next = words[++i];
            if (!next) throw new CurlSyntaxError(`${name} needs a value`);
            value = next.text;
          }
          withValue(p, value);
          break;
        }
        const f = FLAGS[name];
        if (!f) throw new CurlSyntaxError(`unsupported curl option ${name}`);
        f(p);
      }
    } catch (e) {
      if (e instanceof CurlSyntaxError) throw new CurlSyntaxError(`${at}: ${e.message}`);
      throw e;
    }
  }
  if (!p.url) throw new CurlSyntaxError('the curl command has no URL');
  if (p.data.length > 0 && p.form.length > 0)
    throw new CurlSyntaxError('-d and -F cannot be used together (curl refuses it too)');
  return p;
}

/** True when a text looks like a curl command (what the URL bar checks on paste). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(\$\s+)?curl(\.exe)?\s/.test(text);
}

/**
 * curl's encoding for --data-urlencode (checked against curl 7.88): ALPHA DIGIT - . _ ~ stay, a
 * space becomes '+', every other UTF-8 byte becomes %XX.
 */
export function curlEscape(text: string): string {
  let out = '';
  for (const b of encoder.encode(text)) {
    const c = String.fromCharCode(b);
    out +=
      c === ' ' ? '+' : /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
